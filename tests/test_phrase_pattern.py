"""A prefix-tree pattern of many phrases finds exactly what the alternation sorted longest first finds.

The gazetteer matches thousands of place names with one such pattern; these tests pin the
equivalence, on examples and on random phrase sets and texts (including a following test that
rejects the longest phrase, so that the engine must fall back to a shorter one).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.curation.regions import load_gazetteer
from pipeline.text.phrase_pattern import phrase_alternation

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seed_sources"


def sorted_alternation(phrases: list[str]) -> str:
    return "(?:" + "|".join(re.escape(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p))) + ")"


def spans(pattern: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text)]


def test_the_longest_phrase_starting_at_a_position_wins() -> None:
    pattern = phrase_alternation(["Central America", "Northern Central America", "Central"])
    assert re.search(pattern, "in Northern Central America today").group() == "Northern Central America"
    assert re.search(pattern, "Central Americans").group() == "Central America"


def test_a_shorter_phrase_matches_when_what_follows_rejects_the_longer_one() -> None:
    pattern = phrase_alternation(["Guinea", "Guinea-Bissau"]) + r"(?![\w-])"
    assert re.search(pattern, "Guinea-Bissaux and Guinea").span() == (19, 25)
    assert re.search(pattern, "Guinea-Bissau.").group() == "Guinea-Bissau"


def test_characters_the_regex_language_uses_are_matched_literally() -> None:
    pattern = phrase_alternation(["U.S.", "U.S.A.", "(EU)", "a+b"])
    assert spans(pattern, "U.S.A. and UxS. and (EU) a+b aab") == [(0, 6), (20, 24), (25, 28)]


def test_no_phrases_match_nothing_and_an_empty_phrase_is_refused() -> None:
    assert re.search(phrase_alternation([]), "anything") is None
    with pytest.raises(ValueError, match="empty phrase"):
        phrase_alternation(["Mexico", ""])


@settings(max_examples=300, deadline=None)
@given(
    phrases=st.lists(st.text(alphabet="ab .", min_size=1, max_size=5), min_size=1, max_size=12),
    text=st.text(alphabet="ab .c", max_size=40),
    boundary=st.booleans(),
)
def test_it_finds_what_the_sorted_alternation_finds(phrases: list[str], text: str, boundary: bool) -> None:
    after = r"(?![ab])" if boundary else ""
    assert spans(phrase_alternation(phrases) + after, text) == spans(sorted_alternation(phrases) + after, text)


def test_the_gazetteer_finds_the_same_places_as_with_the_plain_alternation() -> None:
    gazetteer = load_gazetteer(SEEDS)
    plain = re.compile(r"(?<![\w.-])" + sorted_alternation(list(gazetteer._phrases)) + r"(?![\w$-])")
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    assert [m.span() for m in gazetteer._pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
