"""The sources folder against the warehouse: the blocking ``documents_match_sources`` check."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.defs.metadata import problems_markdown
from pipeline.defs.resources import ProjectPaths
from pipeline.sources.reconcile import StoredDocument, source_problems

STORED_DOCUMENTS_SQL = """
select file_name, sha256, bytes, sha256(text) as text_sha256, octet_length(encode(text)) as text_bytes
from documents
order by file_name
"""


@dg.asset_check(
    asset="documents",
    blocking=True,
    pool="duckdb",
    description="Every source file matches its provenance (size, SHA-256, UTF-8, one entry per file) "
    "and the documents table holds exactly the files of the sources folder, unchanged.",
)
def documents_match_sources(duckdb: DuckDBResource, paths: ProjectPaths) -> dg.AssetCheckResult:
    with duckdb.get_connection() as conn:
        rows = conn.execute(STORED_DOCUMENTS_SQL).fetchall()
    problems = source_problems(paths.sources, [StoredDocument(*row) for row in rows])
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
