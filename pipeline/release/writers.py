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

import functools
import math
import os
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.release.csv_safety import FORMULA_PREFIXES, NEUTRALISER
from pipeline.release.info import ReleaseError
from pipeline.release.spec import FieldSpec, TableSpec

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


_TEXT = pa.large_string()
_NEEDS_QUOTES = '[,"\\r\\n]'  # what Python's csv module quotes under QUOTE_MINIMAL with a CRLF line end


def _text(value: str) -> pa.Scalar:
    return pa.scalar(value, _TEXT)


def _concat(*parts: pa.Array | pa.Scalar) -> pa.Array:
    """The element-wise concatenation of ``parts`` (texts)."""
    return pc.binary_join_element_wise(*parts, _text(""))


def _neutralised(texts: pa.Array) -> pa.Array:
    """``csv_safety.neutralise`` applied to every text at once."""
    lead = pc.utf8_ltrim(texts, characters=NEUTRALISER)
    formula = functools.reduce(pc.or_, [pc.starts_with(lead, prefix) for prefix in FORMULA_PREFIXES])
    return pc.if_else(formula, _concat(_text(NEUTRALISER), texts), texts)


def _numbers(column: pa.Array) -> pa.Array:
    """Each number in ``format_number``'s notation (each distinct value formatted once)."""
    encoded = column.dictionary_encode()
    formatted = pa.array([format_number(v) for v in encoded.dictionary.to_pylist()], _TEXT)
    return pc.take(formatted, encoded.indices)


def _lists(column: pa.Array, name: str) -> pa.Array:
    """Each list's items joined by ``LIST_DELIMITER`` (an item holding the delimiter is refused)."""
    items = pc.list_flatten(column)
    if len(items) and pc.any(pc.match_substring(items, LIST_DELIMITER)).as_py():
        bad = items.filter(pc.match_substring(items, LIST_DELIMITER))[0].as_py()
        raise ValueError(f"a list item of {name} contains the CSV delimiter {LIST_DELIMITER!r}: {bad!r}")
    return _neutralised(pc.binary_join(column, LIST_DELIMITER).cast(_TEXT))


def _cells(column: pa.Array, field: FieldSpec) -> pa.Array:
    """The CSV text of every cell of one column, unquoted; missing cells are null."""
    if field.type == "string":
        return _neutralised(column.cast(_TEXT))
    if field.type == "number":
        return _numbers(column)
    if field.type == "boolean":
        return pc.if_else(column, _text("true"), _text("false"))
    if field.type in ("integer", "date"):  # Arrow writes int64 as digits and date32 as ISO 8601, as Python does
        return column.cast(_TEXT)
    if field.type == "datetime":
        return pa.array([None if v is None else _format_datetime(v) for v in column.to_pylist()], _TEXT)
    if field.type == "list":
        return _lists(column, field.name)
    raise ValueError(f"no CSV notation for type {field.type!r}")


def _quoted(cells: pa.Array, only_field: bool) -> pa.Array:
    """Cells as RFC 4180 fields: quoted, inner quotes doubled, only where needed; missing cells empty."""
    cells = cells.fill_null("")
    needs = pc.match_substring_regex(cells, _NEEDS_QUOTES)
    if only_field:  # the csv module quotes an empty field that is alone on its row (else the row is blank)
        needs = pc.or_(needs, pc.equal(cells, ""))
    quoted = _concat(_text('"'), pc.replace_substring(cells, '"', '""'), _text('"'))
    return pc.if_else(needs, quoted, cells)


#: Rows formatted at once: the formatted texts of a slice, not of the whole table, are in memory.
CSV_CHUNK_ROWS = 65_536
#: Columns formatted at once (the machine's cores; more only wait for them).
_THREADS = max(1, min(4, os.cpu_count() or 1))
#: Rows whose distinct texts decide whether a text column is formatted once per distinct text.
_SAMPLE_ROWS = 10_000


def _field(column: pa.Array, field: FieldSpec, only_field: bool) -> pa.Array:
    """The CSV fields of one column. Texts that repeat (a sentence quoted by each of its figures) are formatted
    once per distinct text."""
    sample = column[:_SAMPLE_ROWS]
    if field.type == "string" and len(column) > 1 and pc.count_distinct(sample).as_py() * 2 < len(sample):
        encoded = column.dictionary_encode()
        formatted = _quoted(_cells(encoded.dictionary, field), only_field)
        return pc.take(formatted, encoded.indices).fill_null('""' if only_field else "")
    return _quoted(_cells(column, field), only_field)


def _line_bytes(lines: pa.Array) -> bytes:
    """The texts of ``lines`` one after the other, as UTF-8 bytes (read from the array's data buffer)."""
    lines = lines.cast(_TEXT)
    offsets = pa.Array.from_buffers(pa.int64(), len(lines) + 1, [None, lines.buffers()[1]], offset=lines.offset)
    first, last = offsets[0].as_py(), offsets[-1].as_py()
    return lines.buffers()[2].slice(first, last - first).to_pybytes()


def csv_bytes(df: pd.DataFrame, spec: TableSpec) -> bytes:
    """The table as RFC 4180 CSV bytes (see the module docstring for every rule)."""
    return table_csv_bytes(arrow_table(df, spec), spec)


def table_csv_bytes(table: pa.Table, spec: TableSpec) -> bytes:
    """``csv_bytes`` of the table already in Arrow (``arrow_table``).

    Every cell is formatted a column at a time in Arrow (the rows of a large
    table would cost seconds each in Python); the bytes are those Python's
    ``csv`` module writes, with ``QUOTE_MINIMAL`` and CRLF line ends.
    """
    only = len(spec.fields) == 1
    header = (",".join(spec.field_names) + CSV_LINE_END).encode("utf-8")
    if table.num_rows == 0:
        return header

    def column_fields(f: FieldSpec, column: pa.ChunkedArray) -> pa.Array:
        try:
            return _field(column.combine_chunks(), f, only)
        except (ValueError, pa.ArrowInvalid) as exc:
            raise ReleaseError(f"table {spec.name}", f"cannot write CSV column {f.name}: {exc}") from exc

    pieces = [header]
    with ThreadPoolExecutor(max_workers=_THREADS) as pool:  # Arrow's kernels release the GIL: columns side by side
        for start in range(0, table.num_rows, CSV_CHUNK_ROWS):  # a slice at a time: its texts, not the table's
            part = table.slice(start, CSV_CHUNK_ROWS)
            fields = list(pool.map(column_fields, spec.fields, part.columns))
            pieces.append(_line_bytes(_concat(pc.binary_join_element_wise(*fields, _text(",")), _text(CSV_LINE_END))))
    return b"".join(pieces)


def arrow_schema(spec: TableSpec) -> pa.Schema:
    """Arrow schema of the table's Parquet file, nullability from the spec."""
    return pa.schema([pa.field(f.name, ARROW_TYPES[f.type], nullable=not f.required) for f in spec.fields])


def arrow_table(df: pd.DataFrame, spec: TableSpec) -> pa.Table:
    """The published columns of ``df`` as an Arrow table of the spec's types, without schema metadata."""
    table = pa.Table.from_pandas(df[spec.field_names], schema=arrow_schema(spec), preserve_index=False)
    return table.replace_schema_metadata(None)


def parquet_bytes(df: pd.DataFrame, spec: TableSpec) -> bytes:
    """The table as Parquet bytes with fixed writer settings (see the module docstring)."""
    return table_parquet_bytes(arrow_table(df, spec))


def table_parquet_bytes(table: pa.Table) -> bytes:
    """``parquet_bytes`` of the table already in Arrow (``arrow_table``)."""
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
