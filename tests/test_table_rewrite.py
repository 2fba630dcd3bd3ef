"""Keeping some rows of a warehouse table and adding new ones (``tables.rewrite_keeping``), on a real DuckDB file.

Incremental steps keep the rows of what did not change (documents, their mentions) and add what did; a
table already in the model's layout is changed in place, any other is written anew in that layout.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from pipeline.store.ddl import column_definitions, create_table_sql
from pipeline.store.tables import rewrite_keeping
from schemas import INTERNAL_SCHEMAS

SHA = "a" * 64
MODEL = INTERNAL_SCHEMAS["extraction_state"]


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(tmp_path / "figures.duckdb"))
    yield connection
    connection.close()


def stage(conn: duckdb.DuckDBPyConnection, *rows: tuple[str, int]) -> None:
    conn.execute(
        "create or replace temporary table _incoming "
        "(doc_id varchar, sha256 varchar, extractor varchar, n_mentions bigint)"
    )
    for doc_id, n in rows:
        conn.execute("insert into _incoming values (?, ?, ?, ?)", [doc_id, SHA, SHA, n])


def fill(conn: duckdb.DuckDBPyConnection, *rows: tuple[str, int]) -> None:
    stage(conn, *rows)
    rewrite_keeping(conn, "extraction_state", "doc_id", [], "_incoming", ["doc_id"])


def contents(conn: duckdb.DuckDBPyConnection) -> list[tuple[str, int]]:
    return conn.execute("select doc_id, n_mentions from extraction_state order by doc_id").fetchall()


def layout(conn: duckdb.DuckDBPyConnection) -> list[tuple[str, str, bool]]:
    rows = conn.execute(
        "select column_name, data_type, is_nullable = 'NO' from information_schema.columns "
        "where table_name = 'extraction_state' order by ordinal_position"
    ).fetchall()
    return [tuple(r) for r in rows]


def test_an_absent_table_is_created_in_the_models_layout_with_the_new_rows(conn: duckdb.DuckDBPyConnection) -> None:
    fill(conn, ("b", 2), ("a", 1))
    assert contents(conn) == [("a", 1), ("b", 2)]
    assert layout(conn) == column_definitions(MODEL)


def test_kept_rows_stay_the_others_go_and_the_new_ones_are_added(conn: duckdb.DuckDBPyConnection) -> None:
    fill(conn, ("a", 1), ("b", 2), ("c", 3))
    stage(conn, ("b", 20), ("d", 4))  # b extracted again, d new, c gone
    rewrite_keeping(conn, "extraction_state", "doc_id", ["a"], "_incoming", ["doc_id"])
    assert contents(conn) == [("a", 1), ("b", 20), ("d", 4)]


def test_a_table_in_the_models_layout_is_changed_in_place(conn: duckdb.DuckDBPyConnection) -> None:
    fill(conn, ("a", 1), ("b", 2))
    table_oid = conn.execute("select table_oid from duckdb_tables() where table_name = 'extraction_state'").fetchone()
    stage(conn, ("c", 3))
    rewrite_keeping(conn, "extraction_state", "doc_id", ["a", "b"], "_incoming", ["doc_id"])
    assert (
        conn.execute("select table_oid from duckdb_tables() where table_name = 'extraction_state'").fetchone()
        == table_oid
    )
    assert contents(conn) == [("a", 1), ("b", 2), ("c", 3)]


def test_a_table_of_another_layout_is_written_anew_in_the_models_layout(conn: duckdb.DuckDBPyConnection) -> None:
    loose = create_table_sql("extraction_state", MODEL).replace(" NOT NULL", "")  # an older model: no NOT NULL
    conn.execute(loose)
    conn.execute("insert into extraction_state values ('a', ?, ?, 1), ('b', ?, ?, 2)", [SHA, SHA, SHA, SHA])
    stage(conn, ("c", 3))
    rewrite_keeping(conn, "extraction_state", "doc_id", ["a"], "_incoming", ["doc_id"])
    assert layout(conn) == column_definitions(MODEL)
    assert contents(conn) == [("a", 1), ("c", 3)]


def test_a_repeated_key_is_refused_and_the_transaction_keeps_the_table(conn: duckdb.DuckDBPyConnection) -> None:
    fill(conn, ("a", 1))
    stage(conn, ("a", 5))  # a kept and also given again
    conn.execute("begin transaction")
    with pytest.raises(duckdb.ConstraintException):
        rewrite_keeping(conn, "extraction_state", "doc_id", ["a"], "_incoming", ["doc_id"])
    conn.execute("rollback")
    assert contents(conn) == [("a", 1)]
