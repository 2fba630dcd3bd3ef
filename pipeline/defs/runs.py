"""Materialise the whole asset graph in process, as ``python -m pipeline run`` does, and collect what failed."""

from __future__ import annotations

import re
from dataclasses import dataclass

import dagster as dg
from dagster._utils.error import SerializableErrorInfo

from pipeline.common import settings
from pipeline.common.errors import InputError
from pipeline.defs.instance import open_instance
from pipeline.defs.publication import journal_path
from pipeline.defs.stale_runs import command_line_run_tags, release_dead_runs

_EXCEPTION_PREFIX = re.compile(r"^[A-Za-z_][\w.]*(Error|Failure|Exception): ")
#: Dagster's console logger prints nothing (it logs step failures at ERROR, with their traceback): the command
#: line reports failures itself, one line each. ``DEBUG_LOGS`` shows every event, tracebacks included.
QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}
DEBUG_LOGS = {"loggers": {"console": {"config": {"log_level": "DEBUG"}}}}


def materialise_all(
    defs: dg.Definitions, instance: dg.DagsterInstance, tags: dict[str, str] | None = None, debug: bool = False
) -> dg.ExecuteInProcessResult:
    """Run the job that materialises every asset and check, without raising on failure.

    Dagster's console logger stays silent unless ``debug``.
    """
    from pipeline.defs.definitions import ALL_ASSETS_JOB

    job = defs.resolve_job_def(ALL_ASSETS_JOB)
    run_config = DEBUG_LOGS if debug else QUIET_LOGS
    return job.execute_in_process(instance=instance, run_config=run_config, raise_on_error=False, tags=tags)


@dataclass(frozen=True)
class RunFailure:
    """One line saying what went wrong in a run, and whether it is unexpected (a bug, not bad input)."""

    message: str
    unexpected: bool = False


def run_failures(result: dg.ExecuteInProcessResult) -> list[RunFailure]:
    """Every problem of a run: each bad input file of each failed step, each other step error, each failed check."""
    failures: list[RunFailure] = []
    for event in result.all_events:
        if event.is_step_failure and event.step_failure_data is not None and event.step_failure_data.error:
            failures.extend(_root_failures(event.step_failure_data.error, event.step_key))
        elif event.is_run_failure and not failures:
            error = getattr(event.event_specific_data, "error", None)
            if error is not None:
                failures.extend(_root_failures(error, None))
        elif event.event_type_value == "ASSET_CHECK_EVALUATION":
            evaluation = event.event_specific_data
            if evaluation is not None and not evaluation.passed:
                description = " ".join(str(evaluation.description).split())
                failures.append(
                    RunFailure(
                        f"check {evaluation.check_name} on {evaluation.asset_key.to_user_string()} failed: "
                        f"{description}"
                    )
                )
    return failures


def failure_messages(result: dg.ExecuteInProcessResult) -> list[str]:
    """The error message of every failed step (one per bad input file), and of every failed blocking check, of a run."""
    return [failure.message for failure in run_failures(result)]


def _root_failures(error: SerializableErrorInfo, step: str | None) -> list[RunFailure]:
    """What went wrong, one line each: the innermost cause's message, without Dagster's wrapping.

    A failure the pipeline raised on purpose (an input error) already names the
    file, one line per bad file; anything else is unexpected, one line prefixed
    with its step and exception type.
    """
    root = error
    while root.cls_name.startswith("Dagster") and root.cause is not None:  # Dagster's wrappers around the cause
        root = root.cause
    if root.cls_name == "Failure" or _is_input_error(root.cls_name):
        lines = _EXCEPTION_PREFIX.sub("", root.message.strip()).splitlines()
        return [RunFailure(" ".join(line.split())) for line in lines if line.strip()]
    message = " ".join(root.message.strip().split())
    own_type = re.compile(rf"^(?:[\w.]*\.)?{re.escape(root.cls_name)}(?:: |$)")  # "module.Type: " as Python prints it
    where = f"{step}: " if step else ""
    return [RunFailure(f"{where}{root.cls_name}: {own_type.sub('', message, count=1)}", unexpected=True)]


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
    unexpected: bool = False  # some failure is a bug (its traceback is in Dagster's logs), not bad input


def run_all_assets(debug: bool = False) -> RunOutcome:
    """Materialise every asset on the configured instance (the warehouse resource takes the lock for the run).

    With ``debug`` Dagster's console logger shows every event and traceback.
    """
    from pipeline.defs.definitions import defs

    instance = open_instance()  # the UI's: $DAGSTER_HOME, default .dagster_home/, created if missing
    released = release_dead_runs(instance)
    result = materialise_all(defs, instance, tags=command_line_run_tags(), debug=debug)
    problems = [] if result.success else run_failures(result)
    failures = [problem.message for problem in problems]
    journal = journal_path(settings.duckdb_path())
    if journal.exists():  # the final swap failed after every step succeeded
        failures.append(f"{journal}: the publication of this run did not complete; the next run completes it")
    return RunOutcome(not failures, failures, released, any(problem.unexpected for problem in problems))
