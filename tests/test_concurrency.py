"""Two runs started together both succeed, one step at a time on the DuckDB file, and leave it intact."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import dagster as dg
from dagster._core.utils import make_new_run_id

from pipeline.defs.stale_runs import HOST_TAG, PID_TAG
from tests.conftest import SEED_IDS, Project, project_env


def pool_step_intervals(instance: dg.DagsterInstance, run_ids: list[str]) -> list[tuple[float, float, str]]:
    """(start, end, run and step) of every step of the given runs, in start order."""
    intervals = []
    for run_id in run_ids:
        for stats in instance.get_run_step_stats(run_id):
            assert stats.start_time is not None and stats.end_time is not None, stats.step_key
            intervals.append((stats.start_time, stats.end_time, f"{run_id[:8]}:{stats.step_key}"))
    return sorted(intervals)


def overlaps(intervals: list[tuple[float, float, str]]) -> list[tuple[str, str]]:
    """Pairs of consecutive intervals where the later one starts before the earlier one ends."""
    return [(a[2], b[2]) for a, b in zip(intervals, intervals[1:], strict=False) if b[0] < a[1]]


def test_two_command_line_runs_started_together_take_turns(project: Project, dagster_home: Path) -> None:
    env = project_env(project, dagster_home)
    command = [sys.executable, "-m", "pipeline", "run"]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in "ab"]
    outputs = [run.communicate(timeout=600) for run in runs]

    assert [run.returncode for run in runs] == [0, 0], [err for _, err in outputs]
    with dg.DagsterInstance.from_config(str(dagster_home)) as instance:
        records = instance.get_run_records()
        assert [r.dagster_run.status for r in records] == [dg.DagsterRunStatus.SUCCESS] * 2
        intervals = pool_step_intervals(instance, [r.dagster_run.run_id for r in records])
    assert len(intervals) >= 2 * 6
    assert overlaps(intervals) == []
    assert [r[0] for r in project.query("select doc_id from documents order by doc_id")] == SEED_IDS
    (state,) = project.query("select count(*), sum(n_mentions) from extraction_state")
    assert state[0] == len(SEED_IDS) and project.query("select count(*) from mentions") == [(state[1],)]


def test_a_run_whose_process_was_killed_does_not_block_the_next(project: Project, dagster_home: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    with dg.DagsterInstance.from_config(str(dagster_home)) as instance:
        stuck = dg.DagsterRun(
            job_name="all_assets",
            run_id=make_new_run_id(),
            status=dg.DagsterRunStatus.STARTED,
            tags={HOST_TAG: socket.gethostname(), PID_TAG: str(dead.pid)},
        )
        instance.add_run(stuck)
        instance.event_log_storage.set_concurrency_slots("duckdb", 1)
        assert instance.event_log_storage.claim_concurrency_slot("duckdb", stuck.run_id, "mentions").is_claimed

    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run"],
        env=project_env(project, dagster_home),
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert done.returncode == 0, done.stderr
    assert f"run {stuck.run_id} was left in progress by a process that died" in done.stdout
    with dg.DagsterInstance.from_config(str(dagster_home)) as instance:
        assert instance.get_run_by_id(stuck.run_id).status == dg.DagsterRunStatus.FAILURE
        assert instance.event_log_storage.get_concurrency_info("duckdb").claimed_slots == []
