"""What starts runs without a click: the sources sensor and the daily full refresh.

The sensor compares the sources folder (every visible file's SHA-256) with the
state it saw last, kept in its cursor (a file whose size and modification time
are those it was hashed at is not read again; see ``pipeline.sources.file_state``),
and requests a run of the whole graph when anything was added, changed or removed;
extraction is incremental, so that run re-extracts only the documents that changed. It starts running with the
daemon (``make ui``). The schedule rebuilds everything daily, extracting every
document again; it is off until someone turns it on in the UI.
"""

import json
import os
import time
from typing import Any

import dagster as dg

from pipeline.defs.resources import ProjectPaths
from pipeline.sources.documents import audit_sources
from pipeline.sources.file_state import FileState, folder_states

ALL_ASSETS_JOB = "all_assets"
#: How often the sensor looks at the folder; FIGURES_SENSOR_INTERVAL_SECONDS overrides it.
SENSOR_INTERVAL_SECONDS = int(os.environ.get("FIGURES_SENSOR_INTERVAL_SECONDS") or 30)
CHANGED_TAG = "figures/sources_changed"


def describe_changes(before: dict[str, str], after: dict[str, str]) -> dict[str, list[str]]:
    """File names added, changed and removed between two folder snapshots."""
    return {
        "added": sorted(set(after) - set(before)),
        "changed": sorted(n for n in set(after) & set(before) if after[n] != before[n]),
        "removed": sorted(set(before) - set(after)),
    }


def _cursor(change_number: int, states: dict[str, FileState]) -> str:
    """The cursor: the change count, each file's SHA-256, and the size and modification time it was hashed at."""
    files = {name: s.sha256 for name, s in states.items()}
    status = {name: [s.bytes, s.mtime_ns, s.checked_ns] for name, s in states.items()}
    return json.dumps({"change": change_number, "files": files, "status": status}, sort_keys=True)


def _known(cursor: dict[str, Any]) -> dict[str, FileState]:
    """The file states a cursor recorded (none for a cursor of an earlier version, which kept only hashes)."""
    status = cursor.get("status", {})
    return {n: FileState(n, *status[n][:2], sha, status[n][2]) for n, sha in cursor["files"].items() if n in status}


@dg.sensor(
    job_name=ALL_ASSETS_JOB,
    minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Starts a run when a file of the sources folder is added, changed or removed "
    "(e.g. by `python -m pipeline add-source`). Only changed documents are extracted again.",
)
def sources_sensor(context: dg.SensorEvaluationContext, paths: ProjectPaths) -> dg.RunRequest | dg.SkipReason:
    started = time.time_ns()
    cursor = json.loads(context.cursor) if context.cursor is not None else None
    states = folder_states(paths.sources, _known(cursor) if cursor else {}, started)
    snapshot = {name: s.sha256 for name, s in states.items()}
    if cursor is None:
        context.update_cursor(_cursor(0, states))
        return dg.SkipReason(
            f"recorded the {len(snapshot)} files of {paths.sources}; a change from now on starts a run"
        )
    previous, change_number = cursor["files"], cursor["change"] + 1
    if snapshot == previous:
        return dg.SkipReason(f"no change in {paths.sources}")
    problems = audit_sources(paths.sources)
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        return dg.SkipReason(f"sources changed but are not usable yet: {first}{more}; fix it to start a run")
    changes = describe_changes(previous, snapshot)
    summary = "; ".join(f"{what}: {', '.join(names)}" for what, names in changes.items() if names)
    context.log.info(f"sources changed: {summary}")
    context.update_cursor(_cursor(change_number, states))
    return dg.RunRequest(
        run_key=f"sources-change-{change_number}",
        tags={CHANGED_TAG: ", ".join(f"{len(names)} {what}" for what, names in changes.items() if names)},
    )


daily_refresh = dg.ScheduleDefinition(
    name="daily_refresh",
    cron_schedule="0 5 * * *",
    execution_timezone="Etc/UTC",
    job_name=ALL_ASSETS_JOB,
    run_config={"ops": {"mentions": {"config": {"reextract_all": True}}}},
    default_status=dg.DefaultScheduleStatus.STOPPED,
    description="Full refresh every day at 05:00 UTC: every asset and check, every document extracted again. "
    "Off by default; turn it on in the UI (Automation).",
)
