"""Schema of ``document_stats``: per document, its provenance and what the pipeline found in it."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.common import DATE, DATE_PRECISIONS

_COUNT = {"ge": 0, "metadata": {"unit": "mention"}}


def _share(what: str) -> Any:
    return pa.Field(
        nullable=True,
        ge=0,
        le=1,
        description=f"Share of the document's statistical mentions with {what}; empty if it has none.",
    )


class DocumentStats(pa.DataFrameModel):
    """One row per source document."""

    doc_id: Series[str] = pa.Field(unique=True, description="Document id (documents.doc_id).")
    title: Series[str] = pa.Field(description="Title of the document.")
    publisher: Series[str] = pa.Field(description="Organisation(s) that published the document.")
    published: Series[DATE] = pa.Field(
        nullable=True, description="Publication date (documents.published: a month or year as its first day)."
    )
    published_precision: Series[str] = pa.Field(
        nullable=True, isin=DATE_PRECISIONS, description="day, month or year (documents.published_precision)."
    )
    license: Series[str] = pa.Field(description="Licence as the document states it; 'unknown' where silent.")
    url: Series[str] = pa.Field(nullable=True, description="Address the document was retrieved from, where known.")
    sha256: Series[str] = pa.Field(description="SHA-256 of the source file.")
    n_chars: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Length of the text in characters.")
    n_mentions: Series[pd.Int64Dtype] = pa.Field(**_COUNT, description="Numeric mentions of every kind.")
    n_statistical: Series[pd.Int64Dtype] = pa.Field(
        **_COUNT, description="Mentions of the statistical kinds (count, percent, money, ratio, multiplier)."
    )
    n_temporal: Series[pd.Int64Dtype] = pa.Field(**_COUNT, description="Mentions of kinds year, date, duration.")
    n_count: Series[pd.Int64Dtype] = pa.Field(**_COUNT, description="Mentions of kind count.")
    n_percent: Series[pd.Int64Dtype] = pa.Field(**_COUNT, description="Mentions of kind percent.")
    n_money: Series[pd.Int64Dtype] = pa.Field(**_COUNT, description="Mentions of kind money.")
    n_ratio: Series[pd.Int64Dtype] = pa.Field(**_COUNT, description="Mentions of kind ratio.")
    n_multiplier: Series[pd.Int64Dtype] = pa.Field(**_COUNT, description="Mentions of kind multiplier.")
    n_year: Series[pd.Int64Dtype] = pa.Field(**_COUNT, description="Mentions of kind year.")
    n_date: Series[pd.Int64Dtype] = pa.Field(**_COUNT, description="Mentions of kind date.")
    n_duration: Series[pd.Int64Dtype] = pa.Field(**_COUNT, description="Mentions of kind duration.")
    share_with_subject: Series[float] = _share("a subject")
    share_with_geography: Series[float] = _share("a geography")
    share_with_period: Series[float] = _share("a period start or end")
    n_indicators: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Curated indicators located in the document.")
    n_claims: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Curated claims the document makes.")
    n_claims_inconsistent: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="Of those, claims whose recomputation is inconsistent."
    )
    n_corroborated: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="Statistical mentions whose figure another document also cites (see corroboration)."
    )

    class Config:
        name = "document_stats"
        description = "One row per source document: provenance, mentions by kind, enrichment coverage, curation."
        strict = True
        coerce = True
        metadata = {
            "primary_key": ["doc_id"],
            "foreign_keys": [{"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}],
            "grain": "one row per source document",
        }
