"""Schema of ``claim_checks``: the documents' arithmetic claims, recomputed with a verdict."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import DataFrame, Series

from schemas.common import VERDICTS


class ClaimChecks(pa.DataFrameModel):
    """One row per curated claim of sources/claims.yaml."""

    claim_id: Series[str] = pa.Field(unique=True, str_matches=r"^[a-z][a-z0-9_]*$", description="Claim id.")
    doc_id: Series[str] = pa.Field(description="Document making the claim (documents.doc_id).")
    mention_id: Series[str] = pa.Field(description="Mention stating the claimed value (mentions.mention_id).")
    statement: Series[str] = pa.Field(
        description="The sentence making the claim (mentions.sentence).", metadata={"quoted_text": True}
    )
    stated_text: Series[str] = pa.Field(
        description="The claimed value as written ('one in 50').", metadata={"quoted_text": True}
    )
    stated_value: Series[float] = pa.Field(description="The claimed value (mentions.value: 0.02 for 'one in 50').")
    formula: Series[str] = pa.Field(description="How the value is recomputed: arithmetic over indicator ids.")
    computed_value: Series[float] = pa.Field(
        nullable=True, description="The formula's value from the indicators; empty when not computable."
    )
    relative_difference: Series[float] = pa.Field(
        nullable=True, description="(computed_value - stated_value) / stated_value; empty when not computable."
    )
    tolerance: Series[float] = pa.Field(
        ge=0,
        description="Largest relative difference still consistent, from the claim's wording: at least 0.005; the "
        "rounding of the stated figure (half a unit of its last significant digit; 'one in 50' → one in 45 to 55 → "
        "0.111); +0.10 for about/around/nearly/almost. For 'over' (min) only a shortfall counts, for 'under' "
        "(max) only an excess.",
    )
    verdict: Series[str] = pa.Field(
        isin=VERDICTS,
        description="consistent (within tolerance), inconsistent, or not_computable (division by zero, a missing "
        "period).",
    )
    explanation: Series[str] = pa.Field(
        str_length={"min_value": 1}, description="The computation and verdict in words, for people."
    )

    class Config:
        name = "claim_checks"
        description = "One row per curated arithmetic claim of a document, recomputed from indicators."
        strict = True
        coerce = True
        metadata = {
            "primary_key": ["claim_id"],
            "foreign_keys": [
                {"fields": ["mention_id"], "reference": {"resource": "mentions", "fields": ["mention_id"]}},
                {"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}},
            ],
            "grain": "one row per curated claim",
        }

    @pa.dataframe_check(description="a relative difference exactly when the verdict is not not_computable")
    def difference_matches_verdict(cls, df: DataFrame) -> Series[bool]:
        return df["relative_difference"].notna() == (df["verdict"] != "not_computable")
