"""Pandera models: the one place each table's columns, types, constraints and descriptions are written.

One module per table; ``SCHEMAS`` maps table name (= asset name = export file
name) to its model. The data dictionary and ``datapackage.json`` are generated
from these models. ``INTERNAL_SCHEMAS`` describes bookkeeping tables the
pipeline keeps in the warehouse for itself; they are never exported.
"""

from __future__ import annotations

import pandera.pandas as pa

from schemas.claim_checks import ClaimChecks
from schemas.corroboration import Corroboration
from schemas.document_stats import DocumentStats
from schemas.documents import Documents
from schemas.extraction_state import ExtractionState
from schemas.figure_groups import FigureGroups
from schemas.figure_members import FigureMembers
from schemas.indicators import Indicators
from schemas.mention_places import MentionPlaces
from schemas.mentions import Mentions
from schemas.regions import Regions
from schemas.source_files import SourceFiles

SCHEMAS: dict[str, type[pa.DataFrameModel]] = {
    "documents": Documents,
    "mentions": Mentions,
    "mention_places": MentionPlaces,
    "regions": Regions,
    "indicators": Indicators,
    "claim_checks": ClaimChecks,
    "corroboration": Corroboration,
    "document_stats": DocumentStats,
}

INTERNAL_SCHEMAS: dict[str, type[pa.DataFrameModel]] = {
    "extraction_state": ExtractionState,
    "source_files": SourceFiles,
    "figure_groups": FigureGroups,
    "figure_members": FigureMembers,
}

__all__ = [
    "INTERNAL_SCHEMAS",
    "SCHEMAS",
    "ClaimChecks",
    "Corroboration",
    "DocumentStats",
    "Documents",
    "ExtractionState",
    "FigureGroups",
    "FigureMembers",
    "SourceFiles",
    "Indicators",
    "MentionPlaces",
    "Mentions",
    "Regions",
]
