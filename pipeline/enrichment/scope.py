"""The place a document as a whole is about (its scope), which a figure naming no place of its own takes.

A reader of "CBP reports record encounters along Southwest border" reads every later
figure that names no place as a Southwest-border figure. The scope is read from the
document's opening: the places named in the first of its first three paragraphs that
names any (the title, or the lede after a dateline), if they are at most two; else the
place the document names most often, when it is named at least twice and more often than
any other. Demonyms naming people (``Venezuelans``) never set a scope: they say who, not
where. An area lying within a country (a region of at most two member countries, such as
the US southwest border or the Darién Gap) stands for that country: ``Panama's Darién
jungle`` is the Darién, not Panama and the Darién. Documents longer than a news item or
press release (``MAX_SCOPED_CHARS``) are reports covering many places and have no scope.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from pipeline.enrichment.period import Period
from pipeline.places.gazetteer import Gazetteer, PlaceMatch

#: Longer documents are reports covering many places: the place of their title is no frame for page twenty.
MAX_SCOPED_CHARS = 12_000
OPENING_PARAGRAPHS = 3
MAX_OPENING_PLACES = 2


def areas_of(gazetteer: Gazetteer) -> dict[str, frozenset[str]]:
    """The regions that are areas within one or two countries, with those countries (``USA-SWB``: USA)."""
    return {r.code: frozenset(r.members) for r in gazetteer.regions if len(r.members) <= 2}


def fold_areas(codes: Iterable[str], areas: dict[str, frozenset[str]]) -> frozenset[str]:
    """The codes with each country dropped that an area named with it lies in (``PAN;PAN-DAR``: ``PAN-DAR``)."""
    codes = frozenset(codes)
    covered = {country for code in codes if code in areas for country in areas[code]}
    return frozenset(c for c in codes if c not in covered)


def document_scope(
    text: str, places: Sequence[PlaceMatch], names_people: Callable[[str], bool], gazetteer: Gazetteer
) -> frozenset[str]:
    """The codes of the place the document ``text`` is about (see module docstring); empty if it does not say."""
    if len(text) > MAX_SCOPED_CHARS:
        return frozenset()
    areas = areas_of(gazetteer)
    where = [p for p in places if not names_people(text[p.start : p.end])]
    paragraph_start = 0
    for _ in range(OPENING_PARAGRAPHS):
        end = text.find("\n\n", paragraph_start)
        end = len(text) if end < 0 else end
        named = [p for p in where if paragraph_start <= p.start and p.end <= end]
        if named:
            codes = fold_areas((c for p in named for c in p.codes), areas)
            if len(codes) <= MAX_OPENING_PLACES:
                return codes
            break
        if end >= len(text):
            break
        paragraph_start = end + 2
    counts = Counter(fold_areas(p.codes, areas) for p in where)
    if not counts:
        return frozenset()
    ranked = counts.most_common(2)
    (top, n), runner_up = ranked[0], ranked[1][1] if len(ranked) > 1 else 0
    return top if n >= 2 and n > runner_up else frozenset()


def reported_period(text: str, expressions: Sequence[Period], first_figure: int) -> Period | None:
    """The period a news-length document says it reports on in its opening (``CBP releases encounter data for
    August 2022``): the last month, quarter, year or longer span named before its first figure, in the paragraphs
    that precede the one holding it (at most three) or, when the first paragraph holds it, before it there. A single
    day is the dateline, not what is reported. None if the opening names no period."""
    if len(text) > MAX_SCOPED_CHARS:
        return None
    opening_end = paragraph_start = 0
    for _ in range(OPENING_PARAGRAPHS):
        end = text.find("\n\n", paragraph_start)
        if end < 0 or end >= first_figure:
            break
        opening_end = paragraph_start = end + 2
    opening_end = opening_end or first_figure
    named = [p for p in expressions if p.span_end <= opening_end and p.start and p.end and p.start != p.end]
    return named[-1] if named else None
