"""Publish layer: the release folder (CSV, Parquet, datapackage.json, dictionary, citation, page, checksums)."""

import dagster as dg

from pipeline.common.fingerprints import code_version
from pipeline.common.settings import REPO_ROOT, official_build
from pipeline.defs.inputs import input_failure, read_input
from pipeline.defs.resources import ProjectPaths, WarehouseResource
from pipeline.release.build import DATAPACKAGE_FILE as PACKAGE_FILE
from pipeline.release.build import build_release
from pipeline.release.checksums import CHECKSUMS_FILE
from pipeline.release.edition import edition, read_previous_package, sources_fingerprint
from pipeline.release.info import ReleaseError, read_release_info
from pipeline.release.publish import foreign_entries, is_earlier_release, stage
from pipeline.sources.file_state import is_unchanged, visible_files
from pipeline.store.source_state import read_file_states
from pipeline.store.tables import WarehouseTables, count_rows
from schemas import SCHEMAS


@dg.asset(
    group_name="publish",
    kinds={"csv", "parquet", "html"},
    pool="duckdb",
    code_version=code_version(__name__),
    deps=list(SCHEMAS),
)
def exports(context: dg.AssetExecutionContext, duckdb: WarehouseResource, paths: ProjectPaths) -> dg.MaterializeResult:
    """The release: every table as CSV and Parquet, with datapackage.json, data dictionary, CITATION.cff,
    CHANGELOG.md, index.html and SHA256SUMS, written only after every check passed.

    The files are generated from the pandera models and the documents' provenance
    (``pipeline.release``); the same sources give the same bytes. They are staged
    beside the folder, which they replace as a whole at the end of the run, right
    after the warehouse and only if every step and check succeeded: a failed or
    interrupted run leaves the previous release complete. A folder holding files no
    release wrote is never replaced.
    """
    with duckdb.get_connection() as conn:
        states = read_file_states(conn)
        status = visible_files(paths.sources) if paths.sources.is_dir() else {}
        known = {name: s.sha256 for name, s in states.items() if name in status and is_unchanged(status[name], s)}
        info = read_input(lambda: read_release_info(paths.sources, REPO_ROOT / "pyproject.toml"))
        previous = read_previous_package(paths.exports / PACKAGE_FILE)
        info = edition(info, sources_fingerprint(paths.sources, known), previous, official_build())
        files = read_input(lambda: build_release(WarehouseTables(conn, list(SCHEMAS)), SCHEMAS, info))
        rows = {name: count_rows(conn, name) for name in SCHEMAS}
    foreign = foreign_entries(paths.exports, CHECKSUMS_FILE)
    if not foreign and not is_earlier_release(paths.exports, PACKAGE_FILE, info.name):
        foreign = [PACKAGE_FILE if (paths.exports / PACKAGE_FILE).exists() else "no datapackage.json of this dataset"]
    if foreign:
        shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
        problem = (
            f"is not a release folder: it holds {shown}, which no release wrote, and publishing replaces the "
            "folder as a whole; point FIGURES_EXPORTS_DIR at an empty folder or an earlier release"
        )
        raise input_failure(ReleaseError(paths.exports, problem))
    try:
        staging = stage(files, paths.exports)
    except OSError as exc:
        problem = f"cannot write the release beside it ({exc.strerror}: {exc.filename}); the release is unchanged"
        raise input_failure(ReleaseError(paths.exports, problem)) from exc
    duckdb.publish_with_run(staging, paths.exports)
    context.log.info(
        f"staged release {info.version} ({len(files)} files); it replaces {paths.exports} with the warehouse"
    )
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(paths.exports)),
            "version": dg.MetadataValue.text(info.version),
            "files": dg.MetadataValue.json({name: len(data) for name, data in files.items()}),
            "rows": dg.MetadataValue.json(rows),
        }
    )
