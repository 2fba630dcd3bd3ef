"""Materialisation metadata shared by every table asset: row count, column schema, preview.

Every asset that writes a table records the same three entries, so the UI shows
each table alike: ``table_metadata`` when the asset holds the frame it wrote,
``warehouse_table_metadata`` when the table was built in DuckDB (SQL marts,
incremental writes) and only the warehouse holds it.
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb
import numpy as np
import pandas as pd
import pandera.pandas as pa

from pipeline.common.values import is_missing
from pipeline.store.ddl import duckdb_type
from pipeline.store.tables import count_rows, read_head
from pipeline.store.validation import MAX_FAILURE_CASES

PREVIEW_ROWS = 10
PREVIEW_CELL_CHARS = 80


def column_schema(model: type[pa.DataFrameModel]) -> dg.TableSchema:
    """Dagster table schema built from a pandera model, descriptions included.

    The UI renders descriptions as Markdown, so ``<`` is escaped to keep
    placeholders such as ``<doc_id>`` visible; types are the DuckDB types of
    the warehouse columns (``VARCHAR``, ``DATE``, ``VARCHAR[]``...).
    """
    schema = model.to_schema()
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name=name,
                type=duckdb_type(str(schema.name), name, col.dtype),
                description=(col.description or "").replace("<", "\\<"),
            )
            for name, col in schema.columns.items()
        ]
    )


def _short(value: object, max_chars: int) -> str:
    if is_missing(value):
        text = ""
    elif isinstance(value, list | tuple | np.ndarray):
        text = "; ".join(str(v) for v in value)
    else:
        text = str(value)
    text = text.replace("\n", " ").replace("|", "\\|")
    return text if len(text) <= max_chars else text[: max_chars - 1] + "…"


def preview_markdown(df: pd.DataFrame, rows: int = PREVIEW_ROWS, cell_chars: int = PREVIEW_CELL_CHARS) -> str:
    """First rows of ``df`` as a Markdown table, cells longer than ``cell_chars`` shortened."""
    head = df.head(rows)
    lines = ["| " + " | ".join(head.columns) + " |", "|" + "---|" * len(head.columns)]
    lines += ["| " + " | ".join(_short(v, cell_chars) for v in row) + " |" for row in head.itertuples(index=False)]
    return "\n".join(lines)


def problems_markdown(problems: list[tuple[str, str]], base: Path, rows: int = MAX_FAILURE_CASES) -> str:
    """(file, problem) pairs as a Markdown table, files relative to ``base``, problems in full."""
    table = pd.DataFrame(
        [(_relative(file, base), problem) for file, problem in problems], columns=["file", "problem"], dtype="string"
    )
    return preview_markdown(table, rows, cell_chars=400)


def _relative(file: str, base: Path) -> str:
    path = Path(file)
    return str(path.relative_to(base)) if path.is_relative_to(base) else file


def failure_metadata(cases: pd.DataFrame) -> dict[str, object]:
    """Metadata of a failed check: how many failure cases, and the first of them as a table."""
    return {
        "failure_count": dg.MetadataValue.int(len(cases)),
        "failure_cases": dg.MetadataValue.md(preview_markdown(cases, MAX_FAILURE_CASES)),
    }


def table_metadata(model: type[pa.DataFrameModel], df: pd.DataFrame) -> dict[str, object]:
    """Metadata recorded with every table materialisation."""
    return {
        "dagster/row_count": dg.MetadataValue.int(len(df)),
        "dagster/column_schema": column_schema(model),
        "preview": dg.MetadataValue.md(preview_markdown(df)),
    }


def warehouse_table_metadata(
    conn: duckdb.DuckDBPyConnection, table: str, model: type[pa.DataFrameModel]
) -> dict[str, object]:
    """The same metadata as ``table_metadata``, read from table ``table`` (a schema-registered name)."""
    head = read_head(conn, table, PREVIEW_ROWS)
    return {
        "dagster/row_count": dg.MetadataValue.int(count_rows(conn, table)),
        "dagster/column_schema": column_schema(model),
        "preview": dg.MetadataValue.md(preview_markdown(head)),
    }
