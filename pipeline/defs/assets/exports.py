"""Publish layer: the release folder (CSV, Parquet, datapackage.json, dictionary, citation, page, checksums)."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.common.fingerprints import code_version
from pipeline.common.settings import REPO_ROOT
from pipeline.defs.inputs import read_input
from pipeline.defs.resources import ProjectPaths
from pipeline.release.build import build_release
from pipeline.release.info import read_release_info
from pipeline.release.publish import publish
from pipeline.store.tables import read_table
from schemas import SCHEMAS


@dg.asset(
    group_name="publish",
    kinds={"csv", "parquet", "html"},
    pool="duckdb",
    code_version=code_version(__name__),
    deps=list(SCHEMAS),
)
def exports(context: dg.AssetExecutionContext, duckdb: DuckDBResource, paths: ProjectPaths) -> dg.MaterializeResult:
    """The release: every table as CSV and Parquet, with datapackage.json, data dictionary, CITATION.cff,
    CHANGELOG.md, index.html and SHA256SUMS, written only after every check passed.

    The files are generated from the pandera models and the documents' provenance
    (``pipeline.release``); the same sources give the same bytes. The folder is
    replaced as a whole, so a failed or interrupted publication leaves the
    previous release complete.
    """
    with duckdb.get_connection() as conn:
        tables = {name: read_table(conn, name) for name in SCHEMAS}
    info = read_input(lambda: read_release_info(paths.sources, REPO_ROOT / "pyproject.toml"))
    files = read_input(lambda: build_release(tables, SCHEMAS, info))
    written = publish(files, paths.exports)
    context.log.info(f"published release {info.version} ({len(written)} files) to {paths.exports}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(paths.exports)),
            "version": dg.MetadataValue.text(info.version),
            "files": dg.MetadataValue.json({name: len(data) for name, data in files.items()}),
            "rows": dg.MetadataValue.json({name: len(df) for name, df in tables.items()}),
        }
    )
