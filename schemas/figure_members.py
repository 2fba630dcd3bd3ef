"""Schema of ``figure_members``: which mentions cite which figure, the input of ``corroboration`` (internal).

Kept between runs so that only the (kind, value) groups that changed are linked again (see
``figure_groups``); a figure is named by its first mention by (document, offset).
"""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series


class FigureMembers(pa.DataFrameModel):
    """One row per mention of a figure cited by more than one document."""

    mention_id: Series[str] = pa.Field(unique=True, description="The mention (mentions.mention_id).")
    figure_id: Series[str] = pa.Field(description="The figure it cites: the id of the figure's first mention.")
    kind: Series[str] = pa.Field(description="Kind of the mention (its group's, figure_groups.kind).")
    value_key: Series[str] = pa.Field(description="Its group's value key (figure_groups.value_key).")

    class Config:
        name = "figure_members"
        description = "Bookkeeping of incremental corroboration: one row per mention of a corroborated figure."
        strict = True
        coerce = True
        metadata = {"grain": "one row per mention of a corroborated figure"}
