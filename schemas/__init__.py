"""Pandera models: the one place each table's columns, types, constraints and descriptions are written.

One module per table; ``SCHEMAS`` maps table name (= asset name = export file
name) to its model. The data dictionary and ``datapackage.json`` are generated
from these models.
"""

from __future__ import annotations

import pandera.pandas as pa

from schemas.documents import Documents
from schemas.mentions import Mentions

SCHEMAS: dict[str, type[pa.DataFrameModel]] = {
    "documents": Documents,
    "mentions": Mentions,
}

__all__ = ["SCHEMAS", "Documents", "Mentions"]
