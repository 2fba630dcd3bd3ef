"""Extract layer: every numeric mention of every document (see extraction-guide.md)."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.assets.curation_io import gazetteer_of
from pipeline.assets.metadata import table_metadata
from pipeline.resources import ProjectPaths
from pipeline.tables import mention_rows, mentions_frame
from pipeline.warehouse import replace_table
from schemas import Mentions


@dg.asset(
    group_name="extract",
    kinds={"duckdb", "pandas"},
    pool="duckdb",
    code_version="2",
    deps=["documents", "regions"],
)
def mentions(context: dg.AssetExecutionContext, duckdb: DuckDBResource, paths: ProjectPaths) -> dg.MaterializeResult:
    """One row per numeric mention: document, offsets, text, kind, value, unit, approx, sentence, and for
    statistical kinds what the figure counts (subject), where (geography), when (period) and per what (rate_per).

    Extraction is the pure function ``pipeline.extraction.extract`` and enrichment
    the pure ``pipeline.enrichment.enrich``, applied one document at a time; ``text``
    always equals the document's text at the offsets.
    """
    gazetteer = gazetteer_of(paths.sources)
    rows: list[dict[str, object]] = []
    with duckdb.get_connection() as conn:
        doc_ids = [r[0] for r in conn.execute("select doc_id from documents order by doc_id").fetchall()]
        for doc_id in doc_ids:
            (text,) = conn.execute("select text from documents where doc_id = ?", [doc_id]).fetchone()
            rows.extend(mention_rows(doc_id, text, gazetteer))
        df = mentions_frame(rows)
        replace_table(conn, "mentions", df)
    by_kind = df["kind"].value_counts().sort_index()
    context.log.info(f"{len(df)} mentions in {len(doc_ids)} documents")
    return dg.MaterializeResult(
        metadata={
            **table_metadata(Mentions, df),
            "mentions_by_kind": dg.MetadataValue.json({k: int(v) for k, v in by_kind.items()}),
        }
    )
