"""What one scan of a text has found so far, and how a mention is recorded.

:class:`Found` is one mention under construction (offsets, kind, value, unit);
:class:`ScanState` holds the found mentions with what later passes need of them:
the years written, the full dates, the dates still without a year, and the
dated hits in scan order from which the document's own date is chosen.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from pipeline.extraction.dates import DateHit
from pipeline.extraction.exclusions import WebTokens
from pipeline.extraction.patterns import YEAR_SUFFIX_RE
from pipeline.extraction.quantities import Quantity
from pipeline.extraction.values import plain, ratio
from pipeline.extraction.year_or_count import counts_not_year, year_outside_span


class Found(NamedTuple):
    """One mention under construction: ``text[start:end]`` of ``kind`` with ``value`` and ``unit``."""

    start: int
    end: int
    kind: str
    value: str
    unit: str = ""


class ScanState:
    """The text of one extraction and what its scan has found so far."""

    __slots__ = ("text", "found", "years", "full_dates", "pending", "dated", "web")

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[Found] = []
        # (offset, year) of every year written out, for days and months without one
        self.years: list[tuple[int, int]] = []
        self.full_dates: set[int] = set()  # offsets of dates written with day, month and year
        self.pending: list[tuple[int, DateHit]] = []  # (index in found, hit) of dates without a year
        self.dated: list[DateHit] = []  # dates written with a year, in scan order
        self.web = WebTokens(text)

    def add(self, start: int, end: int, kind: str, value: str, unit: str = "") -> None:
        """Record a mention (and, for a year, the year written there)."""
        self.found.append(Found(start, end, kind, value, unit))
        if kind == "year":
            self.years.append((start, int(value)))

    def add_date(self, hit: DateHit) -> None:
        """Record a date; one without a year waits for :func:`~.yearless_dates.resolve_dates`."""
        if hit.year is None:
            self.pending.append((len(self.found), hit))
            self.found.append(Found(hit.start, hit.end, "date", ""))
        else:
            self.years.append((hit.start, hit.year))
            if hit.day is not None:
                self.full_dates.add(hit.start)
            self.found.append(Found(hit.start, hit.end, "date", hit.iso(hit.year)))
            self.dated.append(hit)

    def add_quantity(self, q: Quantity) -> None:
        """Record a quantity read in full as the mention its kind makes it."""
        text = self.text
        kind = q.kind
        if kind == "year":
            self.add(q.start, q.end, "year", plain(q.raw))
        elif kind == "ratio":
            self.add(q.start, q.end, "ratio", ratio(q.ratio or Decimal(0), Decimal(1)))
        elif kind == "":
            year_like = q.year_like(text)
            if (year_like and not counts_not_year(text, q.num_start, q.num_end)) or (
                not year_like and q.scale == 1 and not q.word and year_outside_span(text, q.num_start, q.num_end)
            ):
                end = q.end
                s = YEAR_SUFFIX_RE.match(text, end)
                if s is not None:
                    end = s.end()
                self.add(q.start, end, "year", text[q.num_start : q.num_end])
            else:
                self.add(q.start, q.end, "count", plain(q.value))
        elif kind == "money":
            self.add(q.start, q.end, "money", plain(q.value), q.currency)
        else:
            self.add(q.start, q.end, kind, plain(q.value), q.unit)
