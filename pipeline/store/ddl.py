"""DuckDB table definitions written from the pandera models: column types, NOT NULL and the primary key.

The models in ``schemas/`` are the one place a column is described; this
module states the same facts in DuckDB's terms, so that a user of the DuckDB
file sees ``DATE`` and ``VARCHAR[]`` columns, ``NOT NULL`` and the primary key
in ``describe`` and ``duckdb_constraints()``, and DuckDB itself refuses a row
that breaks them. Foreign keys are stated in ``datapackage.json`` only: in
DuckDB they would forbid replacing a referenced table as a whole.
"""

from __future__ import annotations

import pandera.pandas as pa

_TYPES = {
    "str": "VARCHAR",
    "string": "VARCHAR",
    "int64": "BIGINT",
    "float64": "DOUBLE",
    "bool": "BOOLEAN",
    "boolean": "BOOLEAN",
    "date32[day][pyarrow]": "DATE",
    "list<item: string>[pyarrow]": "VARCHAR[]",
    "list<item: int64>[pyarrow]": "BIGINT[]",
}


def duckdb_type(table: str, column: str, dtype: object) -> str:
    """The DuckDB type of a pandera column dtype; ValueError for a dtype without one."""
    text = str(dtype).lower()
    if text.startswith("str"):  # str, string, string[python], string[pyarrow]
        text = "str"
    if text not in _TYPES:
        raise ValueError(f"table {table}: column {column} has dtype {dtype}, which has no DuckDB type here")
    return _TYPES[text]


def primary_key(model: type[pa.DataFrameModel]) -> tuple[str, ...]:
    """The model's primary key columns (``Config.metadata['primary_key']``), possibly none."""
    return tuple((model.__config__.metadata or {}).get("primary_key") or ())


def column_definitions(model: type[pa.DataFrameModel]) -> list[tuple[str, str, bool]]:
    """(name, DuckDB type, NOT NULL) of each column of ``model``, in order."""
    schema = model.to_schema()
    key = set(primary_key(model))
    return [
        (name, duckdb_type(str(schema.name), name, column.dtype), not column.nullable or name in key)
        for name, column in schema.columns.items()
    ]


def create_table_sql(name: str, model: type[pa.DataFrameModel]) -> str:
    """``create or replace table`` statement for table ``name`` as ``model`` describes it."""
    parts = [
        f'"{col}" {sql_type}{" NOT NULL" if not_null else ""}' for col, sql_type, not_null in column_definitions(model)
    ]
    key = primary_key(model)
    if key:
        parts.append("PRIMARY KEY (" + ", ".join(f'"{c}"' for c in key) + ")")
    return f'create or replace table "{name}" (\n    ' + ",\n    ".join(parts) + "\n)"


def column_list(model: type[pa.DataFrameModel]) -> str:
    """The model's columns, quoted and comma-separated, for ``insert``/``select``."""
    return ", ".join(f'"{c}"' for c in model.to_schema().columns)
