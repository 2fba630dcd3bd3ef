"""Tables written as text: a bare number in a cell means what its column header says.

A table is a header line of cells separated by ``|`` (or tabs) followed by lines with
the same number of cells (``Country | US$ billion | % of GDP`` then ``Mexico | 66.2 | 3.7``).
A header naming a percentage (``%``, ``percent``) makes its bare numbers percents; a currency
sign or code with a scale word (``US$ billion``) makes them money at that scale; a scale word
alone (``thousands``) makes them counts at that scale. Cells whose number carries its own unit
keep it: only a cell holding nothing but the number is read from its header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.extraction.lexicon import CURRENCY_CODES, CURRENCY_PREFIXES, SCALES
from pipeline.extraction.values import plain

_PERCENT_RE = re.compile(r"%|(?<![A-Za-z])per ?cent(?:age)?(?![A-Za-z])", re.I)
_SCALE_RE = re.compile(r"(?<![A-Za-z])(hundred|thousand|million|billion|trillion)s?(?![A-Za-z])", re.I)
_CODE_RE = re.compile(r"(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])")
_BARE_NUMBER_RE = re.compile(r"[ \t\u00a0]*[-\u2212+]?\d[\d,]*(?:\.\d+)?[ \t\u00a0]*$")
_RULE_RE = re.compile(r"[-|:+= \t]*")
_SEPARATORS = ("|", "\t")


@dataclass(frozen=True)
class Column:
    """What the bare numbers of one column mean: kind, scale and unit."""

    kind: str
    scale: int
    unit: str

    def value(self, number: Decimal) -> str:
        return plain(number * self.scale)


def _header_column(cell: str) -> Column | None:
    if _PERCENT_RE.search(cell):
        return Column("percent", 1, "")
    scale_match = _SCALE_RE.search(cell)
    scale = SCALES[scale_match[1].lower()] if scale_match else 1
    unit = ""
    for prefix in sorted(CURRENCY_PREFIXES, key=len, reverse=True):
        if prefix in cell:
            unit = CURRENCY_PREFIXES[prefix]
            break
    if not unit:
        for code in _CODE_RE.findall(cell):
            if code in CURRENCY_CODES:
                unit = code
                break
    if unit and scale_match:
        return Column("money", scale, unit)
    if scale_match:
        return Column("count", scale, "")
    return None


def _cells(text: str, start: int, end: int, sep: str) -> list[tuple[int, int]]:
    cells = []
    pos = start
    while True:
        cut = text.find(sep, pos, end)
        if cut < 0:
            cells.append((pos, end))
            return cells
        cells.append((pos, cut))
        pos = cut + 1


def table_cells(text: str) -> dict[int, tuple[int, Column]]:
    """For each table cell holding a bare number, its start offset mapped to
    (end offset, the column's meaning); only columns whose header says what they hold."""
    out: dict[int, tuple[int, Column]] = {}
    if "|" not in text and "\t" not in text:
        return out
    lines: list[tuple[int, int]] = []
    pos = 0
    while pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        lines.append((pos, end))
        pos = end + 1
    header: list[Column | None] | None = None
    width = 0
    sep = ""
    for start, end in lines:
        line_sep = next((s for s in _SEPARATORS if text.find(s, start, end) >= 0), "")
        if line_sep and header is not None and _RULE_RE.fullmatch(text, start, end):
            continue  # |---|---| under a header
        if not line_sep:
            header = None
            continue
        cells = _cells(text, start, end, line_sep)
        if header is not None and line_sep == sep and len(cells) == width:
            for (cs, ce), column in zip(cells, header, strict=True):
                if column is not None and _BARE_NUMBER_RE.fullmatch(text, cs, ce):
                    left = cs + len(text[cs:ce]) - len(text[cs:ce].lstrip())
                    right = ce - (len(text[cs:ce]) - len(text[cs:ce].rstrip()))
                    out[left] = (right, column)
            continue
        columns = [_header_column(text[cs:ce]) for cs, ce in cells]
        header = columns if any(columns) else None
        width, sep = len(cells), line_sep
    return out
