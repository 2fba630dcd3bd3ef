"""Corroboration kept group by group: the figures it keeps between runs are those it would find from scratch.

Each test works on a copy of the seeded warehouse (real DuckDB, the seeds' real mentions), changes
``mentions`` the way runs do (a document added, one removed, figures enriched differently), brings
the figures up to date, and compares them with a fresh computation over every group.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from pipeline.store import citations as figure_state
from pipeline.store.citations import update_figure_members
from tests.conftest import Project


@pytest.fixture
def warehouse(seeded_project: Project, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    copy = tmp_path / "figures.duckdb"
    shutil.copy(seeded_project.database, copy)
    conn = duckdb.connect(str(copy))
    conn.execute("drop table if exists figure_groups; drop table if exists figure_members")
    update_figure_members(conn)
    yield conn
    conn.close()


def members(conn: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    return conn.execute("select mention_id, figure_id from figure_members order by all").fetchall()


def from_scratch(conn: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """The figures found over every group, with no state kept from before (on a throw-away copy)."""
    conn.execute("create or replace temporary table _kept_groups as select * from figure_groups")
    conn.execute("create or replace temporary table _kept_members as select * from figure_members")
    conn.execute("delete from figure_groups; delete from figure_members")
    update_figure_members(conn)
    fresh = members(conn)
    conn.execute("delete from figure_groups; insert into figure_groups select * from _kept_groups")
    conn.execute("delete from figure_members; insert into figure_members select * from _kept_members")
    return fresh


def add_copy_of(conn: duckdb.DuckDBPyConnection, doc_id: str, new_id: str) -> None:
    """A new document citing every figure ``doc_id`` cites (as a press release repeats its report)."""
    conn.execute(
        "insert into mentions select * replace (? as doc_id, ? || substr(mention_id, length(doc_id) + 1) "
        "as mention_id) from mentions where doc_id = ?",
        [new_id, new_id, doc_id],
    )


def first_document(conn: duckdb.DuckDBPyConnection) -> str:
    return conn.execute("select min(doc_id) from mentions").fetchone()[0]


def test_a_run_with_nothing_changed_links_no_group_again(warehouse: duckdb.DuckDBPyConnection) -> None:
    before = members(warehouse)
    assert update_figure_members(warehouse) == 0
    assert members(warehouse) == before


def test_an_added_document_links_only_its_groups_and_finds_the_figures_it_shares(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    groups = warehouse.execute("select count(*) from figure_groups").fetchone()[0]
    add_copy_of(warehouse, first_document(warehouse), "zz_added")
    linked = update_figure_members(warehouse)
    assert 0 < linked < groups
    assert warehouse.execute("select count(*) from figure_members where mention_id like 'zz_added%'").fetchone()[0]
    assert members(warehouse) == from_scratch(warehouse)


def test_a_removed_document_takes_its_figures_with_it(warehouse: duckdb.DuckDBPyConnection) -> None:
    doc = first_document(warehouse)
    add_copy_of(warehouse, doc, "zz_copy")
    update_figure_members(warehouse)
    warehouse.execute("delete from mentions where doc_id = 'zz_copy'")
    update_figure_members(warehouse)
    assert not warehouse.execute("select 1 from figure_members where mention_id like 'zz_copy%'").fetchall()
    assert members(warehouse) == from_scratch(warehouse)


def test_figures_enriched_differently_are_linked_again(warehouse: duckdb.DuckDBPyConnection) -> None:
    add_copy_of(warehouse, first_document(warehouse), "zz_copy")
    update_figure_members(warehouse)
    shared = warehouse.execute("select count(*) from figure_members where mention_id like 'zz_copy%'").fetchone()[0]
    warehouse.execute("update mentions set subject = 'something else entirely' where doc_id = 'zz_copy'")
    warehouse.execute(
        "update mentions set period_start = date '1900-01-01', period_end = date '1900-12-31' "
        "where doc_id = 'zz_copy' and kind = 'percent'"
    )
    assert update_figure_members(warehouse) > 0
    after = warehouse.execute("select count(*) from figure_members where mention_id like 'zz_copy%'").fetchone()[0]
    assert after < shared
    assert members(warehouse) == from_scratch(warehouse)


def test_a_change_of_the_linking_rules_links_every_group_again(
    warehouse: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    groups = warehouse.execute("select count(*) from figure_groups").fetchone()[0]
    monkeypatch.setattr(figure_state, "rules_fingerprint", lambda: "0" * 64)
    assert update_figure_members(warehouse) == groups
