"""Schema of ``extraction_state``: what each document's mentions were extracted from (internal, not exported)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series


class ExtractionState(pa.DataFrameModel):
    """One row per document whose mentions are in ``mentions``: the checksum and extractor they came from."""

    doc_id: Series[str] = pa.Field(unique=True, description="Document id (documents.doc_id).")
    sha256: Series[str] = pa.Field(
        str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the document when its mentions were extracted."
    )
    extractor: Series[str] = pa.Field(
        str_matches=r"^[0-9a-f]{64}$",
        description="Fingerprint (SHA-256) of the extraction code that produced the document's mentions.",
    )
    n_mentions: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Number of mentions extracted from the document.")

    class Config:
        name = "extraction_state"
        description = "Bookkeeping of incremental extraction: one row per extracted document."
        strict = True
        coerce = True
        metadata = {"primary_key": ["doc_id"], "grain": "one row per extracted document"}
