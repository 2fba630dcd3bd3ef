"""Where things live: the sources folder, the DuckDB file, the export folder and the Dagster instance.

Each comes from an environment variable with a default inside the repository,
so tests and other deployments run on their own copies.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
WAREHOUSE_DIR = REPO_ROOT / "warehouse"

SOURCES_DIR_ENV = "FIGURES_SOURCES_DIR"
DUCKDB_PATH_ENV = "FIGURES_DUCKDB_PATH"
EXPORTS_DIR_ENV = "FIGURES_EXPORTS_DIR"
SHARDS_DIR_ENV = "FIGURES_SHARDS_DIR"
SHARD_COUNT_ENV = "FIGURES_SHARDS"
#: Shards of the partitioned extraction (``mention_shards``) unless ``FIGURES_SHARDS`` says otherwise.
DEFAULT_SHARD_COUNT = 8
#: Set (to 1) by ``python -m pipeline run --release`` (``make release``): build the committed release.
RELEASE_ENV = "FIGURES_RELEASE"
DAGSTER_HOME_ENV = "DAGSTER_HOME"


def sources_dir() -> Path:
    """Folder of source documents and their provenance (default: ``sources/``)."""
    return Path(os.environ.get(SOURCES_DIR_ENV) or REPO_ROOT / "sources")


def duckdb_path() -> Path:
    """The DuckDB warehouse file (default: ``warehouse/figures.duckdb``)."""
    return Path(os.environ.get(DUCKDB_PATH_ENV) or WAREHOUSE_DIR / "figures.duckdb")


def exports_dir() -> Path:
    """The release folder of CSV and Parquet exports (default: ``warehouse/exports``)."""
    return Path(os.environ.get(EXPORTS_DIR_ENV) or WAREHOUSE_DIR / "exports")


def shards_dir(database: Path | None = None) -> Path:
    """The folder of the partitioned extraction's Parquet files (default: ``shards/`` beside the DuckDB file)."""
    return Path(os.environ.get(SHARDS_DIR_ENV) or (database or duckdb_path()).parent / "shards")


def shard_count() -> int:
    """How many shards the partitioned extraction splits the documents into (``FIGURES_SHARDS``, default 8)."""
    value = os.environ.get(SHARD_COUNT_ENV) or str(DEFAULT_SHARD_COUNT)
    if not value.isdigit() or not 1 <= int(value) <= 4096:
        raise ValueError(f"{SHARD_COUNT_ENV}={value!r}: the number of shards is a whole number from 1 to 4096")
    return int(value)


def dagster_home() -> Path:
    """The Dagster instance the UI and the command line share (default: ``.dagster_home/``)."""
    return Path(os.environ.get(DAGSTER_HOME_ENV) or REPO_ROOT / ".dagster_home")


def official_build() -> bool:
    """Whether this run builds the committed release (``--release``), not a local edition."""
    return os.environ.get(RELEASE_ENV, "") not in ("", "0")
