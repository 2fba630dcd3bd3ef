"""The approx column reads the words right before a mention."""

from __future__ import annotations

import pytest
from extraction_cases import found

QUALIFIERS = [
    ("nearly", "approx"),
    ("almost", "approx"),
    ("about", "approx"),
    ("around", "approx"),
    ("roughly", "approx"),
    ("some", "approx"),
    ("approximately", "approx"),
    ("close to", "approx"),
    ("an estimated", "approx"),
    ("over", "min"),
    ("more than", "min"),
    ("at least", "min"),
    ("above", "min"),
    ("just over", "min"),
    ("under", "max"),
    ("less than", "max"),
    ("up to", "max"),
    ("at most", "max"),
    ("just", ""),  # only that many: no bound (extraction guide)
    ("fewer than", "max"),
    ("just under", "max"),
    ("only", ""),
    ("the", ""),
]


@pytest.mark.parametrize(("words", "approx"), QUALIFIERS)
def test_qualifier_before_a_count(words: str, approx: str) -> None:
    assert found(f"They counted {words} 500 people.") == [("500", "count", "500", "", approx)]


@pytest.mark.parametrize(("words", "approx"), [("Nearly", "approx"), ("More than", "min"), ("Up to", "max")])
def test_qualifier_at_sentence_start_is_read_case_insensitively(words: str, approx: str) -> None:
    assert found(f"{words} 500 people came.")[0][4] == approx


def test_qualifier_reads_through_the_age_of() -> None:
    assert found("People over the age of 65 will double.")[0] == ("65", "count", "65", "", "min")


def test_around_after_centred_is_not_a_qualifier() -> None:
    assert found("An approach centered around four pillars.") == [("four", "count", "4", "", "")]


def test_over_before_a_year_sets_nothing() -> None:
    assert found("Up 3.8% over 2022.")[1] == ("2022", "year", "2022", "", "")


def test_qualifier_applies_to_first_of_a_range_only() -> None:
    assert found("It rose from about 6,000 to 12,000.") == [
        ("6,000", "count", "6000", "", "approx"),
        ("12,000", "count", "12000", "", ""),
    ]


def test_spanish_mas_de_is_a_minimum() -> None:
    assert found("«Más de 300 niños llegaron solos»") == [("300", "count", "300", "", "min")]


def test_spanish_cerca_de_is_approximate() -> None:
    assert found("Cerca de 500 familias esperan.") == [("500", "count", "500", "", "approx")]
