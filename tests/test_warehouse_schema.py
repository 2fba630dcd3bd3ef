"""The DuckDB warehouse as a DuckDB user sees it: the models' types, NOT NULL and keys, in DuckDB 1.x's format."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from pipeline.store.ddl import duckdb_type, primary_key
from pipeline.store.storage import STORAGE_NUMBER, storage_number
from schemas import SCHEMAS
from tests.conftest import Project


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_every_column_has_the_models_type_and_nullability(seeded_project: Project, table: str) -> None:
    schema = SCHEMAS[table].to_schema()
    stored = {
        name: (data_type, nullable)
        for name, data_type, nullable in seeded_project.query(
            "select column_name, data_type, is_nullable = 'YES' from information_schema.columns "
            "where table_name = ? order by ordinal_position",
            [table],
        )
    }
    expected = {
        name: (duckdb_type(table, name, column.dtype), column.nullable and name not in primary_key(SCHEMAS[table]))
        for name, column in schema.columns.items()
    }
    assert stored == expected


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_every_table_declares_its_primary_key(seeded_project: Project, table: str) -> None:
    keys = seeded_project.query(
        "select constraint_column_names from duckdb_constraints() "
        "where table_name = ? and constraint_type = 'PRIMARY KEY'",
        [table],
    )
    assert keys == [(list(primary_key(SCHEMAS[table])),)]


def test_duckdb_itself_refuses_a_row_that_repeats_a_key(seeded_project: Project, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(seeded_project.database.read_bytes())
    with duckdb.connect(str(copy)) as conn, pytest.raises(duckdb.ConstraintException):
        conn.execute("insert into mentions select * from mentions limit 1")


def test_periods_publication_dates_and_lists_have_real_types(seeded_project: Project) -> None:
    ((kind, geography, period),) = seeded_project.query(
        "select kind, geography, period_start from mentions where mention_id = '004_2e8b6a177bdcb179:9504-9511'"
    )
    assert (kind, geography, period.isoformat()) == ("count", ["NCA", "USA"], "2021-01-01")
    published = seeded_project.query(
        "select published, published_precision from documents where published_precision = 'month'"
    )
    assert published == [(date(2021, 11, 1), "month")]


def test_a_date_mention_has_an_iso_date_and_no_value(seeded_project: Project) -> None:
    rows = seeded_project.query("select value, iso_date from mentions where kind = 'date'")
    assert rows and all(value is None and len(iso) in (7, 10) for value, iso in rows)
    assert seeded_project.query("select count(*) from mentions where kind <> 'date' and value is null") == [(0,)]


def test_a_warehouse_in_a_newer_storage_format_is_converted_by_the_next_run(project: Project) -> None:
    project.database.parent.mkdir(parents=True)
    with duckdb.connect(str(project.database)) as conn:  # DuckDB 2.0's own default format
        conn.execute("create table leftover (x integer)")
    assert storage_number(project.database) != STORAGE_NUMBER
    assert project.materialise().success
    assert storage_number(project.database) == STORAGE_NUMBER
    assert project.query("select count(*) from mentions")[0][0] > 0
