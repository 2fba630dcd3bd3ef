"""Schema of ``corroboration``: figures that more than one document cites."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import DataFrame, Series

from schemas.common import CODES, DATE, GEOGRAPHY_DESCRIPTION, IDS, STATISTICAL_KINDS, TEXT_LIST


class Corroboration(pa.DataFrameModel):
    """One row per figure cited by several documents (same kind and value, compatible subject, place and period)."""

    figure_id: Series[str] = pa.Field(
        unique=True, description="Id of the figure: the id of its first mention (by document and offset)."
    )
    kind: Series[str] = pa.Field(isin=STATISTICAL_KINDS, description="Kind shared by every mention of the figure.")
    value: Series[float] = pa.Field(description="Value shared by every mention of the figure (mentions.value).")
    subject: Series[str] = pa.Field(
        description="What the figure counts: the subject of its first mention.", metadata={"quoted_text": True}
    )
    geography: Series[TEXT_LIST] = pa.Field(
        nullable=True,
        sorted_items=CODES,
        description=f"Every place any of its mentions gives, as {GEOGRAPHY_DESCRIPTION}.",
    )
    period_start: Series[DATE] = pa.Field(nullable=True, description="Earliest period_start of its mentions.")
    period_end: Series[DATE] = pa.Field(nullable=True, description="Latest period_end of its mentions.")
    n_documents: Series[pd.Int64Dtype] = pa.Field(ge=2, description="Number of documents citing the figure.")
    n_publishers: Series[pd.Int64Dtype] = pa.Field(
        ge=1,
        description="Number of distinct publishers of those documents: how many independent sources state it "
        "(a press release and the report it announces, from one publisher, count once).",
    )
    n_mentions: Series[pd.Int64Dtype] = pa.Field(ge=2, description="Number of mentions of the figure.")
    doc_ids: Series[TEXT_LIST] = pa.Field(
        sorted_items=IDS, description="Documents citing the figure, sorted (a list; joined by ';' in CSV)."
    )
    mention_ids: Series[TEXT_LIST] = pa.Field(
        sorted_items=IDS, description="Mentions of the figure, sorted (a list; joined by ';' in CSV)."
    )

    class Config:
        name = "corroboration"
        description = "One row per figure cited by more than one document."
        strict = True
        coerce = True
        metadata = {"primary_key": ["figure_id"], "grain": "one row per figure cited by more than one document"}

    @pa.dataframe_check(description="n_publishers <= n_documents")
    def publishers_within_documents(cls, df: DataFrame) -> Series[bool]:
        return df["n_publishers"] <= df["n_documents"]

    @pa.dataframe_check(description="n_mentions >= n_documents")
    def mentions_cover_documents(cls, df: DataFrame) -> Series[bool]:
        return df["n_mentions"] >= df["n_documents"]
