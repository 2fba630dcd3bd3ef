"""The sources folder: documents and their provenance read and verified, and ``add-source``.

Every check runs before a document is handed to the pipeline, so that bad
input stops a run before anything stored is touched. No Dagster, no DuckDB.
"""
