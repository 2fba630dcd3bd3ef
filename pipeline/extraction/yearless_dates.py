"""Years for the dates written without one (guide, rule 4).

Run after the scan, when every year and full date of the text is known, against
a document date: the text's own dateline or one the caller knows from elsewhere.
"""

from __future__ import annotations

import bisect
import calendar
import re

from pipeline.extraction.dates import DateHit
from pipeline.extraction.found import ScanState
from pipeline.extraction.patterns import SP
from pipeline.text.document_date import DocumentDate
from pipeline.text.sentences import SentenceFinder

_SAME_CLAUSE_REACH = 80
_MONTH_DAY_RE = re.compile(r"\d{4}-(\d\d)-(\d\d)$")
# "April 1 to May 14, 2024", "between March 3 and April 9, 2023": the link to a range's dated end
_DATE_RANGE_LINK_RE = re.compile(rf"{SP}*(?:[-\u2013\u2014]|to|through|until|till|and|al|y|hasta){SP}*")
# a year that does not say when the text reports: "since 2021", "compared with 2019", "by 2030"
_NOT_REPORTING_YEAR_RE = re.compile(
    rf"(?<![A-Za-z])(?:since|from|before|after|by|until|than|with|to|in all of){SP}+(?:the{SP}+end{SP}+of{SP}+)?$",
    re.I,
)
_FUTURE_RE = re.compile(
    r"(?<![A-Za-z])(?:will|shall|scheduled|expected|expects|plans?|planned|planning|next|upcoming|coming|"
    r"forthcoming|due|to be|set to|aims? to|deadline)(?![A-Za-z])",
    re.I,
)


def resolve_dates(state: ScanState, document_date: DocumentDate | None) -> None:
    """Give the dates of ``state`` written without a year the year their context makes plain.

    In order: the year of a range's dated end (``April 1 to May 14, 2024``); a year
    written just before in the same sentence (``fiscal year 2023, which ended Sept.
    30``); the year of ``document_date``, or the year before it when the day would
    fall after that date and nothing before it in the sentence speaks of the future;
    the last full date written before, else the last reporting year; the first year written.
    """
    if not state.pending:
        return
    text = state.text
    doc = document_date
    years = sorted(state.years)
    sentences = SentenceFinder(text)
    positions = [y[0] for y in years]
    dated_years = [y for y in years if y[0] in state.full_dates]
    dated_positions = [y[0] for y in dated_years]
    year_at = dict(years)
    date_values = {f.start: f.value for f in state.found if f.kind == "date" and f.value}
    reporting = _reporting_years(text, years)
    for index, hit in state.pending:
        k = bisect.bisect_left(positions, hit.start)
        last = years[k - 1] if k else None  # the last year written before
        year = _range_end_year(text, hit, year_at, state.full_dates, date_values)
        if year is not None:
            pass
        elif (
            last is not None
            and hit.start - last[0] <= _SAME_CLAUSE_REACH
            and (doc is None or last[0] != doc.start)
            and sentences.around(hit.start, hit.end)[0] <= last[0]
        ):
            year = last[1]
        elif doc is not None and doc.year is not None:
            year = doc.year
            if _after_document_date(hit, doc, year) and not _speaks_of_future(text, sentences, hit):
                year -= 1
        elif last is not None:  # the last full date written before, else the reporting year
            j = bisect.bisect_left(dated_positions, hit.start)
            year = dated_years[j - 1][1] if j else reporting[k - 1]
        elif years:
            year = years[0][1]
        if year is not None and hit.day is not None:
            year = _leap_year_for(hit, year)
        found = state.found[index]
        state.found[index] = found._replace(value=hit.iso(year) if year is not None else "")


def _leap_year_for(hit: DateHit, year: int) -> int:
    """``year``, or for a 29 February the latest leap year up to it: the day exists only then."""
    if (hit.month, hit.day) != (2, 29):
        return year
    while not calendar.isleap(year):
        year -= 1
    return year


def _range_end_year(
    text: str, hit: DateHit, year_at: dict[int, int], full_dates: set[int], date_values: dict[int, str]
) -> int | None:
    """The year of a range's other end written with one (``April 1 to May 14, 2024``),
    the year before when the yearless end falls later in the calendar (``Dec. 1 to Jan. 5, 2024``)."""
    m = _DATE_RANGE_LINK_RE.match(text, hit.end)
    if m is None or m.end() == hit.end or m.end() not in year_at or m.end() not in full_dates:
        return None
    other = _MONTH_DAY_RE.match(date_values.get(m.end(), ""))
    year = year_at[m.end()]
    if other is not None and hit.day is not None and (hit.month, hit.day) > (int(other[1]), int(other[2])):
        year -= 1
    return year


def _reporting_years(text: str, years: list[tuple[int, int]]) -> list[int]:
    """For each year written, the year the text reports on up to there, for a day without a
    year and no document date: the latest year written so far that is not a point of
    comparison or a target (``since 2021``, ``compared with 2019``, ``by 2030``); the last
    year written while all are."""
    out: list[int] = []
    best: int | None = None
    for p, y in years:
        if not _NOT_REPORTING_YEAR_RE.search(text, max(0, p - 30), p):
            best = y if best is None else max(best, y)
        out.append(best if best is not None else y)
    return out


def _after_document_date(hit: DateHit, doc: DocumentDate, year: int) -> bool:
    """Whether the day of ``hit``, in ``year``, falls after the document date ``doc``."""
    if doc.year != year or hit.day is None or doc.day is None:
        return False
    return (hit.month, hit.day) > (doc.month, doc.day)


def _speaks_of_future(text: str, sentences: SentenceFinder, hit: DateHit) -> bool:
    """Whether the sentence of ``hit`` speaks of the future before it (``will``, ``next``...)."""
    s, _ = sentences.around(hit.start, hit.end)
    return _FUTURE_RE.search(text, s, hit.start) is not None
