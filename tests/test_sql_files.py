"""The SQL under warehouse/: one file per derived table and per check, found by globbing, described by its header."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipeline.common.vocabulary import STATISTICAL_KINDS
from pipeline.defs.definitions import defs
from pipeline.store.sql import CHECKS_DIR, check_files, mart_files, parameters_of, run_query, tables_read
from schemas import SCHEMAS

GRAPH = defs.resolve_asset_graph()


def test_every_sql_file_of_warehouse_is_an_asset_with_a_pandera_model() -> None:
    marts = mart_files()
    assert sorted(marts) == ["corroboration", "document_stats", "mention_places"]
    for name in marts:
        assert name in SCHEMAS
        assert f"warehouse/{name}.sql" in (GRAPH.get(_key(name)).description or "")


def test_a_marts_dependencies_are_the_tables_its_sql_reads() -> None:
    for name, path in mart_files().items():
        parents = sorted(k.to_user_string() for k in GRAPH.get(_key(name)).parent_keys)
        assert parents == tables_read(path.read_text(encoding="utf-8"), SCHEMAS)


def test_tables_read_ignores_ctes_comments_and_unknown_names() -> None:
    sql = '-- from claim_checks\nwith x as (select * from mentions) select * from x join "documents" using (doc_id)'
    assert tables_read(sql, SCHEMAS) == ["documents", "mentions"]


def test_every_check_file_is_a_blocking_check_of_its_folders_table() -> None:
    checks = {(k.asset_key.to_user_string(), k.name) for k in GRAPH.asset_check_keys}
    files = sorted(CHECKS_DIR.glob("*/*.sql"))
    assert files
    for path in files:
        assert (path.parent.name, f"{path.parent.name}_{path.stem}") in checks


def test_a_new_check_file_is_discovered_with_its_header(tmp_path: Path) -> None:
    (tmp_path / "mentions").mkdir()
    (tmp_path / "mentions" / "positive_numbers.sql").write_text(
        "-- Every count is positive.\n-- passes: all counts positive\n-- fails: <n> negative count(s)\n"
        "select mention_id from mentions join documents using (doc_id) where kind = 'count' and value < 0\n",
        encoding="utf-8",
    )

    (check,) = check_files(SCHEMAS, tmp_path)

    assert (check.table, check.name) == ("mentions", "mentions_positive_numbers")
    assert (check.description, check.passed, check.problem) == (
        "Every count is positive.",
        "all counts positive",
        "negative count(s)",
    )
    assert check.reads(SCHEMAS) == ["documents"]


def test_a_check_without_its_header_is_refused_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "mentions").mkdir()
    (tmp_path / "mentions" / "bare.sql").write_text("select 1 where false\n", encoding="utf-8")

    with pytest.raises(ValueError, match="bare.sql: a check opens with its description"):
        check_files(SCHEMAS, tmp_path)


def test_checks_of_an_unknown_table_are_refused(tmp_path: Path) -> None:
    (tmp_path / "mention").mkdir()
    with pytest.raises(ValueError, match="checks of an unknown table"):
        check_files(SCHEMAS, tmp_path)


def test_the_vocabulary_reaches_the_sql_as_named_parameters() -> None:
    sql = "select unnest($statistical_kinds) as kind -- $verdicts in a comment is not a parameter"
    assert parameters_of(sql) == {"statistical_kinds": list(STATISTICAL_KINDS)}
    with duckdb.connect() as conn:
        assert list(run_query(conn, sql)["kind"]) == list(STATISTICAL_KINDS)


def test_an_unknown_parameter_is_refused() -> None:
    with pytest.raises(ValueError, match=r"unknown SQL parameter\(s\) \$kinds_typo"):
        parameters_of("select $kinds_typo")


def test_no_sql_file_spells_out_a_kind_list() -> None:
    for path in sorted([*mart_files().values(), *CHECKS_DIR.rglob("*.sql")]):
        text = path.read_text(encoding="utf-8")
        assert "'percent', 'money'" not in text, path


def _key(name: str) -> dg.AssetKey:
    return dg.AssetKey(name)
