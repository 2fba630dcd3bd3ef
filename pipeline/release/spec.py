"""What a published table looks like, read from its pandera model: fields, types, constraints, keys.

The pandera models in ``schemas/`` are the one place a column is described.
This module turns a model into a neutral description (Table Schema types and
constraints, unit, whether the column quotes source text, whether it is
published at all) that the CSV and Parquet writers, ``datapackage.json``, the
data dictionary and the page all read, so none of them restates a column.

Column metadata understood here (``pa.Field(metadata={...})``):

- ``unit``: unit of measurement of the values (``"byte"``, ``"character"``...).
- ``quoted_text``: the values are text of the source documents, so they stay
  under each document's licence.
- ``in_release``: ``False`` keeps the column in DuckDB but out of the release.

Model metadata (``Config.metadata``): ``primary_key``, ``foreign_keys``
(Table Schema form), ``grain``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandera.pandas as pa

from pipeline.release.info import ReleaseError


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One published column."""

    name: str
    type: str  # Table Schema type: string, integer, number, boolean, date, datetime, list (of strings)
    description: str
    required: bool
    unique: bool
    unit: str | None = None
    quoted_text: bool = False
    constraints: dict[str, Any] = field(default_factory=dict)  # Table Schema constraints besides required/unique
    other_checks: tuple[str, ...] = ()  # column checks Table Schema cannot express


@dataclass(frozen=True, slots=True)
class TableSpec:
    """One published table: its fields in order, keys and table-level checks."""

    name: str
    description: str
    grain: str | None
    fields: tuple[FieldSpec, ...]
    withheld: tuple[FieldSpec, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[dict[str, Any], ...]
    unique_keys: tuple[tuple[str, ...], ...]
    table_checks: tuple[str, ...]

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    @property
    def published_description(self) -> str:
        """The model's description, plus which columns the release leaves out."""
        if not self.withheld:
            return self.description
        names = ", ".join(f"`{f.name}`" for f in self.withheld)
        return f"{self.description} Not in the release: {names} (kept in the DuckDB warehouse)."

    @property
    def quoted_fields(self) -> list[str]:
        return [f.name for f in self.fields if f.quoted_text]


def table_schema_type(table: str, column: str, dtype: object) -> str:
    """Table Schema type of a pandera dtype; raise ReleaseError for a dtype with no faithful mapping."""
    text = str(dtype).lower()
    if text.startswith("datetime64") or text.startswith("timestamp"):
        return "datetime"
    if text in {"date", "date32[day][pyarrow]"}:
        return "date"
    if text in ("list<item: string>[pyarrow]", "list<item: int64>[pyarrow]"):
        return "list"
    if text in {"str", "string", "object"} or text.startswith("string"):
        return "string"
    if text.startswith(("int", "uint")):
        return "integer"
    if text.startswith("float"):
        return "number"
    if text.startswith("bool"):
        return "boolean"
    raise ReleaseError(f"table {table}", f"column {column}: no Table Schema type for dtype {dtype}")


def table_schema_pattern(pattern: str) -> str:
    """A pandera ``str_matches`` pattern (``re.match``: anchored at the start only) as a Table Schema pattern.

    Table Schema patterns must match the whole value, so the anchors go and a
    pattern without a final ``$`` gains ``.*``.
    """
    body = pattern[1:] if pattern.startswith("^") else pattern
    if body.endswith("$") and not body.endswith("\\$"):
        return body[:-1]
    return body + ".*"


def _constraints(check: pa.Check) -> dict[str, Any] | None:
    """Table Schema constraints equivalent to one built-in pandera check, or None if there are none."""
    stats = check.statistics or {}
    name = check.name
    if name == "greater_than_or_equal_to":
        return {"minimum": stats["min_value"]}
    if name == "greater_than":
        return {"exclusiveMinimum": stats["min_value"]}
    if name == "less_than_or_equal_to":
        return {"maximum": stats["max_value"]}
    if name == "less_than":
        return {"exclusiveMaximum": stats["max_value"]}
    if name == "in_range":
        low = "minimum" if stats.get("include_min", True) else "exclusiveMinimum"
        high = "maximum" if stats.get("include_max", True) else "exclusiveMaximum"
        return {low: stats["min_value"], high: stats["max_value"]}
    if name == "isin":
        return {"enum": list(stats["allowed_values"])}
    if name == "equal_to":
        return {"enum": [stats["value"]]}
    if name == "str_matches":
        return {"pattern": table_schema_pattern(str(stats["pattern"]))}
    if name == "str_length":
        if stats.get("exact_value") is not None:
            return {"minLength": stats["exact_value"], "maxLength": stats["exact_value"]}
        out = {}
        if stats.get("min_value") is not None:
            out["minLength"] = stats["min_value"]
        if stats.get("max_value") is not None:
            out["maxLength"] = stats["max_value"]
        return out
    return None


def _field(table: str, name: str, column: pa.Column) -> FieldSpec:
    metadata = column.metadata or {}
    constraints: dict[str, Any] = {}
    other: list[str] = []
    for check in column.checks:
        found = _constraints(check)
        if found is None:
            other.append(check.description or check.name or "custom check")
        else:
            constraints.update(found)
    if not column.description:
        raise ReleaseError(f"table {table}", f"column {name} has no description in its pandera model")
    return FieldSpec(
        name=name,
        type=table_schema_type(table, name, column.dtype),
        description=column.description,
        required=not column.nullable,
        unique=bool(column.unique),
        unit=metadata.get("unit"),
        quoted_text=bool(metadata.get("quoted_text", False)),
        constraints=constraints,
        other_checks=tuple(other),
    )


def _unique_keys(schema: pa.DataFrameSchema) -> tuple[tuple[str, ...], ...]:
    unique = schema.unique
    if not unique:
        return ()
    if isinstance(unique, str):
        return ((unique,),)
    return (tuple(unique),)


_SNAKE_CASE = re.compile(r"^[a-z][a-z0-9_]*$")


def table_spec(table: str, model: type[pa.DataFrameModel]) -> TableSpec:
    """The published description of ``table`` from its pandera model.

    Raises ReleaseError if a column lacks a description, has a type Table
    Schema cannot state, is not snake_case, or if a withheld column is part of
    a key.
    """
    schema = model.to_schema()
    config = dict(model.__config__.metadata or {})
    fields: list[FieldSpec] = []
    withheld: list[FieldSpec] = []
    for name, column in schema.columns.items():
        if not _SNAKE_CASE.match(name):
            raise ReleaseError(f"table {table}", f"column {name!r} is not snake_case")
        spec = _field(table, name, column)
        if (column.metadata or {}).get("in_release", True) is False:
            withheld.append(spec)
        else:
            fields.append(spec)
    primary_key = tuple(config.get("primary_key") or ())
    foreign_keys = tuple(config.get("foreign_keys") or ())
    published = {f.name for f in fields}
    keyed = set(primary_key) | {c for fk in foreign_keys for c in fk["fields"]}
    for unique_key in _unique_keys(schema):
        keyed |= set(unique_key)
    hidden_keys = sorted(keyed - published)
    if hidden_keys:
        raise ReleaseError(f"table {table}", f"key column(s) withheld from the release: {', '.join(hidden_keys)}")
    return TableSpec(
        name=table,
        description=schema.description or (model.__doc__ or "").strip(),
        grain=config.get("grain"),
        fields=tuple(fields),
        withheld=tuple(withheld),
        primary_key=primary_key,
        foreign_keys=foreign_keys,
        unique_keys=_unique_keys(schema),
        table_checks=tuple(c.description or c.name for c in schema.checks),
    )
