"""The sources folder against the warehouse: the blocking ``documents_match_sources`` check."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.defs.assets.documents import stored_texts
from pipeline.defs.metadata import problems_markdown
from pipeline.defs.resources import ProjectPaths
from pipeline.sources.changes import unchanged_documents
from pipeline.sources.file_state import visible_files
from pipeline.sources.reconcile import StoredDocument, source_problems
from pipeline.store.source_state import read_file_states, stored_provenance

STORED_DOCUMENTS_SQL = """
select file_name, sha256, bytes, converter, text_sha256, sha256(text) as actual_text_sha256,
       octet_length(encode(text)) as text_bytes
from documents
order by file_name
"""


@dg.asset_check(
    asset="documents",
    blocking=True,
    pool="duckdb",
    description="Every source file matches its provenance (size, SHA-256, format, one provenance file per "
    "document) and the documents table holds exactly the files of the sources folder, unchanged, with the text "
    "its converter made (for .txt and .md: the file's bytes). Files whose size and modification time are those "
    "recorded when they were verified are not read again.",
)
def documents_match_sources(duckdb: DuckDBResource, paths: ProjectPaths) -> dg.AssetCheckResult:
    files = visible_files(paths.sources) if paths.sources.is_dir() else {}
    with duckdb.get_connection() as conn:
        rows = conn.execute(STORED_DOCUMENTS_SQL).fetchall()
        unchanged = unchanged_documents(files, read_file_states(conn), stored_provenance(conn))
        texts, _ = stored_texts(conn, unchanged)
    problems = source_problems(paths.sources, [StoredDocument(*row) for row in rows], texts, unchanged)
    metadata: dict[str, object] = {"documents": dg.MetadataValue.int(len(rows))}
    if problems:
        metadata["failure_count"] = dg.MetadataValue.int(len(problems))
        metadata["failure_cases"] = dg.MetadataValue.md(problems_markdown(problems, paths.sources))
        metadata["sources_dir"] = dg.MetadataValue.path(str(paths.sources))
        file, problem = problems[0]
        description = f"{len(problems)} problem(s); first: {file}: {problem}"
    else:
        description = f"all {len(rows)} documents match their source files and provenance"
    return dg.AssetCheckResult(passed=not problems, metadata=metadata, description=description)
