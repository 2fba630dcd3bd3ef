"""Dagster resources: the DuckDB warehouse and the project's folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource
from pydantic import PrivateAttr

from pipeline.common import settings
from pipeline.defs.publication import publish_together, roll_forward
from pipeline.release.publish import discard, swap_in
from pipeline.store.lock import WarehouseLock
from pipeline.store.storage import connect
from pipeline.store.working_copy import (
    WarehouseError,
    discard_working_copy,
    start_working_copy,
)


class ProjectPaths(dg.ConfigurableResource):
    """Folders the pipeline reads documents from and publishes exports to, and where the partitioned extraction
    writes its shards (default: ``shards/`` beside the export folder)."""

    sources_dir: str
    exports_dir: str
    shards_dir: str = ""

    @property
    def shards(self) -> Path:
        return Path(self.shards_dir) if self.shards_dir else Path(self.exports_dir).parent / "shards"

    @property
    def sources(self) -> Path:
        return Path(self.sources_dir)

    @property
    def exports(self) -> Path:
        return Path(self.exports_dir)


class WarehouseResource(DuckDBResource):
    """The DuckDB warehouse, written by a run as a whole or not at all.

    For the length of a run (``setup_for_execution`` to
    ``teardown_after_execution``, once per run with the in-process executor)
    the resource holds the warehouse lock, so runs on one warehouse take turns
    as whole runs, and points every connection at a working copy of the
    published file (``pipeline.store.working_copy``). At the end of the run the
    copy replaces the published file if every step and check succeeded, and is
    discarded otherwise. Outside a run (a test calling ``get_connection``)
    connections open the published file itself.

    Connections are closed even when the step fails (dagster-duckdb 0.29 closes
    them only when the ``with`` body succeeds).
    """

    _working: str | None = PrivateAttr(default=None)
    _lock: WarehouseLock | None = PrivateAttr(default=None)
    _releases: list[tuple[Path, Path]] = PrivateAttr(default_factory=list)

    @property
    def published(self) -> Path:
        """The published warehouse file, which readers open."""
        return Path(self.database)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        lock = WarehouseLock(self.published)
        try:
            lock.acquire()
        except OSError as exc:
            raise WarehouseError(
                lock.path, f"cannot take the warehouse lock ({exc.strerror}: {exc.filename}); nothing was changed"
            ) from exc
        self._lock = lock
        roll_forward(self.published)  # a publication a killed run began
        token = (context.run_id or "run").split("-")[0]
        self._working = str(start_working_copy(self.published, f"{os.getpid()}-{token}"))

    def publish_with_run(self, staging: Path, target: Path) -> None:
        """Let the staged release folder ``staging`` replace ``target`` together with the warehouse, if the run
        succeeds (it is discarded otherwise). Outside a run it replaces ``target`` at once."""
        if self._working is None:
            swap_in(staging, target)
        else:
            self._releases.append((staging, target))

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        releases, self._releases = self._releases, []
        try:
            if self._working is not None:
                working = Path(self._working)
                if context.instance is not None and run_succeeded(context.instance, context.run_id):
                    publish_together(working, self.published, releases)
                else:
                    discard_working_copy(working)
                    for staging, _ in releases:
                        discard(staging)
        finally:
            self._working = None
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    @contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:  # type: ignore[override]
        conn = connect(self._working or self.database)
        try:
            yield conn
        finally:
            conn.close()


class WarehouseReader(dg.ConfigurableResource):
    """The published DuckDB warehouse, opened read-only and without the run lock: what the partitioned
    extraction's runs read, many at once (DuckDB lets any number of processes read a file no process writes)."""

    database: str

    @contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        conn = connect(self.database, read_only=True)
        try:
            yield conn
        finally:
            conn.close()


def run_succeeded(instance: dg.DagsterInstance, run_id: str | None) -> bool:
    """Whether every step a run started succeeded and none of its checks failed, so far."""
    if run_id is None:
        return False
    kinds = {
        dg.DagsterEventType.STEP_START,
        dg.DagsterEventType.STEP_SUCCESS,
        dg.DagsterEventType.STEP_FAILURE,
        dg.DagsterEventType.ASSET_CHECK_EVALUATION,
    }
    started: set[str] = set()
    succeeded: set[str] = set()
    for entry in instance.all_logs(run_id, of_type=kinds):
        event = entry.dagster_event
        if event is None:
            continue
        if event.event_type == dg.DagsterEventType.STEP_FAILURE:
            return False
        if event.event_type == dg.DagsterEventType.ASSET_CHECK_EVALUATION:
            if not event.event_specific_data.passed:
                return False
        elif event.event_type == dg.DagsterEventType.STEP_START:
            started.add(event.step_key or "")
        else:
            succeeded.add(event.step_key or "")
    return started == succeeded


def default_resources() -> dict[str, object]:
    """Resources configured from the environment (see ``pipeline.common.settings``)."""
    db = settings.duckdb_path()
    paths = ProjectPaths(
        sources_dir=str(settings.sources_dir()),
        exports_dir=str(settings.exports_dir()),
        shards_dir=str(settings.shards_dir(db)),
    )
    return {"duckdb": WarehouseResource(database=str(db)), "paths": paths, "reader": WarehouseReader(database=str(db))}


def with_reader(resources: dict[str, object]) -> dict[str, object]:
    """``resources`` with a read-only ``reader`` of the ``duckdb`` warehouse if they give none."""
    warehouse = resources.get("duckdb")
    if "reader" not in resources and isinstance(warehouse, DuckDBResource):
        return {**resources, "reader": WarehouseReader(database=warehouse.database)}
    return resources
