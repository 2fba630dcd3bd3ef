"""``extract(text)``: every numeric mention of a document, in order.

One scan (:data:`~pipeline.extraction.triggers.TRIGGER_RE`) stops where a
mention may start; from there anchored patterns read the whole mention (dates
first, then quantities and ranges), the exclusions drop what is not a mention,
and only then are the document's own date chosen, the years of yearless dates
filled in, and qualifiers and sentences read, for the mentions kept.

The readers live by family of mention: :mod:`.digit_mentions` and
:mod:`.word_mentions` at a trigger, :mod:`.ranges` for every quantity,
:mod:`.dateline` and :mod:`.yearless_dates` for dates, :mod:`.whole_text` for
the passes over the whole text; they share one :class:`~.found.ScanState`.
"""

from __future__ import annotations

from pipeline.extraction.dateline import find_dateline
from pipeline.extraction.digit_mentions import at_digits
from pipeline.extraction.found import ScanState
from pipeline.extraction.model import Mention
from pipeline.extraction.triggers import TRIGGER_RE
from pipeline.extraction.whole_text import (
    allowed_segments,
    attach_signs,
    finish,
    read_table_columns,
    share_list_units,
)
from pipeline.extraction.word_mentions import at_word
from pipeline.extraction.yearless_dates import resolve_dates
from pipeline.text.document_date import DocumentDate
from pipeline.text.document_date import document_date as choose_document_date


def extract(text: str, published: str | None = None) -> list[Mention]:
    """Every numeric mention of ``text``, sorted by (start, end); see the extraction guide.

    ``published`` is the document's recorded publication date (ISO 8601), if known.
    """
    return extract_with_date(text, published)[0]


def extract_with_date(text: str, published: str | None = None) -> tuple[list[Mention], DocumentDate | None]:
    """The mentions of ``text`` and the document date their yearless dates were read against.

    That date is ``published`` when known (refined by the text's dateline when it
    lies inside it), else the text's own dateline, else None.
    """
    state = scan(text)
    hit = find_dateline(text, state.dated)
    dateline = None if hit is None or hit.year is None else DocumentDate(hit.year, hit.month, hit.day, hit.start)
    document_date = choose_document_date(published, dateline)
    resolve_dates(state, document_date)
    found = share_list_units(text, read_table_columns(text, attach_signs(text, state.found)))
    return finish(text, found), document_date


def scan(text: str) -> ScanState:
    """Read every mention starting at a trigger outside reference sections and citation lines."""
    state = ScanState(text)
    for seg_start, seg_end in allowed_segments(text):
        consumed = seg_start
        for m in TRIGGER_RE.finditer(text, seg_start, seg_end):
            s = m.start()
            if s < consumed:
                continue
            word = m.group("w")
            consumed = at_digits(state, s, m.end()) if word is None else at_word(state, s, m.end(), word)
    return state
