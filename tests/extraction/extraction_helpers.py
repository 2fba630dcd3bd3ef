"""Helpers for the extraction tests: the project's scorer and gold-scoring of a folder of documents."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from pipeline.extraction import extract

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def load_scorer() -> ModuleType:
    """tests/fixtures/score_mentions.py, imported from its file (it is not a package module)."""
    spec = importlib.util.spec_from_file_location("score_mentions", FIXTURES / "score_mentions.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(paths: list[Path]) -> list[dict[str, object]]:
    """Extraction rows for ``paths`` in the shape the scorer reads from a CSV."""
    rows: list[dict[str, object]] = []
    for path in paths:
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        for m in extract(text):
            rows.append(
                {
                    "doc": path.stem,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "kind": m.kind,
                    "value": m.value,
                    "unit": m.unit,
                    "approx": m.approx,
                }
            )
    return rows


def score_folder(gold_csv: Path, paths: list[Path]) -> dict[str, object]:
    """The scorer's figures for the extractor on ``paths`` against ``gold_csv``."""
    scorer = load_scorer()
    gold = scorer.read(str(gold_csv))
    return scorer.score(gold, predict(paths))


def failure_report(result: dict[str, object]) -> str:
    """A readable summary of a scoring result, for assertion messages."""
    lines = [f"{k}: {result[k]}" for k in ("statistical", "temporal")]
    missed: list[str] = result["missed"]  # type: ignore[assignment]
    spurious: list[str] = result["spurious"]  # type: ignore[assignment]
    lines += ["missed:   " + x for x in missed]
    lines += ["spurious: " + x for x in spurious]
    return "\n".join(lines)
