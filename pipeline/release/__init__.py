"""The published release: every file of ``warehouse/exports/``, generated from schemas and provenance.

Pure modules, one job each: ``info`` (release.yaml and version), ``spec``
(pandera model → published table description), ``frames`` (validated, sorted
rows), ``writers`` (CSV and Parquet bytes), ``csv_safety``, ``licences``,
``datapackage``, ``dictionary``, ``citation``, ``changelog``, ``charts``,
``page``, ``checksums``; ``build`` puts them together. Writing the files to
disk, all or nothing, is ``pipeline.release.publish``.
"""
