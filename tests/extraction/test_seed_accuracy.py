"""The extractor agrees with the hand-checked gold mentions of the five seed documents."""

from __future__ import annotations

import pytest
from extraction_helpers import FIXTURES, failure_report, score_folder

THRESHOLDS = {"statistical": 0.98, "temporal": 0.95}
APPROX_SHARE = 0.95


@pytest.fixture(scope="module")
def seed_result() -> dict[str, object]:
    sources = sorted((FIXTURES / "seed_sources").glob("*.txt"))
    assert sources, "no seed documents in tests/fixtures/seed_sources/"
    return score_folder(FIXTURES / "gold" / "seeds.csv", sources)


@pytest.mark.parametrize("group", ["statistical", "temporal"])
def test_f1_on_seed_documents_meets_threshold(seed_result: dict[str, object], group: str) -> None:
    figures = seed_result[group]
    assert figures["f1"] >= THRESHOLDS[group], failure_report(seed_result)


@pytest.mark.parametrize("group", ["statistical", "temporal"])
def test_approx_qualifiers_on_seed_documents_are_mostly_right(seed_result: dict[str, object], group: str) -> None:
    assert seed_result[group]["approx_ok"] >= APPROX_SHARE, failure_report(seed_result)


@pytest.mark.parametrize("group", ["statistical", "temporal"])
def test_units_on_seed_documents_are_right(seed_result: dict[str, object], group: str) -> None:
    assert seed_result[group]["unit_ok"] == 1.0, failure_report(seed_result)
