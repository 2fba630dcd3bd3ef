"""Migration figures: documents in, an open dataset of the figures they cite out.

Kept import-light on purpose: ``python -m pipeline extract`` must start fast, so
nothing here imports Dagster, pandas or DuckDB.
"""
