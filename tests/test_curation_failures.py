"""A bad curated entry stops the run naming the file and the entry, and the previous release stays as it was."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from pipeline.defs.runs import failure_messages
from tests.conftest import Project

REPORT = "004_2e8b6a177bdcb179"


@pytest.fixture
def released_project(seeded_project: Project, tmp_path: Path) -> Project:
    """A copy of the materialised seed project: sources, warehouse and exports."""
    copy = Project(tmp_path / "project")
    shutil.copytree(seeded_project.root, copy.root)
    return copy


def _edit(project: Project, file_name: str, change: Callable[[dict], None]) -> None:
    path = project.sources / file_name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def quote_matching_no_mention(project: Project) -> tuple[str, str]:
    def change(data: dict) -> None:
        data["indicators"]["nca_work_visas_2021_jan_jul"]["locator"]["quote"] = "any lawful channel"

    _edit(project, "indicators.yaml", change)
    return "indicators.yaml: indicator 'nca_work_visas_2021_jan_jul'", f"matches no mention in {REPORT}"


def quote_matching_two_mentions(project: Project) -> tuple[str, str]:
    def change(data: dict) -> None:
        data["indicators"]["nca_work_visas_2021_jan_jul"]["locator"]["quote"] = "8,641 work visas and 1,520"

    _edit(project, "indicators.yaml", change)
    return "indicators.yaml: indicator 'nca_work_visas_2021_jan_jul'", f"matches 2 mentions in {REPORT}"


def formula_naming_an_unknown_indicator(project: Project) -> tuple[str, str]:
    def change(data: dict) -> None:
        data["claims"]["lawful_channel_one_in_50"]["formula"] = "nca_work_visas_2021_jan_jul / nca_visas_2030"

    _edit(project, "claims.yaml", change)
    return "claims.yaml: claim 'lawful_channel_one_in_50'", "formula names unknown indicator(s): nca_visas_2030"


def region_code_of_a_country(project: Project) -> tuple[str, str]:
    def change(data: dict) -> None:
        data["regions"]["NAM"] = data["regions"].pop("NAC")

    _edit(project, "regions.yaml", change)
    return "regions.yaml: region 'NAM'", "is the ISO 3166-1 code of Namibia"


BREAKAGES = [
    quote_matching_no_mention,
    quote_matching_two_mentions,
    formula_naming_an_unknown_indicator,
    region_code_of_a_country,
]


@pytest.mark.parametrize("breakage", BREAKAGES, ids=lambda f: f.__name__)
def test_bad_curated_entry_stops_the_run_and_keeps_the_release(released_project: Project, breakage: Callable) -> None:
    before = released_project.state()
    assert before["exports"], "the copy should hold a previous release"

    where, problem = breakage(released_project)
    result = released_project.materialise()

    assert not result.success
    messages = failure_messages(result)
    assert any(where in m and problem in m for m in messages), messages
    assert released_project.state() == before


def test_a_claim_dividing_by_zero_is_published_as_not_computable(released_project: Project) -> None:
    def change(data: dict) -> None:
        data["claims"]["lawful_channel_one_in_50"]["formula"] = (
            "nca_work_visas_2021_jan_jul / (nca_asylum_grants_2021_jan_jul - nca_asylum_grants_2021_jan_jul)"
        )

    _edit(released_project, "claims.yaml", change)
    assert released_project.materialise().success
    ((verdict, computed, explanation),) = released_project.query(
        "select verdict, computed_value, explanation from claim_checks where claim_id = 'lawful_channel_one_in_50'"
    )
    assert verdict == "not_computable"
    assert computed is None
    assert "8,641 / (1,520 - 1,520): not computable (division by zero" in explanation


def test_a_corpus_without_curated_indicators_or_claims_gives_empty_tables(released_project: Project) -> None:
    (released_project.sources / "indicators.yaml").write_text("indicators: {}\n", encoding="utf-8")
    (released_project.sources / "claims.yaml").write_text("claims: {}\n", encoding="utf-8")

    assert released_project.materialise().success
    assert released_project.query("select count(*) from indicators") == [(0,)]
    assert released_project.query("select count(*) from claim_checks") == [(0,)]
    assert released_project.query("select sum(n_indicators), sum(n_claims) from document_stats") == [(0, 0)]
