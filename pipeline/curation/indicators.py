"""``sources/indicators.yaml``: named indicators, each pinned to exactly one mention.

An entry gives the indicator's label, unit, geography (codes of the gazetteer),
period (ISO days, null where the document leaves it open) and a locator; its
value is the mention's. The run stops at the first entry that does not resolve.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.common.yamlfile import load_mapping
from pipeline.curation.errors import CurationError
from pipeline.curation.fields import check_fields, check_identifier, day_field, text_field
from pipeline.curation.locators import resolve_locator

INDICATORS_FILE = "indicators.yaml"
FIELDS = ("label", "unit", "geography", "period_start", "period_end", "locator")


def load_indicator_entries(sources_dir: Path) -> tuple[Path, dict[str, Any]]:
    """The raw entries of the indicators file, keyed by indicator id."""
    path = sources_dir / INDICATORS_FILE
    raw = load_mapping(path, "indicators", CurationError)["indicators"]
    if not isinstance(raw, dict):
        raise CurationError(path, "'indicators' must map indicator ids to their definitions")
    return path, raw


def _geography(path: Path, entry: str, value: Any, known_codes: set[str]) -> list[str] | None:
    if value is None:
        return None
    codes = [value] if isinstance(value, str) else value
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
        raise CurationError(path, "geography must be a list of country or region codes, or null", entry)
    unknown = [c for c in codes if c not in known_codes]
    if unknown:
        raise CurationError(path, f"unknown geography code(s): {', '.join(unknown)}", entry)
    return sorted(set(codes)) or None


def resolve_indicators(
    path: Path,
    entries: Mapping[str, Any],
    texts: Mapping[str, str],
    mentions: pd.DataFrame,
    known_codes: set[str],
) -> list[dict[str, object]]:
    """One row per indicator, each resolved to its mention; raises CurationError naming the first bad entry."""
    rows: list[dict[str, object]] = []
    for indicator_id, data in entries.items():
        entry = f"indicator {indicator_id!r}"
        check_identifier(path, entry, indicator_id)
        data = check_fields(path, entry, data, FIELDS, ())
        start = day_field(path, entry, "period_start", data["period_start"])
        end = day_field(path, entry, "period_end", data["period_end"])
        if start and end and start > end:
            raise CurationError(path, f"period_start {start} is after period_end {end}", entry)
        geography = _geography(path, entry, data["geography"], known_codes)
        mention = resolve_locator(path, entry, data["locator"], texts, mentions)
        if pd.isna(mention["value"]):
            problem = f"locator designates {mention['text']!r}, a {mention['kind']} with no value"
            raise CurationError(path, problem, entry)
        rows.append(
            {
                "indicator_id": str(indicator_id),
                "label": text_field(path, entry, data, "label"),
                "value": float(mention["value"]),
                "unit": text_field(path, entry, data, "unit"),
                "kind": mention["kind"],
                "qualifier": None if pd.isna(mention["qualifier"]) else mention["qualifier"],
                "geography": geography,
                "period_start": start,
                "period_end": end,
                "doc_id": mention["doc_id"],
                "mention_id": mention["mention_id"],
                "text": mention["text"],
            }
        )
    return rows
