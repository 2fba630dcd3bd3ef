"""What starts at a word the scan stopped at.

Month names (dates), ``a year`` (a duration), multiplier words (``double``,
``twice``), fraction words (``half``, ``a third``), ``a million`` / ``a dozen``
(the article counts as one), and otherwise number words finished by
:func:`~.ranges.read_quantity`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.extraction.approx import qualifier
from pipeline.extraction.dates import dates_at_lower_month, dates_at_month, dates_at_spanish_month
from pipeline.extraction.found import ScanState
from pipeline.extraction.lexicon import (
    ADVERB_MULTIPLIERS,
    DURATION_UNITS,
    FRACTIONS,
    MONTHS,
    MULTIPLIER_WORDS,
    NON_MULTIPLIER_FOLLOWERS,
    SCALES,
    SINGULAR_FRACTIONS,
    SPANISH_MONTHS,
)
from pipeline.extraction.numwords import read_number_words
from pipeline.extraction.patterns import NEXT_WORD_RE, SP
from pipeline.extraction.quantities import Quantity, read_core, read_suffixes, with_a_half
from pipeline.extraction.ranges import read_quantity
from pipeline.extraction.values import plain, ratio
from pipeline.extraction.word_counts import sentence_opening

_FRACTION_END_RE = re.compile(rf"{SP}+of(?![A-Za-z])|{SP}*(?:[,.;:)\]]|$)")
_BY_BEFORE_RE = re.compile(rf"(?<![A-Za-z])by{SP}+$")
_ARTICLE_BEFORE_RE = re.compile(rf"(?<![A-Za-z])([aA]n?){SP}+$")
_HALF_BLOCKERS_BEFORE_RE = re.compile(
    rf"(?<![A-Za-z])(?:first|second|third|fourth|latter|former|last|other|earlier|later|lower|upper|top|fiscal|calendar|"
    rf"bottom|back|front|better|worse|opening|closing|final){SP}+$",
    re.I,
)
_HALF_BLOCKERS_AFTER_RE = re.compile(
    rf"[-\u2010\u2011]|{SP}+(?:an?{SP}+)?(?:hour|day|week|month|year|century|decade|time|way|mile|step|dozen|"
    r"measures?|hearted|term|price|brother|sister|truth)s?(?![A-Za-z])"
)
_POINT_IN_TIME_AFTER_RE = re.compile(rf"{SP}+(?:ago|earlier|before|later|prior|previously)(?![A-Za-z])")  # "a year ago"
_POSSESSIVE_RE = re.compile(r"['\u2019]s(?![A-Za-z])")
_ONE_UNIT_QUALIFIER_RE = re.compile(
    r"(?<![A-Za-z])(?:more than|less than|fewer than|over|under|nearly|almost|about|around|for|within|after|than"
    r"|at least|up to|roughly|some|barely|only|just)[ \t\u00a0]+$",
    re.I,
)
_UNIT_AND_A_HALF_RE = re.compile(rf"(?<![A-Za-z])(?:[aA]n?|[oO]ne){SP}+(year|month|week|day){SP}+and{SP}+a{SP}+$")
_HALF_SCALE_RE = re.compile(rf"{SP}+an?{SP}+(million|billion|thousand|dozen)(?![A-Za-z])")
_QUARTER_SCALE_RE = re.compile(rf"(?:{SP}+of)?{SP}+an?{SP}+(million|billion)(?![A-Za-z])")
_TWICE_RE = re.compile(
    rf"{SP}+(?:as|the|that|what|its|their|his|her|our|this|these|those|more|higher|larger|bigger|greater|"
    r"faster|over|likely|many|much)(?![A-Za-z])"
)


def at_word(state: ScanState, s: int, e: int, word: str) -> int:
    """Read whatever starts with the trigger word ``text[s:e]``; return where reading stopped."""
    low = word.lower()
    text = state.text
    if low in MONTHS or low in SPANISH_MONTHS:
        return _at_month(state, s, e) if word[0].isupper() and low in MONTHS else _at_other_month(state, s, e, low)
    if low.startswith("a "):
        if (
            _ONE_UNIT_QUALIFIER_RE.search(text, max(0, s - 20), s)
            and not _POSSESSIVE_RE.match(text, e)
            and not _POINT_IN_TIME_AFTER_RE.match(text, e)
        ):
            unit, factor = DURATION_UNITS[low[2:]]
            state.add(s, e, "duration", str(factor), unit)
        return e
    if low in MULTIPLIER_WORDS:
        return _multiplier_word(state, s, e, word, MULTIPLIER_WORDS[low])
    if low in ADVERB_MULTIPLIERS:
        if _TWICE_RE.match(text, e) and (word.islower() or sentence_opening(text, s)):
            state.add(s, e, "multiplier", str(ADVERB_MULTIPLIERS[low]))
        return e
    if low in ("half", "halves"):
        return _half(state, s, e)
    if low in FRACTIONS:
        return _singular_fraction(state, s, e, low)
    if low in SCALES or low == "dozen":
        art = _ARTICLE_BEFORE_RE.search(text, max(0, s - 4), s)
        got = read_number_words(text, s, start_at_one=True) if art is not None else None
        if art is None or got is None:
            return e
        value, end = with_a_half(text, s, got[1], got[0])  # "a million and a half"
        q = Quantity(art.start(), end, value, True, "a")
        return _quantity_from_article(state, q)
    q = read_core(text, s, True)
    if q is None:
        return e
    return read_quantity(state, q)


def _at_other_month(state: ScanState, s: int, e: int, low: str) -> int:
    """A date opening with a Spanish month name, or an English one in lower case, followed by its year."""
    text = state.text
    hits = dates_at_spanish_month(text, s) if low in SPANISH_MONTHS else dates_at_lower_month(text, s)
    for h in hits:
        state.add_date(h)
    return hits[-1].end if hits else e


def _at_month(state: ScanState, s: int, e: int) -> int:
    """A date opening with a month name at ``s``, else the year written after it (``May of 2023``)."""
    text = state.text
    hits, year_at = dates_at_month(text, s)
    for h in hits:
        state.add_date(h)
    if hits:
        return hits[-1].end
    if year_at is not None:
        state.add(year_at, year_at + 4, "year", text[year_at : year_at + 4])
        return year_at + 4
    return e


def _quantity_from_article(state: ScanState, q: Quantity) -> int:
    """``a million``, ``a dozen``: the article counts as one."""
    read_suffixes(state.text, q, allow_ratio=False)
    if q.kind in ("", "percent", "money", "duration"):
        state.add_quantity(q)
    return q.end


def _multiplier_word(state: ScanState, s: int, e: int, word: str, value: int) -> int:
    """``double``, ``triple``: a multiplier unless a title word, hyphenated or before a blocking word."""
    text = state.text
    if word[0].isupper() and not sentence_opening(text, s):
        return e
    nxt = text[e : e + 1]
    if nxt in ("-", "\u2010", "\u2011"):
        return e
    nw = NEXT_WORD_RE.match(text, e)
    if nw is not None and nw.group(1) in NON_MULTIPLIER_FOLLOWERS:
        return e
    state.add(s, e, "multiplier", str(value))
    return e


def _half(state: ScanState, s: int, e: int) -> int:
    """``half`` reached without a number word before it: ``a year and a half``, ``half a million``, a ratio."""
    text = state.text
    and_a_half = _UNIT_AND_A_HALF_RE.search(text, max(0, s - 24), s)
    if and_a_half is not None:  # a year and a half
        unit = and_a_half.group(1).lower()
        state.add(and_a_half.start(), e, "duration", "1.5", unit)
        return e
    if _HALF_BLOCKERS_BEFORE_RE.search(text, max(0, s - 12), s):
        return e
    sc = _HALF_SCALE_RE.match(text, e)
    if sc is not None:
        unit = sc.group(1).lower()
        mult = 12 if unit == "dozen" else SCALES[unit]
        state.add(s, sc.end(), "count", plain(Decimal(mult) / 2))
        return sc.end()
    if _HALF_BLOCKERS_AFTER_RE.match(text, e):
        return e
    if text[s].isupper() and not sentence_opening(text, s):
        return e
    state.add(s, e, "ratio", "0.5")
    return e


def _singular_fraction(state: ScanState, s: int, e: int, low: str) -> int:
    """``a third``, ``a quarter`` reached without a number word before them."""
    text = state.text
    art = _ARTICLE_BEFORE_RE.search(text, max(0, s - 4), s)
    if art is None or low not in SINGULAR_FRACTIONS:
        return e
    start = art.start()
    if low == "quarter":
        sc = _QUARTER_SCALE_RE.match(text, e)
        if sc is not None:
            state.add(start, sc.end(), "count", plain(Decimal(SCALES[sc.group(1).lower()]) / 4))
            return sc.end()
    # "a third of", "by a third." or "nearly a third": a fraction; "a third country" is not
    if (
        not _FRACTION_END_RE.match(text, e)
        and not qualifier(text, start)
        and not _BY_BEFORE_RE.search(text, max(0, start - 4), start)
    ):
        return e
    state.add(start, e, "ratio", ratio(Decimal(1), Decimal(FRACTIONS[low])))
    return e
