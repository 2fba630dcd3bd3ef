"""Enrichment of news items and press releases: one rule per case, on sentences written for these tests.

Each case is a short text (with a dateline where the rule reads the document's
date), the statistical figure as written, the enrichment column looked at and
the value a careful reader gives it. The extractor finds the figure; nothing is
stubbed.
"""

from __future__ import annotations

from functools import cache

import pytest

from pipeline.curation.regions import load_gazetteer
from pipeline.enrichment import STATISTICAL_KINDS, Enrichment, Gazetteer, enrich
from pipeline.extraction import extract_with_date
from tests.conftest import SEED_SOURCES


@cache
def gazetteer() -> Gazetteer:
    return load_gazetteer(SEED_SOURCES)


def enrichment_of(text: str, figure: str) -> Enrichment:
    """The enrichment of the one statistical mention of ``text`` written ``figure``."""
    mentions, document_date = extract_with_date(text)
    found = [
        e
        for m, e in zip(mentions, enrich(text, mentions, gazetteer(), document_date), strict=True)
        if m.text == figure and m.kind in STATISTICAL_KINDS
    ]
    assert len(found) == 1, f"no single statistical mention {figure!r} in {[m.text for m in mentions]}"
    return found[0]


def column(e: Enrichment, name: str) -> object:
    if name == "period":
        return (e.period_start, e.period_end)
    if name == "geography":
        return e.geography_text
    return getattr(e, name)


SUBJECTS = [
    # a clause opened by `said` has its own subject
    ("The mayor said arrivals had doubled since the spring.", "doubled", "arrivals"),
    # a parenthesis closed before the figure opens no clause
    ("Deportations from the European Union (EU) are expected to reach 450,000 next year.", "450,000", "Deportations"),
    # the plural of a demonym names people, not a place
    ("Nicaraguans were the second largest group, at 41,000.", "41,000", "Nicaraguans"),
    # `a budget of $12 million`: the noun the figure is `of`
    ("The program has a budget of just $12 million.", "$12 million", "budget"),
    # `the record of 11,400`: a level reached, so the figure before of the same kind
    ("Officials registered 9,200 asylum claims, short of the record of 11,400 set in 2019.", "11,400", "asylum claims"),
    # a figure in apposition counts what the figure before it counts
    ("Spain received almost a quarter of all applications, some 160,000.", "160,000", "applications"),
    # a ratio with no noun of its own is a share of the population counted before it
    ("A survey of 900 returnees found that one in four had been robbed.", "one in four", "returnees"),
    # a multiplier compared with the figure before counts the same thing
    ("More than 75,000 people crossed the border in 2023, twice the number recorded in 2022.", "twice", "people"),
    # a multiplier used as a verb takes its clause's subject
    ("Shelters are full as arrivals triple.", "triple", "arrivals"),
    # `a 22 percent increase in deportations`
    ("Officials reported a 22 percent increase in deportations.", "22 percent", "deportations"),
    # `a 15 percent rise on the 3,100 returns`: what the later figure counts
    ("This represents a 15 percent rise on the 3,100 returns recorded in 2022.", "15 percent", "returns"),
    # a sentence opening with a time phrase and no comma
    ("For fiscal 2025 the ceiling is 90,000.", "90,000", "ceiling"),
    # `daily` after the noun is how often, not part of what is counted
    ("The app offered 800 appointments daily.", "800", "appointments"),
    # `last year` after a figure is when, not what
    ("The number of asylum seekers climbed to more than 300,000 last year.", "300,000", "asylum seekers"),
    # `the 46 least developed countries`
    ("The 46 least developed countries host a fifth of all refugees.", "46", "least developed countries"),
    # a headline subject opened by an adjective in -ed
    ("Forced displacement hits new record of 120 million", "120 million", "Forced displacement"),
]


@pytest.mark.parametrize(("text", "figure", "expected"), SUBJECTS, ids=[c[1] for c in SUBJECTS])
def test_subject_in_news_style(text: str, figure: str, expected: str) -> None:
    assert enrichment_of(text, figure).subject == expected


def test_a_place_opening_the_sentence_continues_the_figure_before() -> None:
    text = "Remittances to the region reached $40 billion in 2023. Honduras received about $9 billion."
    e = enrichment_of(text, "$9 billion")
    assert (e.subject, e.geography_text) == ("Remittances", "HND")


OTHER_COLUMNS = [
    # US federal fiscal years run from October to September
    (
        "Agents recorded 1.4 million encounters in fiscal year 2023.",
        "1.4 million",
        "period",
        ("2022-10-01", "2023-09-30"),
    ),
    ("Agents apprehended 1.2 million people in FY23.", "1.2 million", "period", ("2022-10-01", "2023-09-30")),
    (
        "In the first six months of fiscal year 2024, officers processed 21 million travelers.",
        "21 million",
        "period",
        ("2023-10-01", "2024-03-31"),
    ),
    ("IOM counted 3,800 deaths in the first nine months of 2023.", "3,800", "period", ("2023-01-01", "2023-09-30")),
    # relative expressions read against the document's dateline
    ("GENEVA, 3 March 2024 — Some 8,500 migrants died last year.", "8,500", "period", ("2023-01-01", "2023-12-31")),
    (
        "LIMA, 10 July 2024 — So far this year, 52,000 people have crossed.",
        "52,000",
        "period",
        ("2024-01-01", "2024-07-10"),
    ),
    ("MADRID, 15 February 2024 — Arrivals fell to 4,300 in December.", "4,300", "period", ("2023-12-01", "2023-12-31")),
    ("MADRID, 15 February 2024 — Arrivals rose to 6,100 in January.", "6,100", "period", ("2024-01-01", "2024-01-31")),
    ("QUITO, April 10, 2024 — Since January, 31,000 people have applied.", "31,000", "period", ("2024-01-01", None)),
    # a deadline month is the next one
    (
        "MONTERREY, Aug. 14, 2023 — The state pledged 10 million pesos by the end of September.",
        "10 million pesos",
        "period",
        (None, "2023-09-30"),
    ),
    # the twelve months ending in a month
    (
        "The government spent £2 billion in the year to March 2023.",
        "£2 billion",
        "period",
        ("2022-04-01", "2023-03-31"),
    ),
    # a change is dated by what it measures, not by the base it is compared with
    (
        "Remittances reached $20 billion in 2023, an increase of 6% over 2022.",
        "6%",
        "period",
        ("2023-01-01", "2023-12-31"),
    ),
    # both ends of a value range share the period named after the range
    ("The ceiling rose to between 30,000 and 40,000 in 2024.", "30,000", "period", ("2024-01-01", "2024-12-31")),
    # and the rate
    ("Daily encounters rose from 5,000 to 9,000 a day.", "5,000", "rate_per", "day"),
    # a currency is not a place
    ("The agency appealed for US$3 million.", "US$3 million", "geography", None),
    ("Each family receives 100 US dollars per person.", "100 US dollars", "geography", None),
    # demonyms and common names of countries
    ("Syrians lodged 90,000 applications.", "90,000", "geography", "SYR"),
    ("The UK spent £3 billion on asylum support.", "£3 billion", "geography", "GBR"),
    ("Some 400,000 migrants crossed the Darien in nine months.", "400,000", "geography", "PAN-DAR"),
]


@pytest.mark.parametrize(
    ("text", "figure", "name", "expected"), OTHER_COLUMNS, ids=[f"{c[2]}:{c[1]}" for c in OTHER_COLUMNS]
)
def test_period_rate_and_geography_in_news_style(text: str, figure: str, name: str, expected: object) -> None:
    assert column(enrichment_of(text, figure), name) == expected
