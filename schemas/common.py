"""Column patterns and value lists shared by several schemas."""

from __future__ import annotations

from pipeline.common.vocabulary import (
    APPROX,
    DURATION_UNITS,
    ENRICHMENT_COLUMNS,
    KINDS,
    RATE_UNITS,
    STATISTICAL_KINDS,
    VERDICTS,
)

__all__ = ["APPROX", "DURATION_UNITS", "ENRICHMENT_COLUMNS", "KINDS", "RATE_UNITS", "STATISTICAL_KINDS", "VERDICTS"]

# Codes joined by ';' in sorted order: ISO 3166-1 alpha-3 countries and the region codes of sources/regions.yaml.
GEOGRAPHY_PATTERN = r"^[A-Z]{3}(-[A-Z]{3})?(;[A-Z]{3}(-[A-Z]{3})?)*$"
ISO_DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
GEOGRAPHY_DESCRIPTION = (
    "ISO 3166-1 alpha-3 country codes and region codes (see the regions table), sorted and joined by ';'"
)
