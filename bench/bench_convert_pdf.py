"""Speed of the PDF converter (``pdf_text``) on one core (``make bench``).

Generates a report of ``--pages`` A4 pages with reportlab: a running header and
a "Page n of N" footer on every page, full pages of running text with figures in
it, a two-column page and a table every few pages, footnote markers. Converts it
``--repeat`` times in this process, pinned to one CPU when the system allows,
and prints the best pages per second (goal: 50).

If the evaluation files are present (``../shared/formats/pdf/`` beside the
repository, or ``--real DIR``), each is converted where it lies (never copied)
and its pages, characters, seconds per page, U+FFFD written and lines dropped
(running headers, footers, page numbers, watermarks) are printed.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from pipeline.convert.model import REPLACEMENT  # noqa: E402
from pipeline.convert.pdf import CONVERTER, pdf_text  # noqa: E402
from tests.pdf_fixtures import FONT, LEADING, LEFT, SIZE, TOP, WIDTH, lines, write_pdf  # noqa: E402

REAL = ROOT.parent / "shared" / "formats" / "pdf"
GOAL = 50.0  # pages per second
WORD_LIST = (
    "the of and to in a for on that with by as are from at was were this which asylum applications refugees "
    "migrants border arrivals crossings returns country countries government report survey data per cent "
    "percent million thousand increase decrease compared year region regional people persons displaced "
    "internally protection registration resettlement labour remittances billion share quarter month"
)
WORDS = WORD_LIST.split()


def sentence(rng: random.Random) -> str:
    """A sentence of filler words with a figure in it (a count, a percent, money or a year)."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 24))]
    figure = rng.choice(
        [f"{rng.randint(1, 999):,}", f"{rng.randint(1, 99)}.{rng.randint(0, 9)}%", f"US${rng.randint(1, 90)} million"]
    )
    words.insert(rng.randint(1, len(words) - 1), figure)
    words.insert(rng.randint(1, len(words) - 1), str(rng.randint(1990, 2024)))
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    """A paragraph of four to seven sentences."""
    return " ".join(sentence(rng) for _ in range(rng.randint(4, 7)))


def furniture(sheet: Canvas, number: int, total: int) -> None:
    """The running header and the page-number footer."""
    sheet.setFont(FONT, 9)
    sheet.drawString(LEFT, 800, "Regional Migration Outlook 2024")
    sheet.drawRightString(LEFT + WIDTH, 800, f"Chapter {1 + number // 10}")
    sheet.drawCentredString(297, 40, f"Page {number} of {total}")


def text_body(sheet: Canvas, rng: random.Random, width: float = WIDTH, x: float = LEFT) -> None:
    """Running text down to the footer, a blank line between paragraphs, a footnote marker now and then."""
    y = TOP
    sheet.setFont(FONT, SIZE)
    while y > 90:
        for row in lines(paragraph(rng), width):
            if y <= 90:
                break
            sheet.drawString(x, y, row)
            if rng.random() < 0.05:
                sheet.setFont(FONT, 7)
                sheet.drawString(x + sheet.stringWidth(row, FONT, SIZE) + 0.5, y + 4, str(rng.randint(1, 30)))
                sheet.setFont(FONT, SIZE)
            y -= LEADING
        y -= LEADING


def table_body(sheet: Canvas, rng: random.Random) -> None:
    """A paragraph, then a table of countries and figures."""
    sheet.setFont(FONT, SIZE)
    y = TOP
    for row in lines(paragraph(rng)):
        sheet.drawString(LEFT, y, row)
        y -= LEADING
    y -= 2 * LEADING
    for k in range(25):
        cells = (
            ("Country", "Arrivals", "Returns", "Share (%)")
            if k == 0
            else (
                f"Country {k}",
                f"{rng.randint(100, 99999):,}",
                f"{rng.randint(10, 9999):,}",
                f"{rng.random() * 50:.1f}",
            )
        )
        sheet.drawString(LEFT, y, cells[0])
        for column, cell in enumerate(cells[1:], start=1):
            sheet.drawRightString(LEFT + 150 + 100 * column, y, cell)
        y -= 18


def build(path: Path, pages: int) -> Path:
    """The generated report, ``pages`` pages long."""
    rng = random.Random(2024)
    draws: list[Callable[[Canvas], None]] = []
    for number in range(1, pages + 1):

        def draw(sheet: Canvas, number: int = number) -> None:
            furniture(sheet, number, pages)
            if number % 5 == 0:
                half = (WIDTH - 24) / 2
                text_body(sheet, rng, half)
                text_body(sheet, rng, half, LEFT + half + 24)
            elif number % 4 == 0:
                table_body(sheet, rng)
            else:
                text_body(sheet, rng)

        draws.append(draw)
    return write_pdf(path, draws, title="Regional Migration Outlook 2024")


def one_core() -> str:
    """Pin this process to one CPU if the system allows; say which."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def timed(path: Path, repeat: int) -> tuple[float, object]:
    """The best wall time of ``repeat`` conversions of ``path``, and the last result."""
    data = path.read_bytes()
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = pdf_text(data, path)
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=60, help="pages of the generated report (default 60)")
    parser.add_argument("--repeat", type=int, default=3, help="conversions per timing; the best is kept (default 3)")
    parser.add_argument("--real", type=Path, default=REAL, help=f"folder of real PDFs to report on (default {REAL})")
    args = parser.parse_args()
    print(f"{CONVERTER}, {one_core()}")
    with tempfile.TemporaryDirectory(prefix="bench_pdf_") as tmp:
        path = build(Path(tmp) / "report.pdf", args.pages)
        seconds, result = timed(path, args.repeat)
    speed = args.pages / seconds
    print(
        f"generated report: {args.pages} pages, {len(result.text):,} characters, {seconds:.2f} s, "
        f"{1000 * seconds / args.pages:.1f} ms a page, {speed:.0f} pages/s (goal {GOAL:.0f}), "
        f"{result.dropped_lines} lines dropped"
    )
    if args.real.is_dir():
        print(f"\nreal files in {args.real}:")
        print(f"  {'file':28s} {'pages':>5s} {'characters':>10s} {'s/page':>7s} {'U+FFFD':>6s} {'dropped':>7s}  empty")
        for pdf in sorted(args.real.glob("*.pdf")):
            seconds, result = timed(pdf, args.repeat)
            pages = result.n_pages or 0
            print(
                f"  {pdf.name:28s} {pages:5d} {len(result.text):10,d} {seconds / max(pages, 1):7.4f} "
                f"{result.text.count(REPLACEMENT):6d} {result.dropped_lines:7d}  {list(result.empty_pages) or '-'}"
            )
    return 0 if speed >= GOAL else 1


if __name__ == "__main__":
    raise SystemExit(main())
