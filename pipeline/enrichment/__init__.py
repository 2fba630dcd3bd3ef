"""Enrichment of statistical mentions: what a figure counts, where and when, and per what time unit.

``enrich(text, mentions, gazetteer)`` is a pure function of one document's text
and its extracted mentions: it returns one ``Enrichment`` per mention, in the
same order. Temporal mentions (years, dates, durations) get an empty one; they
serve as the time expressions the statistical ones are read against. The rules
live in ``subject``, ``geography``, ``period`` and ``rate``; they are
deterministic, read only the document, and import nothing from Dagster.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

from pipeline.common.vocabulary import STATISTICAL_KINDS
from pipeline.enrichment.geography import sentence_geographies
from pipeline.enrichment.period import (
    LOOKBACK_SENTENCES,
    Period,
    as_fiscal_years,
    in_year_of,
    is_comparison_base,
    lookback_period,
    opens_value_range,
    refers_back,
    sentence_periods,
    time_expressions,
)
from pipeline.enrichment.rate import rate_per
from pipeline.enrichment.scope import areas_of, document_scope, fold_areas, reported_period
from pipeline.enrichment.segments import Segments, segment
from pipeline.enrichment.subject import DEMONSTRATIVE, NUMBER_WORDS, sentence_subjects
from pipeline.enrichment.subject import refers_back as refers_back_to_figure
from pipeline.enrichment.subject_es import is_spanish, spanish_subject
from pipeline.enrichment.text import blank_markup
from pipeline.extraction.lexicon import words
from pipeline.places.gazetteer import COUNTRY_NAMES, Gazetteer, PlaceMatch, Region, codes_text
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


@dataclass
class _Document:
    """What enrichment looks up in one document: its cleaned text, places, time expressions, statistical figures."""

    text: str
    clean: str
    gazetteer: Gazetteer
    places: list[PlaceMatch]
    expressions: list[Period]
    statistical: list[MentionLike]

    def __post_init__(self) -> None:
        self.areas = areas_of(self.gazetteer)
        self.scope = tuple(sorted(document_scope(self.clean, self.places, self.gazetteer.names_people, self.gazetteer)))
        # a scope the document names more than once is what it is about, not only where its first item is
        self.scope_named_again = sum(set(p.codes) <= set(self.scope) for p in self.places) >= 2 if self.scope else False
        if self.scope and set(self.scope) <= _US and _FISCAL_YEARS.search(self.clean):
            self.expressions = as_fiscal_years(self.expressions)  # a US agency's years are its fiscal years
        self.spanish = is_spanish(self.clean)
        first_figure = self.statistical[0].start if self.statistical else len(self.clean)
        self.reported = reported_period(self.clean, self.expressions, first_figure)
        self.place_starts = [p.start for p in self.places]
        self.expression_starts = [p.span_start for p in self.expressions]
        self.statistical_starts = [m.start for m in self.statistical]

    def is_place(self, phrase: str) -> bool:
        """Whether the phrase is only a place name (``Mexico``), not people named by a demonym (``Venezuelans``)."""
        bare = phrase[4:] if phrase.lower().startswith("the ") else phrase
        found = self.gazetteer.find(bare)
        whole = len(found) == 1 and found[0].start == 0 and found[0].end == len(bare)
        return whole and not self.gazetteer.names_people(bare)

    def expressions_within(self, lo: int, hi: int) -> list[Period]:
        """The time expressions lying inside ``[lo, hi)``."""
        return _within(self.expressions, self.expression_starts, lambda p: p.span_end, lo, hi)


@dataclass
class _Previous:
    """The last figure enriched, which a figure referring back (``the other 49``) takes its context from."""

    enrichment: Enrichment | None = None
    kind: str | None = None
    end: int = -1
    frame: Period | None = None  # the period of the last figure that was no comparison base, and where it stood


def _sentence_periods(doc: _Document, cs: int, ce: int, spans3: list, segments: Segments) -> list[Period | None]:
    """The period of each figure of one sentence, a sentence referring back taking the nearest one before."""
    clean = doc.clean
    periods: list[Period | None] = sentence_periods(clean, doc.expressions_within(cs, ce), segments, spans3)
    if refers_back(clean[cs:ce]):
        window = sentence_starts_before(clean, cs, LOOKBACK_SENTENCES)
        earlier = lookback_period(doc.expressions_within(window, cs), window, cs)
        periods = [p if p is not None else earlier for p in periods]
    return periods


def _sentence_rates(clean: str, figures: Sequence[MentionLike], ce: int, spans3: list) -> list[str | None]:
    """The rate unit of each figure of one sentence; both ends of a value range share it."""
    rates = [rate_per(clean, m.end, ce) for m in figures]
    for i in range(len(figures) - 2, -1, -1):  # `from 6,000 to 12,000 a day`: both a day
        if rates[i] is None and opens_value_range(clean, spans3, i):
            rates[i] = rates[i + 1]
    return rates


_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_THOSE_PLACES = re.compile(r"\b(?:those|these|both)\s+(?:\w+\s+)?(?:countries|nations|islands|states)\b", re.IGNORECASE)


def _respectively(
    doc: _Document, cs: int, figures: Sequence[MentionLike], places: Sequence[PlaceMatch]
) -> list[frozenset[str]] | None:
    """The places a `respectively` sentence pairs with its figures, one each, in order: those named before its first
    figure, or, for `those two countries`, those the sentence before names; None if they do not pair up."""
    paired = [i for i, m in enumerate(figures) if not DEMONSTRATIVE.search(doc.clean, max(0, m.start - 8), m.start)]
    if not paired:
        return None
    first = figures[paired[0]].start
    named = [p for p in places if p.end <= first and len(p.codes) == 1]
    if not named and _THOSE_PLACES.search(doc.clean, cs, first):
        window = sentence_starts_before(doc.clean, cs, 1)
        if same_paragraph(doc.clean, window, cs):
            named = [p for p in _within(doc.places, doc.place_starts, lambda p: p.end, window, cs) if len(p.codes) == 1]
    codes = list(dict.fromkeys(p.codes[0] for p in named))
    if len(codes) < 2 or len(codes) != len(paired):
        return None
    result = [frozenset[str]() for _ in figures]
    for i, code in zip(paired, codes, strict=True):
        result[i] = frozenset({code})
    return result


def _sentence_subjects(
    doc: _Document, cs: int, ce: int, figures: Sequence[MentionLike], previous: _Previous
) -> list[str | None]:
    """The subject of each figure of one sentence, read with the rules of the document's language."""
    clean = doc.clean
    if doc.spanish:
        return [spanish_subject(clean, m.kind, m.start, m.end, ce) for m in figures]
    return sentence_subjects(
        clean,
        cs,
        ce,
        [(m.kind, m.start, m.end, _number(m.value)) for m in figures],
        previous.enrichment.subject if previous.enrichment else None,
        doc.is_place,
        previous.kind if previous.end >= sentence_starts_before(clean, cs, 1) else None,
    )


def _enrich_sentence(
    doc: _Document, cs: int, ce: int, previous: _Previous, out: dict[tuple[int, int, str], Enrichment]
) -> None:
    """Enrich the statistical figures of the sentence ``[cs, ce)`` into ``out``, updating ``previous``."""
    clean = doc.clean
    figures = _within(doc.statistical, doc.statistical_starts, lambda m: m.end, cs, ce)
    if not figures:
        return
    segments = segment(clean, cs, ce, [(m.start, m.end) for m in figures])
    context_places: list[PlaceMatch] = [
        p
        for p in _within(doc.places, doc.place_starts, lambda p: p.end, cs, ce)
        if not _in_breakdown(clean, p, figures[0].end)
    ]
    geographies = sentence_geographies(context_places, segments)
    if _RESPECTIVELY.search(clean, cs, ce):  # `Greece and Italy ... were, respectively, 4,100 and 2,700`
        geographies = _respectively(doc, cs, figures, context_places) or geographies
    subjects = _sentence_subjects(doc, cs, ce, figures, previous)
    spans3 = [(m.kind, m.start, m.end) for m in figures]
    periods = _sentence_periods(doc, cs, ce, spans3, segments)
    rates = _sentence_rates(clean, figures, ce, spans3)
    rescoped = bool(_RESCOPING.search(clean, cs, ce))
    own_time = bool(_OWN_TIME.search(clean, cs, ce))
    for i, m in enumerate(figures):
        geography = tuple(sorted(geographies[i]))
        period = periods[i]
        before = previous.enrichment
        if before is not None and refers_back_to_figure(clean, m.start):
            geography = geography or before.geography
            if period is None and (before.period_start is not None or before.period_end is not None):
                period = Period(before.period_start, before.period_end, m.start, m.end)
        elif before is not None and not rescoped and same_paragraph(clean, previous.end, m.start):
            geography = geography or before.geography  # the place the paragraph is about, as a reader carries it
        if not geography and not rescoped:
            geography = doc.scope  # the place the whole document is about
        elif not rescoped and doc.scope_named_again and _relates_to_scope(geography, doc.scope):
            geography = (*geography, *doc.scope)  # Hondurans' applications in a Mexican release: HND and MEX
        geography = tuple(sorted(fold_areas(geography, doc.areas)))
        frame = previous.frame  # the time frame a reader carries on (`since 2014` too)
        if period is not None and period.same_as_frame and frame is not None and frame.start and frame.end:
            period = in_year_of(period, frame.start, frame.end)
        if period is None and frame is not None and not own_time and _carries_period(clean, frame.span_end, m.start):
            period = Period(frame.start, frame.end, m.start, m.end)
        if period is None and doc.reported is not None and not own_time:
            period = Period(doc.reported.start, doc.reported.end, m.start, m.end)  # what the document reports on
        start, end = _ordered(period)
        subject = _plausible_subject(
            subjects[i] or _noun_before_parenthesis(clean, m.start, doc.is_place), doc.is_place
        )
        if subject is None and before is not None and _carries_subject(clean, previous, m):
            subject = before.subject  # `The latest figures take the total for the year so far to 19,294`
        enrichment = Enrichment(
            subject=subject, geography=geography, period_start=start, period_end=end, rate_per=rates[i]
        )
        out[(m.start, m.end, m.kind)] = enrichment
        previous.enrichment, previous.kind, previous.end = enrichment, m.kind, m.end
        if (start or end) and not is_comparison_base(clean, m.start):  # the frame a reader carries on
            previous.frame = Period(start, end, m.start, m.end)


#: Words by which a sentence names a scope of its own, so that it does not inherit the place of the figure before
#: it: "in these three countries", "all other workers in the region", "worldwide" (but not "the country of
#: origin" or "the United Nations").
_RESCOPING = re.compile(
    r"(?<!\w)(?=\w)(?:"  # every branch starts a word: the engine leaves the other positions after one test
    r"\b(?:(?:these|those|other|all|both|several|many|the\s+\w+est|\d+|two|three|four|five|six|seven|eight|nine|ten"
    r"|\w++(?<=teen)|\w++(?<=ty))\s+(?:\w+\s+)?(?:countries|nations)|each\s+country|every\s+country"
    r"|region(?:s|al)?|worldwide|globally|global|elsewhere|abroad|international(?:ly)?|world)\b"
    # places with no code of their own (seas, continents, world regions): a figure about them is about no country;
    # named as where people come from (`migrants from North Africa`) they set no scope
    r"|(?<!from\s)(?<!from\sthe\s)(?<!from\sNorth\s)(?<!from\sWest\s)(?<!from\sEast\s)(?<!from\sSouth\s)"
    r"\b(?-i:Mediterranean|Caribbean|Europe|European\s+Union|EU|Africa|Asia|Middle\s+East|MENA|Sahel|Balkans"
    r"|Aegean|Atlantic|Pacific|Mediterráneo|Caribe|Europa|África)\b"
    r")",
    re.IGNORECASE,
)


def _carries_period(text: str, earlier: int, later: int) -> bool:
    """Whether a figure whose sentence names no time takes the period of the figure before it (at ``earlier``).

    A reader carries the time frame over the rest of its paragraph and into the next one (news items put one
    sentence in each paragraph); a sentence that speaks of the present (``Presently``) or cites a study of its
    own (``(Brodbeck et al. 2018)``) takes none (``_OWN_TIME``, checked once per sentence by the caller).
    """
    return 0 <= earlier <= later and text.count("\n\n", earlier, later) <= 1


#: Words by which a sentence sets a time of its own that is no time expression: the present, or a cited study.
_OWN_TIME = re.compile(
    r"\b(?:[Pp]resently|[Cc]urrently|[Nn]owadays|[Tt]oday|at\s+present|right\s+now)\b"
    r"|\bet\s+al\b|\(\s*[A-Z][^()]{0,80}?\d{4}[a-z]?\s*\)"
)


#: `the most common destination for deportees (87,298)`: the noun a parenthesised figure follows.
_BEFORE_PARENTHESIS = re.compile(r"\b(?P<noun>[a-z][a-z-]{2,})\s*\(\s*$")
_NOT_NOUNS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "by",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "which",
        "who",
        "that",
        "than",
        "as",
        "total",
        "respectively",
        "about",
        "around",
        "nearly",
        "almost",
        "some",
    ]
)


#: Words that never name what a figure counts: pronouns, months, and the figure's own total.
_NOT_SUBJECTS = frozenset(
    words(
        "them they it its those these this that which who whom others one ones total totals figure figures number "
        "january february march april may june july august september october november december "
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
    )
)


def _plausible_subject(subject: str | None, is_place: Callable[[str], bool]) -> str | None:
    """``subject``, unless it cannot be what a figure counts: a pronoun or a month (``half of them``, ``de
    enero``), or only places (``El Salvador and Honduras``); a reader then takes it from the figures around."""
    if not subject:
        return None
    low = subject.lower()
    if low in _NOT_SUBJECTS:
        return None
    parts = [p for p in re.split(r",\s*|\s+(?:and|or|y|e)\s+", subject) if p]
    if parts and all(is_place(p) for p in parts):
        return None
    return subject


def _noun_before_parenthesis(text: str, start: int, is_place: Callable[[str], bool]) -> str | None:
    """The noun right before the parenthesis a figure opens (``deportees (87,298)``), or None."""
    m = _BEFORE_PARENTHESIS.search(text, max(0, start - 40), start)
    noun = m.group("noun") if m is not None else ""
    if m is None or noun in _NOT_NOUNS or noun in NUMBER_WORDS or is_place(noun):
        return None
    return noun


def _carries_subject(text: str, previous: _Previous, figure: MentionLike) -> bool:
    """Whether a figure with no noun of its own counts what the figure before it counts: one of the same kind
    (a count after a count, money after money), or a percent or multiplier (its change), in the same or the next
    paragraph."""
    same_kind = previous.kind == figure.kind or figure.kind in ("percent", "multiplier")  # a change of it
    if not same_kind or previous.end < 0 or previous.end > figure.start:
        return False
    return text.count("\n\n", previous.end, figure.start) <= 1


#: Words opening a breakdown of a figure (`3.4 million refugees, primarily in Poland and Germany`, `mostly
#: Venezuelans`) or an exception (`excluding China`): the places after them say where most of it is, or what it
#: leaves out, not what the figure is about.
_BREAKDOWN = re.compile(
    r"\b(?:mostly|mainly|primarily|chiefly|largely|predominantly|especially|particularly|including|such\s+as"
    r"|led\s+by|followed\s+by|most\s+of\s+them(?:\s+from)?|excluding|except(?:\s+for)?|apart\s+from)\b[^.;:()\d]*$",
    re.IGNORECASE,
)


def _in_breakdown(text: str, place: PlaceMatch, first_figure_end: int) -> bool:
    """Whether a place is named inside a breakdown of a figure before it (``mainly from Haiti (4,200)`` with no
    figure before is where that figure comes from)."""
    if _NEIGHBOUR.search(text, max(0, place.start - 30), place.start):
        return True  # `Chiapas, a state bordering Guatemala`: the neighbour is not where the figure is
    if _LABEL.match(text, place.end):
        return False  # `followed by Guatemala (66,435)`: the place labels the figure after it
    return _BREAKDOWN.search(text, max(first_figure_end, place.start - 60), place.start) is not None


_LABEL = re.compile(
    r"\s*(?:\(|:|,?\s+with)\s*(?:(?:about|around|nearly|almost|some|over|more\s+than|just\s+over)\s+)?[\d$€£]"
)
_NEIGHBOUR = re.compile(
    r"\b(?:bordering|borders?\s+with|neighbou?ring|next\s+to|on\s+the\s+border\s+with|(?<=border)\s+with)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


def _relates_to_scope(geography: tuple[str, ...], scope: tuple[str, ...]) -> bool:
    """Whether a figure naming other countries than the one its document is about is about migration between them
    and it, as a reader of a migration document takes it (applicants from Honduras in a Mexican release, deportees
    sent to Guatemala in a US one): the document's scope is one country or area, the figure names countries only."""
    return len(scope) == 1 and scope[0] not in geography and all(code in COUNTRY_NAMES for code in geography)


#: A document about the United States that counts in fiscal years (`fiscal year 2024`, `FY23`).
_FISCAL_YEARS = re.compile(r"\b(?:[Ff]iscal\s+[Yy]ear|FY\s?\d)")
_US = frozenset({"USA", "USA-SWB"})


def same_paragraph(text: str, earlier: int, later: int) -> bool:
    """Whether offsets ``earlier`` and ``later`` lie in one paragraph (no blank line between them)."""
    return 0 <= earlier <= later and "\n\n" not in text[earlier:later]


def _ordered(period: Period | None) -> tuple[str | None, str | None]:
    """A period's start and end, or neither when the text gave them in the wrong order (odd years, a misread
    range): enrichment never states a period that ends before it starts."""
    if period is None:
        return None, None
    if period.start is not None and period.end is not None and period.start > period.end:
        return None, None
    return period.start, period.end


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
        document_date is not None and document_date.day is not None,
    )
    statistical = sorted((m for m in mentions if m.kind in STATISTICAL_KINDS), key=lambda m: (m.start, m.end))
    doc = _Document(text, clean, gazetteer, gazetteer.find(clean), expressions, statistical)
    by_span: dict[tuple[int, int, str], Enrichment] = {}
    previous = _Previous()
    for cs, ce in _contexts(text, statistical):
        _enrich_sentence(doc, cs, ce, previous, by_span)
    _fill_document_subjects(by_span)
    return [by_span.get((m.start, m.end, m.kind), EMPTY) for m in mentions]


def _fill_document_subjects(by_span: dict[tuple[int, int, str], Enrichment]) -> None:
    """A figure left with no subject counts what the document's figures of its kind mostly count (the money figures
    of a remittances release are remittances), when at least two of them and most of those with a subject say so."""
    counts: dict[str, Counter[str]] = {}
    written: dict[str, str] = {}  # each subject as the document first writes it
    for (_, _, kind), e in by_span.items():
        if e.subject:
            counts.setdefault(kind, Counter())[e.subject.lower()] += 1
            written.setdefault(e.subject.lower(), e.subject)
    usual: dict[str, str] = {}
    for kind, counter in counts.items():
        subject, n = counter.most_common(1)[0]
        if n >= 2 and n * 2 > sum(counter.values()):
            usual[kind] = written[subject]
    for key, e in by_span.items():
        if not e.subject and key[2] in usual:
            by_span[key] = replace(e, subject=usual[key[2]])
