"""Shared fixtures: a temporary copy of the project's sources, warehouse and export folder.

No test reads or writes the live ``sources/``, warehouse, release or
``.dagster_home/``: the settings point at a session folder for the whole run,
and a test that touches a live folder anyway fails (``tests/live_guard.py``).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import duckdb
import pytest
import yaml

from pipeline.defs.definitions import make_definitions
from pipeline.defs.instance import ensure_instance
from pipeline.defs.resources import ProjectPaths, WarehouseResource
from pipeline.defs.runs import materialise_all
from pipeline.sources.documents import provenance_path
from tests.live_guard import GUARD, isolate_environment

SEED_SOURCES = Path(__file__).resolve().parent / "fixtures" / "seed_sources"
"""The tests' own copy of the five seed documents and the curated files (never the live ``sources/``)."""

SEED_IDS = [
    "000_0924f377b43c0a2d",
    "001_6e00856a45348657",
    "002_8cf95d8b2fb20748",
    "003_4ebfceb60d0020d1",
    "004_2e8b6a177bdcb179",
]


@dataclass
class Project:
    """A throw-away copy of the project: its own sources, DuckDB file and exports."""

    root: Path
    result: dg.ExecuteInProcessResult | None = None  # the seeded project's materialisation

    @property
    def sources(self) -> Path:
        return self.root / "sources"

    @property
    def database(self) -> Path:
        return self.root / "warehouse" / "figures.duckdb"

    @property
    def exports(self) -> Path:
        return self.root / "warehouse" / "exports"

    def resources(self) -> dict[str, object]:
        self.database.parent.mkdir(parents=True, exist_ok=True)
        return {
            "duckdb": WarehouseResource(database=str(self.database)),
            "paths": ProjectPaths(sources_dir=str(self.sources), exports_dir=str(self.exports)),
        }

    def materialise(self) -> dg.ExecuteInProcessResult:
        """Materialise every asset and check of the real definitions on this copy."""
        return materialise_all(make_definitions(self.resources()), dg.DagsterInstance.ephemeral())

    def record_provenance(self, name: str, data: bytes) -> None:
        """Write the provenance file of source ``name`` to match ``data``, so that only its content is at fault."""
        entry = {
            "title": "A test document",
            "publisher": "Tests",
            "published": None,
            "url": None,
            "license": "unknown",
            "bytes": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
        path = provenance_path(self.sources / name)
        path.write_text(yaml.safe_dump(entry, sort_keys=False), encoding="utf-8")

    def query(self, sql: str, params: list[object] | None = None) -> list[tuple]:
        with duckdb.connect(str(self.database), read_only=True) as conn:
            return conn.execute(sql, params or []).fetchall()

    def state(self) -> dict[str, object]:
        """Everything a run could change: every table's rows and every export file's hash."""
        tables: dict[str, object] = {}
        if self.database.exists():
            with duckdb.connect(str(self.database), read_only=True) as conn:
                names = [r[0] for r in conn.execute("select table_name from information_schema.tables").fetchall()]
                for name in sorted(names):
                    tables[name] = sorted(map(repr, conn.execute(f'select * from "{name}"').fetchall()))
        files = {}
        if self.exports.exists():
            files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(self.exports.iterdir())}
        return {"tables": tables, "exports": files}


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A fresh copy of the repository's sources in a temporary folder, nothing materialised yet."""
    proj = Project(tmp_path / "project")
    shutil.copytree(SEED_SOURCES, proj.sources)
    return proj


@pytest.fixture(scope="session")
def seeded_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """One materialisation of the seed documents, shared by read-only tests."""
    proj = Project(tmp_path_factory.mktemp("seeded") / "project")
    shutil.copytree(SEED_SOURCES, proj.sources)
    result = proj.materialise()
    assert result.success, "materialising the seed documents failed"
    proj.result = result
    return proj


def make_dagster_home(home: Path) -> Path:
    """A new DAGSTER_HOME configured by the repository's template, its storage created (as `make` does)."""
    home.mkdir(parents=True)
    ensure_instance(home)
    return home


@pytest.fixture
def dagster_home(tmp_path: Path) -> Path:
    """A temporary DAGSTER_HOME set up like the repository's."""
    return make_dagster_home(tmp_path / "dagster_home")


def project_env(project: Project, dagster_home: Path) -> dict[str, str]:
    """Environment for a subprocess working on ``project`` with the instance in ``dagster_home``."""
    return {
        **os.environ,
        "DAGSTER_HOME": str(dagster_home),
        "FIGURES_SOURCES_DIR": str(project.sources),
        "FIGURES_DUCKDB_PATH": str(project.database),
        "FIGURES_EXPORTS_DIR": str(project.exports),
    }


def pytest_configure(config: pytest.Config) -> None:
    """Before any test: settings and DAGSTER_HOME point at a session folder; the live-folder guard is armed."""
    factory = config._tmp_path_factory if hasattr(config, "_tmp_path_factory") else None  # type: ignore[attr-defined]
    base = factory.mktemp("session") if factory is not None else Path(tempfile.mkdtemp(prefix="figures-tests-"))
    isolate_environment(base, SEED_SOURCES)
    GUARD.active = True


@pytest.fixture(autouse=True)
def stays_off_live_folders() -> Iterator[None]:
    """Fail the test if it (or a fixture it set up) touched a live project folder."""
    GUARD.take()
    yield
    touched = GUARD.take()
    if touched:
        pytest.fail("touched the live project folders: " + "; ".join(sorted(set(touched))[:5]), pytrace=False)
