"""Marts built by SQL: one asset per ``warehouse/<table>.sql``, typed and validated by ``schemas/<table>.py``.

Nothing is registered by hand: every SQL file of ``warehouse/`` is a derived
table, its dependencies are the tables its SQL reads, and its description and
grain come from its pandera model.
"""

from collections.abc import Callable
from pathlib import Path

import dagster as dg
import duckdb as duckdb_module
from dagster_duckdb import DuckDBResource

from pipeline.defs.metadata import warehouse_table_metadata
from pipeline.defs.table_asset import table_asset
from pipeline.store.citations import update_figure_members
from pipeline.store.sql import mart_files, parameters_of, read_sql, tables_read
from pipeline.store.tables import replace_table_from_query
from schemas import SCHEMAS

HOW = "Rebuilt as a whole from the tables it reads, by set-based SQL inside DuckDB."
#: Internal tables a mart's SQL reads that Python brings up to date first, from the warehouse: what set-based SQL
#: cannot do in near-linear time (``figure_members``: the connected sets of citations, linked again only for the
#: (kind, value) groups that changed).
MART_INPUTS: dict[str, Callable[[duckdb_module.DuckDBPyConnection], object]] = {
    "corroboration": update_figure_members,
}


def sql_mart(name: str, path: Path) -> dg.AssetsDefinition:
    """The asset that rebuilds table ``name`` from the SQL file ``path``, typed by its pandera model."""
    model = SCHEMAS[name]
    sql = read_sql(path)

    @table_asset(model, group="marts", deps=tables_read(sql, SCHEMAS), kinds=("duckdb", "sql"), sql=path, how=HOW)
    def _mart(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
        with duckdb.get_connection() as conn:
            prepare = MART_INPUTS.get(name)
            if prepare is not None:
                context.log.info(f"{name}: {prepare(conn)} input group(s) brought up to date")
            rows = replace_table_from_query(conn, name, sql, parameters_of(sql))
            metadata = warehouse_table_metadata(conn, name, model)
        context.log.info(f"{name}: {rows} rows")
        return dg.MaterializeResult(metadata=metadata)

    return _mart


SQL_MARTS = [sql_mart(name, path) for name, path in mart_files().items()]
