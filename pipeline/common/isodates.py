"""The one ISO 8601 date validator: a day, or (where allowed) a month or a year, checked against the calendar.

Provenance ``published``, ``add-source --published``, indicator periods and
release dates all go through ``iso_date``; YAML may already have turned an
unquoted ``2024-06-26`` into a ``datetime.date``, which is accepted as that day.
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.common.values import brief

_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: What each precision accepts, as said in error messages.
FORMS = {"day": "YYYY-MM-DD", "month": "YYYY-MM-DD or YYYY-MM", "year": "YYYY-MM-DD, YYYY-MM or YYYY"}


def iso_date(value: object, precision: str = "day") -> str:
    """``value`` as an ISO 8601 date string; ``precision`` ``month`` or ``year`` also admits coarser dates.

    Raises ValueError saying which forms are accepted.
    """
    if isinstance(value, dt.datetime):
        raise ValueError(f"must be an ISO 8601 date ({FORMS[precision]}), not a timestamp: {brief(value)}")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and precision == "year":
        value = str(value)  # YAML reads an unquoted 2024 as a number
    text = value.strip() if isinstance(value, str) else None
    try:
        if text is not None and _DAY.match(text):
            return dt.date.fromisoformat(text).isoformat()
        if text is not None and precision in ("month", "year") and (m := _MONTH.match(text)):
            dt.date(int(m.group(1)), int(m.group(2)), 1)
            return text
        if text is not None and precision == "year" and _YEAR.match(text):
            return text
    except ValueError:
        pass
    raise ValueError(f"must be an ISO 8601 date ({FORMS[precision]}), got {brief(value)}")


def precision_of(iso: str) -> str:
    """``day``, ``month`` or ``year``: how precise an ISO 8601 date string from ``iso_date`` is."""
    return {10: "day", 7: "month", 4: "year"}[len(iso)]


def first_day(iso: str) -> dt.date:
    """The first day an ISO 8601 day, month or year covers (``2021-11`` → 2021-11-01)."""
    parts = [int(p) for p in iso.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def at_precision(day: dt.date, precision: str) -> str:
    """``day`` written as ISO 8601 at ``precision`` (the inverse of ``first_day`` for a first day)."""
    return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[precision]


def stated_date(day: object, precision: object) -> str | None:
    """A DATE cell with its precision (``documents.published``, ``published_precision``) as ISO 8601 text, as the
    document states it (``2021-11-01`` at month precision → ``2021-11``); None when missing."""
    if not isinstance(day, dt.date) or not isinstance(precision, str):
        return None
    return at_precision(day, precision)
