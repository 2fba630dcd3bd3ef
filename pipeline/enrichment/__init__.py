"""Enrichment of statistical mentions: what a figure counts, where and when, and per what time unit.

``enrich(text, mentions, gazetteer)`` is a pure function of one document's text
and its extracted mentions: it returns one ``Enrichment`` per mention, in the
same order. Temporal mentions (years, dates, durations) get an empty one; they
serve as the time expressions the statistical ones are read against. The rules
live in ``subject``, ``geography``, ``period`` and ``rate``; they are
deterministic, read only the document, and import nothing from Dagster.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from pipeline.common.vocabulary import STATISTICAL_KINDS
from pipeline.enrichment.geography import sentence_geographies
from pipeline.enrichment.period import (
    LOOKBACK_SENTENCES,
    Period,
    lookback_period,
    opens_value_range,
    refers_back,
    sentence_periods,
    time_expressions,
)
from pipeline.enrichment.rate import rate_per
from pipeline.enrichment.segments import segment
from pipeline.enrichment.subject import refers_back as refers_back_to_figure
from pipeline.enrichment.subject import sentence_subjects
from pipeline.enrichment.text import blank_markup
from pipeline.places.gazetteer import Gazetteer, PlaceMatch, Region, codes_text
from pipeline.text.document_date import DocumentDate
from pipeline.text.sentences import sentence_starts_before

__all__ = ["STATISTICAL_KINDS", "Enrichment", "Gazetteer", "MentionLike", "Region", "codes_text", "enrich"]


class MentionLike(Protocol):
    """What enrichment reads of a mention (``pipeline.extraction.Mention`` has it all)."""

    start: int
    end: int
    kind: str
    value: str
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True, slots=True)
class Enrichment:
    """The columns enrichment adds to one mention; all None for temporal mentions."""

    subject: str | None = None
    geography: tuple[str, ...] = ()
    period_start: str | None = None
    period_end: str | None = None
    rate_per: str | None = None

    @property
    def geography_text(self) -> str | None:
        """Geography as the column writes it: codes sorted and joined by ``;``."""
        return codes_text(self.geography)


EMPTY = Enrichment()
T = TypeVar("T")


def _within(items: Sequence[T], starts: Sequence[int], end_of: Callable[[T], int], lo: int, hi: int) -> list[T]:
    """The items (sorted by start, ``starts`` their starts) lying inside ``[lo, hi)``, found by bisection."""
    found = []
    for item in items[bisect_left(starts, lo) : bisect_left(starts, hi)]:
        if end_of(item) <= hi:
            found.append(item)
    return found


def _number(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _contexts(text: str, mentions: Sequence[MentionLike]) -> list[tuple[int, int]]:
    """The sentences holding mentions, a sentence that continues the previous one after a page break merged into it."""
    spans = sorted({(m.sentence_start, m.sentence_end) for m in mentions})
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged:
            prev_start, prev_end = merged[-1]
            gap = text[prev_end:start]
            if prev_end <= start and not gap.strip() and text[start : start + 1].islower():
                merged[-1] = (prev_start, end)
                continue
            if start < prev_end:  # overlapping spans: keep one context
                merged[-1] = (prev_start, max(prev_end, end))
                continue
        merged.append((start, end))
    return merged


def enrich(
    text: str, mentions: Sequence[MentionLike], gazetteer: Gazetteer, document_date: DocumentDate | None = None
) -> list[Enrichment]:
    """One ``Enrichment`` per mention of ``text``, in the order of ``mentions``.

    ``document_date`` is the date the document speaks from, as extraction read it
    (``pipeline.extraction.extract_with_date``); without it nothing is read as relative time.
    """
    clean = blank_markup(text)
    expressions = time_expressions(
        clean,
        [(m.kind, m.start, m.end, m.value) for m in mentions if m.kind in ("year", "date")],
        document_date.today if document_date is not None else None,
    )
    places = gazetteer.find(clean)
    place_starts = [p.start for p in places]
    expression_starts = [p.span_start for p in expressions]

    def is_place(phrase: str) -> bool:
        """Whether the phrase is only a place name (``Mexico``), not people named by a demonym (``Venezuelans``)."""
        bare = phrase[4:] if phrase.lower().startswith("the ") else phrase
        found = gazetteer.find(bare)
        whole = len(found) == 1 and found[0].start == 0 and found[0].end == len(bare)
        return whole and not gazetteer.names_people(bare)

    statistical = sorted((m for m in mentions if m.kind in STATISTICAL_KINDS), key=lambda m: (m.start, m.end))
    statistical_starts = [m.start for m in statistical]
    by_span: dict[tuple[int, int, str], Enrichment] = {}
    previous: Enrichment | None = None
    previous_kind: str | None = None
    previous_end = -1
    for cs, ce in _contexts(text, statistical):
        figures = _within(statistical, statistical_starts, lambda m: m.end, cs, ce)
        if not figures:
            continue
        spans = [(m.start, m.end) for m in figures]
        segments = segment(clean, cs, ce, spans)
        context_places: list[PlaceMatch] = _within(places, place_starts, lambda p: p.end, cs, ce)
        geographies = sentence_geographies(context_places, segments)
        subjects = sentence_subjects(
            clean,
            cs,
            ce,
            [(m.kind, m.start, m.end, _number(m.value)) for m in figures],
            previous.subject if previous else None,
            is_place,
            previous_kind if previous_end >= sentence_starts_before(clean, cs, 1) else None,
        )
        context_expressions = _within(expressions, expression_starts, lambda p: p.span_end, cs, ce)
        spans3 = [(m.kind, m.start, m.end) for m in figures]
        periods: list[Period | None] = sentence_periods(clean, context_expressions, segments, spans3)
        if refers_back(clean[cs:ce]):
            window = sentence_starts_before(clean, cs, LOOKBACK_SENTENCES)
            before = _within(expressions, expression_starts, lambda p: p.span_end, window, cs)
            earlier = lookback_period(before, window, cs)
            periods = [p if p is not None else earlier for p in periods]
        rates = [rate_per(clean, m.end, ce) for m in figures]
        for i in range(len(figures) - 2, -1, -1):  # `from 6,000 to 12,000 a day`: both a day
            if rates[i] is None and opens_value_range(clean, spans3, i):
                rates[i] = rates[i + 1]
        for i, m in enumerate(figures):
            geography = tuple(sorted(geographies[i]))
            period = periods[i]
            if previous is not None and refers_back_to_figure(clean, m.start):
                geography = geography or previous.geography
                if period is None and (previous.period_start is not None or previous.period_end is not None):
                    period = Period(previous.period_start, previous.period_end, m.start, m.end)
            enrichment = Enrichment(
                subject=subjects[i],
                geography=geography,
                period_start=period.start if period else None,
                period_end=period.end if period else None,
                rate_per=rates[i],
            )
            by_span[(m.start, m.end, m.kind)] = enrichment
            previous, previous_kind, previous_end = enrichment, m.kind, m.end
    return [by_span.get((m.start, m.end, m.kind), EMPTY) for m in mentions]
