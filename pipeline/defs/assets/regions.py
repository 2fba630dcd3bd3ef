"""Reference data from sources/: the regions the geography columns name."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.defs.inputs import gazetteer_of
from pipeline.defs.metadata import table_metadata
from pipeline.defs.resources import ProjectPaths
from pipeline.defs.table_asset import table_asset
from pipeline.store.frames import regions_frame
from pipeline.store.tables import replace_table
from schemas import Regions


@table_asset(Regions, group="sources")
def regions(context: dg.AssetExecutionContext, duckdb: DuckDBResource, paths: ProjectPaths) -> dg.MaterializeResult:
    """Read from sources/regions.yaml.

    Region codes never collide with ISO 3166-1 alpha-3 country codes and every
    member is an ISO code; a bad entry stops the run naming it.
    """
    df = regions_frame(gazetteer_of(paths.sources))
    with duckdb.get_connection() as conn:
        replace_table(conn, "regions", df)
    context.log.info(f"{df['region_code'].nunique()} regions, {len(df)} memberships")
    return dg.MaterializeResult(metadata=table_metadata(Regions, df))
