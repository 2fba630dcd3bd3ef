"""Sources layer: the verified documents and their provenance, loaded into DuckDB."""

from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.defs.inputs import input_failure
from pipeline.defs.metadata import table_metadata
from pipeline.defs.resources import ProjectPaths
from pipeline.defs.table_asset import table_asset
from pipeline.sources.documents import SourceError, audit_sources, load_verified_documents
from pipeline.store.frames import documents_frame
from pipeline.store.tables import replace_table
from schemas import Documents


def sources_failure(first: SourceError, problems: list[SourceError], sources_dir: Path) -> dg.Failure:
    """The failure for a sources folder with ``problems``: its description one line per problem (every bad
    file, each line ``<file>: <problem>``), its metadata that of ``input_failure`` (the first, and the table)."""
    failure = input_failure(first, [(p.path, p.problem) for p in problems], sources_dir)
    return dg.Failure(description="\n".join(str(p) for p in problems), metadata=failure.metadata)


@table_asset(Documents, group="sources")
def documents(context: dg.AssetExecutionContext, duckdb: DuckDBResource, paths: ProjectPaths) -> dg.MaterializeResult:
    """Every document is checked against its provenance record (checksum, size,
    UTF-8, not empty) before anything is written; bad sources stop the run
    with one line per bad file, each naming the file, and the warehouse is left as it was.
    """
    try:
        docs = load_verified_documents(paths.sources)
    except SourceError as exc:
        raise sources_failure(exc, audit_sources(paths.sources) or [exc], paths.sources) from exc
    df = documents_frame(docs)
    with duckdb.get_connection() as conn:
        replace_table(conn, "documents", df)
    context.log.info(f"{len(df)} documents verified and loaded")
    return dg.MaterializeResult(metadata=table_metadata(Documents, df.drop(columns=["text"])))
