"""The enrichment rules one at a time, on short texts: places, time expressions, rates, noun phrases."""

from __future__ import annotations

import re
from functools import cache

import pytest

from pipeline.curation.regions import load_gazetteer
from pipeline.enrichment import Gazetteer
from pipeline.enrichment.period import time_expressions
from pipeline.enrichment.rate import rate_per
from pipeline.enrichment.subject import noun_phrase, sentence_subjects
from tests.conftest import SEED_SOURCES


@cache
def gazetteer() -> Gazetteer:
    return load_gazetteer(SEED_SOURCES)


def places(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(text[p.start : p.end], p.codes) for p in gazetteer().find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("citizens of Northern Central America", [("Northern Central America", ("NCA",))]),
        ("Mexicans and Guatemalan farm workers", [("Mexicans", ("MEX",)), ("Guatemalan", ("GTM",))]),
        ("at the U.S.-Mexico border", [("U.S.-Mexico border", ("USA-SWB",))]),
        ("in the US and Canada", [("US", ("USA",)), ("Canada", ("CAN",))]),
        ("both North and Central America", [("North and Central America", ("CAM", "NAC"))]),
        ("Latin America and the Caribbean", [("Latin America and the Caribbean", ("LAC",))]),
        ("Mexico's Guest Worker Card", [("Mexico", ("MEX",))]),
        # CLDR's common and Spanish names, not only ISO's
        ("in Russia and Vietnam", [("Russia", ("RUS",)), ("Vietnam", ("VNM",))]),
        ("desde Estados Unidos hacia Panamá", [("Estados Unidos", ("USA",)), ("Panamá", ("PAN",))]),
        ("from Saint Kitts and Nevis", [("Saint Kitts and Nevis", ("KNA",))]),
        # places within a country stand for it
        ("arrivals in Lampedusa", [("Lampedusa", ("ITA",))]),
    ],
)
def test_gazetteer_finds_places_longest_phrase_first(text: str, expected: list) -> None:
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the Woodrow Wilson Center's Latin America Program/Mexico Institute",
        "renegotiate the Central America Free Trade Agreement",
        "let us know",
        "FLACSO-Guatemala",
    ],
)
def test_gazetteer_ignores_names_of_organisations_and_lowercase_words(text: str) -> None:
    assert places(text) == []


def test_countries_are_every_iso_3166_code_under_its_common_english_name() -> None:
    from pipeline.places.gazetteer import COUNTRY_NAMES

    assert len(COUNTRY_NAMES) >= 249 and all(len(code) == 3 and code.isupper() for code in COUNTRY_NAMES)
    assert (COUNTRY_NAMES["VEN"], COUNTRY_NAMES["COD"], COUNTRY_NAMES["GBR"]) == (
        "Venezuela",
        "Democratic Republic of the Congo",
        "United Kingdom",
    )


def test_every_region_code_differs_from_every_country_code() -> None:
    from pipeline.places.gazetteer import COUNTRY_NAMES

    assert not {r.code for r in gazetteer().regions} & set(COUNTRY_NAMES)


def periods(text: str) -> list[tuple[str | None, str | None]]:
    """Time expressions of ``text``, each four-digit year taken as a year mention."""
    years = [("year", m.start(), m.end(), m.group()) for m in re.finditer(r"\b(19|20)\d\d\b", text)]
    return [(p.start, p.end) for p in time_expressions(text, years)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in 2022", [("2022-01-01", "2022-12-31")]),
        ("From January through July 2021,", [("2021-01-01", "2021-07-31")]),
        ("for the eight months of January through August 2021", [("2021-01-01", "2021-08-31")]),
        ("in early 2021", [("2021-01-01", "2021-04-30")]),
        ("in the first half of 2022", [("2022-01-01", "2022-06-30")]),
        ("in the third quarter of 2020", [("2020-07-01", "2020-09-30")]),
        ("From 2010 to 2022,", [("2010-01-01", "2022-12-31")]),
        ("Study Group (2010-2015)", [("2010-01-01", "2015-12-31")]),
        ("between 2014 and 2015", [("2014-01-01", "2015-12-31")]),
        ("in 2014 and 2015", [("2014-01-01", "2014-12-31"), ("2015-01-01", "2015-12-31")]),
        ("surged 51 percent since 2000", [("2000-01-01", None)]),
        ("Until 2014, Canada had", [(None, "2014-12-31")]),
    ],
)
def test_time_expressions(text: str, expected: list) -> None:
    assert periods(text) == expected


def test_a_date_mention_is_its_day_and_a_month_mention_its_month() -> None:
    text = "As of October 10, 2021 and in January 2019"
    dates = [("date", 6, 22, "2021-10-10"), ("date", 30, 42, "2019-01")]
    assert [(p.start, p.end) for p in time_expressions(text, dates)] == [
        ("2021-10-10", "2021-10-10"),
        ("2019-01-01", "2019-01-31"),
    ]


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (" per week.", "week"),
        (" visas *per year*.", "year"),
        (" visas a year", "year"),
        (" people annually", "year"),
        (" each month", "month"),
        (" people, a year ago", None),
        (" people a year-long", None),
        (" citizens of Northern Central America", None),
    ],
)
def test_rate_per_reads_the_words_after_the_figure(after: str, expected: str | None) -> None:
    text = "17,805" + after.replace("*", " ")
    assert rate_per(text, 6, len(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("citizens of Northern Central America were apprehended", "citizens of Northern Central America"),
        ("work visas and 1,520 grants", "work visas"),
        ("findings and recommendations for policymakers", "findings and recommendations"),
        ("states holding observer status", "states"),
        ("neighboring countries.", "neighboring countries"),
        ("the existing pathways are", "existing pathways"),
        ("people apprehended at the border", "people"),
        ("southern states currently eligible", "southern states"),
    ],
)
def test_noun_phrase_stops_at_verbs_prepositions_and_numbers(text: str, expected: str) -> None:
    found = noun_phrase(text, 0, len(text))
    assert found is not None and found[0] == expected


def test_the_number_of_x_counts_x() -> None:
    text = "From 2010 to 2022, the number of migrants in Latin America nearly doubled"
    assert subjects_of(text, [("multiplier", "doubled")]) == ["migrants"]


def test_a_bare_place_name_is_no_subject() -> None:
    text = "Southwest Land Border have totaled 569,746"
    assert subjects_of(text, [("count", "569,746")]) == [None]


def subjects_of(text: str, figures: list[tuple[str, str]]) -> list[str | None]:
    """Subjects of the figures ``(kind, text)`` of one sentence, each found at its first occurrence."""
    spans = [(kind, text.index(figure), text.index(figure) + len(figure), None) for kind, figure in figures]
    return sentence_subjects(text, 0, len(text), spans, None, lambda phrase: bool(places(phrase)))


@pytest.mark.parametrize(
    ("text", "figures", "expected"),
    [
        (
            "In 2021, the project recorded 1,248 deaths in the region, a 41 per cent increase over the year before.",
            [("count", "1,248"), ("percent", "41 per cent")],
            ["deaths", "deaths"],
        ),
        (
            "The agency recorded 188,778 encounters in March, down 9% from February.",
            [("count", "188,778"), ("percent", "9%")],
            ["encounters", "encounters"],
        ),
        (
            "The United States admitted 60,014 refugees, nearly half of them from Africa.",
            [("count", "60,014"), ("ratio", "half")],
            ["refugees", "refugees"],
        ),
        ("Of these deaths, 686 occurred at the border.", [("count", "686")], ["deaths"]),
        ("Daily encounters rose to 12,000 a day.", [("count", "12,000")], ["Daily encounters"]),
        ("The journey through the roughly 100-kilometre stretch takes days.", [("count", "100")], ["kilometre"]),
        ("Officials expect arrests to double.", [("multiplier", "double")], [None]),
        (
            "They would add 1,500 agents at a cost of $200 million.",
            [("count", "1,500"), ("money", "$200 million")],
            ["agents", "cost"],
        ),
        ("Some 4.9 million people face acute food insecurity.", [("count", "4.9 million")], ["people"]),
    ],
)
def test_subject_rules_beyond_the_seeds(text: str, figures: list, expected: list) -> None:
    assert subjects_of(text, figures) == expected
