"""Every asset explains itself in the UI: description with its grain, layer group, kinds, code version, metadata."""

from __future__ import annotations

import dagster as dg
import pytest

from pipeline.defs.definitions import ALL_ASSETS_JOB, defs
from schemas import SCHEMAS
from tests.conftest import Project

LAYERS = {"sources", "extract", "curate", "marts", "publish"}
GRAPH = defs.resolve_asset_graph()
ASSET_KEYS = sorted(GRAPH.get_all_asset_keys(), key=lambda k: k.to_user_string())


@pytest.mark.parametrize("key", ASSET_KEYS, ids=lambda k: k.to_user_string())
def test_asset_has_description_group_kinds_and_code_version(key: dg.AssetKey) -> None:
    node = GRAPH.get(key)
    assert node.description and len(node.description) > 40, "the docstring says what the asset is"
    assert node.group_name in LAYERS
    assert node.kinds, "kinds show what the asset is made with (duckdb, pandas, csv...)"
    assert node.code_version


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_table_asset_states_its_grain(table: str) -> None:
    description = GRAPH.get(dg.AssetKey(table)).description or ""
    assert description.lower().startswith("one row per"), description


def test_every_step_that_opens_the_warehouse_is_in_the_duckdb_pool() -> None:
    job = defs.resolve_job_def(ALL_ASSETS_JOB)
    steps = [node for node in job.graph.node_defs if "duckdb" in node.required_resource_keys]
    assert len(steps) >= len(SCHEMAS) * 2, "assets and checks"
    assert {node.name: node.pool for node in steps} == {node.name: "duckdb" for node in steps}


def _materialisations(project: Project) -> dict[str, dict[str, object]]:
    assert project.result is not None
    return {
        event.asset_key.to_user_string(): event.step_materialization_data.materialization.metadata
        for event in project.result.get_asset_materialization_events()
    }


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_table_materialisation_records_rows_schema_and_preview(seeded_project: Project, table: str) -> None:
    metadata = _materialisations(seeded_project)[table]

    ((n_rows,),) = seeded_project.query(f'select count(*) from "{table}"')
    assert metadata["dagster/row_count"].value == n_rows > 0
    columns = metadata["dagster/column_schema"].schema.columns
    model_columns = SCHEMAS[table].to_schema().columns
    assert [c.name for c in columns] == list(model_columns)
    assert all(c.description.replace("\\<", "<") == model_columns[c.name].description for c in columns)
    assert all(c.description for c in columns)
    preview = metadata["preview"].value.splitlines()
    assert preview[0].startswith("| ") and preview[1].startswith("|---")
    assert len(preview) == 2 + min(n_rows, 10)


def test_mentions_materialisation_counts_mentions_by_kind(seeded_project: Project) -> None:
    metadata = _materialisations(seeded_project)["mentions"]

    by_kind = metadata["mentions_by_kind"].value
    assert by_kind == dict(seeded_project.query("select kind, count(*) from mentions group by kind order by kind"))
    assert sum(by_kind.values()) == metadata["dagster/row_count"].value


def test_every_check_ran_blocking_and_says_what_it_found(seeded_project: Project) -> None:
    assert seeded_project.result is not None
    evaluations = seeded_project.result.get_asset_check_evaluations()

    ran = {e.check_name for e in evaluations}
    assert ran == {key.name for key in GRAPH.asset_check_keys}
    assert all(e.passed and e.description for e in evaluations)
