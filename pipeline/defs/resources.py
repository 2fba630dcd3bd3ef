"""Dagster resources: the DuckDB warehouse and the project's folders."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource

from pipeline.common import settings


class ProjectPaths(dg.ConfigurableResource):
    """Folders the pipeline reads documents from and publishes exports to."""

    sources_dir: str
    exports_dir: str

    @property
    def sources(self) -> Path:
        return Path(self.sources_dir)

    @property
    def exports(self) -> Path:
        return Path(self.exports_dir)


class WarehouseResource(DuckDBResource):
    """The DuckDB warehouse: ``DuckDBResource`` whose connection is closed even when the step fails.

    dagster-duckdb 0.29's ``get_connection`` closes the connection only when the
    ``with`` body succeeds; a failing step would leave the file open in the
    process, and later read-only opens of it would be refused.
    """

    @contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:  # type: ignore[override]
        with super().get_connection() as conn:
            try:
                yield conn
            finally:
                conn.close()


def default_resources() -> dict[str, object]:
    """Resources configured from the environment (see ``pipeline.common.settings``)."""
    db = settings.duckdb_path()
    db.parent.mkdir(parents=True, exist_ok=True)
    return {
        "duckdb": WarehouseResource(database=str(db)),
        "paths": ProjectPaths(sources_dir=str(settings.sources_dir()), exports_dir=str(settings.exports_dir())),
    }
