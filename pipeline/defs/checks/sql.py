"""Blocking checks written as SQL, one per file ``warehouse/checks/<table>/<check>.sql``, found by globbing.

Each query returns one row per problem; no rows means the check passes. The
rows become the check's failure cases in the UI, so each query selects the ids
a person needs to fix the problem. What the check verifies, and its outcome
texts, are the file's header comment (see ``pipeline.store.sql``); it depends
on the other tables its SQL reads.
"""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.defs.metadata import failure_metadata
from pipeline.store.sql import SqlCheck, check_files, run_query
from schemas import SCHEMAS


def sql_check(spec: SqlCheck) -> dg.AssetChecksDefinition:
    """The Dagster check that runs ``spec``'s query and fails with its rows as failure cases."""

    @dg.asset_check(
        asset=spec.table,
        name=spec.name,
        blocking=True,
        pool="duckdb",
        additional_deps=spec.reads(SCHEMAS),
        description=f"{spec.description}\n\nSQL: warehouse/checks/{spec.table}/{spec.path.name}.",
    )
    def _check(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with duckdb.get_connection() as conn:
            bad = run_query(conn, spec.sql)
        return dg.AssetCheckResult(
            passed=bad.empty,
            metadata=failure_metadata(bad) if len(bad) else {},
            description=spec.passed if bad.empty else f"{len(bad)} {spec.problem}",
        )

    return _check


SQL_CHECKS = [sql_check(spec) for spec in check_files(SCHEMAS)]
