"""The fields of a curated entry: ids usable in formulas, non-empty texts, ISO days, no unknown field.

Each check raises ``CurationError`` naming the file, the entry and the problem.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pipeline.common.isodates import iso_date
from pipeline.common.values import brief
from pipeline.curation.errors import CurationError

IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")


def check_identifier(path: Path, entry: str, identifier: object) -> str:
    """An entry id usable in formulas: lowercase letters, digits and underscores, starting with a letter."""
    if not isinstance(identifier, str) or not IDENTIFIER.match(identifier):
        raise CurationError(path, "id must be lowercase letters, digits and underscores, starting with a letter", entry)
    return identifier


def day_field(path: Path, entry: str, name: str, value: Any) -> str | None:
    """``value`` as an ISO 8601 day (YAML may already have made it a date), or None."""
    if value is None:
        return None
    try:
        return iso_date(value, "day")
    except ValueError:
        problem = f"{name} must be an ISO 8601 date (YYYY-MM-DD) or null, got {brief(value)}"
        raise CurationError(path, problem, entry) from None


def text_field(path: Path, entry: str, data: dict[str, Any], name: str, required: bool = True) -> str | None:
    """A non-empty string field of an entry."""
    value = data.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise CurationError(path, f"{name} must be a non-empty string", entry)
    return value.strip()


def check_fields(
    path: Path, entry: str, data: Any, required: tuple[str, ...], optional: tuple[str, ...]
) -> dict[str, Any]:
    """``data`` itself, once checked to be a mapping with every required field and no unknown one."""
    if not isinstance(data, dict):
        raise CurationError(path, "must be a mapping of fields", entry)
    missing = [f for f in required if f not in data]
    if missing:
        raise CurationError(path, f"lacks field(s): {', '.join(missing)}", entry)
    unknown = sorted(set(data) - set(required) - set(optional))
    if unknown:
        raise CurationError(path, f"has unknown field(s): {', '.join(unknown)}", entry)
    return data
