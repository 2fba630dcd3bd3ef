"""Sources layer: the verified documents and their provenance, converted to text and loaded into DuckDB."""

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
from pipeline.sources.documents import SourceDocument, SourceError, StoredTexts, audit_sources, load_verified_documents
from pipeline.store.frames import documents_frame
from pipeline.store.tables import replace_table, table_exists
from schemas import Documents

_STORED = (
    "select sha256, format, converter, text, page_starts, n_replacement_chars, n_dropped_lines, text_sha256, "
    "pages_without_text from documents"
)


class DocumentsConfig(dg.Config):
    """Run configuration of ``documents`` (Launchpad: ``ops: documents: config:``)."""

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


def stored_texts(conn: duckdb.DuckDBPyConnection) -> tuple[StoredTexts, dict[str, tuple[str, str]]]:
    """The texts the warehouse holds, by (SHA-256 of the file, converter), and each file's converter and text
    SHA-256."""
    columns = {
        r[0]
        for r in conn.execute(
            "select column_name from information_schema.columns where table_name = 'documents'"
        ).fetchall()
    }
    if not table_exists(conn, "documents") or "pages_without_text" not in columns:
        return StoredTexts(), {}
    texts, hashes = {}, {}
    for sha, fmt, converter, text, pages, replaced, dropped, text_sha, empty in conn.execute(_STORED).fetchall():
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
    upgrade that would change a stored document's text stops the run naming it.
    """
    with duckdb.get_connection() as conn:
        stored, stored_hashes = stored_texts(conn)
    try:
        docs = load_verified_documents(paths.sources, stored)
    except SourceError as exc:
        raise sources_failure(exc, audit_sources(paths.sources, stored) or [exc], paths.sources) from exc
    df = documents_frame(docs)
    changed = converter_changes(docs, dict(zip(df["doc_id"], df["text_sha256"], strict=True)), stored_hashes)
    if changed and not config.accept_converter_changes:
        raise dg.Failure(description="\n".join(changed))
    with duckdb.get_connection() as conn:
        replace_table(conn, "documents", df)
    context.log.info(f"{len(df)} documents verified and loaded")
    for d in docs:
        if d.converted.empty_pages:
            pages = ", ".join(map(str, d.converted.empty_pages))
            context.log.warning(f"{d.path}: page(s) {pages} have no text layer (scans?); their figures are missing")
    return dg.MaterializeResult(
        metadata=table_metadata(Documents, df.drop(columns=["text", "page_starts", "pages_without_text"]))
    )
