"""The DuckDB warehouse: reading and writing tables, running the SQL under ``warehouse/``, typed frames,
incremental-extraction bookkeeping and pandera validation. No Dagster here.
"""
