"""Incremental extraction: re-extract only the documents that changed since the last run.

Each extracted document is recorded in the ``extraction_state`` table with the
SHA-256 it had and a fingerprint of the extraction code. On the next run a
document is reused (its mention rows stay in the warehouse untouched) when both
are unchanged; it is extracted again when its checksum differs, when it is new,
or when the extraction code changed (then every document is). Rows of
documents that were removed are dropped. Mentions and state are replaced in one
transaction, so they always agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.common.fingerprints import fingerprint
from pipeline.store.ddl import column_list, create_table_sql
from pipeline.store.frames import MENTION_ORDER, mentions_frame
from pipeline.store.tables import rewrite_keeping, table_exists, transaction
from schemas import ExtractionState, Mentions

#: Where mention rows are built; these and every project module they import make the fingerprint.
EXTRACTOR_MODULES = ("pipeline.enrichment.rows", "pipeline.store.frames", "schemas.mentions")


@dataclass(frozen=True)
class ExtractionPlan:
    """Which documents to extract, which to reuse from the warehouse, which were removed."""

    extract: list[str]
    reuse: list[str]
    removed: list[str]


def extractor_fingerprint(*data_files: Path) -> str:
    """SHA-256 over the code that builds mention rows (extraction, enrichment, their typing) and ``data_files``.

    ``data_files`` are the curated inputs the rows also depend on (the regions
    gazetteer), so editing them re-extracts every document too.
    """
    return fingerprint(EXTRACTOR_MODULES, data_files)


def plan_extraction(
    documents: Mapping[str, str],
    previous: Mapping[str, tuple[str, str]],
    fingerprint: str,
    reextract_all: bool = False,
) -> ExtractionPlan:
    """Split ``documents`` (doc_id → sha256) into those to extract and those whose mentions can be reused.

    ``previous`` maps doc_id → (sha256, extractor fingerprint) as recorded by the
    last extraction.
    """
    extract, reuse = [], []
    for doc_id in sorted(documents):
        if not reextract_all and previous.get(doc_id) == (documents[doc_id], fingerprint):
            reuse.append(doc_id)
        else:
            extract.append(doc_id)
    removed = sorted(set(previous) - set(documents))
    return ExtractionPlan(extract=extract, reuse=reuse, removed=removed)


def read_state(conn: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str]]:
    """The recorded state, or nothing when the warehouse has no mentions to reuse yet."""
    if not (table_exists(conn, "extraction_state") and table_exists(conn, "mentions")):
        return {}
    rows = conn.execute("select doc_id, sha256, extractor from extraction_state").fetchall()
    return {doc_id: (sha256, extractor) for doc_id, sha256, extractor in rows}


def state_frame(documents: Mapping[str, str], fingerprint: str, n_mentions: Mapping[str, int]) -> pd.DataFrame:
    """The state after an extraction: every current document with its checksum and the code fingerprint."""
    rows = [
        {
            "doc_id": doc_id,
            "sha256": documents[doc_id],
            "extractor": fingerprint,
            "n_mentions": n_mentions.get(doc_id, 0),
        }
        for doc_id in sorted(documents)
    ]
    return ExtractionState.validate(pd.DataFrame(rows, columns=list(ExtractionState.to_schema().columns)))


def stored_counts(conn: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> dict[str, int]:
    """Number of stored mentions of each document in ``doc_ids``."""
    if not doc_ids:
        return {}
    rows = conn.execute(
        "select doc_id, count(*) from mentions where doc_id in (select unnest(?::varchar[])) group by doc_id",
        [list(doc_ids)],
    ).fetchall()
    return {doc_id: int(n) for doc_id, n in rows}


_STAGED = "_incoming_mentions"


def stage_mentions(conn: duckdb.DuckDBPyConnection, batch: pd.DataFrame) -> None:
    """Add a batch of new mention rows to the temporary table that :func:`write_mentions` publishes."""
    columns = column_list(Mentions)
    if not _staged(conn):
        conn.execute(
            create_table_sql(_STAGED, Mentions).replace("create or replace table", "create temporary table", 1)
        )
    conn.register("_batch", batch)
    try:
        conn.execute(f"insert into {_STAGED} ({columns}) select {columns} from _batch")
    finally:
        conn.unregister("_batch")


def stage_parquet(conn: duckdb.DuckDBPyConnection, files: Sequence[Path]) -> None:
    """Add the mention rows of Parquet files (the partitioned extraction's shards) to the staged rows."""
    columns = column_list(Mentions)
    if not _staged(conn):
        stage_mentions(conn, mentions_frame([]))
    conn.execute(f"insert into {_STAGED} ({columns}) select {columns} from read_parquet(?)", [[str(f) for f in files]])


def _staged(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether this connection has staged mention rows."""
    rows = conn.execute("select 1 from duckdb_tables() where temporary and table_name = ?", [_STAGED]).fetchall()
    return bool(rows)  # fetchall: DuckDB refuses to register a frame while a result is only partly fetched


def write_mentions(
    conn: duckdb.DuckDBPyConnection, incoming: pd.DataFrame | None, reuse: Sequence[str], state: pd.DataFrame
) -> None:
    """Replace ``mentions`` by the stored rows of ``reuse`` plus the staged rows and ``incoming``, and the
    state, in one transaction.

    The reused rows never leave DuckDB; the table is written in the order the
    pandera model's keys give (document, offsets, kind).
    """
    if incoming is not None and len(incoming):
        stage_mentions(conn, incoming)
    if not _staged(conn):
        stage_mentions(conn, mentions_frame([]))
    with transaction(conn):
        conn.register("_state", state)
        rewrite_keeping(conn, "mentions", "doc_id", reuse, _STAGED, MENTION_ORDER)
        conn.execute(f"drop table {_STAGED}")
        rewrite_keeping(conn, "extraction_state", "doc_id", [], "_state", ["doc_id"])
        conn.unregister("_state")
