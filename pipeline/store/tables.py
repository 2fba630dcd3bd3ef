"""Reading and writing tables of the DuckDB warehouse.

Writes are idempotent (``create or replace`` inside one transaction), so a
rerun replaces a table and a failed write leaves the previous one in place.
Every table is created from its pandera model (``pipeline.store.ddl``: types,
NOT NULL, primary key) before its rows go in. Table names come from the
schema registry, never from data. Reads give dates and lists as Arrow-backed
columns, the dtypes the models declare.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager

import duckdb
import pandas as pd
import pandera.pandas as pa
import pyarrow

from pipeline.store.ddl import column_definitions, column_list, create_table_sql
from schemas import INTERNAL_SCHEMAS, SCHEMAS


def _known_table(name: str) -> str:
    if name not in SCHEMAS and name not in INTERNAL_SCHEMAS:
        known = sorted([*SCHEMAS, *INTERNAL_SCHEMAS])
        raise ValueError(f"unknown table {name!r}; known tables: {', '.join(known)}")
    return name


def model_of(name: str) -> type[pa.DataFrameModel]:
    """The pandera model of table ``name``."""
    return {**SCHEMAS, **INTERNAL_SCHEMAS}[_known_table(name)]


def _arrow_dtype(arrow_type: pyarrow.DataType) -> pd.ArrowDtype | None:
    """Dates and lists stay Arrow-backed in pandas (as the models declare them); other types convert as usual."""
    if pyarrow.types.is_date32(arrow_type) or pyarrow.types.is_list(arrow_type):
        return pd.ArrowDtype(arrow_type)
    return None


def frame_of(conn: duckdb.DuckDBPyConnection, sql: str, parameters: object = None) -> pd.DataFrame:
    """The result of ``sql`` as pandas, dates and lists as Arrow-backed columns (the models' dtypes)."""
    return conn.sql(sql, params=parameters).to_arrow_table().to_pandas(types_mapper=_arrow_dtype)


@contextmanager
def transaction(conn: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Commit everything done inside the block together, or roll all of it back."""
    conn.execute("begin transaction")
    try:
        yield conn
        conn.execute("commit")
    except BaseException:
        conn.execute("rollback")
        raise


def replace_table(conn: duckdb.DuckDBPyConnection, name: str, df: pd.DataFrame) -> int:
    """Replace table ``name`` with the rows of ``df`` atomically; return the row count."""
    model = model_of(name)
    conn.execute("begin transaction")
    try:
        conn.register("_incoming", df)
        conn.execute(create_table_sql(name, model))
        columns = column_list(model)
        conn.execute(f'insert into "{name}" ({columns}) select {columns} from _incoming')
        conn.unregister("_incoming")
        conn.execute("commit")
    except Exception:
        conn.execute("rollback")
        raise
    return len(df)


def replace_table_from_query(
    conn: duckdb.DuckDBPyConnection, name: str, sql: str, parameters: Mapping[str, object] | None = None
) -> int:
    """Replace table ``name`` by the rows of the query ``sql`` atomically, inside DuckDB (the rows never become a
    pandas frame; DuckDB casts them to the model's types); return the row count."""
    model = model_of(name)
    columns = column_list(model)
    with transaction(conn):
        conn.execute(create_table_sql(name, model))
        conn.execute(f'insert into "{name}" ({columns}) select {columns} from (\n{sql}\n)', dict(parameters or {}))
    return count_rows(conn, name)


def _has_layout_of(conn: duckdb.DuckDBPyConnection, name: str, model: type[pa.DataFrameModel]) -> bool:
    """Whether table ``name`` exists with exactly the columns, types and NOT NULL constraints of ``model``."""
    found = conn.execute(
        "select column_name, data_type, is_nullable = 'NO' from information_schema.columns "
        "where table_schema = 'main' and table_name = ? order by ordinal_position",
        [name],
    ).fetchall()
    return [tuple(row) for row in found] == column_definitions(model)


def rewrite_keeping(
    conn: duckdb.DuckDBPyConnection, name: str, key: str, kept: Iterable[str], incoming: str, order: Iterable[str]
) -> None:
    """Make table ``name`` hold its rows whose ``key`` is in ``kept`` plus every row of the relation ``incoming``;
    inside the caller's transaction. The kept rows never leave DuckDB (what incremental steps reuse of the
    warehouse: unchanged documents, the mentions of documents not extracted again).

    A table with the model's layout is changed in place: the rows not kept are deleted and the new ones appended
    (in ``order``), so adding one document to 10,000 writes that document, not the table. A table that is absent
    or of another layout (the model changed) is written anew from the kept rows and the new ones, in ``order``.
    Readers never rely on the rows' physical order (the release sorts every table by its key).
    """
    model = model_of(name)
    columns = column_list(model)
    kept = list(kept)
    ordered = ", ".join(f'"{c}"' for c in order)
    if _has_layout_of(conn, name, model):
        conn.execute(f'delete from "{name}" where "{key}" not in (select unnest(?::varchar[]))', [kept])
        conn.execute(f'insert into "{name}" ({columns}) select {columns} from {incoming} order by {ordered}')
        return
    sources = f"select {columns} from {incoming}"
    if kept and table_exists(conn, name):  # copied aside first: the new table replaces the one they are read from
        conn.execute(
            f'create temporary table _kept as select {columns} from "{name}" '
            f'where "{key}" in (select unnest(?::varchar[]))',
            [kept],
        )
        sources = f"select {columns} from _kept union all by name {sources}"
    conn.execute(create_table_sql(name, model))
    conn.execute(f'insert into "{name}" ({columns}) select {columns} from ({sources}) order by {ordered}')
    if "_kept" in sources:
        conn.execute("drop table _kept")


def read_table(conn: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame:
    """The whole table ``name`` as a pandas frame."""
    return frame_of(conn, f'select * from "{_known_table(name)}"')


class WarehouseTables(Mapping[str, pd.DataFrame]):
    """The tables ``names`` of the warehouse as a mapping that reads each table when it is asked for (and keeps
    none): whoever goes through them one at a time holds one table in memory at once."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, names: list[str]) -> None:
        self._conn, self._names = conn, [_known_table(n) for n in names]

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._names:
            raise KeyError(name)
        return read_table(self._conn, name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def count_rows(conn: duckdb.DuckDBPyConnection, name: str) -> int:
    """Number of rows of table ``name``."""
    ((n,),) = conn.execute(f'select count(*) from "{_known_table(name)}"').fetchall()  # fetchall: see table_exists
    return int(n)


def read_head(conn: duckdb.DuckDBPyConnection, name: str, n: int) -> pd.DataFrame:
    """The first ``n`` rows of table ``name``, in stored order."""
    return frame_of(conn, f'select * from "{_known_table(name)}" limit ?', [n])


def table_exists(conn: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether table ``name`` exists in the main schema."""
    rows = conn.execute(
        "select count(*) from information_schema.tables where table_schema = 'main' and table_name = ?", [name]
    ).fetchall()  # fetchall, not fetchone: DuckDB refuses other work on a connection with a partly fetched result
    return bool(rows and rows[0][0])


def read_texts_and_mentions(
    conn: duckdb.DuckDBPyConnection, doc_ids: Iterable[str]
) -> tuple[dict[str, str], pd.DataFrame]:
    """The text and the mentions of the documents ``doc_ids`` (only those: locators need no more)."""
    ids = list(doc_ids)
    texts = dict(conn.execute("select doc_id, text from documents where list_contains(?, doc_id)", [ids]).fetchall())
    mentions = frame_of(
        conn, "select * from mentions where list_contains(?, doc_id) order by doc_id, char_start, char_end", [ids]
    )
    return texts, mentions
