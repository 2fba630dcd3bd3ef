"""Schema of ``mention_places``: the countries each statistical mention is about, regions expanded."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import DataFrame, Series

from schemas.common import CODES, TEXT_LIST


class MentionPlaces(pa.DataFrameModel):
    """One row per statistical mention and country: named in its geography, or a member of a region named there."""

    mention_id: Series[str] = pa.Field(description="The mention (mentions.mention_id).")
    doc_id: Series[str] = pa.Field(description="Document the mention stands in (documents.doc_id).")
    country_code: Series[str] = pa.Field(
        str_matches=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code of a country the mention is about."
    )
    named: Series[bool] = pa.Field(
        description="true if the mention's geography names the country itself; false if the country comes only "
        "from a region (see via_regions)."
    )
    via_regions: Series[TEXT_LIST] = pa.Field(
        nullable=True,
        sorted_items=CODES,
        description="Regions of the mention's geography the country is a member of (regions.region_code), sorted; "
        "empty if none (a list; joined by ';' in CSV).",
    )

    class Config:
        name = "mention_places"
        description = (
            "One row per statistical mention and country it is about: the countries its geography names, and the "
            "member countries of the regions it names."
        )
        strict = True
        coerce = True
        metadata = {
            "primary_key": ["mention_id", "country_code"],
            "foreign_keys": [
                {"fields": ["mention_id"], "reference": {"resource": "mentions", "fields": ["mention_id"]}},
                {"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}},
            ],
            "grain": "one row per statistical mention and country",
        }

    @pa.dataframe_check(description="a country not named comes from at least one region")
    def region_when_not_named(cls, df: DataFrame) -> Series[bool]:
        return df["named"] | df["via_regions"].notna()
