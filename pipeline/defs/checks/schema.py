"""One blocking check per table: the table in DuckDB against its pandera model (types, nulls, values, keys).

A failing check stops every downstream asset (nothing invalid is published) and
shows its first failure cases as metadata.
"""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.defs.metadata import failure_metadata
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
