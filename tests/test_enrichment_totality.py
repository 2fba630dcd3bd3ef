"""Enrichment is total: whatever the text, every row it makes validates against the ``mentions`` schema.

On a generated corpus of 10,000 documents one document with odd years once made a period end before it
started, and the blocking schema check stopped the whole run; these properties keep that from coming back.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.curation.regions import load_gazetteer
from pipeline.enrichment.rows import mention_rows
from pipeline.store.frames import mentions_frame
from schemas import Mentions
from tests.conftest import SEED_SOURCES

GAZETTEER = load_gazetteer(SEED_SOURCES)
FRAGMENTS = [
    "In ",
    "from ",
    " to ",
    " through ",
    "between ",
    " and ",
    "since ",
    "until ",
    "by ",
    "the year to ",
    "fiscal year ",
    "FY",
    "last year",
    "this year",
    "so far this year",
    "in the first nine months of ",
    "January ",
    "March ",
    "June ",
    "Sept. 30",
    "December ",
    "early ",
    "late ",
    "mid-",
    "the second half of ",
    "Q3 ",
    "2021",
    "2019",
    "1850",
    "2150",
    "2099",
    "2000",
    "1999",
    "23",
    "-",
    "–",
    "/",
    "12,400",
    "8 percent",
    "3.5%",
    "$2 billion",
    "one in 50",
    "doubled",
    "nearly 500",
    "17,805 per week",
    " people",
    " migrants",
    " encounters",
    " remittances",
    " deaths",
    " of the population",
    " Guatemala",
    " Mexico",
    " the United States",
    " Central America",
    " the southwest border",
    " Venezuelans",
    " the Darién",
    ", ",
    ". ",
    ".\n\n",
    "\n",
    " (",
    ")",
    " respectively",
    " That year",
    " In that same period",
]
TEXTS = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=40).map("".join)
DATES = st.one_of(st.none(), st.sampled_from(["2022", "2022-06", "2022-06-15", "2019-12-31", "2024-02-29"]))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, published=DATES)
def test_every_enriched_row_of_any_text_validates(text: str, published: str | None) -> None:
    rows = mention_rows("doc", text, GAZETTEER, published)
    Mentions.validate(mentions_frame(rows), lazy=True)


@settings(max_examples=200, deadline=None)
@given(first=st.integers(1900, 2100), second=st.integers(1900, 2100), word=st.sampled_from([" to ", "–", " through "]))
def test_a_year_range_in_any_order_gives_an_ordered_period_or_none(first: int, second: int, word: str) -> None:
    text = f"From {first}{word}{second}, 12,400 people applied for asylum in Mexico."
    rows = mention_rows("doc", text, GAZETTEER, None)
    assert any(r["text"] == "12,400" for r in rows)
    for row in rows:
        start, end = row["period_start"], row["period_end"]
        assert start is None or end is None or start <= end, row
