"""Which stretch of a sentence belongs to which figure, for attributing places and periods.

A sentence holding several statistical figures is cut between each two
neighbours: at the first clause break (comma, semicolon, colon, parenthesis,
dash) between them, or, with none, just before the second figure (so the words
after a figure are its own: ``30 percent of the population in Guatemala and
Honduras and 28 percent in El Salvador``). The first figure also owns the words
before it and the last the words after it, as far as the nearest strong break
(anything but a comma). The sentence's *leading* words are those before the first figure,
after the last strong break (anything but a comma) preceding it; they scope
over the figures coordinated with the first (``8,641 work visas and 1,520
grants``), and over any figure that finds nothing in its own stretch. A figure in parentheses or after a colon
right after what it is the figure of (``Cuba (12,777)``, ``Colombia: $10.8 billion``) leads with the words before
the parenthesis or colon.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.enrichment.text import CLAUSE_BREAK, STRONG_BREAK

_COORDINATED = re.compile(r"\b(?:and|or)\s*$")
_OPENING_PARENTHESIS = re.compile(r"(?:\(|:)\s*$")


@dataclass(frozen=True, slots=True)
class Segments:
    """The stretches of one sentence owned by each of its figures, and how the figures connect."""

    own: tuple[tuple[int, int], ...]
    leading: tuple[int, int]
    # For each figure: whether a clause break separates it from the previous figure.
    break_before: tuple[bool, ...]
    # For each figure: whether it is the first or joined to it by and/or without a clause break.
    in_first_group: tuple[bool, ...]


def segment(text: str, start: int, end: int, figures: Sequence[tuple[int, int]]) -> Segments:
    """Cut ``text[start:end]`` among ``figures`` (``(start, end)`` spans in order)."""
    if not figures:
        return Segments((), (start, start), (), ())
    splits = []
    break_before = [False]
    in_first = [True]
    for (_, a_end), (b_start, _) in zip(figures, figures[1:], strict=False):
        gap = text[a_end:b_start]
        m = CLAUSE_BREAK.search(gap)
        splits.append(a_end + m.start() if m else b_start)
        break_before.append(m is not None)
        in_first.append(in_first[-1] and m is None and bool(_COORDINATED.search(gap)))
    first_start = figures[0][0]
    opened = _OPENING_PARENTHESIS.search(text, start, first_start)  # `Cuba (12,777)`: Cuba's figure
    strong = [m.end() for m in STRONG_BREAK.finditer(text, start, opened.start() if opened else first_start)]
    leading = (strong[-1] if strong else start, first_start)
    after = STRONG_BREAK.search(text, figures[-1][1], end)
    bounds = [leading[0], *splits, after.start() if after else end]
    own = tuple((bounds[i], bounds[i + 1]) for i in range(len(figures)))
    return Segments(own, leading, tuple(break_before), tuple(in_first))
