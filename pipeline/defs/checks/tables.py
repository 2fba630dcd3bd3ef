"""Blocking asset checks: each table against its pandera model, and integrity checks.

A failing check stops every downstream asset (nothing invalid is published) and
shows its first failure cases as metadata.
"""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.defs.checks.sql import INTEGRITY_CHECKS, failure_metadata
from pipeline.defs.metadata import problems_markdown
from pipeline.defs.resources import ProjectPaths
from pipeline.sources.reconcile import StoredDocument, source_problems
from pipeline.store.tables import read_table
from pipeline.store.validation import validate_table
from schemas import SCHEMAS


def schema_check(table: str) -> dg.AssetChecksDefinition:
    """Blocking check that validates table ``table`` in DuckDB against its pandera model."""
    model = SCHEMAS[table]

    @dg.asset_check(
        asset=table,
        name=f"{table}_schema",
        blocking=True,
        pool="duckdb",
        description=f"Validates {table} against its pandera model (types, nulls, allowed values, keys).",
    )
    def _check(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with duckdb.get_connection() as conn:
            df = read_table(conn, table)
        report = validate_table(table, model, df)
        metadata: dict[str, object] = {"rows": dg.MetadataValue.int(report.n_rows)}
        if not report.passed:
            metadata.update(failure_metadata(report.failure_cases))
        return dg.AssetCheckResult(passed=report.passed, metadata=metadata, description=report.summary())

    return _check


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


def all_checks() -> list[dg.AssetChecksDefinition]:
    """Every check of the pipeline."""
    return [*(schema_check(t) for t in SCHEMAS), documents_match_sources, *INTEGRITY_CHECKS]
