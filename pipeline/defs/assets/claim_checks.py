"""Marts: the documents' arithmetic claims (sources/claims.yaml) recomputed from indicators, with a verdict."""

import dagster as dg
import pandas as pd
from dagster_duckdb import DuckDBResource

from pipeline.curation.claims import check_claims, load_claim_entries
from pipeline.curation.formula import Operand
from pipeline.curation.locators import located_documents
from pipeline.defs.inputs import read_input
from pipeline.defs.metadata import table_metadata
from pipeline.defs.resources import ProjectPaths
from pipeline.defs.table_asset import table_asset
from pipeline.store.frames import records_frame
from pipeline.store.tables import read_table, read_texts_and_mentions, replace_table
from schemas import ClaimChecks


@table_asset(ClaimChecks, group="marts", deps=["documents", "mentions", "indicators"])
def claim_checks(
    context: dg.AssetExecutionContext, duckdb: DuckDBResource, paths: ProjectPaths
) -> dg.MaterializeResult:
    """Each claim of sources/claims.yaml: stated value, value recomputed from indicators, verdict.

    The tolerance comes from the claim's wording ('one in 50' is a rounded ratio;
    'nearly', 'almost' loosen it). A formula naming an unknown indicator stops the
    run naming the claim; division by zero gives the verdict not_computable.
    """
    path, entries = read_input(lambda: load_claim_entries(paths.sources))
    with duckdb.get_connection() as conn:
        operands = {
            row.indicator_id: Operand(row.value, _iso(row.period_start), _iso(row.period_end))
            for row in read_table(conn, "indicators").itertuples()
        }
        texts, mentions = read_texts_and_mentions(conn, located_documents(entries))
    # Check outside the connection: a failure must not leave the warehouse open.
    df = records_frame(ClaimChecks, read_input(lambda: check_claims(path, entries, texts, mentions, operands)))
    with duckdb.get_connection() as conn:
        replace_table(conn, "claim_checks", df)
    verdicts = df["verdict"].value_counts().sort_index()
    context.log.info(f"{len(df)} claims checked: { ({k: int(v) for k, v in verdicts.items()}) }")
    return dg.MaterializeResult(
        metadata={
            **table_metadata(ClaimChecks, df),
            "verdicts": dg.MetadataValue.json({k: int(v) for k, v in verdicts.items()}),
        }
    )


def _iso(day: object) -> str | None:
    """A date cell as ISO 8601 text (what formulas read), None when missing."""
    return None if pd.isna(day) else day.isoformat()  # type: ignore[attr-defined]
