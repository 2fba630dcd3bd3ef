"""The warehouse's record of the sources folder: which files it has read, and the documents they made.

``documents`` is rewritten from the rows it already holds for unchanged documents plus the rows of the
documents read in this run, and ``source_files`` (size, modification time and SHA-256 of each file, see
``pipeline.sources.file_state``) with it, in one transaction, so that the two always agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import duckdb
import pandas as pd

from pipeline.common.isodates import at_precision
from pipeline.sources.documents import Provenance
from pipeline.sources.file_state import FileState
from pipeline.store.ddl import column_list
from pipeline.store.tables import rewrite_keeping, table_exists, transaction
from schemas import Documents, SourceFiles

_PROVENANCE = (
    "select file_name, title, publisher, published, published_precision, url, license, license_url, bytes, sha256, "
    "converter from documents"
)


def _has_columns_of(conn: duckdb.DuckDBPyConnection, table: str, model: type) -> bool:
    """Whether ``table`` exists with exactly the columns of ``model`` (a warehouse of this version)."""
    if not table_exists(conn, table):
        return False
    rows = conn.execute(
        "select column_name from information_schema.columns where table_schema = 'main' and table_name = ? "
        "order by ordinal_position",
        [table],
    ).fetchall()
    return [r[0] for r in rows] == list(model.to_schema().columns)


def read_file_states(conn: duckdb.DuckDBPyConnection) -> dict[str, FileState]:
    """The recorded state of every source file, or nothing for a warehouse that keeps none (or no documents)."""
    if not (_has_columns_of(conn, "source_files", SourceFiles) and _has_columns_of(conn, "documents", Documents)):
        return {}
    rows = conn.execute(f"select {column_list(SourceFiles)} from source_files").fetchall()
    return {r[0]: FileState(*r) for r in rows}


def stored_provenance(conn: duckdb.DuckDBPyConnection) -> dict[str, tuple[Provenance, str]]:
    """Each stored document's provenance record and converter, by file name (nothing for an older warehouse)."""
    if not _has_columns_of(conn, "documents", Documents):
        return {}
    out = {}
    for name, title, publisher, published, precision, url, lic, lic_url, size, sha, converter in conn.execute(
        _PROVENANCE
    ).fetchall():
        stated = None if published is None else at_precision(published, precision)
        out[name] = (Provenance(name, title, publisher, stated, url, lic, lic_url, size, sha), converter)
    return out


def states_frame(states: Mapping[str, FileState]) -> pd.DataFrame:
    """The ``source_files`` rows of ``states``, by file name."""
    columns = list(SourceFiles.to_schema().columns)
    rows = [[getattr(states[name], c) for c in columns] for name in sorted(states)]
    return SourceFiles.validate(pd.DataFrame(rows, columns=columns))


def write_documents(
    conn: duckdb.DuckDBPyConnection, read: pd.DataFrame, kept: Sequence[str], states: Mapping[str, FileState]
) -> None:
    """Replace ``documents`` by the stored rows of the ``kept`` files plus the rows ``read``, in document order, and
    ``source_files`` by ``states``, in one transaction."""
    states_df = states_frame(states)
    with transaction(conn):
        conn.register("_read", read)
        conn.register("_states", states_df)
        rewrite_keeping(conn, "documents", "file_name", kept, "_read", ["doc_id"])
        rewrite_keeping(conn, "source_files", "file_name", [], "_states", ["file_name"])
        conn.unregister("_read")
        conn.unregister("_states")
