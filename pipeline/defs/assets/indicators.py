"""Curate layer: named indicators, each pinned to exactly one mention (sources/indicators.yaml)."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.curation.indicators import load_indicator_entries, resolve_indicators
from pipeline.curation.locators import located_documents
from pipeline.defs.inputs import gazetteer_of, read_input
from pipeline.defs.metadata import table_metadata
from pipeline.defs.resources import ProjectPaths
from pipeline.defs.table_asset import table_asset
from pipeline.store.frames import records_frame
from pipeline.store.tables import read_texts_and_mentions, replace_table
from schemas import Indicators


@table_asset(Indicators, group="curate", deps=["documents", "mentions", "regions"])
def indicators(context: dg.AssetExecutionContext, duckdb: DuckDBResource, paths: ProjectPaths) -> dg.MaterializeResult:
    """Each entry of sources/indicators.yaml with the value of the one mention its locator designates.

    A locator (document + quote fragment) that matches no mention or several
    stops the run with a message naming the entry; nothing is written.
    """
    path, entries = read_input(lambda: load_indicator_entries(paths.sources))
    known_codes = set(gazetteer_of(paths.sources).codes)
    with duckdb.get_connection() as conn:
        texts, mentions = read_texts_and_mentions(conn, located_documents(entries))
    # Resolve outside the connection: a failure must not leave the warehouse open.
    df = records_frame(Indicators, read_input(lambda: resolve_indicators(path, entries, texts, mentions, known_codes)))
    with duckdb.get_connection() as conn:
        replace_table(conn, "indicators", df)
    context.log.info(f"{len(df)} indicators resolved")
    return dg.MaterializeResult(metadata=table_metadata(Indicators, df))
