"""``make eval-formats``: convert every real PDF and HTML file of ``../shared/formats/`` and report per file.

The folder holds public files from public repositories (see its README); they
are read in place, never copied into the project. For each file it prints:
format, pages, characters of text, seconds per page (or per HTML page),
mentions the extractor finds, U+FFFD characters written for unmapped glyphs,
and the header, footer and page-number lines the converter left out. The
command prints nothing and exits 0 when the folder is absent, so CI without
it stays green.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.convert import REPLACEMENT, SUFFIXES, ConversionError, convert  # noqa: E402
from pipeline.extraction import extract  # noqa: E402

DEFAULT_FOLDER = ROOT.parent / "shared" / "formats"
HEADER = ("file", "format", "pages", "chars", "s/page", "mentions", "U+FFFD", "dropped", "title")


def evaluate(path: Path) -> tuple[object, ...]:
    """One row of the report for ``path``."""
    data = path.read_bytes()
    seconds = float("inf")
    for _ in range(2):  # the best of two: the first conversion of a format also imports its library
        started = time.perf_counter()
        try:
            converted = convert(path, data)
        except ConversionError as exc:
            return (path.name, "error", "", "", "", "", "", "", exc.problem[:60])
        seconds = min(seconds, time.perf_counter() - started)
    pages = converted.n_pages or 1
    mentions = len(extract(converted.text, converted.published))
    title = (converted.title or "")[:40]
    return (
        path.name,
        converted.format,
        converted.n_pages or "",
        len(converted.text),
        f"{seconds / pages:.4f}",
        mentions,
        converted.text.count(REPLACEMENT),
        converted.dropped_lines,
        title,
    )


def _table(rows: list[tuple[object, ...]]) -> str:
    widths = [max(len(str(r[i])) for r in [HEADER, *rows]) for i in range(len(HEADER))]
    lines = ["  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)) for row in [HEADER, *rows]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the report for every document file under the folder (default ``../shared/formats``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: not present; nothing to evaluate")
        return 0
    files = sorted(p for p in args.folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    files = [p for p in files if p.name.lower() != "readme.md"]
    print(_table([evaluate(p) for p in files]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
