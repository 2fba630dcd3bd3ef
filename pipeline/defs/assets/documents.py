"""Sources layer: the verified documents and their provenance, loaded into DuckDB."""

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


@table_asset(Documents, group="sources")
def documents(context: dg.AssetExecutionContext, duckdb: DuckDBResource, paths: ProjectPaths) -> dg.MaterializeResult:
    """Every document is checked against its provenance record (checksum, size,
    UTF-8, not empty) before anything is written; a bad source stops the run
    with a message naming the file, and the warehouse is left as it was.
    """
    try:
        docs = load_verified_documents(paths.sources)
    except SourceError as exc:
        problems = [(p.path, p.problem) for p in audit_sources(paths.sources)] or [(exc.path, exc.problem)]
        raise input_failure(exc, problems, paths.sources) from exc
    df = documents_frame(docs)
    with duckdb.get_connection() as conn:
        replace_table(conn, "documents", df)
    context.log.info(f"{len(df)} documents verified and loaded")
    return dg.MaterializeResult(metadata=table_metadata(Documents, df.drop(columns=["text"])))
