"""Where a figure applies (``geography``): the places its sentence attributes it to.

Places are found by the gazetteer; each belongs to the figure owning its stretch
of the sentence (see ``segments``). A figure's places are those of its own
stretch, plus the sentence's leading places when it is coordinated with the
first figure. A figure whose stretch names no place takes the places of the
previous figure when no clause break separates them, else the leading places.
Codes are ISO 3166-1 alpha-3 for countries and the region codes of
``sources/regions.yaml``; the column joins them with ``;`` in sorted order.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from pipeline.enrichment.segments import Segments
from pipeline.places.gazetteer import PlaceMatch


def _codes_in(places: Sequence[PlaceMatch], starts: Sequence[int], lo: int, hi: int) -> set[str]:
    """The codes of the places (sorted by start, ``starts`` their starts) inside ``[lo, hi)``, found by bisection."""
    return {code for p in places[bisect_left(starts, lo) : bisect_left(starts, hi)] if p.end <= hi for code in p.codes}


def sentence_geographies(places: Sequence[PlaceMatch], segments: Segments) -> list[frozenset[str]]:
    """The place codes of each figure of one sentence, given the places named in it and its segments."""
    places = sorted(places, key=lambda p: p.start)
    starts = [p.start for p in places]
    leading = _codes_in(places, starts, *segments.leading)
    result: list[frozenset[str]] = []
    for i, (lo, hi) in enumerate(segments.own):
        codes = _codes_in(places, starts, lo, hi)
        if segments.in_first_group[i]:
            codes |= leading
        if not codes:
            codes = set(result[i - 1]) if i > 0 and not segments.break_before[i] else leading
        result.append(frozenset(codes))
    return result
