"""Passes over the whole text around the scan.

Before it, the segments the scan may read (reference sections and citation lines
left out); after it, the signs written before numbers, the kinds table columns
give bare counts, and the finish: duplicates dropped, qualifiers and sentences read.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.extraction.approx import qualifier
from pipeline.extraction.exclusions import citation_lines, reference_sections
from pipeline.extraction.found import Found
from pipeline.extraction.model import Mention
from pipeline.extraction.patterns import SP
from pipeline.extraction.text_tables import table_cells
from pipeline.text.sentences import SentenceFinder

_SIGNED_KINDS = frozenset(("count", "percent", "ratio"))
_SIGN_OPENERS = frozenset("( \t\n\u00a0|[")
_RANGE_BEFORE_SIGN_RE = re.compile(rf"[\d%]{SP}+$")  # "10 -15 percent": a range, not a sign
_LIST_LINK_RE = re.compile(rf",{SP}*|,?{SP}+(?:and|or){SP}+")
_BARE_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")


def allowed_segments(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of ``text`` outside reference sections and citation lines."""
    segments = []
    pos = 0
    for start, end in sorted(reference_sections(text) + citation_lines(text)):
        if start > pos:
            segments.append((pos, start))
        pos = max(pos, end)
    segments.append((pos, len(text)))
    return segments


def attach_signs(text: str, found: list[Found]) -> list[Found]:
    """``found`` with a sign written right before the digits taken into the number.

    ``(\u22121.3%)`` is -1.3, ``fell to -2.5 percent`` -2.5, ``(+12%)`` 12. The sign must
    open a word (after a parenthesis, a cell bar, white space or the start of the
    text), so ranges such as ``8-9%`` or ``2010-2015`` keep their hyphen as a link, and
    ``10 -15 percent`` is a range when ``10`` is a mention (``Nikkei 225 -0.8%`` is a change).
    """
    out = []
    ends = {f.end for f in found}
    for f in found:
        start, value = f.start, f.value
        if f.kind in _SIGNED_KINDS and start > 0 and text[start - 1] in "\u2212-+" and text[start].isdigit():
            before = text[start - 2] if start >= 2 else "\n"
            r = _RANGE_BEFORE_SIGN_RE.search(text, max(0, start - 12), start - 1)
            if before in _SIGN_OPENERS and (r is None or r.start() + 1 not in ends):
                sign = text[start - 1]
                start -= 1
                if sign != "+" and value and not value.startswith("-") and value.strip("0.") != "":
                    value = "-" + value
                f = f._replace(start=start, value=value)
        out.append(f)
    return out


def share_list_units(text: str, found: list[Found]) -> list[Found]:
    """``found`` with the bare numbers of a list that ends in a percent taking its kind:
    ``went up by 7.4, 1.5, 5.3 and 3.0 percent respectively`` is four percents."""
    rows = sorted(found, key=lambda f: (f.start, f.end))
    last_and: int | None = None
    for i in range(len(rows) - 1, 0, -1):
        f, g = rows[i], rows[i - 1]
        if f.kind != "percent" or not text[f.start : f.start + 1].isdigit():
            last_and = None
            continue
        link = _LIST_LINK_RE.fullmatch(text, g.end, f.start)
        if link is None or g.kind != "count" or not _BARE_NUMBER_RE.fullmatch(text, g.start, g.end):
            continue
        if "," not in link.group() and last_and is not None:
            continue  # one "and" per list: "3 and 4, 5 and 6 percent" are two lists
        rows[i - 1] = g._replace(kind="percent")
        last_and = i if "," not in link.group() else last_and
    return rows


def read_table_columns(text: str, found: list[Found]) -> list[Found]:
    """``found`` with a bare count alone in a table cell given the kind, scale and unit of its column."""
    cells = table_cells(text)
    if not cells:
        return found
    out = []
    for f in found:
        cell = cells.get(f.start)
        if cell is not None and cell[0] == f.end and f.kind == "count" and not f.unit:
            column = cell[1]
            f = f._replace(kind=column.kind, value=column.value(Decimal(f.value)), unit=column.unit)
        out.append(f)
    return out


def finish(text: str, found: list[Found]) -> list[Mention]:
    """The mentions of ``found`` sorted by (start, end, kind), one per span and kind, with qualifier and sentence."""
    rows = sorted(set(found), key=lambda f: (f.start, f.end, f.kind))
    sentences = SentenceFinder(text)
    out: list[Mention] = []
    seen: set[tuple[int, int, str]] = set()
    for start, end, kind, value, unit in rows:
        if not value or end <= start or (start, end, kind) in seen:
            continue
        seen.add((start, end, kind))
        ss, se = sentences.around(start, end)
        approx = qualifier(text, start)
        if kind in ("year", "date") and approx != "approx":
            approx = ""  # "over 2022" compares with a year; it does not bound it
        out.append(Mention(start, end, text[start:end], kind, value, unit, approx, ss, se, text[ss:se]))
    return out
