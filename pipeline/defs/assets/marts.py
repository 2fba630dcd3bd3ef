"""Marts: the documents' claims rechecked, figures corroborated across documents, per-document statistics."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.curation.claims import check_claims, load_claim_entries
from pipeline.curation.formula import Operand
from pipeline.curation.locators import located_documents
from pipeline.defs.inputs import read_input
from pipeline.defs.metadata import table_metadata
from pipeline.defs.resources import ProjectPaths
from pipeline.store.frames import records_frame
from pipeline.store.tables import read_sql, read_table, read_texts_and_mentions, replace_table
from schemas import ClaimChecks, Corroboration, DocumentStats


@dg.asset(
    group_name="marts",
    kinds={"duckdb", "pandas"},
    pool="duckdb",
    code_version="1",
    deps=["documents", "mentions", "indicators"],
)
def claim_checks(
    context: dg.AssetExecutionContext, duckdb: DuckDBResource, paths: ProjectPaths
) -> dg.MaterializeResult:
    """One row per curated claim (sources/claims.yaml): stated value, value recomputed from indicators, verdict.

    The tolerance comes from the claim's wording ('one in 50' is a rounded ratio;
    'nearly', 'almost' loosen it). A formula naming an unknown indicator stops the
    run naming the claim; division by zero gives the verdict not_computable.
    """
    path, entries = read_input(lambda: load_claim_entries(paths.sources))
    with duckdb.get_connection() as conn:
        operands = {
            row.indicator_id: Operand(row.value, row.period_start, row.period_end)
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


def sql_mart(name: str, model: type, deps: list[str], description: str, done: str) -> dg.AssetsDefinition:
    """An asset that rebuilds table ``name`` from ``warehouse/<name>.sql``, typed by ``model``.

    ``done`` is the log line, with ``{n}`` for the row count.
    """

    @dg.asset(
        name=name,
        group_name="marts",
        kinds={"duckdb", "sql"},
        pool="duckdb",
        code_version="1",
        deps=deps,
        description=f"{description}\n\nSQL: warehouse/{name}.sql.",
    )
    def _mart(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
        with duckdb.get_connection() as conn:
            df = records_frame(model, conn.execute(read_sql(name)).df().to_dict("records"))
            replace_table(conn, name, df)
        context.log.info(done.format(n=len(df)))
        return dg.MaterializeResult(metadata=table_metadata(model, df))

    return _mart


corroboration = sql_mart(
    "corroboration",
    Corroboration,
    ["mentions"],
    "One row per figure cited by more than one document: same kind and value, compatible subject, place, period.",
    "{n} figures cited by more than one document",
)

document_stats = sql_mart(
    "document_stats",
    DocumentStats,
    ["documents", "mentions", "indicators", "claim_checks", "corroboration"],
    "One row per document: provenance, mentions by kind, share of statistical mentions enriched, curation counts.",
    "statistics of {n} documents",
)
