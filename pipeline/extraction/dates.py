"""Dates in the text: ISO, US slashed, ``June 26, 2024``, ``16 November 2021``, ``January 2019``.

A day and month without a year (``on November 30``, ``since Oct. 1``) is returned
with ``year=None``; the extractor fills the year in from context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extraction.lexicon import MONTHS, ORDINAL_DAYS, SPANISH_MONTHS

_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
MONTH_NAMES: tuple[str, ...] = tuple(w for names in (_FULL, _ABBR) for n in names.split("|") for w in (n, n.upper()))
_MONTH = rf"(?:{_FULL}|{_FULL.upper()}|(?:{_ABBR}|{_ABBR.upper()})\.?)(?![A-Za-z])"
_SP = r"[ \t\u00a0]+"
_YEAR = r"((?:19|20)\d\d)(?![\d])"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?(?![\d])"
_NOT_A_DAY = re.compile(r"[ \t\u00a0]*(?:%|percent|per cent|million|billion|thousand|,\d{3})", re.I)

_MDY_RE = re.compile(
    rf"({_MONTH}){_SP}{_DAY}(?!,\d)"
    rf"(?:[ \t\u00a0]*(?:[-\u2013]|{_SP}(?:to|through|and|until|\u2013){_SP})[ \t\u00a0]*{_DAY})?"
    rf"(?:,?{_SP}{_YEAR})?"
)
_MY_RE = re.compile(rf"({_MONTH})(?:,?{_SP}(?:of{_SP})?|[-\u2013/]){_YEAR}")  # "May of 1998", "Nov-2019"
_LOWER_FULL = _FULL.lower()
#: Month names written in lower case ("in march 2018"), read only with a year after them.
LOWER_MONTH_NAMES: tuple[str, ...] = tuple(_LOWER_FULL.split("|"))
_LOWER_MDY_RE = re.compile(rf"({_LOWER_FULL}){_SP}{_DAY},?{_SP}{_YEAR}")
_LOWER_MY_RE = re.compile(rf"({_LOWER_FULL}),?{_SP}(?:of{_SP})?{_YEAR}")
_ORDINAL_RE = re.compile(r"st|nd|rd|th")
_ES_MONTH = "(?i:" + "|".join(SPANISH_MONTHS) + r")(?![A-Za-z\u00e1\u00e9\u00ed\u00f3\u00fa\u00f1])"
#: Spanish month names as the scan meets them (lower case and capitalised).
SPANISH_MONTH_NAMES: tuple[str, ...] = tuple(w for n in SPANISH_MONTHS for w in (n, n.capitalize()))
_ES_DMY_RE = re.compile(rf"(\d{{1,2}}){_SP}de{_SP}({_ES_MONTH})(?:{_SP}(?:de|del){_SP}{_YEAR})?")
_ES_MY_RE = re.compile(rf"({_ES_MONTH})(?:{_SP}(?:de|del))?{_SP}{_YEAR}")
_ORDINAL_WORD = "(?i:" + "|".join(sorted((w.replace("-", "[- ]") for w in ORDINAL_DAYS), key=len, reverse=True)) + ")"
# "the first of May", "the twenty-first of June 2023": an ordinal day before the month name
_ORDINAL_OF_BEFORE_RE = re.compile(rf"(?<![A-Za-z])(?:[Tt]he{_SP})?({_ORDINAL_WORD}){_SP}of{_SP}$")
_MONTH_YEAR_OPTIONAL_RE = re.compile(rf"{_MONTH}(?:,?{_SP}{_YEAR})?")
# "May first, 2021", "on June second.": an ordinal day after the month, closing the phrase or before a year
_MONTH_ORDINAL_RE = re.compile(
    rf"({_MONTH}){_SP}({_ORDINAL_WORD})(?![-A-Za-z])(?:,?{_SP}{_YEAR}|(?=[ \t\u00a0]*[,.;:)]))"
)
_MONTH_RANGE_RE = re.compile(
    rf"{_MONTH}(?:{_SP}(?:and|to|through|thru|until|till|or){_SP}|[ \t\u00a0]*[-\u2013\u2014/][ \t\u00a0]*)"
    rf"(?:{_MONTH}),?{_SP}{_YEAR}"
)
_DMY_RE = re.compile(rf"{_DAY}{_SP}(?:of{_SP})?({_MONTH})(?:,?{_SP}{_YEAR})?")
_DAY_RANGE_RE = re.compile(
    rf"{_DAY}(?:[ \t\u00a0]*[-\u2013][ \t\u00a0]*|{_SP}(?:to|and|until|through){_SP})(?=\d{{1,2}}(?:st|nd|rd|th)?{_SP})"
)
_ISO_RE = re.compile(r"((?:19|20)\d\d)([-/])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![\d])")
_SLASH_RE = re.compile(r"(\d{1,2})([/.])(\d{1,2})\2((?:19|20)\d\d|\d\d)(?![\d/])")
_DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True, slots=True)
class DateHit:
    """A date found in the text; ``day`` is None for a month, ``year`` None when not written."""

    start: int
    end: int
    year: int | None
    month: int
    day: int | None

    def iso(self, year: int) -> str:
        """The ISO 8601 date or month, with ``year`` when the text gave none."""
        y = self.year if self.year is not None else year
        if self.day is None:
            return f"{y:04d}-{self.month:02d}"
        return f"{y:04d}-{self.month:02d}-{self.day:02d}"


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def _valid(month: int, day: int, year: int | None) -> bool:
    if not 1 <= month <= 12 or not 1 <= day <= _DAYS_IN_MONTH[month]:
        return False
    return not (month == 2 and day == 29 and year is not None and (year % 4 or (year % 100 == 0 and year % 400)))


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def dates_at_month(text: str, pos: int) -> tuple[list[DateHit], int | None]:
    """Dates starting with the month name at ``pos``.

    Returns the dates and, for a range of bare months ending in a year
    (``January through July 2021``), the offset of that year, which alone is a
    mention.
    """
    hit = _ordinal_word_date(text, pos)
    if hit is not None:
        return [hit], None
    m = _MDY_RE.match(text, pos)
    if m is not None and not _NOT_A_DAY.match(text, m.end(2)):
        month = _month(m.group(1))
        year = _year(m.group(4))
        day = int(m.group(2))
        if _valid(month, day, year):
            if m.group(3) is not None:
                day2 = int(m.group(3))
                if _valid(month, day2, year) and day2 > day:
                    first = DateHit(pos, m.end(2), year, month, day)
                    return [first, DateHit(m.start(3), m.end(), year, month, day2)], None
            end = m.end() if m.group(4) else _after_ordinal(text, m.end(2))
            if m.group(3) is not None:
                end = m.end(2)
                year = None
            return [DateHit(pos, end, year, month, day)], None
    m = _MY_RE.match(text, pos)
    if m is not None:
        return [DateHit(pos, m.end(), int(m.group(2)), _month(m.group(1)), None)], None
    m = _MONTH_RANGE_RE.match(text, pos)
    if m is not None:
        return [], m.start(1)
    return [], None


def _ordinal_word_date(text: str, pos: int) -> DateHit | None:
    """A date whose day is an ordinal word around the month name at ``pos``: ``the first of
    May [2021]``, ``May first, 2021``."""
    b = _ORDINAL_OF_BEFORE_RE.search(text, max(0, pos - 40), pos)
    if b is not None:
        m = _MONTH_YEAR_OPTIONAL_RE.match(text, pos)
        if m is not None:
            month, day, year = _month(text[pos : m.end(0)].split()[0].rstrip(",")), _ordinal_day(b.group(1)), None
            if m.group(1):
                year = int(m.group(1))
            if _valid(month, day, year):
                return DateHit(b.start(1), m.end(), year, month, day)
    m = _MONTH_ORDINAL_RE.match(text, pos)
    if m is not None:
        month, day, year = _month(m.group(1)), _ordinal_day(m.group(2)), _year(m.group(3))
        if _valid(month, day, year):
            return DateHit(pos, m.end(), year, month, day)
    return None


def _ordinal_day(word: str) -> int:
    return ORDINAL_DAYS[" ".join(word.lower().split()).replace(" ", "-")]


def _after_ordinal(text: str, end: int) -> int:
    """``end`` moved past an ordinal suffix written after a day (``October 12th``)."""
    m = _ORDINAL_RE.match(text, end)
    return m.end() if m is not None and not text[m.end() : m.end() + 1].isalpha() else end


def dates_at_lower_month(text: str, pos: int) -> list[DateHit]:
    """A date opening with a month name in lower case at ``pos``, when a year follows
    (``march 2018``, ``june 5, 2021``); a bare ``may`` or ``march`` is a word, not a date."""
    m = _LOWER_MDY_RE.match(text, pos)
    if m is not None:
        month, day, year = MONTHS[m.group(1)], int(m.group(2)), int(m.group(3))
        return [DateHit(pos, m.end(), year, month, day)] if _valid(month, day, year) else []
    m = _LOWER_MY_RE.match(text, pos)
    if m is not None:
        return [DateHit(pos, m.end(), int(m.group(2)), MONTHS[m.group(1)], None)]
    return []


def dates_at_spanish_month(text: str, pos: int) -> list[DateHit]:
    """A Spanish month with its year at ``pos``: ``marzo de 2023``, ``julio del 2021``."""
    m = _ES_MY_RE.match(text, pos)
    if m is None:
        return []
    return [DateHit(pos, m.end(), int(m.group(2)), SPANISH_MONTHS[m.group(1).lower()], None)]


def dates_at_digit(text: str, pos: int) -> list[DateHit]:
    """Dates starting with the digit at ``pos``: ISO, slashed, or day before month."""
    hits = _written_date_at(text, pos)
    if hits is not None:
        return hits
    r = _DAY_RANGE_RE.match(text, pos)
    if r is not None:  # 13-14 September 2023: the first day takes the second's month and year
        # the second day is read as one date only (a range of ranges such as ``5 - 5 - 5 ...`` is none):
        # reading it as a range again would recurse once per link of the chain
        second = _written_date_at(text, r.end())
        if second is not None and len(second) == 1 and second[0].day is not None:
            s = second[0]
            day = int(r.group(1))
            if day < s.day and _valid(s.month, day, s.year):
                return [DateHit(pos, r.start() + len(r.group(1)), s.year, s.month, day), s]
    return []


def _written_date_at(text: str, pos: int) -> list[DateHit] | None:
    """The ISO, slashed or day-month date at the digit ``pos`` ([] if written as one but invalid), or None."""
    c = text[pos : pos + 5]
    if len(c) == 5 and c[4] in "-/":
        m = _ISO_RE.match(text, pos)
        if m is not None:
            y, mo, d = int(m.group(1)), int(m.group(3)), int(m.group(4))
            if _valid(mo, d, y):
                return [DateHit(pos, m.end(), y, mo, d)]
            return []
    m = _SLASH_RE.match(text, pos)
    if m is not None:
        a, b, y = int(m.group(1)), int(m.group(3)), m.group(4)
        year = int(y) if len(y) == 4 else (2000 + int(y) if int(y) <= 50 else 1900 + int(y))
        month, day = (a, b) if m.group(2) == "/" else (b, a)
        if m.group(2) == "/" and a > 12:
            month, day = b, a
        if _valid(month, day, year):
            return [DateHit(pos, m.end(), year, month, day)]
        return []
    m = _DMY_RE.match(text, pos)
    if m is not None:
        day, month, year = int(m.group(1)), _month(m.group(2)), _year(m.group(3))
        if _valid(month, day, year):
            return [DateHit(pos, m.end(), year, month, day)]
        return []
    m = _ES_DMY_RE.match(text, pos)
    if m is not None:  # "15 de marzo de 2023", "1 de enero"
        day, month, year = int(m.group(1)), SPANISH_MONTHS[m.group(2).lower()], _year(m.group(3))
        if _valid(month, day, year):
            return [DateHit(pos, m.end(), year, month, day)]
        return []
    return None
