"""Score the enrichment (subject, geography, period) against an annotated set of real documents.

``python bench/eval_enrichment.py [FOLDER]`` (default ``tests/fixtures/enrichment_blind``) reads
``documents.csv`` (each document's publication date), ``docs/*.txt`` and ``gold.csv`` (the
annotated statistical figures with their spans), enriches each document as the pipeline does (its
``published`` date given) and prints, over the gold figures: how many the extractor found at the
same span, and the share with the right subject (case-insensitive, exact), the exact geography (the
set of codes) and the exact period (start and end), plus the code-level F1 of geography; a figure the
extractor missed counts as wrong on every field. The ``*_if_found`` shares are over the found figures only.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.curation.regions import load_gazetteer  # noqa: E402
from pipeline.enrichment.rows import mention_rows  # noqa: E402

DEFAULT = ROOT / "tests" / "fixtures" / "enrichment_blind"


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _norm(value: object) -> str:
    return " ".join(str(value or "").lower().split())


def _codes(value: object) -> set[str]:
    return {c for c in str(value or "").split(";") if c}


def score(folder: Path, sources: Path) -> dict[str, float]:
    """Shares of gold figures found and right on each field, and the code-level F1 of geography."""
    gazetteer = load_gazetteer(sources)
    published = {r["doc"]: (r["published"] or None) for r in _rows(folder / "documents.csv")}
    predicted: dict[tuple[str, int, int], dict[str, object]] = {}
    for doc, date in published.items():
        text = (folder / "docs" / f"{doc}.txt").read_text(encoding="utf-8")
        for row in mention_rows(doc, text, gazetteer, date):
            predicted[(doc, int(row["start"]), int(row["end"]))] = row  # type: ignore[call-overload]
    gold = _rows(folder / "gold.csv")
    found = subject = geography = period = 0
    tp = fp = fn = 0
    for g in gold:
        p = predicted.get((g["doc"], int(g["start"]), int(g["end"])))
        gold_codes = _codes(g["geography"])
        pred_codes = _codes(p["geography"]) if p else set()
        tp, fp, fn = (
            tp + len(gold_codes & pred_codes),
            fp + len(pred_codes - gold_codes),
            fn + len(gold_codes - pred_codes),
        )
        if p is None:
            continue
        found += 1
        subject += _norm(p["subject"]) == _norm(g["subject"])
        geography += pred_codes == gold_codes
        period += (p["period_start"] or "", p["period_end"] or "") == (g["period_start"], g["period_end"])
    n = len(gold)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
    return {
        "figures": n,
        "found": found / n,
        "subject": subject / n,
        "geography": geography / n,
        "period": period / n,
        "geography_code_f1": f1,
        # the same shares among the figures the extractor found: what enrichment gets right on its own
        "subject_if_found": subject / found if found else 0.0,
        "geography_if_found": geography / found if found else 0.0,
        "period_if_found": period / found if found else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    """Print the scores of the set in FOLDER."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--sources", type=Path, default=ROOT / "sources", help="folder holding regions.yaml")
    args = parser.parse_args(argv)
    result = score(args.folder, args.sources)
    print("  ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
