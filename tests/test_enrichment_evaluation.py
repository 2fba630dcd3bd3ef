"""The enrichment evaluation sets: well-formed gold, and no regression on the two sets the rules were tuned on.

The sets under ``tests/fixtures/enrichment_blind*/`` are real documents annotated by
helpers who never saw the code (see each folder's README). The third and fourth have never
been tuned on, so they get no floor here: a floor would make them a target.
"""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import SEED_SOURCES

FIXTURES = Path(__file__).parent / "fixtures"
SETS = ["enrichment_blind", "enrichment_blind2", "enrichment_blind3", "enrichment_blind4"]
# Shares reached when the sets were last tuned on (README), less a small margin for deliberate trade-offs.
FLOORS = {
    "enrichment_blind": {"subject": 0.58, "geography": 0.66, "period": 0.49},
    "enrichment_blind2": {"subject": 0.54, "geography": 0.63, "period": 0.32},
}


def _evaluation() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "bench" / "eval_enrichment.py"
    spec = importlib.util.spec_from_file_location("eval_enrichment", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", SETS)
def test_every_gold_span_is_the_text_it_names(name: str) -> None:
    folder = FIXTURES / name
    with open(folder / "gold.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (folder / "docs").glob("*.txt")}
    assert len(rows) >= 140 and len(texts) >= 15 and {row["doc"] for row in rows} <= set(texts)
    for row in rows:
        assert texts[row["doc"]][int(row["start"]) : int(row["end"])] == row["text"], row


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_enrichment_keeps_its_accuracy_on_the_sets_it_was_tuned_on(name: str) -> None:
    scores = _evaluation().score(FIXTURES / name, SEED_SOURCES)
    for field, floor in FLOORS[name].items():
        assert scores[field] >= floor, (field, scores[field])
