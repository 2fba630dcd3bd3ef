"""Schema of ``indicators``: curated, named figures, each resolved to exactly one mention."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import DataFrame, Series

from schemas.common import CODES, DATE, GEOGRAPHY_DESCRIPTION, QUALIFIERS, STATISTICAL_KINDS, TEXT_LIST


class Indicators(pa.DataFrameModel):
    """One row per curated indicator of sources/indicators.yaml."""

    indicator_id: Series[str] = pa.Field(
        unique=True, str_matches=r"^[a-z][a-z0-9_]*$", description="Indicator id, as claim formulas name it."
    )
    label: Series[str] = pa.Field(str_length={"min_value": 1}, description="What the indicator measures.")
    value: Series[float] = pa.Field(description="The value, as the located mention states it (mentions.value).")
    unit: Series[str] = pa.Field(
        str_length={"min_value": 1},
        description="What one unit of value is: persons, visas, percent (value 30 = 30 %), ratio (0.02 = one in "
        "50), multiplier...",
    )
    kind: Series[str] = pa.Field(isin=STATISTICAL_KINDS, description="Kind of the located mention.")
    qualifier: Series[str] = pa.Field(
        nullable=True,
        isin=QUALIFIERS,
        description="Qualifier of the located mention (about → approx, over → min, just → max); empty if none.",
    )
    geography: Series[TEXT_LIST] = pa.Field(
        nullable=True,
        sorted_items=CODES,
        description=f"Curated: the places the indicator covers, as {GEOGRAPHY_DESCRIPTION}.",
    )
    period_start: Series[DATE] = pa.Field(nullable=True, description="Curated: first day covered; empty if open.")
    period_end: Series[DATE] = pa.Field(nullable=True, description="Curated: last day covered; empty if open.")
    doc_id: Series[str] = pa.Field(description="Document stating the figure (documents.doc_id).")
    mention_id: Series[str] = pa.Field(
        unique=True, description="The one mention the locator resolved to (mentions.mention_id)."
    )
    text: Series[str] = pa.Field(description="The mention as written.", metadata={"quoted_text": True})

    class Config:
        name = "indicators"
        description = "One row per curated indicator, resolved to exactly one mention."
        strict = True
        coerce = True
        metadata = {
            "primary_key": ["indicator_id"],
            "foreign_keys": [
                {"fields": ["mention_id"], "reference": {"resource": "mentions", "fields": ["mention_id"]}},
                {"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}},
            ],
            "grain": "one row per curated indicator",
        }

    @pa.dataframe_check(description="period_start <= period_end")
    def period_in_order(cls, df: DataFrame) -> Series[bool]:
        both = df["period_start"].notna() & df["period_end"].notna()
        return ~both | (df["period_start"] <= df["period_end"])
