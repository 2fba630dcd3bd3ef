"""Materialise the whole asset graph in process, as ``python -m pipeline run`` does, and collect what failed."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

import dagster as dg
from dagster._utils.error import SerializableErrorInfo

from pipeline.common import settings
from pipeline.common.errors import InputError
from pipeline.defs.publication import journal_path
from pipeline.defs.stale_runs import command_line_run_tags, release_dead_runs

_EXCEPTION_PREFIX = re.compile(r"^[A-Za-z_][\w.]*(Error|Failure|Exception): ")
QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}


def materialise_all(
    defs: dg.Definitions, instance: dg.DagsterInstance, tags: dict[str, str] | None = None
) -> dg.ExecuteInProcessResult:
    """Run the job that materialises every asset and check, without raising on failure."""
    from pipeline.defs.definitions import ALL_ASSETS_JOB

    job = defs.resolve_job_def(ALL_ASSETS_JOB)
    return job.execute_in_process(instance=instance, run_config=QUIET_LOGS, raise_on_error=False, tags=tags)


def failure_messages(result: dg.ExecuteInProcessResult) -> list[str]:
    """The error message of every failed step, and of every failed blocking check, of a run."""
    messages: list[str] = []
    for event in result.all_events:
        if event.is_step_failure and event.step_failure_data is not None and event.step_failure_data.error:
            messages.append(_root_message(event.step_failure_data.error, event.step_key))
        elif event.is_run_failure and not messages:
            error = getattr(event.event_specific_data, "error", None)
            if error is not None:
                messages.append(_root_message(error, None))
        elif event.event_type_value == "ASSET_CHECK_EVALUATION":
            evaluation = event.event_specific_data
            if evaluation is not None and not evaluation.passed:
                messages.append(
                    f"check {evaluation.check_name} on {evaluation.asset_key.to_user_string()} "
                    f"failed: {evaluation.description}"
                )
    return messages


def _root_message(error: SerializableErrorInfo, step: str | None) -> str:
    """One line saying what went wrong: the innermost cause's message, without Dagster's wrapping.

    A failure the pipeline raised on purpose (an input error) already names the
    file; anything else is prefixed with its step and exception type.
    """
    root = error
    while root.cls_name.startswith("Dagster") and root.cause is not None:  # Dagster's wrappers around the cause
        root = root.cause
    message = " ".join(root.message.strip().split())
    if root.cls_name == "Failure" or _is_input_error(root.cls_name):
        return _EXCEPTION_PREFIX.sub("", message)
    where = f"{step}: " if step else ""
    return where + message if _EXCEPTION_PREFIX.match(message) else f"{where}{root.cls_name}: {message}"


def _is_input_error(cls_name: str) -> bool:
    """Whether an exception class is ``InputError`` or one of its subclasses, whose message names the file."""
    todo, names = [InputError], set()
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return cls_name in names


@dataclass(frozen=True)
class RunOutcome:
    """What a command-line run did: whether it succeeded, its failure messages, runs it cleaned up."""

    success: bool
    failures: list[str]
    released_runs: list[str]


def run_all_assets() -> RunOutcome:
    """Materialise every asset on the configured instance (the warehouse resource takes the lock for the run)."""
    from pipeline.defs.definitions import defs

    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    released = release_dead_runs(instance)
    result = materialise_all(defs, instance, tags=command_line_run_tags())
    failures = [] if result.success else failure_messages(result)
    journal = journal_path(settings.duckdb_path())
    if journal.exists():  # the final swap failed after every step succeeded
        failures.append(f"{journal}: the publication of this run did not complete; the next run completes it")
    return RunOutcome(not failures, failures, released)
