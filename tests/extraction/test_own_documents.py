"""The extractor agrees with the hand-written gold of the extra test documents
(tests/fixtures/extraction/docs: news items, press releases and fact sheets)."""

from __future__ import annotations

import pytest
from extraction_helpers import FIXTURES, failure_report, score_folder

THRESHOLDS = {"statistical": 0.98, "temporal": 0.95}
APPROX_SHARE = 0.95
HERE = FIXTURES / "extraction"


@pytest.fixture(scope="module")
def own_result() -> dict[str, object]:
    docs = sorted((HERE / "docs").glob("*.txt"))
    assert len(docs) >= 10
    return score_folder(HERE / "gold.csv", docs)


def test_every_document_has_gold() -> None:
    golds = {line.split(",", 1)[0] for line in (HERE / "gold.csv").read_text(encoding="utf-8").splitlines()[1:]}
    assert golds == {p.stem for p in (HERE / "docs").glob("*.txt")}


@pytest.mark.parametrize("group", ["statistical", "temporal"])
def test_f1_on_own_documents_meets_threshold(own_result: dict[str, object], group: str) -> None:
    assert own_result[group]["f1"] >= THRESHOLDS[group], failure_report(own_result)


@pytest.mark.parametrize("group", ["statistical", "temporal"])
def test_approx_and_units_on_own_documents(own_result: dict[str, object], group: str) -> None:
    assert own_result[group]["approx_ok"] >= APPROX_SHARE, failure_report(own_result)
    assert own_result[group]["unit_ok"] >= APPROX_SHARE, failure_report(own_result)
