"""Which mentions cite the same figure: connected sets of compatible citations, in near-linear time.

Two statistical mentions cite the same figure when they have the same kind and value and
compatible context (the rules of ``warehouse/corroboration.sql``): subjects equal or one
contained in the other on word boundaries (``visas`` and ``work visas``); geographies either
empty or one's codes including all of the other's; periods overlapping (an open or missing end
reaches anything). A figure is a connected set of such mentions.

No pair of mentions is ever enumerated. Mentions are grouped by (kind, value) and, inside a
group, into buckets of one subject and one geography; the subjects and geographies that are
compatible are found between buckets (few), and inside each bucket, or each pair of
compatible buckets, one sweep over the mentions sorted by period start joins every mention to
the running set it overlaps. Union-find collects the sets. The cost is that of sorting each
bucket plus one pass per compatible bucket pair, instead of the square of the group's size.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import groupby

_EARLIEST, _LATEST = date.min, date.max


@dataclass(frozen=True, slots=True)
class Citation:
    """One statistical mention with the context that decides what it cites."""

    mention_id: str
    doc_id: str
    char_start: int
    kind: str
    value: float
    subject: str
    codes: tuple[str, ...]
    period_start: date | None
    period_end: date | None

    @property
    def order(self) -> tuple[str, int]:
        """Where it stands in the corpus: the first mention of a figure by this order names it."""
        return self.doc_id, self.char_start


class _UnionFind:
    """Disjoint sets over integer ids, with path halving and union by size."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]


def value_key(kind: str, value: float) -> tuple[str, float]:
    """The key two mentions must share: kind and value (to twelve significant digits)."""
    return kind, float(f"{value:.12g}")


def _subphrases(subject: str) -> Iterator[str]:
    """Every contiguous run of the words of ``subject`` shorter than the whole."""
    words = subject.split()
    n = len(words)
    for length in range(1, n):
        for i in range(n - length + 1):
            yield " ".join(words[i : i + length])


def _geographies_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Either is empty, or one's codes include all of the other's."""
    if not a or not b:
        return True
    sa, sb = set(a), set(b)
    return sa <= sb or sb <= sa


def _sweep(members: Iterable[tuple[date, date, int]], sets: _UnionFind) -> None:
    """Join each interval (sorted by start) to the running set of intervals it overlaps."""
    anchor, reach = -1, _EARLIEST
    for start, end, index in members:
        if anchor >= 0 and start <= reach:
            sets.union(anchor, index)
            reach = max(reach, end)
        else:
            anchor, reach = index, end


def _link_group(group: list[Citation], sets: _UnionFind) -> None:
    """Union the compatible mentions of one (kind, value) group (ids: their indexes in ``group``)."""
    buckets: dict[tuple[str, tuple[str, ...]], list[tuple[date, date, int]]] = defaultdict(list)
    for i, c in enumerate(group):
        interval = (c.period_start or _EARLIEST, c.period_end or _LATEST, i)
        buckets[(c.subject, c.codes)].append(interval)
    for members in buckets.values():
        members.sort()
        _sweep(members, sets)
    if len(buckets) == 1:
        return
    geographies: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for subject, codes in buckets:
        geographies[subject].append(codes)
    for subject, codes_a in geographies.items():
        related = [subject, *(p for p in _subphrases(subject) if p in geographies)]
        for other in related:
            for a in codes_a:
                for b in geographies[other]:
                    if (other, b) == (subject, a) or (other == subject and b < a):
                        continue  # a bucket with itself was swept; a pair of one subject is swept once
                    if _geographies_compatible(a, b):
                        _sweep(heapq.merge(buckets[(subject, a)], buckets[(other, b)]), sets)


def figure_members(citations: Iterable[Citation]) -> list[tuple[str, str]]:
    """(mention_id, figure_id) for every mention of a figure cited by more than one document.

    ``citations`` must come sorted by (kind, value), as one query gives them, so that only one
    group is held at a time beyond the ids. The figure id is the id of its first mention by
    (document, offset).
    """
    out: list[tuple[str, str]] = []
    for _, grouped in groupby(citations, key=lambda c: value_key(c.kind, c.value)):
        group = list(grouped)
        if len({c.doc_id for c in group}) < 2:
            continue
        sets = _UnionFind(len(group))
        _link_group(group, sets)
        components: dict[int, list[Citation]] = defaultdict(list)
        for i, c in enumerate(group):
            components[sets.find(i)].append(c)
        for members in components.values():
            if len({c.doc_id for c in members}) < 2:
                continue
            first = min(members, key=lambda c: c.order).mention_id
            out.extend((c.mention_id, first) for c in members)
    out.sort()
    return out
