"""The definitions load, and their asset graph is the one the snapshot records."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipeline.defs.definitions import defs
from schemas import SCHEMAS

SNAPSHOT = Path(__file__).parent / "snapshots" / "asset_keys.txt"


def test_definitions_load_and_validate() -> None:
    dg.Definitions.validate_loadable(defs)


def test_asset_keys_match_snapshot() -> None:
    keys = sorted(key.to_user_string() for key in defs.resolve_asset_graph().get_all_asset_keys())
    assert keys == SNAPSHOT.read_text(encoding="utf-8").split()


def test_every_table_has_a_blocking_schema_check() -> None:
    graph = defs.resolve_asset_graph()
    checks = {(k.asset_key.to_user_string(), k.name) for k in graph.asset_check_keys}
    assert ("documents", "documents_schema") in checks
    assert ("mentions", "mentions_schema") in checks
    assert ("mentions", "mentions_offsets") in checks
    for check_key in graph.asset_check_keys:
        assert graph.get_check_spec(check_key).blocking, check_key


def test_every_registered_table_is_an_asset_with_its_schema_check() -> None:
    graph = defs.resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    checks = {(k.asset_key.to_user_string(), k.name) for k in graph.asset_check_keys}
    for table in SCHEMAS:
        assert table in keys
        assert (table, f"{table}_schema") in checks
