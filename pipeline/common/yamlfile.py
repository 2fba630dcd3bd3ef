"""Reading a curated YAML file: UTF-8, safe loader, a mapping at the top, errors naming the file."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from pipeline.curation.errors import CurationError

IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")


def check_identifier(path: Path, entry: str, identifier: object) -> str:
    """An entry id usable in formulas: lowercase letters, digits and underscores, starting with a letter."""
    if not isinstance(identifier, str) or not IDENTIFIER.match(identifier):
        raise CurationError(path, "id must be lowercase letters, digits and underscores, starting with a letter", entry)
    return identifier


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses a mapping with the same key twice (YAML would keep the last silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_mapping(path: Path, required_key: str) -> dict[str, Any]:
    """The top-level mapping of ``path``; it must hold ``required_key``."""
    if not path.is_file():
        raise CurationError(path, "file is missing")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # noqa: S506 (a SafeLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise CurationError(path, f"not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or required_key not in data:
        raise CurationError(path, f"expected a top-level '{required_key}:' key")
    return data


def iso_date(path: Path, entry: str, name: str, value: Any) -> str | None:
    """``value`` as an ISO 8601 day (YAML may already have made it a date), or None."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        problem = f"{name} must be an ISO 8601 date (YYYY-MM-DD) or null, got {value!r}"
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
