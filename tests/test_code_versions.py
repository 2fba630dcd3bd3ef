"""Each asset's code version fingerprints the code and SQL it runs, so the UI marks just the affected assets stale."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import dagster as dg

from pipeline.common.fingerprints import code_version, module_closure
from pipeline.defs.definitions import defs
from pipeline.store.incremental import EXTRACTOR_MODULES
from pipeline.store.sql import mart_files

GRAPH = defs.resolve_asset_graph()


def test_every_asset_has_a_fingerprint_as_code_version() -> None:
    versions = {key.to_user_string(): GRAPH.get(key).code_version for key in GRAPH.get_all_asset_keys()}
    assert all(re.fullmatch(r"[0-9a-f]{12}", v or "") for v in versions.values()), versions
    assert len(set(versions.values())) == len(versions), "no two assets run the same code"


def test_the_mentions_code_is_the_extraction_and_enrichment_not_the_release() -> None:
    closure = module_closure("pipeline.defs.assets.mentions")
    assert {"pipeline.extraction.extractor", "pipeline.enrichment.subject", "schemas.mentions"} <= set(closure)
    # the warehouse resource swaps the release in at the end of a run (release.publish), but what the release
    # holds is none of the mentions' business
    assert not {"pipeline.release.page", "pipeline.release.datapackage", "pipeline.release.build"} & set(closure)


def test_the_release_code_is_not_the_extraction() -> None:
    closure = module_closure("pipeline.defs.assets.exports")
    assert {"pipeline.release.page", "pipeline.release.datapackage"} <= set(closure)
    assert not any(m.startswith(("pipeline.extraction", "pipeline.enrichment")) for m in closure)


def test_a_sql_marts_version_changes_with_its_sql(tmp_path: Path) -> None:
    sql = tmp_path / "corroboration.sql"
    shutil.copy(mart_files()["corroboration"], sql)
    before = code_version("pipeline.defs.assets.marts", sql)

    sql.write_text(sql.read_text(encoding="utf-8") + "\n-- a comment\n", encoding="utf-8")

    assert code_version("pipeline.defs.assets.marts", sql) != before
    assert GRAPH.get(dg.AssetKey("corroboration")).code_version == code_version(
        "pipeline.defs.assets.marts", mart_files()["corroboration"]
    )


def test_the_extraction_fingerprint_covers_every_module_rows_are_built_from() -> None:
    closure = {name for module in EXTRACTOR_MODULES for name in module_closure(module)}
    assert {"pipeline.places.countries", "pipeline.text.sentences", "pipeline.extraction.ranges"} <= closure
    assert not any(m.startswith(("pipeline.defs", "pipeline.release")) for m in closure)
