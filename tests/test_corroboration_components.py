"""Which mentions cite the same figure: the near-linear grouping behind ``corroboration``.

Each rule is shown on a few citations, and a property test checks the grouping against the
definition itself (every compatible pair joined, then connected sets), on random corpora.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.research.corroboration import Citation, figure_members, value_key

D = date


def cite(
    doc: str,
    start: int,
    subject: str = "visas",
    codes: tuple[str, ...] = (),
    period: tuple[date | None, date | None] = (None, None),
    value: float = 8641.0,
    kind: str = "count",
) -> Citation:
    return Citation(f"{doc}:{start}", doc, start, kind, value, subject, codes, period[0], period[1])


def figures(citations: list[Citation]) -> dict[str, set[str]]:
    """figure id -> its mention ids."""
    out: dict[str, set[str]] = {}
    for mention_id, figure_id in figure_members(sorted(citations, key=lambda c: value_key(c.kind, c.value))):
        out.setdefault(figure_id, set()).add(mention_id)
    return out


def test_the_same_figure_in_two_documents_is_one_figure_named_by_its_first_mention() -> None:
    assert figures([cite("b", 5), cite("a", 90)]) == {"a:90": {"a:90", "b:5"}}


def test_a_figure_stated_in_one_document_only_is_not_corroborated() -> None:
    assert figures([cite("a", 1), cite("a", 50)]) == {}


def test_a_subject_contained_in_the_other_on_word_boundaries_is_compatible() -> None:
    assert figures([cite("a", 1, "work visas"), cite("b", 1, "visas")]) == {"a:1": {"a:1", "b:1"}}
    assert figures([cite("a", 1, "visas"), cite("b", 1, "isas")]) == {}


def test_other_kinds_or_values_never_join() -> None:
    assert figures([cite("a", 1), cite("b", 1, value=8642.0)]) == {}
    assert figures([cite("a", 1), cite("b", 1, kind="money")]) == {}


def test_geographies_join_when_empty_or_nested_and_not_when_disjoint() -> None:
    assert figures([cite("a", 1, codes=("MEX",)), cite("b", 1)]) == {"a:1": {"a:1", "b:1"}}
    assert figures([cite("a", 1, codes=("MEX",)), cite("b", 1, codes=("GTM", "MEX"))]) == {"a:1": {"a:1", "b:1"}}
    assert figures([cite("a", 1, codes=("MEX",)), cite("b", 1, codes=("GTM",))]) == {}


def test_periods_join_when_they_overlap_or_one_is_open() -> None:
    jan, feb = (D(2021, 1, 1), D(2021, 1, 31)), (D(2021, 2, 1), D(2021, 2, 28))
    assert figures([cite("a", 1, period=jan), cite("b", 1, period=feb)]) == {}
    assert figures([cite("a", 1, period=jan), cite("b", 1, period=(D(2021, 1, 31), None))]) == {"a:1": {"a:1", "b:1"}}


def test_a_chain_of_compatible_mentions_is_one_figure_even_where_its_ends_are_not_compatible() -> None:
    chain = [cite("a", 1, codes=("MEX",)), cite("b", 1), cite("c", 1, codes=("GTM",))]
    assert figures(chain) == {"a:1": {"a:1", "b:1", "c:1"}}


# --- the definition, pair by pair, for the property test ---------------------------------------


def _compatible(a: Citation, b: Citation) -> bool:
    if value_key(a.kind, a.value) != value_key(b.kind, b.value):
        return False
    sa, sb = f" {a.subject} ", f" {b.subject} "
    if not (sa in sb or sb in sa):
        return False
    if a.codes and b.codes and not (set(a.codes) <= set(b.codes) or set(b.codes) <= set(a.codes)):
        return False
    a0, a1 = a.period_start or date.min, a.period_end or date.max
    b0, b1 = b.period_start or date.min, b.period_end or date.max
    return a0 <= b1 and b0 <= a1


def _by_definition(citations: list[Citation]) -> dict[str, set[str]]:
    parent = list(range(len(citations)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, a in enumerate(citations):
        for j in range(i + 1, len(citations)):
            if _compatible(a, citations[j]):
                parent[find(i)] = find(j)
    sets: dict[int, list[Citation]] = {}
    for i, c in enumerate(citations):
        sets.setdefault(find(i), []).append(c)
    out = {}
    for members in sets.values():
        if len({c.doc_id for c in members}) > 1:
            out[min(members, key=lambda c: c.order).mention_id] = {c.mention_id for c in members}
    return out


_days = st.integers(0, 40).map(lambda n: date(2021, 1, 1).fromordinal(date(2021, 1, 1).toordinal() + n))
_citation = st.builds(
    lambda doc, start, subject, codes, s, length, value: cite(
        doc,
        start,
        subject,
        tuple(sorted(codes)),
        (s, None if length is None else s.fromordinal(s.toordinal() + length)) if s is not None else (None, None),
        value,
    ),
    st.sampled_from(["a", "b", "c", "d"]),
    st.integers(0, 10_000),
    st.sampled_from(["visas", "work visas", "student visas", "people", "work"]),
    st.sets(st.sampled_from(["MEX", "GTM", "USA"]), max_size=2),
    st.one_of(st.none(), _days),
    st.one_of(st.none(), st.integers(0, 10)),
    st.sampled_from([1.0, 2.0]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_citation, max_size=14, unique_by=lambda c: c.mention_id))
def test_the_grouping_equals_the_connected_sets_of_compatible_pairs(citations: list[Citation]) -> None:
    assert figures(citations) == _by_definition(citations)
