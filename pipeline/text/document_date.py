"""The date a document speaks from: its recorded publication date, else the dateline its text opens with.

Yearless dates (``Sept. 30``) and relative time (``last year``, ``so far this
year``, ``in May``) are read against it. The provenance ``published`` date is
what the publisher says; where it is only a month or a year and the text's
dateline falls inside it, the dateline gives the day.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DocumentDate:
    """A day, a month (``day`` None) or a year (``month`` None); ``start`` is the dateline's offset, -1 if none."""

    year: int
    month: int | None = None
    day: int | None = None
    start: int = -1
    source: str = "dateline"  # or "published"

    @property
    def today(self) -> str:
        """The last day the date covers, as ISO 8601: the day itself, the month's last day, or 31 December."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return f"{self.year:04d}-{month:02d}-{day:02d}"

    def contains(self, other: DocumentDate) -> bool:
        """Whether ``other`` lies within this date (a day within its month or year)."""
        if other.year != self.year:
            return False
        if self.month is None:
            return True
        return other.month == self.month and (self.day is None or other.day == self.day)


def published_date(published: str | None) -> DocumentDate | None:
    """The ``DocumentDate`` of an ISO 8601 ``published`` value (``2024-06-26``, ``2024-06``, ``2024``), or None."""
    if not published:
        return None
    parts = [int(p) for p in published.split("-")]
    return DocumentDate(*parts, source="published")  # type: ignore[arg-type]


def document_date(published: str | None, dateline: DocumentDate | None) -> DocumentDate | None:
    """The publication date when known (refined to the dateline's day when that lies inside it), else the dateline."""
    recorded = published_date(published)
    if recorded is None:
        return dateline
    if dateline is not None and recorded.contains(dateline):
        return DocumentDate(dateline.year, dateline.month, dateline.day, dateline.start, "published")
    return recorded
