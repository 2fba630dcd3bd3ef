"""Schema of ``regions``: the region codes of the ``geography`` columns and their member countries."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series


class Regions(pa.DataFrameModel):
    """One row per region × member country, from sources/regions.yaml."""

    region_code: Series[str] = pa.Field(
        str_matches=r"^[A-Z]{3}(-[A-Z]{3})?$",
        description="Region code as the geography columns write it (never an ISO 3166-1 country code).",
    )
    region_name: Series[str] = pa.Field(str_length={"min_value": 1}, description="Name of the region.")
    country_code: Series[str] = pa.Field(
        str_matches=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code of a member country."
    )
    country_name: Series[str] = pa.Field(
        str_length={"min_value": 1}, description="English short name of the member country (ISO 3166-1)."
    )
    note: Series[str] = pa.Field(nullable=True, description="What the documents mean by the region.")

    class Config:
        name = "regions"
        description = "One row per region × member country: the region codes used by the geography columns."
        strict = True
        coerce = True
        unique = ["region_code", "country_code"]
        metadata = {"primary_key": ["region_code", "country_code"], "grain": "one row per region and member country"}
