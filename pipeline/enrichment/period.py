"""When a figure applies (``period_start``, ``period_end``): from the time expressions around it.

Time expressions are built from the document's temporal mentions (kinds
``year`` and ``date``, so citation years such as ``(INED 2021)``, which are no
mentions, never count) and the words right before them:

| in the text | period |
|---|---|
| ``in 2022``, ``2022`` | 2022-01-01 to 2022-12-31 |
| ``From January through July 2021`` | 2021-01-01 to 2021-07-31 |
| ``early 2021`` / ``mid 2021`` / ``late 2021`` | Jan–Apr / May–Aug / Sep–Dec 2021 |
| ``the first half of 2022``, ``the third quarter of 2022``, ``Q3 2022`` | that half or quarter |
| ``2010-2015``, ``from 2010 to 2022``, ``between 2010 and 2015`` | first day of the first to last day of the second |
| ``since 2000`` | from 2000-01-01, no end |
| ``until 2014``, ``through 2014``, ``up to 2014`` | no start, to 2014-12-31 |
| ``June 5, 2018`` / ``January 2019`` (date mentions) | that day / that month |
| ``fiscal year 2023``, ``fiscal 2023``, ``FY2023``, ``FY23`` | the US federal fiscal year, 2022-10-01 to 2023-09-30 |
| ``the first six months of 2023`` (``of fiscal year 2024``) | 2023-01-01 to 2023-06-30 (2023-10-01 to 2024-03-31) |
| ``in the year to March 2023`` | 2022-04-01 to 2023-03-31 |
| ``beginning January 5, 2023`` | from that day, no end |

Read against the document's date (``pipeline.text.document_date``: its recorded
publication date, else the dateline of a news item or press release): ``last year``,
``this year``, ``so far this year`` (to that date), ``last month``, ``the first
nine months of the year``, and a month without a year (``in December``: the
latest December up to that date; ``by the end of September``: the next one).

A figure takes the expression in its own stretch of the sentence (see
``segments``; the nearest if several), else the previous figure's when no clause
break separates them, else the one in the sentence's leading words. A percent
or multiplier takes no expression naming the base it is compared with (``an
increase of 7.6% over 2022``): it takes the figure before it's period, and
hands the base on to the figure after it (``a 7 percent decline from FY22's
record of 2,206,436``). Both ends of ``between 35,000 and 50,000 in 2024`` take
the period (and rate) named after the range. The two ends
of a value range read against a year range take one year each (``From 2010 to
2022 ... rising from 8.3 million to 16.3 million``: 2010, then 2022). A sentence
with no expression that opens by referring back (``In that same seven months``,
``This meant``, ``For the other 49``) takes the nearest expression of the three
sentences before it.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from pipeline.enrichment.period_es import RELATIVE_ES
from pipeline.enrichment.period_es import relative_period as spanish_relative_period
from pipeline.enrichment.period_es import year_part as spanish_year_part
from pipeline.enrichment.segments import Segments

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH_RANGE = re.compile(
    rf"(?:\b(?:from|between)\s+)?\b(?P<m1>{_MONTH})\s+(?:through|thru|to|until|till|and|-|–|—)\s+(?P<m2>{_MONTH})\s*,?\s*$",
    re.IGNORECASE,
)
_PART_OF_YEAR = re.compile(
    r"\b(?:(?P<early>early|mid|late)[\s-]*|(?:the\s+)?(?P<half>first|second)\s+(?:half|semester)\s+of\s+|"
    r"(?:the\s+)?(?P<quarter>first|second|third|fourth)\s+quarter\s+of\s+|Q(?P<q>[1-4])\s+)$",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\b(?:since|beginning|starting)\s+$", re.IGNORECASE)
# `fiscal year 2023`, `fiscal 2024`, `FY2023`, `FY 2019`, `FY23`: the US federal fiscal year, October to September.
_FISCAL = re.compile(r"(?:\b[Ff]iscal\s+(?:[Yy]ears?\s+)?|\bFY\s?)$")
# A small number as digits or a word: `the first 5 months`, `the first five months`.
_FEW = r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)"
# `the first six months of`, `the first four-month period of`, `the first eight days of`
_FIRST_PART = re.compile(
    rf"\bfirst\s+(?P<n>{_FEW})(?:\s+(?P<unit>months|days)|[-\s]month\s+period)\s+of\s+$", re.IGNORECASE
)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_NUMBER_WORDS["eleven"] = 11
_YEAR_TO = re.compile(
    r"\b(?:year|12\s+months|twelve\s+months)\s+(?:to|ending(?:\s+in)?|ended|through|until)\s+(?:on\s+)?"
    r"(?:the\s+end\s+of\s+)?$",
    re.IGNORECASE,
)
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
# Every branch starts a word with an ASCII letter: the leading test lets the engine leave the other positions of the
# text after one check instead of one per branch (the matches are the same, found twice as fast).
_RELATIVE = re.compile(
    r"(?<!\w)(?=[A-Za-z])(?:"
    r"\b(?P<fysofar>(?:[Tt]his|[Tt]he\s+current)\s+fiscal\s+year|(?:[Tt]he\s+)?fiscal\s+year\s+(?:so\s+far|to\s+date)"
    r"|[Ff]iscal[-\s]year[-\s]to[-\s]date|FYTD)\b"
    r"|\b(?P<sofar>(?:[Ss]o\s+far|[Tt]hus\s+far|[Ee]arlier)\s+this\s+year|(?:[Tt]he|[Tt]his)\s+year\s+(?:so\s+far|to\s+date)"
    r"|[Yy]ear[-\s]to[-\s]date)\b"
    r"|\b(?P<weekday>(?:(?<=[Oo]n\s)|(?<=[Ll]ast\s)|(?<=[Tt]his\s)|(?<=[Pp]ast\s)|(?<=[Tt]his\ssame\s)|(?<=[Aa]s\sof\s))"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
    r"|\b(?P<yesterday>[Yy]esterday)\b"
    r"|\b(?P<asoftoday>[Aa]s\s+of\s+today)\b"
    r"|\b(?P<first>first\s+(?P<n>" + _FEW + r")\s+months\s+of\s+"
    r"(?:the|this)\s+(?P<fiscalyear>fiscal\s+)?year)\b"
    r"|\b(?P<yearsfirst>(?:the|this)\s+year['’]s\s+first\s+(?:(?P<yq>quarter)|(?P<yh>half)"
    r"|(?P<ym>" + _FEW + r")\s+months))\b"
    r"|\b(?P<part>(?:(?P<half>first|second)\s+(?:half|semester)|(?P<quarter>first|second|third|fourth)\s+quarter"
    r"|first\s+(?P<quarters>two|three)\s+quarters)\s+of\s+(?:the|this)\s+year)\b"
    r"|\b(?P<pastyears>(?:[Tt]he\s+)?(?:last|past)\s+(?P<years>" + _FEW + r")\s+years)\b"
    r"|\b(?P<mrange>(?:(?:[Bb]etween|[Ff]rom)\s+)?(?P<m1>" + _MONTH_NAME + r")\s*(?:\s(?:and|to|through)\s|[-–])\s*"
    r"(?P<m2>" + _MONTH_NAME + r")(?:\s+of\s+(?P<rangeyear>last|this)\s+year)?)(?!\w)"
    r"(?!\s*,?\s*(?:of\s+)?(?:19|20)\d\d\b(?![,.]\d))"
    r"|\b(?P<last>[Ll]ast\s+year)\b"
    r"|\b(?P<previous>[Tt]he\s+(?:previous|prior|preceding)\s+year|[Tt]he\s+year\s+before)\b"
    r"|\b(?P<this>[Tt]his\s+year)\b"
    r"|\b(?P<lastmonth>[Ll]ast\s+month)\b"
    r"|(?P<prep>\b(?:(?:(?:[Bb]y|[Uu]ntil|[Bb]efore|[Aa]t)\s+the\s+end\s+of|[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Tt]hrough|[Bb]y|[Ff]rom|[Ff]or|[Oo]f|[Tt]o"
    r")\s+)?"
    r"(?:(?:early|mid|late)[\s-]+)?)(?P<month>" + _MONTH_NAME + r")(?!\w)(?!\s*\d)(?!,\s*(?:19|20)\d\d\b(?![,.]\d))"
    r")"
)
_VALUE_RANGE_OPEN_ANY = re.compile(r"\b(?:from|between)\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
_VALUE_RANGE_JOIN_ANY = re.compile(r"^\s*(?:to|and|-|–)\s*(?:[a-z]+\s+){0,2}$")
_COMPARISON_BASE = re.compile(
    r"\b(?:over|from|on|since|than(?:\s+in)?|compared\s+(?:with|to)(?:\s+in)?"
    r"|en\s+comparación\s+con(?:\s+el)?|comparad[oa]s?\s+con(?:\s+el)?|respecto\s+(?:a|al|de)(?:\s+el)?"
    r"|frente\s+(?:a|al)|(?:más|menos)\s+que(?:\s+en)?(?:\s+el)?)\s+"
    r"(?:the\s+(?:figure|number|total|level)s?\s+(?:(?:recorded|registered|reported|seen)\s+)?(?:in\s+|during\s+)?"
    r"|(?:total\s+)?[a-z]+\s+(?:in|during)\s+)?"
    r"(?:(?:the\s+)?same\s+(?:period|months?|weeks?|time|dates)\s+(?:of\s+|in\s+|last\s+)?|the\s+previous\s+)?$",
    re.IGNORECASE,
)
_BY = re.compile(r"\b(?:until|through|by|end\s+of)\b", re.IGNORECASE)
_LIST_JOIN = re.compile(r"^\s*(?:,|and|or|to|through|-|–)\s*$")
_UNTIL = re.compile(r"\b(?:until|till|through|up\s+to|by(?:\s+the\s+end\s+of)?)\s+$", re.IGNORECASE)
_BEFORE = re.compile(r"\b(?:before|prior\s+to)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|through|thru|until|till|and)\s*$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_VALUE_RANGE_OPEN = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_VALUE_RANGE_JOIN = re.compile(r"^\s*(?:to|-|–)\s*$")
_REFERS_BACK = re.compile(
    r"^\W*(?:In|During|Over|For|Of)\s+(?:that|the|this|those|these)\s+(?:same|period|time|months?|years?|weeks?)\b|"
    r"^\W*(?:This|That|These|Those)\s+(?:meant|means|figure|number|is|was|represents|amounted)\b|"
    r"^\W*(?:For|Of)\s+(?:the\s+)?(?:other|remaining|rest)\b|^\W*Of\s+(?:these|them|those)\b"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
LOOKBACK_SENTENCES = 3


@dataclass(frozen=True, slots=True)
class Period:
    """A time expression of the text and the period it names (ISO dates; None for an open end)."""

    start: str | None
    end: str | None
    span_start: int
    span_end: int
    first: Period | None = None
    second: Period | None = None
    fiscal: bool = False
    # `the same period of 2019`, `in those dates of 2019`: the current frame's days, in that year
    same_as_frame: bool = False
    bare_year: bool = False  # `in 2019` with no word saying which year (calendar or fiscal) is meant

    @property
    def is_range(self) -> bool:
        return self.first is not None and self.second is not None


def _month_bounds(year: int, m1: int, m2: int) -> tuple[str, str]:
    last = calendar.monthrange(year, m2)[1]
    return f"{year:04d}-{m1:02d}-01", f"{year:04d}-{m2:02d}-{last:02d}"


def _shift(year: int, month: int, months: int) -> tuple[int, int]:
    """The month ``months`` after ``year``-``month``."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _span(year: int, month: int, months: int) -> tuple[str, str]:
    """First and last day of the ``months`` months starting at ``year``-``month``."""
    last_year, last_month = _shift(year, month, months - 1)
    return f"{year:04d}-{month:02d}-01", _month_bounds(last_year, last_month, last_month)[1]


def _fiscal_period(text: str, start: int, end: int, year: int) -> Period | None:
    """``FY2023``, ``fiscal 2024``, ``the first six months of Fiscal Year 2024``; None if no fiscal year is named."""
    before = text[max(0, start - 60) : start]
    fiscal = _FISCAL.search(before)
    if fiscal is None:
        return None
    span_start = start - len(before) + fiscal.start()
    first = _FIRST_PART.search(before, 0, fiscal.start())
    if first is not None and first.group("unit") == "days":
        first = None
    months = 12
    if first is not None:
        n = first.group("n").lower()
        months = min(12, int(n) if n.isdigit() else _NUMBER_WORDS[n])
        span_start = start - len(before) + first.start()
    lo, hi = _span(year - 1, 10, months)
    return Period(lo, hi, span_start, end, fiscal=True)


def _year_period(text: str, start: int, end: int, year: int) -> Period:
    """The period a year mention names, read with the words right before it."""
    fiscal = _fiscal_period(text, start, end, year)
    before = text[max(0, start - 50) : start]
    if fiscal is not None:
        if _SAME_PERIOD.search(text[max(0, fiscal.span_start - 50) : fiscal.span_start]):  # `the same period in FY23`
            return Period(fiscal.start, fiscal.end, fiscal.span_start, end, fiscal=True, same_as_frame=True)
        return fiscal
    first = _FIRST_PART.search(before)
    if first is not None and first.group("unit") == "days":  # `the first eight days of 2023`
        last = min(31, _count(first.group("n")))
        return Period(f"{year:04d}-01-01", f"{year:04d}-01-{last:02d}", start - len(before) + first.start(), end)
    spanish = spanish_year_part(before, year)
    if spanish is not None:  # `en abril de 2020`, `el primer semestre de 2019`
        return Period(spanish[0], spanish[1], start - len(before) + spanish[2], end)
    if first is not None:  # `the first six months of 2023`
        n = first.group("n").lower()
        lo, hi = _span(year, 1, min(12, int(n) if n.isdigit() else _NUMBER_WORDS[n]))
        return Period(lo, hi, start - len(before) + first.start(), end)
    m = _MONTH_RANGE.search(before)
    if m is not None:
        m1, m2 = MONTHS[m.group("m1").lower().rstrip(".")], MONTHS[m.group("m2").lower().rstrip(".")]
        if m1 <= m2:
            lo, hi = _month_bounds(year, m1, m2)
            return Period(lo, hi, start - len(before) + m.start(), end)
    m = _PART_OF_YEAR.search(before)
    if m is not None:
        if m.group("early"):
            months = _PART_MONTHS[m.group("early").lower()]
        elif m.group("half"):
            half = _ORDINALS[m.group("half").lower()]
            months = (6 * half - 5, 6 * half)
        else:
            quarter = int(m.group("q")) if m.group("q") else _ORDINALS[m.group("quarter").lower()]
            months = (3 * quarter - 2, 3 * quarter)
        lo, hi = _month_bounds(year, *months)
        return Period(lo, hi, start - len(before) + m.start(), end)
    if _SINCE.search(before):
        return Period(f"{year:04d}-01-01", None, start, end)
    if _UNTIL.search(before):
        return Period(None, f"{year:04d}-12-31", start, end)
    if _BEFORE.search(before):  # `in years prior to 2021`: to the end of 2020
        return Period(None, f"{year - 1:04d}-12-31", start, end)
    same = _SAME_PERIOD.search(before) is not None
    return Period(f"{year:04d}-01-01", f"{year:04d}-12-31", start, end, same_as_frame=same, bare_year=True)


# `the same period of 2019`, `in those dates of 2019`, `at this stage in 2022`, `at the same time last year`
_SAME_PERIOD = re.compile(
    r"\b(?:same|those|these|this|that)\s+(?:period|months?|weeks?|dates|days|time\s+frame|time|stage|point)"
    r"\s+(?:(?:of|in)\s+(?:the\s+year\s+)?)?$",
    re.IGNORECASE,
)


def in_year_of(period: Period, frame_start: str, frame_end: str) -> Period:
    """``the same period of 2019`` read against a frame of 15 March to 15 April 2020: 15 March to 15 April 2019.
    The period itself when the frame spans years or is that year already."""
    year = period.start[:4] if period.start else None
    if year is None or frame_start[:4] != frame_end[:4] or frame_start[:4] == year:
        return period
    y = int(year)
    start = _clamped(y, int(frame_start[5:7]), int(frame_start[8:10]))
    end = _clamped(y, int(frame_end[5:7]), int(frame_end[8:10]))
    return Period(start, end, period.span_start, period.span_end)


def _clamped(year: int, month: int, day: int) -> str:
    """The ISO day, 29 February becoming 28 in a common year."""
    return f"{year:04d}-{month:02d}-{min(day, calendar.monthrange(year, month)[1]):02d}"


def _date_period(text: str, start: int, end: int, value: str) -> Period:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        lo = hi = value
    else:
        year, month = int(value[:4]), int(value[5:7])
        lo, hi = _month_bounds(year, month, month)
    before = text[max(0, start - 40) : start]
    year_to = _YEAR_TO.search(before)
    if year_to is not None and len(value) == 7:  # `in the year to March 2023`: the twelve months ending then
        year, month = _shift(int(value[:4]), int(value[5:7]), -11)
        return Period(_span(year, month, 12)[0], hi, start - len(before) + year_to.start(), end)
    if year_to is not None:  # `its fiscal year ended Sept. 30`: the year up to that day
        day = date.fromisoformat(value)
        first = _clamped(day.year - 1, day.month, day.day)
        return Period(
            (date.fromisoformat(first) + timedelta(days=1)).isoformat(), hi, start - len(before) + year_to.start(), end
        )
    if _SINCE.search(before):
        return Period(lo, None, start, end)
    if _UNTIL.search(before):
        return Period(None, hi, start, end)
    return Period(lo, hi, start, end)


def time_expressions(
    text: str, temporal: Sequence[tuple[str, int, int, str]], today: str | None = None, day_known: bool = True
) -> list[Period]:
    """The time expressions of a document, from its year and date mentions ``(kind, start, end, value)``.

    ``today`` is the document's date (ISO 8601 day), which relative expressions are read against; without
    ``day_known`` (a document dated to a month or a year) no weekday (``last Sunday``) is read against it.
    """
    single: list[Period] = []
    for kind, start, end, value in sorted(temporal, key=lambda t: t[1]):
        if kind == "year":
            period = _year_period(text, start, end, int(float(value)))
            if (
                not period.fiscal
                and single
                and single[-1].fiscal
                and _LIST_JOIN.match(text[single[-1].span_end : start])
            ):
                period = Period(
                    f"{int(float(value)) - 1:04d}-10-01", f"{int(float(value)):04d}-09-30", start, end, fiscal=True
                )
            single.append(period)  # `fiscal years 2023 and 2024`: both fiscal
        elif kind == "date" and re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value):
            single.append(_date_period(text, start, end, value))
    if today is not None:
        single = [_to_date(text, p, today) for p in single]
    merged: list[Period] = []
    i = 0
    while i < len(single):
        a = single[i]
        b = single[i + 1] if i + 1 < len(single) else None
        if b is not None and _RANGE_JOIN.match(text[a.span_end : b.span_start]) and _joins(text, a, b):
            look = max(0, a.span_start - 10)
            opener = _RANGE_OPEN.search(text[look : a.span_start])
            span_start = look + opener.start() if opener else a.span_start
            merged.append(Period(a.start, b.end, span_start, b.span_end, first=a, second=b))
            i += 2
            continue
        merged.append(a)
        i += 1
    relative = relative_expressions(text, today, merged, day_known)
    return sorted(merged + relative, key=lambda p: p.span_start) if relative else merged


_SO_FAR_BEFORE = re.compile(
    r"\b(?:(?:so|thus)\s+far|to\s+date)\s+(?:in|during|for)\s+(?:the\s+year\s+)?$", re.IGNORECASE
)
_SO_FAR_AFTER = re.compile(r"^\s+(?:(?:so|thus)\s+far|to\s+date)\b", re.IGNORECASE)


def _to_date(text: str, period: Period, today: str) -> Period:
    """``so far in 2022`` in a document of 8 July 2022: the year up to that day, not the whole year."""
    if period.end is None or period.end[:4] != today[:4] or period.end <= today or period.is_range:
        return period
    before = text[max(0, period.span_start - 30) : period.span_start]
    if _SO_FAR_BEFORE.search(before) or _SO_FAR_AFTER.match(text, period.span_end):
        return Period(period.start, today, period.span_start, period.span_end, fiscal=period.fiscal)
    return period


def relative_expressions(text: str, today: str | None, known: Sequence[Period], day_known: bool = True) -> list[Period]:
    """Time expressions read against the document's date ``today``: ``last year``, ``so far this year``, ``in May``.

    A month named without a year is the latest such month up to ``today``
    (``in December`` in a February release is the December before), or the
    next one after ``by`` or ``until`` (``by the end of September``). Words
    inside a time expression already ``known`` are skipped. None without a date.
    """
    if today is None:
        return []
    starts = [p.span_start for p in known]
    found: list[Period] = []

    def overlaps_known(m: re.Match[str]) -> bool:
        k = bisect_right(starts, m.start()) - 1
        return k >= 0 and known[k].span_end > m.start() or k + 1 < len(known) and known[k + 1].span_start < m.end()

    for m in _RELATIVE.finditer(text):
        if overlaps_known(m):
            continue
        if m.group("month"):
            if m.group("prep").strip():  # a bare `May` may be the verb
                found.append(_month_period(m, today))
            continue
        if not day_known and (m.group("weekday") or m.group("yesterday")):
            continue  # `last Sunday` in a document dated only to its month
        if m.group("previous"):  # `in 2024, three times more than the previous year`: 2023
            y = _year_before(text, known, starts, m.start(), int(today[:4]))
            found.append(Period(f"{y:04d}-01-01", f"{y:04d}-12-31", m.start(), m.end()))
            continue
        lo, hi = _relative_period(m, today)
        same = m.group("last") is not None and _SAME_PERIOD.search(text, max(0, m.start() - 50), m.start())
        found.append(Period(lo, hi, m.start(), m.end(), same_as_frame=bool(same)))  # `the same time last year`
    for m in RELATIVE_ES.finditer(text):  # `el año pasado`, `en lo que va del año`, `el pasado sábado`
        if overlaps_known(m):
            continue
        if not day_known and (m.group("dia") or m.group("ayer")):
            continue
        lo_es, hi_es = spanish_relative_period(m, today)
        if lo_es is not None or hi_es is not None:
            found.append(Period(lo_es, hi_es, m.start(), m.end()))
    return sorted(found, key=lambda p: p.span_start)


def _year_before(text: str, known: Sequence[Period], starts: Sequence[int], at: int, this_year: int) -> int:
    """The year before the one named last ahead of ``at`` in the same paragraph, else before the document's year."""
    k = bisect_right(starts, at) - 1
    if k >= 0:
        named = known[k]
        if named.end is not None and at - named.span_end < 300 and "\n\n" not in text[named.span_end : at]:
            return int(named.end[:4]) - 1
    return this_year - 1


def _count(word: str) -> int:
    """``5`` or ``five`` as a number."""
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _relative_period(m: re.Match[str], today: str) -> tuple[str, str]:
    """The first and last day of a relative expression other than a month (see ``_RELATIVE``)."""
    year, month = int(today[:4]), int(today[5:7])
    if m.group("fysofar"):  # the US federal fiscal year running on the document's date, to that date
        return f"{year if month >= 10 else year - 1:04d}-10-01", today
    if m.group("sofar"):
        return f"{year:04d}-01-01", today
    if m.group("weekday") or m.group("yesterday"):
        return _relative_day(m, today)
    if m.group("asoftoday"):  # a stock `as of today`: the document's day
        return today, today
    if m.group("first") or m.group("yearsfirst") or m.group("part") or m.group("mrange"):
        return _part_of_year(m, year, month)
    if m.group("pastyears"):  # `in the last five years` in 2023: 2018 to 2022
        return f"{year - _count(m.group('years')):04d}-01-01", f"{year - 1:04d}-12-31"
    if m.group("last"):
        return f"{year - 1:04d}-01-01", f"{year - 1:04d}-12-31"
    if m.group("this"):
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    return _span(*_shift(year, month, -1), 1)  # `last month`


def _relative_day(m: re.Match[str], today: str) -> tuple[str, str]:
    """``on Monday`` (the latest Monday up to the document's date) or ``yesterday``."""
    day = date.fromisoformat(today)
    weekday = m.group("weekday")
    back = (day.weekday() - _WEEKDAYS.index(weekday.lower())) % 7 if weekday else 1
    named = (day - timedelta(days=back)).isoformat()
    return named, named


def _part_of_year(m: re.Match[str], year: int, month: int) -> tuple[str, str]:
    """The first N months, the year's first quarter, a half or quarter, or a month range of the document's year."""
    if m.group("first"):
        n = min(12, _count(m.group("n")))
        if m.group("fiscalyear"):  # `the first five months of this fiscal year`
            fiscal_start = year if month >= 10 else year - 1
            if _shift(fiscal_start, 10, n - 1) > (year, month):  # not over yet: the fiscal year before
                fiscal_start -= 1
            return _span(fiscal_start, 10, n)
        return _span(year if n <= month else year - 1, 1, n)
    if m.group("yearsfirst"):  # `the year's first quarter`, `the year's first three months`
        return _span(year, 1, 3 if m.group("yq") else 6 if m.group("yh") else min(12, _count(m.group("ym"))))
    if m.group("part"):  # `the first half of the year`, `the first three quarters of the year`
        if m.group("half"):
            return _span(year, 6 * _ORDINALS[m.group("half").lower()] - 5, 6)
        if m.group("quarter"):
            return _span(year, 3 * _ORDINALS[m.group("quarter").lower()] - 2, 3)
        return _span(year, 1, 3 * _count(m.group("quarters")))
    # `between January and October`: the latest such months up to the document's date
    m1, m2 = (MONTHS[m.group(g).lower().rstrip(".")] for g in ("m1", "m2"))
    in_year = year - 1 if m.group("rangeyear") == "last" or (m2 > month and not m.group("rangeyear")) else year
    if m1 > m2:
        return _span(in_year - 1, m1, 12 - m1 + m2 + 1)
    return _month_bounds(in_year, m1, m2)


def _month_period(m: re.Match[str], today: str) -> Period:
    """A month named without a year: the latest up to ``today``, or the next after ``by``/``until``."""
    year, month = int(today[:4]), int(today[5:7])
    named = MONTHS[m.group("month").lower().rstrip(".")]
    deadline = _BY.search(m.group("prep")) is not None  # `by the end of September`: the next one
    lo: str | None
    hi: str | None
    lo, hi = _span(year if named <= month or deadline else year - 1, named, 1)
    if _SINCE.search(m.group("prep")):
        hi = None
    elif deadline:
        lo = None
    return Period(lo, hi, m.start("month"), m.end())  # `down 9% from February`: `from` stays outside


def _joins(text: str, a: Period, b: Period) -> bool:
    """``and`` joins two years into a range only after ``between``."""
    if re.match(r"^\s*and\s*$", text[a.span_end : b.span_start], re.IGNORECASE):
        return bool(re.search(r"\bbetween\s+$", text[max(0, a.span_start - 10) : a.span_start], re.IGNORECASE))
    return True


class _Nearest:
    """The time expression of one sentence nearest a figure within a stretch, found by bisection.

    The answer for a stretch ending before the figure (the sentence's leading words)
    is the same for every figure after it (the expression ending last), so it is kept.
    """

    __slots__ = ("_expressions", "_starts", "_before")

    def __init__(self, expressions: Sequence[Period]) -> None:
        self._expressions = sorted(expressions, key=lambda p: p.span_start)
        self._starts = [p.span_start for p in self._expressions]
        self._before: dict[tuple[int, int], Period | None] = {}

    def __call__(self, lo: int, hi: int, start: int, end: int) -> Period | None:
        """The expression inside ``[lo, hi)`` nearest ``[start, end)`` (the first of the nearest), or None."""
        if hi <= start and (lo, hi) in self._before:
            return self._before[(lo, hi)]
        candidates = self._expressions[bisect_left(self._starts, lo) : bisect_left(self._starts, hi)]
        inside = [p for p in candidates if p.span_end <= hi]
        found = min(inside, key=lambda p: (max(p.span_start - end, start - p.span_end, 0), p.span_start), default=None)
        if hi <= start:
            self._before[(lo, hi)] = found
        return found


def sentence_periods(
    text: str,
    expressions: Sequence[Period],
    segments: Segments,
    figures: Sequence[tuple[str, int, int]],
) -> list[Period | None]:
    """The period of each statistical figure ``(kind, start, end)`` of one sentence (see module docstring)."""
    ranges = [p for p in expressions if p.is_range]
    nearest = _Nearest(expressions)
    result: list[Period | None] = []
    # What each figure hands to the next one joined to it: its period, or the base it is compared with.
    handed: list[Period | None] = []
    lead_lo, lead_hi = segments.leading
    bases = [is_comparison_base(text, start) for _, start, _ in figures]
    current: Period | None = None  # the period of the last figure before this one that is no base
    for i, (kind, start, end) in enumerate(figures):
        if i > 0 and not bases[i - 1]:
            current = result[i - 1]
        endpoint = _value_range_end(text, figures, i)
        if endpoint is not None and len(ranges) == 1:
            result.append(ranges[0].first if endpoint == 0 else ranges[0].second)
            handed.append(result[-1])
            continue
        lo, hi = segments.own[i]
        period = _labelled_by(text, expressions, start) or nearest(lo, hi, start, end)
        if period is None and opens_value_range(text, figures, i):  # `between 35,000 and 50,000 in 2024`
            period = nearest(*segments.own[i + 1], *figures[i + 1][1:])
        if period is not None and kind in ("percent", "multiplier") and _is_comparison_base(text, period):
            # `an increase of 7.6% over 2022`: 2022 is the base; the change takes the period of the last figure that
            # is no base itself (`up 16% from 232,963 in August, and up 50% from July`: neither August nor July)
            result.append(current or _change_end(text, expressions, period))
            handed.append(period)  # `a 7 percent decline from FY22's record of 2,206,436`
            continue
        if period is None and segments.in_first_group[i]:
            period = nearest(lead_lo, lead_hi, start, end)
        if period is None:
            period = handed[i - 1] if i > 0 and not segments.break_before[i] else nearest(lead_lo, lead_hi, start, end)
        result.append(period)
        handed.append(period)
    for i in range(len(figures) - 2, -1, -1):  # `200 people crossed in three boats on Monday`: the clause's time
        if (
            result[i] is None
            and not segments.break_before[i + 1]
            and not bases[i + 1]
            and figures[i][0] == figures[i + 1][0]
        ):
            result[i] = result[i + 1]
    base_stretches = [segments.own[j] for j in range(len(figures)) if bases[j]]
    frames = [
        p
        for p in expressions
        if p.start
        and p.end
        and not _is_comparison_base(text, p)
        and not any(lo <= p.span_start and p.span_end <= hi for lo, hi in base_stretches)  # `from 232,963 in August`
    ]
    if len(frames) == 1:  # `At least 1,078 migrants, of which 74 were minors, died ... so far this year`
        result = [frames[0] if p is None else p for p in result]
    return result


def is_comparison_base(text: str, start: int) -> bool:
    """Whether the figure at ``start`` is what a change is measured from (``up 16% from 232,963``, ``compared with
    743``); ``more than 200`` and ``over 589,000`` are qualifiers, not bases."""
    return bool(_FIGURE_BASE.search(text, max(0, start - 40), start))


_FIGURE_BASE = re.compile(
    r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?|against|(?<!more\s)(?<!less\s)(?<!fewer\s)(?<!over\s)than"
    r"|en\s+comparación\s+con|comparad[oa]s?\s+con|respecto\s+(?:a|al|de)|frente\s+(?:a|al))\s+"
    r"(?:(?:a|an|the|some|about|around|nearly|almost|roughly|approximately|just|los|las|el|la)\s+)*"
    r"(?:(?:record|total)\s+of\s+)?$",
    re.IGNORECASE,
)


_TO_BEFORE = re.compile(r"\bto\s+$", re.IGNORECASE)


def _change_end(text: str, expressions: Sequence[Period], base: Period) -> Period | None:
    """``fell 8 percent from April (231,400) to May``: the period a change runs to, named after its base."""
    for p in expressions:
        if base.span_end < p.span_start <= base.span_end + 80 and _TO_BEFORE.search(
            text, p.span_start - 6, p.span_start
        ):
            return p
    return None


_OPEN_PARENTHESIS = re.compile(r"\(\s*$")


def _labelled_by(text: str, expressions: Sequence[Period], start: int) -> Period | None:
    """The time expression a parenthesised figure follows (``than the previous year (315,000)``), or None."""
    m = _OPEN_PARENTHESIS.search(text, max(0, start - 3), start)
    if m is None:
        return None
    end = m.start()
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return next((p for p in expressions if p.span_end == end), None)


def opens_value_range(text: str, figures: Sequence[tuple[str, int, int]], i: int) -> bool:
    """Whether figure ``i`` opens a range ``between X and Y`` or ``from X to Y`` with the figure after it."""
    if i + 1 >= len(figures) or figures[i + 1][0] != figures[i][0]:
        return False
    _, start, end = figures[i]
    return bool(
        _VALUE_RANGE_JOIN_ANY.match(text[end : figures[i + 1][1]])
        and _VALUE_RANGE_OPEN_ANY.search(text[max(0, start - 30) : start])
    )


def _is_comparison_base(text: str, period: Period) -> bool:
    """Whether a time expression names what a change is measured from (``over 2022``, ``from FY22``)."""
    return bool(_COMPARISON_BASE.search(text[max(0, period.span_start - 50) : period.span_start]))


def _value_range_end(text: str, figures: Sequence[tuple[str, int, int]], i: int) -> int | None:
    """0 or 1 if figure ``i`` opens or closes a value range ``from X to Y``; None otherwise."""
    kind, start, end = figures[i]
    if i + 1 < len(figures):
        nxt = figures[i + 1]
        opens = _VALUE_RANGE_OPEN.search(text[max(0, start - 10) : start])
        if nxt[0] == kind and _VALUE_RANGE_JOIN.match(text[end : nxt[1]]) and opens:
            return 0
    if i > 0:
        prev = figures[i - 1]
        opened = _VALUE_RANGE_OPEN.search(text[max(0, prev[1] - 10) : prev[1]])
        if prev[0] == kind and _VALUE_RANGE_JOIN.match(text[prev[2] : start]) and opened:
            return 1
    return None


def refers_back(sentence: str) -> bool:
    """Whether a sentence opens by referring back to the time frame before it (``In that same seven months``)."""
    return bool(_REFERS_BACK.search(sentence))


def lookback_period(expressions: Sequence[Period], window_start: int, sentence_start: int) -> Period | None:
    """The last time expression between ``window_start`` and ``sentence_start``."""
    before = [p for p in expressions if window_start <= p.span_start and p.span_end <= sentence_start]
    return before[-1] if before else None


def as_fiscal_years(expressions: Sequence[Period]) -> list[Period]:
    """The expressions of a document that counts in US federal fiscal years, each bare year read as one (``ICE
    removed 267,258 people in 2019`` in a release about fiscal years: 2018-10-01 to 2019-09-30)."""
    return [
        Period(f"{int(p.start[:4]) - 1:04d}-10-01", f"{p.start[:4]}-09-30", p.span_start, p.span_end, fiscal=True)
        if p.bare_year and p.start
        else p
        for p in expressions
    ]
