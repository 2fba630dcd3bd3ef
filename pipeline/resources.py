"""Dagster resources: the DuckDB warehouse and the project's folders."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline import settings


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


def default_resources() -> dict[str, object]:
    """Resources configured from the environment (see ``pipeline.settings``)."""
    db = settings.duckdb_path()
    db.parent.mkdir(parents=True, exist_ok=True)
    return {
        "duckdb": DuckDBResource(database=str(db)),
        "paths": ProjectPaths(sources_dir=str(settings.sources_dir()), exports_dir=str(settings.exports_dir())),
    }
