"""Schema of ``corroboration``: figures that more than one document cites."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import DataFrame, Series

from schemas.common import GEOGRAPHY_DESCRIPTION, GEOGRAPHY_PATTERN, ISO_DAY_PATTERN, STATISTICAL_KINDS


class Corroboration(pa.DataFrameModel):
    """One row per figure cited by several documents (same kind and value, compatible subject, place and period)."""

    figure_id: Series[str] = pa.Field(
        unique=True, description="Id of the figure: the id of its first mention (by document and offset)."
    )
    kind: Series[str] = pa.Field(isin=STATISTICAL_KINDS, description="Kind shared by every mention of the figure.")
    value: Series[float] = pa.Field(description="Value shared by every mention of the figure (mentions.number).")
    subject: Series[str] = pa.Field(
        description="What the figure counts: the subject of its first mention.", metadata={"quoted_text": True}
    )
    geography: Series[str] = pa.Field(
        nullable=True,
        str_matches=GEOGRAPHY_PATTERN,
        description=f"Every place any of its mentions gives, as {GEOGRAPHY_DESCRIPTION}.",
    )
    period_start: Series[str] = pa.Field(
        nullable=True, str_matches=ISO_DAY_PATTERN, description="Earliest period_start of its mentions (ISO 8601)."
    )
    period_end: Series[str] = pa.Field(
        nullable=True, str_matches=ISO_DAY_PATTERN, description="Latest period_end of its mentions (ISO 8601)."
    )
    n_documents: Series[pd.Int64Dtype] = pa.Field(ge=2, description="Number of documents citing the figure.")
    n_mentions: Series[pd.Int64Dtype] = pa.Field(ge=2, description="Number of mentions of the figure.")
    doc_ids: Series[str] = pa.Field(description="Documents citing the figure, sorted, joined by ';'.")
    mention_ids: Series[str] = pa.Field(description="Mentions of the figure, sorted, joined by ';'.")

    class Config:
        name = "corroboration"
        description = "One row per figure cited by more than one document."
        strict = True
        coerce = True
        metadata = {"primary_key": ["figure_id"], "grain": "one row per figure cited by more than one document"}

    @pa.dataframe_check(description="n_mentions >= n_documents")
    def mentions_cover_documents(cls, df: DataFrame) -> Series[bool]:
        return df["n_mentions"] >= df["n_documents"]
