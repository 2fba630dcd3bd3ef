"""CSV and Parquet writing: spreadsheet safety in CSV only, stable number formatting, fixed Parquet bytes."""

from __future__ import annotations

import csv
import io
import math

import pandas as pd
import pandera.pandas as pa
import pyarrow as pa_arrow
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pandera.typing import Series

from pipeline.release.csv_safety import FORMULA_PREFIXES, neutralise
from pipeline.release.frames import release_frame
from pipeline.release.info import ReleaseError
from pipeline.release.spec import table_spec
from pipeline.release.writers import csv_bytes, format_number, parquet_bytes
from tests.csv_cells import restore


class Notes(pa.DataFrameModel):
    """A small table with text, integer and number columns, for the writers."""

    note_id: Series[pd.Int64Dtype] = pa.Field(unique=True, description="Id.")
    text: Series[str] = pa.Field(nullable=True, description="Some text.", metadata={"quoted_text": True})
    share: Series[float] = pa.Field(nullable=True, description="A share.", metadata={"unit": "percent"})

    class Config:
        strict = True
        coerce = True
        metadata = {"primary_key": ["note_id"]}


TEXTS = ["=1+1", "+44 20", "-5 people", "@SUM(A1)", "\tindented", "'=already quoted", "plain", "'quoted", None]


def _notes(texts: list[str | None]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "note_id": pd.array(range(len(texts)), dtype="Int64"),
            "text": pd.array(texts, dtype="str"),
            "share": [0.1 * i if i % 3 else None for i in range(len(texts))],
        }
    )


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_csv_neutralises_formula_cells_and_parquet_keeps_the_exact_text() -> None:
    spec = table_spec("notes", Notes)
    df = release_frame(spec, Notes, _notes(TEXTS))

    cells = [row["text"] for row in _csv_rows(csv_bytes(df, spec))]
    exact = pq.read_table(pa_arrow.BufferReader(parquet_bytes(df, spec))).column("text").to_pylist()

    assert exact == TEXTS
    assert cells[:6] == ["'=1+1", "'+44 20", "'-5 people", "'@SUM(A1)", "'\tindented", "''=already quoted"]
    assert cells[6:] == ["plain", "'quoted", ""]
    assert [restore(c) for c in cells[:8]] == TEXTS[:8]


def test_csv_leaves_numbers_alone_even_when_negative() -> None:
    class Signed(pa.DataFrameModel):
        """Signed numbers."""

        n: Series[float] = pa.Field(description="A signed number.")

        class Config:
            coerce = True

    spec = table_spec("signed", Signed)
    data = csv_bytes(pd.DataFrame({"n": [-1.5, -20.0]}), spec)
    assert data == b"n\r\n-1.5\r\n-20\r\n"


@given(st.text())
def test_neutralised_text_never_starts_like_a_formula_and_restores_exactly(text: str) -> None:
    cell = neutralise(text)
    assert not cell.startswith(FORMULA_PREFIXES)
    assert restore(cell) == text


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (3.0, "3"),
        (0.1, "0.1"),
        (0.666667, "0.666667"),
        (1e16, "10000000000000000"),
        (2.5e-7, "0.00000025"),
        (-0.0, "0"),
        (8300000.0, "8300000"),
        (0.1 + 0.2, "0.30000000000000004"),
    ],
)
def test_numbers_are_plain_decimals_that_read_back_exactly(value: float, written: str) -> None:
    assert format_number(value) == written


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_finite_float_round_trips_through_its_csv_text(value: float) -> None:
    text = format_number(value)
    assert "e" not in text.lower()
    assert float(text) == value


def test_nan_cannot_be_written_as_a_number() -> None:
    with pytest.raises(ValueError, match="NaN or infinite"):
        format_number(math.inf)


def test_missing_values_are_empty_cells() -> None:
    spec = table_spec("notes", Notes)
    rows = _csv_rows(csv_bytes(release_frame(spec, Notes, _notes(["a", None, "c"])), spec))
    assert [(r["text"], r["share"]) for r in rows] == [("a", ""), ("", "0.1"), ("c", "0.2")]


def test_row_order_of_the_input_does_not_change_the_bytes() -> None:
    spec = table_spec("notes", Notes)
    df = _notes(TEXTS)
    shuffled = df.sample(frac=1, random_state=7).reset_index(drop=True)
    assert not shuffled["note_id"].equals(df["note_id"])

    a, b = release_frame(spec, Notes, df), release_frame(spec, Notes, shuffled)

    assert csv_bytes(a, spec) == csv_bytes(b, spec)
    assert parquet_bytes(a, spec) == parquet_bytes(b, spec)


def test_parquet_has_the_specs_types_and_no_pandas_metadata() -> None:
    spec = table_spec("notes", Notes)
    data = parquet_bytes(release_frame(spec, Notes, _notes(TEXTS)), spec)
    metadata = pq.read_metadata(pa_arrow.BufferReader(data))
    schema = pq.read_schema(pa_arrow.BufferReader(data))

    assert metadata.metadata is None
    assert [str(t) for t in schema.types] == ["int64", "string", "double"]
    assert schema.field("note_id").nullable is False


def test_a_table_failing_its_model_is_refused_naming_the_table() -> None:
    spec = table_spec("notes", Notes)
    bad = _notes(["a", "b"])
    bad.loc[1, "note_id"] = 0  # duplicate id

    with pytest.raises(ReleaseError, match=r"table notes: not published, it fails its checks.*field_uniqueness"):
        release_frame(spec, Notes, bad)


def test_an_empty_string_is_refused_because_csv_would_read_it_as_missing() -> None:
    spec = table_spec("notes", Notes)
    with pytest.raises(ReleaseError, match="table notes: column text has 1 empty string"):
        release_frame(spec, Notes, _notes(["a", ""]))
