"""The document's own date: the dateline a text opens with.

Chosen after the scan from the dates written with a year, so that it is one pure
function of the text; the years of dates written without one are read against it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.extraction.dates import DateHit

_DOC_DATE_REACH = 600
_DATELINE_REACH = 60
_SHORT_LINE = 70
_DATELINE_AFTER_RE = re.compile(r"[ \t\u00a0]*(?:[-\u2013\u2014]|\()")
_DATE_LABEL_BEFORE_RE = re.compile(r"(?i)(?:date|published|updated|posted|released?|issued)[\s:|-]*$")


def find_dateline(text: str, hits: Iterable[DateHit]) -> DateHit | None:
    """The document's own date among ``hits`` (dates with a year, in scan order), if any.

    The first hit starting within the first 600 characters that is written as a
    dateline; a later such hit with a day replaces a first one without a day.
    """
    chosen: DateHit | None = None
    for hit in hits:
        if chosen is not None and chosen.day is not None:
            break  # a full date is never replaced
        better = chosen is None or hit.day is not None
        if better and hit.start < _DOC_DATE_REACH and is_dateline(text, hit):
            chosen = hit
    return chosen


def is_dateline(text: str, hit: DateHit) -> bool:
    """Whether ``hit`` is written as a document's own date.

    Near the start of a short line (``May 2023``, ``NEWS RELEASE — 16 November 2021``),
    as a dateline before a dash (``PANAMA CITY, Jan. 5, 2024 — More than...``), or
    after a label such as ``Release Date:``.
    """
    line_start = text.rfind("\n", 0, hit.start) + 1
    if hit.start - line_start > _DATELINE_REACH:
        return False
    line_end = text.find("\n", hit.end, hit.end + _SHORT_LINE)
    if line_end >= 0 and line_end - line_start <= _SHORT_LINE:
        return True
    if _DATELINE_AFTER_RE.match(text, hit.end):
        return True
    return _DATE_LABEL_BEFORE_RE.search(text, line_start, hit.start) is not None
