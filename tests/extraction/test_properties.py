"""Properties that hold for any text: no exceptions, spans and sentences index the text,
the output is sorted and deterministic."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extraction import KINDS, extract

FRAGMENTS = [
    "1",
    "2",
    "15",
    "2021",
    "1,520",
    "8.3",
    "0",
    "%",
    " percent",
    " per cent",
    " million",
    "bn",
    "m",
    "k",
    "$",
    "\\$",
    "US$",
    "€",
    "£",
    "USD ",
    " dollars",
    "one",
    "two",
    "Two",
    "twenty",
    "-",
    "–",
    " ",
    "  ",
    "\n",
    "\n\n",
    ".",
    ",",
    ";",
    ":",
    "(",
    ")",
    "[",
    "](",
    "http://x.org/",
    "www.",
    "@",
    "a third",
    " thirds",
    "half",
    "double",
    "twice",
    " times ",
    "fold",
    " in ",
    " of every ",
    " for every ",
    "January",
    "Oct.",
    "Sept. ",
    "May",
    "/",
    " years",
    " months",
    "-year",
    "COVID-19",
    "H-2B",
    "Title 42",
    "et al ",
    "References\n",
    "- ",
    "• ",
    "1. ",
    "¹",
    "²",
    "over ",
    "nearly ",
    "just ",
    "about ",
    "a factor of ",
    "between ",
    " and ",
    " to ",
    "e.g.",
    "U.S.",
    "Dr. ",
    "\r\n",
    "\u00a0",
    "No. ",
    "s",
    "'s",
    "th",
    "Q ",
    "FY",
    "×",
    "é",
    "\u2019",
]

numberish = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)
any_text = st.text(max_size=300)
texts = st.one_of(numberish, any_text)


def check(text: str) -> None:
    mentions = extract(text)
    assert [(m.start, m.end) for m in mentions] == sorted((m.start, m.end) for m in mentions)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert m.text == text[m.start : m.end]
        assert m.kind in KINDS
        assert m.value != ""
        assert m.approx in ("", "approx", "min", "max")
        assert 0 <= m.sentence_start <= m.start and m.end <= m.sentence_end <= len(text)
        assert m.sentence == text[m.sentence_start : m.sentence_end]
        if m.kind != "date":
            float(m.value)
            assert "e" not in m.value.lower()
    assert extract(text) == mentions


@settings(max_examples=200, deadline=None)
@given(numberish)
def test_number_like_text_gives_well_formed_mentions(text: str) -> None:
    check(text)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_any_text_gives_well_formed_mentions(text: str) -> None:
    check(text)


@settings(max_examples=100, deadline=None)
@given(numberish, numberish)
def test_a_mention_does_not_depend_on_distant_text(prefix: str, suffix: str) -> None:
    body = "In 2023, some 520,000 people crossed."
    text = prefix + "\n\n" + body + "\n\n" + suffix
    at = len(prefix) + 2
    inside = [(m.start - at, m.text, m.kind, m.value) for m in extract(text) if at <= m.start < at + len(body)]
    assert (14, "520,000", "count", "520000") in inside


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**60),
    st.sampled_from(["", " percent", " million", " for every 3", "-fold"]),
)
def test_very_long_numbers_are_written_plainly(number: int, suffix: str) -> None:
    text = f"They counted {number}{suffix} cases."
    check(text)
    for m in extract(text):
        assert "E" not in m.value and "e" not in m.value
