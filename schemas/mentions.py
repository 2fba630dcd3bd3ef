"""Schema of ``mentions``: one row per numeric mention found in a document (extraction-guide.md)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import DataFrame, Series

KINDS = ("count", "percent", "money", "ratio", "multiplier", "year", "date", "duration")
APPROX = ("approx", "min", "max")
DURATION_UNITS = ("day", "week", "month", "year")


class Mentions(pa.DataFrameModel):
    """One row per numeric mention: where it is, what kind of figure it is, its value."""

    mention_id: Series[str] = pa.Field(
        unique=True, description="Mention id: '<doc_id>:<start>-<end>'. Stable while the document is unchanged."
    )
    doc_id: Series[str] = pa.Field(description="Document the mention stands in (documents.doc_id).")
    start: Series[pd.Int64Dtype] = pa.Field(
        ge=0,
        description="Offset of the mention's first character in documents.text (0-based).",
        metadata={"unit": "character"},
    )
    end: Series[pd.Int64Dtype] = pa.Field(
        gt=0, description="Offset just past the mention's last character (exclusive).", metadata={"unit": "character"}
    )
    text: Series[str] = pa.Field(
        str_length={"min_value": 1},
        description="The mention as written: documents.text[start:end].",
        metadata={"quoted_text": True},
    )
    kind: Series[str] = pa.Field(
        isin=KINDS,
        description="count, percent, money, ratio, multiplier (statistical) or year, date, duration (temporal).",
    )
    value: Series[str] = pa.Field(
        description="Value as in the gold files: a plain decimal (ratios to six decimals), or for kind 'date' "
        "an ISO 8601 date or month.",
    )
    number: Series[float] = pa.Field(nullable=True, description="The value as a number; empty for kind 'date'.")
    unit: Series[str] = pa.Field(
        nullable=True,
        str_matches=r"^([A-Z]{3}|day|week|month|year)$",
        description="ISO 4217 currency code for money; day, week, month or year for durations; empty otherwise.",
    )
    approx: Series[str] = pa.Field(
        nullable=True,
        isin=APPROX,
        description="Qualifier read from the words before the mention: approx (about, nearly...), "
        "min (over, more than...), max (under, up to, just...); empty if none.",
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

    class Config:
        name = "mentions"
        description = "One row per numeric mention of a source document, with its sentence."
        strict = True
        coerce = True
        unique = ["doc_id", "start", "end", "kind"]
        metadata = {
            "primary_key": ["mention_id"],
            "foreign_keys": [{"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}],
            "grain": "one row per numeric mention",
        }

    @pa.dataframe_check(description="start < end")
    def start_before_end(cls, df: DataFrame) -> Series[bool]:
        return df["start"] < df["end"]

    @pa.dataframe_check(description="the mention lies inside its sentence")
    def inside_sentence(cls, df: DataFrame) -> Series[bool]:
        return (df["sentence_start"] <= df["start"]) & (df["end"] <= df["sentence_end"])

    @pa.dataframe_check(description="a date's value is ISO 8601; any other kind has a number")
    def value_matches_kind(cls, df: DataFrame) -> Series[bool]:
        is_date = df["kind"] == "date"
        iso = df["value"].str.fullmatch(r"\d{4}-\d{2}(-\d{2})?")
        return (is_date & iso & df["number"].isna()) | (~is_date & df["number"].notna())
