"""Schema of ``mentions``: one row per numeric mention found in a document (extraction-guide.md)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import DataFrame, Series

from schemas.common import (
    CODES,
    DATE,
    DURATION_UNITS,
    ENRICHMENT_COLUMNS,
    GEOGRAPHY_DESCRIPTION,
    ISO_MONTH_OR_DAY_PATTERN,
    KINDS,
    QUALIFIERS,
    RATE_UNITS,
    STATISTICAL_KINDS,
    TEXT_LIST,
)


class Mentions(pa.DataFrameModel):
    """One row per numeric mention: where it is, what kind of figure it is, its value."""

    mention_id: Series[str] = pa.Field(
        unique=True,
        description="Mention id: '<doc_id>:<char_start>-<char_end>'. Stable while the document is unchanged.",
    )
    doc_id: Series[str] = pa.Field(description="Document the mention stands in (documents.doc_id).")
    char_start: Series[pd.Int64Dtype] = pa.Field(
        ge=0,
        description="Offset of the mention's first character in documents.text (0-based).",
        metadata={"unit": "character"},
    )
    char_end: Series[pd.Int64Dtype] = pa.Field(
        gt=0, description="Offset just past the mention's last character (exclusive).", metadata={"unit": "character"}
    )
    page: Series[pd.Int64Dtype] = pa.Field(
        nullable=True,
        gt=0,
        description="For a PDF: the page (1-based, as the PDF counts them) the mention starts on; empty for formats "
        "without pages.",
    )
    text: Series[str] = pa.Field(
        str_length={"min_value": 1},
        description="The mention as written: documents.text[char_start:char_end].",
        metadata={"quoted_text": True},
    )
    kind: Series[str] = pa.Field(
        isin=KINDS,
        description="count, percent, money, ratio, multiplier (statistical) or year, date, duration (temporal).",
    )
    value: Series[float] = pa.Field(
        nullable=True,
        description="The value as a number: a count, percent (30 = 30 %), amount of money in `unit`, ratio "
        "(0.02 for 'one in 50'), multiplier, year or duration in `unit`; empty for kind 'date' (see iso_date).",
    )
    iso_date: Series[str] = pa.Field(
        nullable=True,
        str_matches=ISO_MONTH_OR_DAY_PATTERN,
        description="Kind 'date' only: the date as ISO 8601, a day (2021-06-15) or a month (2021-06) as precise "
        "as the text; empty for every other kind.",
    )
    unit: Series[str] = pa.Field(
        nullable=True,
        str_matches=rf"^([A-Z]{{3}}|{'|'.join(DURATION_UNITS)})$",
        description="ISO 4217 currency code for money; day, week, month or year for durations; empty otherwise.",
    )
    qualifier: Series[str] = pa.Field(
        nullable=True,
        isin=QUALIFIERS,
        description="Qualifier read from the words before the mention (the gold files' `approx` column): approx "
        "(about, nearly...), min (over, more than...), max (under, up to...); empty if none.",
    )
    sentence_start: Series[pd.Int64Dtype] = pa.Field(
        ge=0,
        description="Offset of the first character of the sentence holding the mention.",
        metadata={"unit": "character"},
    )
    sentence_end: Series[pd.Int64Dtype] = pa.Field(
        gt=0, description="Offset just past the sentence holding the mention.", metadata={"unit": "character"}
    )
    sentence: Series[str] = pa.Field(
        description="The sentence holding the mention: documents.text[sentence_start:sentence_end].",
        metadata={"quoted_text": True},
    )
    subject: Series[str] = pa.Field(
        nullable=True,
        str_length={"min_value": 1},
        description="Statistical kinds: the noun phrase the figure counts, as written ('478,000 citizens of Northern "
        "Central America' → 'citizens of Northern Central America'; '30 percent of the population' → 'population'); "
        "rule-based, see pipeline/enrichment/subject.py. Empty where no rule applies and for temporal kinds.",
        metadata={"quoted_text": True},
    )
    geography: Series[TEXT_LIST] = pa.Field(
        nullable=True,
        sorted_items=CODES,
        description="Statistical kinds: the places the sentence attributes the figure to, as "
        f"{GEOGRAPHY_DESCRIPTION}. Empty where the sentence names no place, and for temporal kinds.",
    )
    period_start: Series[DATE] = pa.Field(
        nullable=True,
        description="Statistical kinds: first day of the period the figure refers to, from the years "
        "and dates of its sentence, or of the sentences before when it refers back ('In that same seven months'). "
        "Empty when unknown or open ('until 2014').",
    )
    period_end: Series[DATE] = pa.Field(
        nullable=True,
        description="Statistical kinds: last day of the period the figure refers to. Empty when unknown "
        "or open ('since 2000').",
    )
    rate_per: Series[str] = pa.Field(
        nullable=True,
        isin=RATE_UNITS,
        description="Statistical kinds: the time unit the figure is a rate per ('17,805 per week' → week); "
        "empty if it is no rate.",
    )

    class Config:
        name = "mentions"
        description = "One row per numeric mention of a source document, with its sentence."
        strict = True
        coerce = True
        unique = ["doc_id", "char_start", "char_end", "kind"]
        metadata = {
            "primary_key": ["mention_id"],
            "foreign_keys": [{"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}],
            "grain": "one row per numeric mention",
        }

    @pa.dataframe_check(description="char_start < char_end")
    def start_before_end(cls, df: DataFrame) -> Series[bool]:
        return df["char_start"] < df["char_end"]

    @pa.dataframe_check(description="the mention lies inside its sentence")
    def inside_sentence(cls, df: DataFrame) -> Series[bool]:
        return (df["sentence_start"] <= df["char_start"]) & (df["char_end"] <= df["sentence_end"])

    @pa.dataframe_check(description="a date has an iso_date and no value; any other kind a value and no iso_date")
    def value_matches_kind(cls, df: DataFrame) -> Series[bool]:
        is_date = df["kind"] == "date"
        has_value, has_date = df["value"].notna(), df["iso_date"].notna()
        return (is_date & has_date & ~has_value) | (~is_date & has_value & ~has_date)

    @pa.dataframe_check(description="only statistical mentions carry subject, geography, period and rate")
    def enrichment_only_statistical(cls, df: DataFrame) -> Series[bool]:
        enriched = df[list(ENRICHMENT_COLUMNS)].notna().any(axis=1)
        return df["kind"].isin(STATISTICAL_KINDS) | ~enriched

    @pa.dataframe_check(description="period_start <= period_end")
    def period_in_order(cls, df: DataFrame) -> Series[bool]:
        both = df["period_start"].notna() & df["period_end"].notna()
        return ~both | (df["period_start"] <= df["period_end"])
