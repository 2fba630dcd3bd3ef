"""The annotated sets of real documents: their gold is well formed, and the tuned ones stay scored.

Each ``tests/fixtures/extraction_blind*`` folder holds real documents annotated under the
extraction guide by a helper who never saw the extractor. A set that has been tuned on keeps a
floor here (its score when the rules were last tuned, less a small margin); a set that is still
blind only has its gold checked, so that no rule is ever chosen by it.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from extraction_helpers import FIXTURES, score_folder

SETS = sorted(p for p in FIXTURES.glob("extraction_blind*") if (p / "gold.csv").is_file())
#: statistical and temporal F1 floors of the sets tuned on
TUNED_FLOORS = {"extraction_blind": (0.95, 0.89)}


def _gold(folder: Path) -> list[dict[str, str]]:
    with open(folder / "gold.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_every_gold_span_is_the_documents_text(folder: Path) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (folder / "docs").glob("*.txt")}
    for row in _gold(folder):
        assert texts[row["doc"]][int(row["start"]) : int(row["end"])] == row["text"], row


@pytest.mark.parametrize("name", sorted(TUNED_FLOORS))
def test_tuned_set_keeps_its_score(name: str) -> None:
    folder = FIXTURES / name
    result = score_folder(folder / "gold.csv", sorted((folder / "docs").glob("*.txt")))
    statistical, temporal = TUNED_FLOORS[name]
    assert result["statistical"]["f1"] >= statistical, result["statistical"]  # type: ignore[index]
    assert result["temporal"]["f1"] >= temporal, result["temporal"]  # type: ignore[index]
