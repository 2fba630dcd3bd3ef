"""Score the extractor against an annotated folder of real documents.

``python bench/eval_extraction.py [FOLDER ...]`` (default: the seeds, the extraction fixtures and
``tests/fixtures/extraction_blind``) reads each folder's ``gold.csv`` and ``docs/*.txt`` (the seeds:
``tests/fixtures/gold/seeds.csv`` and ``tests/fixtures/seed_sources``), extracts every document as
``python -m pipeline extract`` does on the bare file, and prints the scorer's statistical and temporal
precision, recall and F1 with the share of matched mentions whose ``approx`` and ``unit`` are right.
``--errors`` also prints the missed and spurious mentions (reading them tunes the rules to the set:
say so when you report a set's score afterwards).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "tests" / "extraction"))

from extraction_helpers import load_scorer, predict  # noqa: E402  (the tests' scorer loader and rows)

FIXTURES = ROOT / "tests" / "fixtures"
DEFAULTS = ("seeds", "tests/fixtures/extraction", "tests/fixtures/extraction_blind")


def _folder(name: str) -> tuple[Path, list[Path]]:
    """The gold file and documents of a set named on the command line."""
    if name == "seeds":
        return FIXTURES / "gold" / "seeds.csv", sorted((FIXTURES / "seed_sources").glob("*.txt"))
    folder = (ROOT / name) if not Path(name).is_absolute() else Path(name)
    return folder / "gold.csv", sorted((folder / "docs").glob("*.txt"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", default=list(DEFAULTS))
    parser.add_argument("--errors", action="store_true", help="print missed and spurious mentions")
    args = parser.parse_args()
    scorer = load_scorer()
    for name in args.folders:
        gold_csv, docs = _folder(name)
        if not gold_csv.is_file() or not docs:
            print(f"{name}: no gold.csv or no docs/*.txt", file=sys.stderr)
            return 1
        result = scorer.score(scorer.read(str(gold_csv)), predict(docs))
        print(f"{name} ({len(docs)} documents)")
        for group in ("statistical", "temporal"):
            r = result[group]
            print(
                f"  {group:12s} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
                f"approx {r['approx_ok']:.3f}  unit {r['unit_ok']:.3f}  (gold {r['gold']}, matched {r['matched']})"
            )
        if args.errors:
            for line in result["missed"]:
                print("  missed   ", line)
            for line in result["spurious"]:
                print("  spurious ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
