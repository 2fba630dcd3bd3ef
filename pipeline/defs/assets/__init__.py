"""Dagster assets, one module per table (``marts.py`` for every table built by SQL) and ``exports`` for the release.

Each is thin: read through ``pipeline.store``, compute with the pure packages,
write through ``pipeline.store``, and record the same metadata.
"""
