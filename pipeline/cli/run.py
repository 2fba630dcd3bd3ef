"""``python -m pipeline run``: materialise every asset, then say where the results are."""

from __future__ import annotations

import sys

from pipeline.common import settings


def run_all() -> int:
    """Materialise the whole asset graph in process; return 0 on success, 1 on failure."""
    from pipeline.defs.runs import run_all_assets

    outcome = run_all_assets()
    for run_id in outcome.released_runs:
        print(f"note: run {run_id} was left in progress by a process that died; marked failed, its slot freed")
    if not outcome.success:
        for message in outcome.failures:
            print(f"error: {message}", file=sys.stderr)
        print("run failed; the previous warehouse and exports are unchanged", file=sys.stderr)
        return 1
    print(f"DuckDB warehouse: {settings.duckdb_path()}")
    print(f"Release (CSV, Parquet, datapackage.json; open index.html): {settings.exports_dir()}")
    return 0
