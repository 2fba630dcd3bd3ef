"""Sources layer: the verified documents and their provenance, converted to text and loaded into DuckDB."""

import time
from collections.abc import Iterable
from pathlib import Path

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource
from pydantic import Field

from pipeline.convert import ConvertedText
from pipeline.defs.inputs import input_failure
from pipeline.defs.metadata import table_metadata
from pipeline.defs.resources import ProjectPaths
from pipeline.defs.table_asset import table_asset
from pipeline.sources.changes import recorded_states, unchanged_documents
from pipeline.sources.documents import SourceDocument, SourceError, StoredTexts, audit_sources, load_verified_documents
from pipeline.sources.file_state import visible_files
from pipeline.store.frames import documents_frame
from pipeline.store.source_state import read_file_states, stored_provenance, write_documents
from pipeline.store.tables import count_rows, frame_of, table_exists
from schemas import Documents

#: Columns too long for the preview in the UI.
_NOT_PREVIEWED = ("text", "page_starts", "pages_without_text")
_STORED = (
    "select sha256, format, converter, text, page_starts, n_replacement_chars, n_dropped_lines, text_sha256, "
    "pages_without_text from documents"
)


class DocumentsConfig(dg.Config):
    """Run configuration of ``documents`` (Launchpad: ``ops: documents: config:``)."""

    verify_all: bool = Field(
        default=False,
        description="Read and hash every source file again, even those whose size and modification time are "
        "those recorded when they were last verified.",
    )
    accept_converter_changes: bool = Field(
        default=False,
        description="Accept the new text of documents whose text a converter upgrade changed (their mention "
        "offsets and ids change with it); without it such a run stops and names them.",
    )


def sources_failure(first: SourceError, problems: list[SourceError], sources_dir: Path) -> dg.Failure:
    """The failure for a sources folder with ``problems``: its description one line per problem (every bad
    file, each line ``<file>: <problem>``), its metadata that of ``input_failure`` (the first, and the table)."""
    failure = input_failure(first, [(p.path, p.problem) for p in problems], sources_dir)
    return dg.Failure(description="\n".join(str(p) for p in problems), metadata=failure.metadata)


def stored_texts(
    conn: duckdb.DuckDBPyConnection, unchanged: Iterable[str] = ()
) -> tuple[StoredTexts, dict[str, tuple[str, str]]]:
    """The texts the warehouse holds, by (SHA-256 of the file, converter), and each file's converter and text
    SHA-256; but those of the ``unchanged`` files (which nobody reads again)."""
    columns = {
        r[0]
        for r in conn.execute(
            "select column_name from information_schema.columns where table_name = 'documents'"
        ).fetchall()
    }
    if not table_exists(conn, "documents") or "pages_without_text" not in columns:
        return StoredTexts(), {}
    texts, hashes = {}, {}
    # an anti join, not list_contains: that compares each row with the whole list (quadratic in the corpus)
    rows = conn.execute(
        f"{_STORED} where file_name not in (select unnest(?::varchar[]))", [sorted(unchanged)]
    ).fetchall()
    for sha, fmt, converter, text, pages, replaced, dropped, text_sha, empty in rows:
        converted = ConvertedText(
            text, fmt, converter, tuple(pages or ()), None, None, replaced, dropped, tuple(empty or ())
        )
        texts[(sha, converter)] = converted
        hashes[sha] = (converter, text_sha)
    return StoredTexts(texts), hashes


def converter_changes(
    docs: list[SourceDocument], frame_hashes: dict[str, str], stored: dict[str, tuple[str, str]]
) -> list[str]:
    """The documents whose file is unchanged but whose text another converter version makes differently."""
    changed = []
    for d in docs:
        converter, text_sha = stored.get(d.provenance.sha256, (d.converted.converter, frame_hashes[d.doc_id]))
        if converter != d.converted.converter and text_sha != frame_hashes[d.doc_id]:
            changed.append(
                f"{d.path}: {d.converted.converter} makes another text of it than {converter} did (its mention "
                "offsets would shift); run with accept_converter_changes to accept the new text"
            )
    return changed


@table_asset(Documents, group="sources")
def documents(
    context: dg.AssetExecutionContext, config: DocumentsConfig, duckdb: DuckDBResource, paths: ProjectPaths
) -> dg.MaterializeResult:
    """Every document is checked against its provenance record (checksum, size, bytes that match its
    extension) and converted to text (PDF, HTML; .txt and .md as they are) before anything is written; bad
    sources stop the run with one line per bad file, each naming the file, and the warehouse is left as it was.
    A document's text is extracted once per version of the file and converter, and reused after; a converter
    upgrade that would change a stored document's text stops the run naming it. A document whose file and
    provenance file keep the size and modification time recorded when they were verified is not read again
    (``verify_all`` reads every file); the folder is still checked as a whole (every file has its provenance).
    """
    started = time.time_ns()
    files = visible_files(paths.sources) if paths.sources.is_dir() else {}
    with duckdb.get_connection() as conn:
        states = {} if config.verify_all else read_file_states(conn)
        unchanged = unchanged_documents(files, states, stored_provenance(conn)) if states else {}
        stored, stored_hashes = stored_texts(conn, unchanged)
    try:
        docs = load_verified_documents(paths.sources, stored, unchanged)
    except SourceError as exc:
        problems = audit_sources(paths.sources, stored, unchanged) or [exc]
        raise sources_failure(exc, problems, paths.sources) from exc
    df = documents_frame(docs)
    changed = converter_changes(docs, dict(zip(df["doc_id"], df["text_sha256"], strict=True)), stored_hashes)
    if changed and not config.accept_converter_changes:
        raise dg.Failure(description="\n".join(changed))
    recorded = recorded_states(paths.sources, files, docs, unchanged, states, started)
    with duckdb.get_connection() as conn:
        write_documents(conn, df, sorted(unchanged), recorded)
        n_rows = count_rows(conn, "documents")
        head = frame_of(conn, f"select * exclude ({', '.join(_NOT_PREVIEWED)}) from documents order by doc_id limit 10")
    context.log.info(
        f"{n_rows} documents verified and loaded: {len(docs)} read, {len(unchanged)} unchanged since last read"
    )
    for d in docs:
        if d.converted.empty_pages:
            pages = ", ".join(map(str, d.converted.empty_pages))
            context.log.warning(f"{d.path}: page(s) {pages} have no text layer (scans?); their figures are missing")
    metadata = {**table_metadata(Documents, head), "dagster/row_count": dg.MetadataValue.int(n_rows)}
    metadata["documents_read"] = dg.MetadataValue.int(len(docs))
    metadata["documents_unchanged"] = dg.MetadataValue.int(len(unchanged))
    return dg.MaterializeResult(metadata=metadata)
