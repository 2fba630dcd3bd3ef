"""Throughput of mention enrichment (subject, geography, period, rate), part of ``make bench``.

Builds single documents of about 1 MB and 4 MB by repeating the seed documents,
extracts their mentions once, then times ``enrich()`` on each (best of
``--repeat`` runs) and prints characters per second beside the extractor's. The
two sizes show enrichment stays linear in the document's length: every lookup
of places, figures and time expressions inside a sentence is a bisection, never
a scan of the whole document.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.curation.regions import load_gazetteer  # noqa: E402
from pipeline.enrichment import enrich  # noqa: E402
from pipeline.extraction import extract  # noqa: E402


def seed_text() -> str:
    """The five seed documents, joined by blank lines."""
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "sources").glob("*.txt"))) + "\n\n"


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The shortest of ``repeat`` timed runs of ``run``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    gazetteer = load_gazetteer(ROOT / "sources")
    seed = seed_text()
    print(f"{'chars':>10} {'mentions':>9} {'extract chars/s':>16} {'enrich chars/s':>15}")
    for megabytes in (1, 4):
        text = seed * (megabytes * 1_000_000 // len(seed) + 1)
        mentions = extract(text)
        t_extract = best_of(args.repeat, lambda text=text: extract(text))
        t_enrich = best_of(args.repeat, lambda text=text, mentions=mentions: enrich(text, mentions, gazetteer))
        print(f"{len(text):>10,} {len(mentions):>9,} {len(text) / t_extract:>16,.0f} {len(text) / t_enrich:>15,.0f}")


if __name__ == "__main__":
    main()
