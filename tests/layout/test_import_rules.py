"""The layout's import rules hold on the real tree, and a violation of each is caught."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.common.settings import REPO_ROOT
from tests.layout.import_rules import ALLOWED, has_cycle, violations


def test_the_real_tree_breaks_no_import_rule() -> None:
    assert [str(v) for v in violations(REPO_ROOT)] == []


def test_the_allowed_imports_between_packages_have_no_cycle() -> None:
    assert has_cycle(ALLOWED) is None


def test_a_cycle_is_found() -> None:
    assert has_cycle({"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"})}) == ["a", "b", "c", "a"]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the package sources, to break on purpose."""
    for name in ("pipeline", "schemas"):
        shutil.copytree(REPO_ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


@pytest.mark.parametrize(
    ("module", "line", "rule"),
    [
        ("pipeline/extraction/values.py", "import dagster", "only pipeline.defs imports Dagster"),
        ("pipeline/store/tables.py", "from dagster import asset", "only pipeline.defs imports Dagster"),
        ("pipeline/enrichment/rate.py", "import duckdb", "pipeline.enrichment is pure: no storage"),
        ("pipeline/extraction/values.py", "from pipeline.store import tables", "pipeline.extraction may import common"),
        ("pipeline/text/sentences.py", "from pipeline.extraction import extract", "may import no other package"),
        ("pipeline/enrichment/rate.py", "from pipeline.curation.regions import load_gazetteer", "may import"),
        ("pipeline/curation/regions.py", "from pipeline.enrichment.rate import rate_per", "may import"),
        ("pipeline/curation/claims.py", "from pipeline.defs.inputs import read_input", "may import"),
        ("schemas/common.py", "from pipeline.store.sql import SQL_PARAMETERS", "may import common"),
    ],
)
def test_a_violation_is_reported_with_file_line_and_rule(tree: Path, module: str, line: str, rule: str) -> None:
    path = tree / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")

    found = violations(tree)

    assert len(found) == 1
    assert found[0].file == path and rule in found[0].rule
    assert found[0].line == path.read_text(encoding="utf-8").count("\n")
