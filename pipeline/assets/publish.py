"""Publish layer: the release folder of CSV and Parquet exports."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.exports import publish
from pipeline.resources import ProjectPaths
from pipeline.warehouse import read_table
from schemas import SCHEMAS


@dg.asset(group_name="publish", kinds={"csv", "parquet"}, pool="duckdb", code_version="1", deps=list(SCHEMAS))
def exports(context: dg.AssetExecutionContext, duckdb: DuckDBResource, paths: ProjectPaths) -> dg.MaterializeResult:
    """The release: ``<table>.csv`` and ``<table>.parquet`` for every table, written only after every check passed.

    The folder is replaced as a whole, so an interrupted publication leaves the
    previous release complete.
    """
    with duckdb.get_connection() as conn:
        tables = {name: read_table(conn, name) for name in SCHEMAS}
    files = publish(tables, paths.exports)
    context.log.info(f"published {len(files)} files to {paths.exports}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(paths.exports)),
            "files": dg.MetadataValue.json([f.name for f in files]),
            "rows": dg.MetadataValue.json({name: len(df) for name, df in tables.items()}),
        }
    )
