"""Finishing a quantity the scan read, and the second number of a range.

Every quantity, whether reached at digits or at number words, is finished here:
a currency before it, its suffixes, then a range partner after it (``2010-2015``,
``15 and 29``, ``$5-10 million``), with what the two share given to both.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.extraction.digit_exclusions import excluded_digits
from pipeline.extraction.found import ScanState
from pipeline.extraction.lexicon import SCALES
from pipeline.extraction.patterns import NEXT_WORD_RE, RANGE_LINK_RE
from pipeline.extraction.quantities import Quantity, currency_before, read_core, read_suffixes
from pipeline.extraction.word_counts import word_counts
from pipeline.extraction.year_or_count import COUNTED_NOUNS

_YEAR_LINKS = ("-", "\u2013", "\u2010", "\u2011", "/")
_SLASH_AFTER_RE = re.compile(r"/\d")
_CURRENCY_SIGNS = "$\u20ac\u00a3\\"


def read_quantity(state: ScanState, q: Quantity) -> int:
    """Finish reading ``q`` (prefix, suffixes, a range after it), record it; return where reading stopped."""
    text = state.text
    if not q.word:
        cur = currency_before(text, q.num_start)
        if cur is not None:
            q.start, q.currency = cur
    read_suffixes(text, q)
    if q.word and not word_counts(text, q):
        return q.end
    if q.kind in ("", "percent", "money", "duration") and q.ratio is None:
        other = range_partner(state, q)
        if other is not None:
            state.add_quantity(q)
            state.add_quantity(other)
            return other.end
    state.add_quantity(q)
    return q.end


def range_partner(state: ScanState, a: Quantity) -> Quantity | None:
    """The second number of a range starting with ``a``, with what the two share given to both."""
    text = state.text
    m = RANGE_LINK_RE.match(text, a.end)
    if m is None:
        return None
    b = _second_number(state, a, m.end())
    if b is None:
        return None
    a_year = a.year_like(text)
    if a_year and a.kind == "" and not b.word and m.group().strip() in _YEAR_LINKS:
        year = _two_digit_year(text, a, b)
        if year is not None:
            b.raw = Decimal(year)
            b.kind = "year"
            return b
    read_suffixes(text, b, allow_ratio=False)
    if b.kind == "multiplier" and a.kind == "" and not a_year:
        a.kind = "multiplier"  # "two to three times higher"
        return b
    if not _compatible(text, a, b, a_year):
        return None
    _share(a, b, a_year)
    if a.word and b.word and a.scale == 1 and b.scale == 1:
        _share_word_scale(text, a, b)
    return b


def _second_number(state: ScanState, a: Quantity, pos: int) -> Quantity | None:
    """The bare number at ``pos`` after a range link (with its own currency sign, else that of ``a``)."""
    text = state.text
    b_cur = None
    c = text[pos]
    if c in _CURRENCY_SIGNS:
        sign_len = 2 if c == "\\" else 1
        b_cur = currency_before(text, pos + sign_len)
        if b_cur is None:
            return None
        pos = pos + sign_len
        c = text[pos : pos + 1]
    if not c or not (c.isdigit() or c.isalpha()):
        return None
    if c.isalpha():
        b = read_core(text, pos, True)
        if b is None or b.first_word == "one" and not b.raw > 1:
            return None
    else:
        b = read_core(text, pos, False)
        if b is None or excluded_digits(state, b) or _SLASH_AFTER_RE.match(text, b.num_end):
            return None  # "and 3/4": a fraction of its own, read at its digits
    if b_cur is not None:
        b.start, b.currency = b_cur[0], b_cur[1]
    elif a.currency and not b.word:
        b.currency, b.inherited = a.currency, True
    return b


def _two_digit_year(text: str, a: Quantity, b: Quantity) -> int | None:
    """The year ``b`` stands for when written with two digits after the four of ``a`` (``2019-20``)."""
    if b.num_end - b.num_start != 2:
        return None
    century = int(text[a.num_start : a.num_start + 2]) * 100
    yb = century + int(text[b.num_start : b.num_end])
    if yb > int(text[a.num_start : a.num_end]) and not text[b.num_end : b.num_end + 1].isalnum():
        return yb
    return None


def _compatible(text: str, a: Quantity, b: Quantity, a_year: bool) -> bool:
    """Whether ``b``, its suffixes read, can close a range opened by ``a``."""
    if b.kind in ("ratio", "multiplier"):
        return False
    if b.word and not word_counts(text, b, in_range=True):
        return False
    if a.kind and a.kind != b.kind and not (a.kind == "money" and b.kind == ""):
        return False
    if a.kind == "money" and _counts_a_noun(text, b.end):
        return False  # "200 euros and 50 parcels": the second number counts something else
    b_year = b.year_like(text)
    return not (a_year != b_year and b.kind != "")


def _share(a: Quantity, b: Quantity, a_year: bool) -> None:
    """Give each end of the range what only the other wrote: kind, unit, currency, scale."""
    if a.kind == "" and not a_year:
        if b.kind in ("percent", "money", "duration"):
            a.kind, a.unit, a.factor = b.kind, b.unit, b.factor
            if b.kind == "money" and not a.currency:
                a.currency = b.currency
        if b.scale != 1 and a.scale == 1 and a.raw <= b.raw:
            a.scale = b.scale
    elif a.kind == "money":
        if b.kind == "":
            b.kind = "money"
            b.currency = b.currency or a.currency
        if b.scale != 1 and a.scale == 1 and a.raw <= b.raw:
            a.scale = b.scale


def _share_word_scale(text: str, a: Quantity, b: Quantity) -> None:
    """``six to seven thousand``: the scale word that ends ``b`` applies to ``a`` too, when
    ``a`` alone is no larger than the number before that scale."""
    last = text[b.num_start : b.num_end].rsplit(None, 1)[-1].lower()
    scale = SCALES.get(last)
    if scale is None or scale < 1000 or a.raw >= 1000 or a.raw * scale > b.raw:
        return
    a.raw *= scale


def _counts_a_noun(text: str, end: int) -> bool:
    """Whether a plural noun or a counted noun follows ``end`` (``50 parcels``, ``300 people``)."""
    m = NEXT_WORD_RE.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    return word in COUNTED_NOUNS or (len(word) > 3 and word.endswith("s") and not word.endswith("ss"))
