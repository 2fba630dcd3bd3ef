"""``python -m pipeline run``: materialise every asset, then say where the results are."""

from __future__ import annotations

import fcntl
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg

from pipeline import settings
from pipeline.stale_runs import command_line_run_tags, release_dead_runs

_EXCEPTION_PREFIX = re.compile(r"^[A-Za-z_][\w.]*(Error|Failure|Exception): ")
QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}


def materialise_all(
    defs: dg.Definitions, instance: dg.DagsterInstance, tags: dict[str, str] | None = None
) -> dg.ExecuteInProcessResult:
    """Run the job that materialises every asset and check, without raising on failure."""
    from pipeline.definitions import ALL_ASSETS_JOB

    job = defs.resolve_job_def(ALL_ASSETS_JOB)
    return job.execute_in_process(instance=instance, run_config=QUIET_LOGS, raise_on_error=False, tags=tags)


def failure_messages(result: dg.ExecuteInProcessResult) -> list[str]:
    """The error message of every failed step, and of every failed blocking check, of a run."""
    messages: list[str] = []
    for event in result.all_events:
        if event.is_step_failure and event.step_failure_data is not None:
            messages.append(_EXCEPTION_PREFIX.sub("", event.step_failure_data.error.message.strip()))
        elif event.event_type_value == "ASSET_CHECK_EVALUATION":
            evaluation = event.event_specific_data
            if evaluation is not None and not evaluation.passed:
                messages.append(
                    f"check {evaluation.check_name} on {evaluation.asset_key.to_user_string()} "
                    f"failed: {evaluation.description}"
                )
    return messages


@contextmanager
def warehouse_lock(database: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``<database>.lock`` while a command-line run writes the warehouse.

    Command-line runs on one warehouse then take turns as whole runs, not step
    by step: the pool's slots are created lazily by the first step that claims
    one, and two processes starting at once on a fresh instance can both
    create a slot. The operating system releases the lock if the process dies.
    """
    database.parent.mkdir(parents=True, exist_ok=True)
    with open(database.with_name(database.name + ".lock"), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def run_all() -> int:
    """Materialise the whole asset graph in process; return 0 on success, 1 on failure."""
    from pipeline.definitions import defs

    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    with warehouse_lock(settings.duckdb_path()):
        for run_id in release_dead_runs(instance):
            print(f"note: run {run_id} was left in progress by a process that died; marked failed, its slot freed")
        result = materialise_all(defs, instance, tags=command_line_run_tags())
    if not result.success:
        for message in failure_messages(result):
            print(f"error: {message}", file=sys.stderr)
        print("run failed; the previous warehouse and exports are unchanged", file=sys.stderr)
        return 1
    print(f"DuckDB warehouse: {settings.duckdb_path()}")
    print(f"Release (CSV, Parquet, datapackage.json; open index.html): {settings.exports_dir()}")
    return 0
