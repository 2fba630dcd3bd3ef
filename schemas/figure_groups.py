"""Schema of ``figure_groups``: what each (kind, value) group of citations held when corroboration last read it.

Internal, not exported. ``corroboration`` links the citations of a group again only when the group's
fingerprint changed (a document added, changed or removed, an enrichment changed) or the linking rules did;
the other groups keep their rows of ``figure_members``.
"""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series


class FigureGroups(pa.DataFrameModel):
    """One row per (kind, value) group of statistical mentions with a value and a subject."""

    kind: Series[str] = pa.Field(description="Kind of the group's mentions (mentions.kind).")
    value_key: Series[str] = pa.Field(description="Their value to twelve significant digits, as text.")
    fingerprint: Series[str] = pa.Field(
        description="Order-independent hash of every citation of the group (id, document, offset, subject, "
        "geography, period) with their number."
    )
    rules: Series[str] = pa.Field(
        str_matches=r"^[0-9a-f]{64}$", description="Fingerprint of the linking rules the group was linked by."
    )

    class Config:
        name = "figure_groups"
        description = "Bookkeeping of incremental corroboration: one row per (kind, value) group of citations."
        strict = True
        coerce = True
        metadata = {"grain": "one row per (kind, value) group"}
