"""Free what a killed command-line run left behind, so the next run does not wait for it forever.

A run of ``python -m pipeline run`` on a persistent instance claims the
``duckdb`` pool slot step by step. Interrupted with Ctrl-C it releases the slot
and records its failure; killed outright (``kill -9``, a crash, a power cut) it
cannot, and every later run would wait for a slot that is never freed. Each
command-line run is therefore tagged with its host and process id, and before a
new one starts, runs still marked in progress whose process no longer exists
are recorded as failed and their slots freed. Runs started from the UI are
looked after by the daemon's run monitoring (``dagster.yaml``).
"""

from __future__ import annotations

import os
import socket

import dagster as dg

HOST_TAG = "figures/host"
PID_TAG = "figures/pid"
IN_PROGRESS = [dg.DagsterRunStatus.NOT_STARTED, dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED]


def command_line_run_tags() -> dict[str, str]:
    """Tags that tie a run to this process."""
    return {HOST_TAG: socket.gethostname(), PID_TAG: str(os.getpid())}


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def release_dead_runs(instance: dg.DagsterInstance) -> list[str]:
    """Mark failed, and free the slots of, this host's command-line runs whose process is gone; return their ids."""
    filters = dg.RunsFilter(statuses=IN_PROGRESS, tags={HOST_TAG: socket.gethostname()})
    released = []
    for record in instance.get_run_records(filters=filters):
        run = record.dagster_run
        pid = run.tags.get(PID_TAG, "")
        if not pid.isdigit() or _process_exists(int(pid)):
            continue
        instance.report_run_failed(run, f"process {pid} that ran it no longer exists; its pool slots were freed")
        if instance.event_log_storage.supports_global_concurrency_limits:
            instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        released.append(run.run_id)
    return released
