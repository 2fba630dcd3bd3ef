"""The warehouse resource releases the DuckDB file even when a step fails while holding it."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.defs.resources import WarehouseResource


def test_a_failing_step_does_not_leave_the_warehouse_open(tmp_path: Path) -> None:
    database = tmp_path / "figures.duckdb"
    resource = WarehouseResource(database=str(database))

    with pytest.raises(RuntimeError, match="step failed"), resource.get_connection() as conn:
        conn.execute("create table t as select 1 as a")
        raise RuntimeError("step failed")

    with duckdb.connect(str(database), read_only=True) as reader:
        assert reader.execute("select a from t").fetchall() == [(1,)]
