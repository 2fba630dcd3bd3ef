"""Enrichment of the seed documents' key figures: what each counts, where, when, and per what.

Each case is one figure of a seed sentence, found by the extractor at the
gold offset; the expected values are read off the sentence by hand.
"""

from __future__ import annotations

from functools import cache

import pytest

from pipeline.curation.regions import load_gazetteer
from pipeline.enrichment import STATISTICAL_KINDS, Enrichment, Gazetteer, enrich
from pipeline.extraction import Mention, extract, extract_with_date
from pipeline.sources.documents import read_provenance
from tests.conftest import SEED_IDS, SEED_SOURCES

JAN_JUL_2021 = ("2021-01-01", "2021-07-31")
YEAR_2021 = ("2021-01-01", "2021-12-31")
NO_PERIOD = (None, None)


@cache
def gazetteer() -> Gazetteer:
    return load_gazetteer(SEED_SOURCES)


@cache
def enriched(doc_id: str) -> tuple[tuple[Mention, Enrichment], ...]:
    text = (SEED_SOURCES / f"{doc_id}.txt").read_text(encoding="utf-8")
    published = read_provenance(SEED_SOURCES)[f"{doc_id}.txt"].published
    mentions, document_date = extract_with_date(text, published)
    return tuple(zip(mentions, enrich(text, mentions, gazetteer(), document_date), strict=True))


def figure(doc_prefix: str, start: int) -> tuple[Mention, Enrichment]:
    """The statistical mention of the seed document ``doc_prefix`` that covers offset ``start``."""
    doc_id = next(d for d in SEED_IDS if d.startswith(doc_prefix))
    found = [(m, e) for m, e in enriched(doc_id) if m.start <= start < m.end and m.kind in STATISTICAL_KINDS]
    assert len(found) == 1, f"no single statistical mention at {doc_id}:{start}"
    return found[0]


# doc, gold start, text, subject, geography, (period_start, period_end), rate_per
CASES = [
    ("000", 3674, "173", "member states", None, NO_PERIOD, None),
    ("000", 3703, "nine", "states", None, NO_PERIOD, None),
    ("000", 3759, "100", "countries", None, NO_PERIOD, None),
    ("001", 312, "30", "countries", None, NO_PERIOD, None),
    ("001", 1121, "doubled", "migrants", "LAC", ("2010-01-01", "2022-12-31"), None),
    ("001", 1142, "8.3 million", "migrants", "LAC", ("2010-01-01", "2010-12-31"), None),
    ("001", 1157, "16.3 million", "migrants", "LAC", ("2022-01-01", "2022-12-31"), None),
    ("002", 1310, "four", "pillars", None, NO_PERIOD, None),
    ("002", 2009, "29", "publications", None, NO_PERIOD, None),
    ("002", 2418, "two dozen", "former government officials", None, NO_PERIOD, None),
    ("002", 2794, "14", "findings and recommendations", None, NO_PERIOD, None),
    ("003", 1344, "1 in 50", "Northern Central Americans", "NCA;USA", ("2021-01-01", "2021-04-30"), None),
    ("003", 1485, "478,000", "citizens of Northern Central America", "NCA;USA", JAN_JUL_2021, None),
    ("003", 1643, "8,641", "work visas", "NCA", JAN_JUL_2021, None),
    ("003", 1664, "1,520", "grants of asylum", "NCA;USA", JAN_JUL_2021, None),
    ("003", 1731, "one in 50", "people", "USA", JAN_JUL_2021, None),
    ("003", 1817, "49", "people", "USA", JAN_JUL_2021, None),
    ("004", 6760, "65", "age", "USA", NO_PERIOD, None),
    ("004", 6778, "double", "people", "USA", NO_PERIOD, None),
    ("004", 7041, "one person in five", "person", "CAN", NO_PERIOD, None),
    ("004", 7126, "one in eight", "person", "USA", NO_PERIOD, None),
    ("004", 7469, "15", "age", "CAM", NO_PERIOD, None),
    ("004", 7486, "51 percent", "population of young people", "CAM", ("2000-01-01", None), None),
    ("004", 7535, "16 percent", "population of young people", "USA", ("2000-01-01", None), None),
    ("004", 7567, "30 percent", "population", "GTM;HND", NO_PERIOD, None),
    ("004", 7626, "28 percent", "population", "SLV", NO_PERIOD, None),
    ("004", 7682, "a third", "young people", None, NO_PERIOD, None),
    ("004", 9504, "478,000", "citizens of Northern Central America", "NCA;USA", JAN_JUL_2021, None),
    ("004", 9662, "8,641", "work visas", "NCA", JAN_JUL_2021, None),
    ("004", 9683, "1,520", "grants of asylum", "NCA;USA", JAN_JUL_2021, None),
    ("004", 9749, "one in 50", "people", "USA", JAN_JUL_2021, None),
    ("004", 9850, "49", "people", "USA", JAN_JUL_2021, None),
    ("004", 10252, "3.5 for every 50", "people", "CAN;MEX;NCA;USA", JAN_JUL_2021, None),  # the paragraph's frame
    ("004", 10852, "40 percent", "migrants", "NCA", NO_PERIOD, None),
    ("004", 14005, "35,795", "places", "CAN;MEX;NCA;USA", NO_PERIOD, None),
    ("004", 14035, "355,363", "visas", "CAN;MEX;USA", NO_PERIOD, None),
    ("004", 14192, "two thirds", "existing pathways", "GTM", NO_PERIOD, None),
    ("004", 14306, "15,000", "visas", None, NO_PERIOD, "year"),
    (
        "004",
        14430,
        "17,805",
        "average apprehensions of NCA citizens",
        "NCA;USA-SWB",
        ("2021-01-01", "2021-12-31"),
        "week",
    ),
    ("004", 14715, "a factor of 16", "monthly incomes", "GTM;USA", NO_PERIOD, None),
    ("004", 16048, "two", "countries", "GTM;MEX", ("2014-01-01", "2014-12-31"), None),
    ("004", 16073, "four", "southern states", "MEX", ("2014-01-01", "2014-12-31"), None),
    ("004", 17359, "50,000", "temporary and provisional labor visas", "CAM", NO_PERIOD, "year"),
    ("004", 18458, "3", "northern Central American countries", "NCA", NO_PERIOD, None),
    ("004", 24101, "\\$1 million", "program", None, NO_PERIOD, None),
    ("004", 24207, "\\$2 million", "program", None, NO_PERIOD, None),
]


@pytest.mark.parametrize(
    ("doc", "start", "text", "subject", "geography", "period", "rate"),
    CASES,
    ids=[f"{c[0]}:{c[1]}:{c[2]}" for c in CASES],
)
def test_seed_figure_is_enriched(
    doc: str,
    start: int,
    text: str,
    subject: str | None,
    geography: str | None,
    period: tuple[str | None, str | None],
    rate: str | None,
) -> None:
    mention, enrichment = figure(doc, start)
    assert mention.text == text
    assert enrichment.subject == subject
    assert enrichment.geography_text == geography
    assert (enrichment.period_start, enrichment.period_end) == period
    assert enrichment.rate_per == rate


def test_encounters_over_eight_months_take_their_period_from_the_month_range() -> None:
    _, enrichment = figure("004", 16664)
    assert (enrichment.period_start, enrichment.period_end) == ("2021-01-01", "2021-08-31")
    assert "USA-SWB" in enrichment.geography


def test_at_least_nine_in_ten_statistical_mentions_of_the_seeds_have_a_subject() -> None:
    statistical = [e for doc_id in SEED_IDS for m, e in enriched(doc_id) if m.kind in STATISTICAL_KINDS]
    with_subject = sum(e.subject is not None for e in statistical)
    assert len(statistical) > 50
    assert with_subject / len(statistical) >= 0.9


def test_temporal_mentions_get_no_enrichment() -> None:
    temporal = [e for doc_id in SEED_IDS for m, e in enriched(doc_id) if m.kind not in STATISTICAL_KINDS]
    assert temporal
    assert all(e == Enrichment() for e in temporal)


def test_enrichment_is_deterministic() -> None:
    text = (SEED_SOURCES / f"{SEED_IDS[4]}.txt").read_text(encoding="utf-8")
    mentions = extract(text)
    assert enrich(text, mentions, gazetteer()) == enrich(text, mentions, gazetteer())
