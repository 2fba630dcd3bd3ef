"""Blocking asset checks: each table against its pandera model, and integrity checks.

A failing check stops every downstream asset (nothing invalid is published) and
shows its first failure cases as metadata.
"""

import dagster as dg
import pandas as pd
from dagster_duckdb import DuckDBResource

from pipeline.assets.integrity import INTEGRITY_CHECKS
from pipeline.assets.metadata import preview_markdown, problems_markdown
from pipeline.integrity import StoredDocument, source_problems
from pipeline.resources import ProjectPaths
from pipeline.validation import MAX_FAILURE_CASES, validate_table
from pipeline.warehouse import read_table
from schemas import SCHEMAS


def _failure_metadata(cases: pd.DataFrame) -> dict[str, object]:
    return {
        "failure_count": dg.MetadataValue.int(len(cases)),
        "failure_cases": dg.MetadataValue.md(preview_markdown(cases, MAX_FAILURE_CASES)),
    }


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
            metadata.update(_failure_metadata(report.failure_cases))
        return dg.AssetCheckResult(passed=report.passed, metadata=metadata, description=report.summary())

    return _check


OFFSETS_SQL = """
select m.mention_id, m.doc_id, m.start, m."end", m.text,
       substring(d.text, m.start + 1, m."end" - m.start) as text_at_offsets
from mentions m left join documents d using (doc_id)
where d.doc_id is null
   or m."end" > d.n_chars
   or substring(d.text, m.start + 1, m."end" - m.start) is distinct from m.text
   or substring(d.text, m.sentence_start + 1, m.sentence_end - m.sentence_start) is distinct from m.sentence
order by m.doc_id, m.start
"""


@dg.asset_check(
    asset="mentions",
    blocking=True,
    additional_deps=["documents"],
    pool="duckdb",
    description="Every mention's text (and sentence) equals its document's text at its offsets.",
)
def mentions_offsets(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    with duckdb.get_connection() as conn:
        bad = conn.execute(OFFSETS_SQL).df()
        (n_mentions,) = conn.execute("select count(*) from mentions").fetchone()
    metadata: dict[str, object] = {"mentions": dg.MetadataValue.int(int(n_mentions))}
    if len(bad):
        metadata.update(_failure_metadata(bad))
    return dg.AssetCheckResult(
        passed=bad.empty,
        metadata=metadata,
        description="all offsets resolve" if bad.empty else f"{len(bad)} mention(s) do not match their offsets",
    )


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
    return [*(schema_check(t) for t in SCHEMAS), mentions_offsets, documents_match_sources, *INTEGRITY_CHECKS]
