"""Generate a corpus of news-sized documents from the repository's own fixtures, for the corpus benchmark.

``python bench/corpus.py DEST N`` writes a sources folder holding the five seeds, the curated
files of ``sources/`` (regions, claims, indicators, release) and ``N`` generated documents with
their provenance files, as ``add-source`` writes them. Each generated document joins three or
four fixture texts (the extraction fixtures and the real news of the enrichment sets, about
6 KB together) and varies their numbers: most digit runs get new digits of the same shape, some
keep theirs, so that figures repeat across documents the way news repeats them, and a few
figures recur in very many documents. Years, dates and names with digits are left as written.
Deterministic: the same ``N`` and ``--seed`` give the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CURATED = ("regions.yaml", "claims.yaml", "indicators.yaml", "release.yaml")
PUBLISHERS = [f"Publisher {i:02d}" for i in range(40)]
#: a digit run not part of a year, a date or a code (letters glued on either side)
_NUMBER_RE = re.compile(r"(?<![\w./-])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\w/-])")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
#: share of numbers that keep their digits (shared figures), and of those that take a corpus-wide common one
KEEP, COMMON = 0.3, 0.05
COMMON_FIGURES = ("1,200", "45,000", "2.5", "300", "17", "8,000", "120")


def templates() -> list[str]:
    """The fixture texts documents are made of: extraction fixtures and the enrichment sets' news."""
    paths = sorted((FIXTURES / "extraction" / "docs").glob("*.txt"))
    paths += sorted(FIXTURES.glob("enrichment_blind*/docs/*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def _vary(match: re.Match[str], rng: random.Random) -> str:
    """A digit run with new digits of the same shape, its own, or a common figure."""
    token = match.group()
    if _YEAR_RE.fullmatch(token):
        return token
    r = rng.random()
    if r < KEEP:
        return token
    if r < KEEP + COMMON:
        return rng.choice(COMMON_FIGURES)
    out = []
    for i, ch in enumerate(token):
        out.append(str(rng.randint(1 if i == 0 else 0, 9)) if ch.isdigit() else ch)
    return "".join(out)


def document(rng: random.Random, parts: list[str]) -> str:
    """One generated document: three or four fixture texts with their numbers varied."""
    chosen = rng.sample(parts, rng.choice((3, 4)))
    return "\n\n".join(_NUMBER_RE.sub(lambda m: _vary(m, rng), text.strip()) for text in chosen) + "\n"


def provenance(name: str, data: bytes, rng: random.Random, index: int) -> str:
    """The provenance file add-source would write for a generated document."""
    year, month = 2016 + index % 9, 1 + rng.randrange(12)
    return (
        f"# Provenance of {name} (written by add-source; size and SHA-256 are of the original bytes).\n"
        f"title: Generated news item {index}\n"
        f"publisher: {rng.choice(PUBLISHERS)}\n"
        f"published: {year}-{month:02d}-{1 + rng.randrange(28):02d}\n"
        "url: null\nlicense: unknown\n"
        f"bytes: {len(data)}\nsha256: {hashlib.sha256(data).hexdigest()}\n"
    )


def write_document(dest: Path, index: int, rng: random.Random, parts: list[str]) -> Path:
    """Write generated document ``index`` and its provenance into ``dest``; return its path."""
    name = f"gen_{index:06d}.txt"
    data = document(rng, parts).encode("utf-8")
    (dest / name).write_bytes(data)
    (dest / f"{name}.provenance.yaml").write_text(provenance(name, data, rng, index), encoding="utf-8")
    return dest / name


def make_corpus(dest: Path, n: int, seed: int = 7) -> int:
    """Write the seeds, the curated files and ``n`` generated documents into ``dest``; return the bytes written."""
    dest.mkdir(parents=True, exist_ok=True)
    for path in sorted((ROOT / "sources").iterdir()):
        if path.is_file() and (path.name in CURATED or path.name.startswith("00")):
            shutil.copy2(path, dest / path.name)
    rng = random.Random(seed)
    parts = templates()
    return sum(write_document(dest, i, rng, parts).stat().st_size for i in range(n))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    size = make_corpus(args.dest, args.n, args.seed)
    print(f"{args.n} documents, {size / 1e6:.1f} MB, in {args.dest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
