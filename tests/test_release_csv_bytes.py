"""The CSV writer formats a column at a time, and writes exactly what Python's csv module writes cell by cell."""

from __future__ import annotations

import csv
import datetime as dt
import io
from unittest import mock

import pandas as pd
import pandera.pandas as pa
import pyarrow
from hypothesis import given, settings
from hypothesis import strategies as st
from pandera.typing import Series

from pipeline.release import writers
from pipeline.release.csv_safety import neutralise
from pipeline.release.spec import table_spec
from pipeline.release.writers import CSV_LINE_END, LIST_DELIMITER, csv_bytes, format_number
from schemas.common import DATE, TEXT_LIST


class Cells(pa.DataFrameModel):
    """One column of every published type."""

    cell_id: Series[pd.Int64Dtype] = pa.Field(unique=True, description="Id.")
    text: Series[str] = pa.Field(nullable=True, description="Text.")
    share: Series[float] = pa.Field(nullable=True, description="A number.")
    count: Series[pd.Int64Dtype] = pa.Field(nullable=True, description="An integer.")
    flag: Series[pd.BooleanDtype] = pa.Field(nullable=True, description="A boolean.")
    day: Series[DATE] = pa.Field(nullable=True, description="A day.")
    codes: Series[TEXT_LIST] = pa.Field(nullable=True, description="A list.")

    class Config:
        strict = True
        coerce = True
        metadata = {"primary_key": ["cell_id"]}


class Only(pa.DataFrameModel):
    """A table of one column."""

    text: Series[str] = pa.Field(nullable=True, description="Text.")

    class Config:
        strict = True
        coerce = True


def _reference(rows: list[list[object]], names: list[str]) -> bytes:
    """What the csv module writes for ``rows`` after formatting each cell by the module docstring's rules."""

    def cell(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            return format_number(value)
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, list):
            return neutralise(LIST_DELIMITER.join(value))
        return neutralise(str(value))

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=CSV_LINE_END, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(names)
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return buffer.getvalue().encode("utf-8")


TEXTS = st.one_of(
    st.none(),
    st.text(alphabet=st.sampled_from(list("ab ,\"'\r\n\t=+-@;é€\u2028")), min_size=1, max_size=8),
    st.text(min_size=1, max_size=8),
)
SPECIAL_FLOATS = st.sampled_from([0.0, -0.0, 1e-7, 2e21])
FLOATS = st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False), SPECIAL_FLOATS)
CODES = st.one_of(st.none(), st.lists(st.text(alphabet="ABC=-'\",", min_size=1, max_size=3), max_size=3))
ROWS = st.lists(
    st.tuples(
        TEXTS,
        FLOATS,
        st.one_of(st.none(), st.integers(-(2**63), 2**63 - 1)),
        st.one_of(st.none(), st.booleans()),
        st.one_of(st.none(), st.dates()),
        CODES,
    ),
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(ROWS, st.sampled_from([1, 3]), st.sampled_from([2, 5, writers.CSV_CHUNK_ROWS]))
def test_every_type_is_written_as_the_csv_module_writes_it(
    rows: list[tuple[object, ...]], repeats: int, chunk_rows: int
) -> None:
    """Also with every row repeated (texts that repeat are formatted once per distinct text), and with the table
    formatted a few rows at a time (as a large one is)."""
    spec = table_spec("cells", Cells)
    full = [[i, *row] for i, row in enumerate(rows * repeats)]
    df = pd.DataFrame(
        {
            "cell_id": pd.array([r[0] for r in full], dtype="Int64"),
            "text": pd.array([r[1] for r in full], dtype="str"),
            "share": pd.array([r[2] for r in full], dtype="Float64"),
            "count": pd.array([r[3] for r in full], dtype="Int64"),
            "flag": pd.array([r[4] for r in full], dtype="boolean"),
            "day": pd.array([r[5] for r in full], dtype=pd.ArrowDtype(pyarrow.date32())),
            "codes": pd.array([r[6] for r in full], dtype=pd.ArrowDtype(pyarrow.list_(pyarrow.string()))),
        }
    )
    with mock.patch.object(writers, "CSV_CHUNK_ROWS", chunk_rows):
        assert csv_bytes(df, spec) == _reference(full, spec.field_names)


@given(st.lists(TEXTS, max_size=8))
def test_a_table_of_one_column_writes_an_empty_text_as_the_csv_module_does(texts: list[str | None]) -> None:
    spec = table_spec("only", Only)
    df = pd.DataFrame({"text": pd.array(texts, dtype="str")})
    assert csv_bytes(df, spec) == _reference([[t] for t in texts], spec.field_names)
