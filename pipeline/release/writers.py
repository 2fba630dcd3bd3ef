"""A table's CSV and Parquet bytes, written so that equal rows always give equal bytes.

CSV: UTF-8 without BOM, RFC 4180 (comma, double-quote quoting only where
needed, CRLF line ends, header row), a missing value as an empty cell, numbers
in shortest round-trip decimal notation without exponent, booleans as
``true``/``false``, dates as ISO 8601, a list's items joined by ``;``
(``LIST_DELIMITER``), text neutralised against spreadsheet formulas.

Parquet: the exact values, with column types from the table's spec (strings as
``string``, integers as ``int64``, numbers as ``double``, dates as ``date32``,
lists as ``list<string>``), zstd compression at
a fixed level, one row group per ``ROW_GROUP_ROWS`` rows, no pandas or Arrow
schema metadata, so the bytes depend only on the rows and the pinned pyarrow.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Callable
from decimal import Decimal

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.release.csv_safety import neutralise
from pipeline.release.info import ReleaseError
from pipeline.release.spec import TableSpec

CSV_LINE_END = "\r\n"
ROW_GROUP_ROWS = 100_000
ZSTD_LEVEL = 9
ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
    "datetime": pa.timestamp("us", tz="UTC"),
    "list": pa.list_(pa.string()),
}
#: How the CSV files join the items of a list column (ids and codes never contain it).
LIST_DELIMITER = ";"


def format_number(value: float) -> str:
    """Shortest decimal that reads back as ``value``, without exponent or a trailing ``.0``."""
    if math.isnan(value) or math.isinf(value):
        raise ValueError(f"{value} cannot be published; a missing number must be missing, not NaN or infinite")
    text = format(Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _format_datetime(value: object) -> str:
    ts = pd.Timestamp(value)
    ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
    return ts.strftime("%Y-%m-%dT%H:%M:%S.%fZ" if ts.microsecond else "%Y-%m-%dT%H:%M:%SZ")


def _format_list(value: object) -> str:
    items = [str(v) for v in value]  # type: ignore[attr-defined]
    if any(LIST_DELIMITER in item for item in items):
        raise ValueError(f"a list item contains the CSV delimiter {LIST_DELIMITER!r}: {items!r}")
    return neutralise(LIST_DELIMITER.join(items))


_FORMATTERS: dict[str, Callable[[object], str]] = {
    "string": lambda v: neutralise(str(v)),
    "integer": lambda v: str(int(v)),  # type: ignore[call-overload]
    "number": lambda v: format_number(float(v)),  # type: ignore[arg-type]
    "boolean": lambda v: "true" if bool(v) else "false",
    "date": lambda v: v.isoformat() if isinstance(v, dt.date) else pd.Timestamp(v).date().isoformat(),
    "datetime": _format_datetime,
    "list": _format_list,
}


def csv_bytes(df: pd.DataFrame, spec: TableSpec) -> bytes:
    """The table as RFC 4180 CSV bytes (see the module docstring for every rule)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=CSV_LINE_END, quoting=csv.QUOTE_MINIMAL, strict=True)
    writer.writerow(spec.field_names)
    formatters = [_FORMATTERS[f.type] for f in spec.fields]
    frame = df[spec.field_names]
    # missing cells found a column at a time (as is_missing would find them cell by cell): the rows then
    # only format what is there
    missing = [frame[name].isna().to_numpy(dtype=bool).tolist() for name in spec.field_names]
    columns = [frame[name].tolist() for name in spec.field_names]  # Python values, not Arrow scalars per cell
    for i, row in enumerate(zip(*columns, strict=True)):
        try:
            writer.writerow(["" if m[i] else fmt(v) for fmt, v, m in zip(formatters, row, missing, strict=True)])
        except ValueError as exc:
            raise ReleaseError(f"table {spec.name}", f"cannot write CSV row {row!r}: {exc}") from exc
    return buffer.getvalue().encode("utf-8")


def arrow_schema(spec: TableSpec) -> pa.Schema:
    """Arrow schema of the table's Parquet file, nullability from the spec."""
    return pa.schema([pa.field(f.name, ARROW_TYPES[f.type], nullable=not f.required) for f in spec.fields])


def parquet_bytes(df: pd.DataFrame, spec: TableSpec) -> bytes:
    """The table as Parquet bytes with fixed writer settings (see the module docstring)."""
    table = pa.Table.from_pandas(df[spec.field_names], schema=arrow_schema(spec), preserve_index=False)
    table = table.replace_schema_metadata(None)
    sink = pa.BufferOutputStream()
    pq.write_table(
        table,
        sink,
        row_group_size=ROW_GROUP_ROWS,
        version="2.6",
        data_page_version="1.0",
        compression="zstd",
        compression_level=ZSTD_LEVEL,
        use_dictionary=True,
        write_statistics=True,
        store_schema=False,
    )
    return sink.getvalue().to_pybytes()
