"""The partitioned extraction: shards extracted by separate runs into Parquet give exactly the single-process rows."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import pytest
import yaml

from pipeline.common.settings import REPO_ROOT, SHARD_COUNT_ENV, shard_count
from pipeline.defs.assets.mention_shards import SHARDS, SHARDS_JOB, mention_shards
from pipeline.defs.definitions import make_definitions
from pipeline.defs.resources import with_reader
from pipeline.defs.runs import QUIET_LOGS, failure_messages
from pipeline.store.shards import read_manifest, shard_of, shard_path
from tests.conftest import SEED_IDS, Project, project_env

ALL_ROWS = "select * from mentions order by doc_id, char_start, char_end, kind"
#: An instance that launches each run at once in a process of its own (Dagster's default run launcher), without
#: the daemon's queue: what `dagster job backfill` needs to start every shard's run from the command line.
BACKFILL_INSTANCE = {
    "telemetry": {"enabled": False},
    "run_coordinator": {"module": "dagster.core.run_coordinator", "class": "DefaultRunCoordinator"},
}


def _from_shards(project: Project) -> dg.ExecuteInProcessResult:
    """Materialise everything with ``mentions`` loading the shards instead of extracting."""
    job = make_definitions(project.resources()).resolve_job_def("all_assets")
    config = {**QUIET_LOGS, "ops": {"mentions": {"config": {"from_shards": True}}}}
    return job.execute_in_process(instance=dg.DagsterInstance.ephemeral(), run_config=config, raise_on_error=False)


def _shard_in_process(project: Project, key: str) -> dict[str, object]:
    """Materialise one shard in this process; its materialisation's metadata."""
    result = dg.materialize(
        [mention_shards], partition_key=key, resources=with_reader(project.resources()), raise_on_error=True
    )
    (materialisation,) = result.asset_materializations_for_node("mention_shards")
    return {k: v.value for k, v in materialisation.metadata.items()}


def _shards(project: Project) -> Path:
    return project.database.parent / "shards"


@pytest.mark.slow
def test_a_backfill_on_separate_processes_gives_the_single_process_rows(project: Project, tmp_path: Path) -> None:
    assert project.materialise().success
    single_process = project.query(ALL_ROWS)
    home = tmp_path / "backfill_home"
    home.mkdir()
    (home / "dagster.yaml").write_text(yaml.safe_dump(BACKFILL_INSTANCE), encoding="utf-8")
    env = project_env(project, home)
    command = [sys.executable, "-m", "dagster", "job", "backfill", "-m", "pipeline.defs.definitions"]
    subprocess.run([*command, "-j", SHARDS_JOB, "--all", "all", "--noprompt"], cwd=REPO_ROOT, env=env, check=True)

    runs = _finished_runs(home, len(SHARDS.get_partition_keys()))
    assert {r.status for r in runs} == {dg.DagsterRunStatus.SUCCESS}
    assert len({pid for _, pid in _run_processes(home)}) == len(runs), "each shard ran in its own process"
    result = _from_shards(project)

    assert result.success
    assert project.query(ALL_ROWS) == single_process


def test_mentions_from_shards_equal_the_extracted_rows(project: Project) -> None:
    assert project.materialise().success
    extracted = project.query(ALL_ROWS)
    for key in SHARDS.get_partition_keys():
        _shard_in_process(project, key)

    assert _from_shards(project).success
    assert project.query(ALL_ROWS) == extracted


def test_a_shard_records_its_documents_and_is_not_extracted_again_unchanged(project: Project) -> None:
    assert project.materialise().success
    key = shard_of(SEED_IDS[0], len(SHARDS.get_partition_keys()))

    first = _shard_in_process(project, key)
    again = _shard_in_process(project, key)

    assert (first["extracted"], again["extracted"]) == (True, False)
    manifest = read_manifest(shard_path(_shards(project), key))
    assert manifest is not None and SEED_IDS[0] in manifest.documents


def test_missing_shards_stop_the_load_naming_each_file(project: Project) -> None:
    assert project.materialise().success

    result = _from_shards(project)

    assert not result.success
    messages = failure_messages(result)
    for key in SHARDS.get_partition_keys():
        path = shard_path(_shards(project), key)
        assert (
            f"{path}: shard {key} has not been extracted (no shard file); backfill mention_shards first"
            in "\n".join(messages)
        )


def test_a_shard_older_than_its_documents_is_refused(project: Project) -> None:
    assert project.materialise().success
    for key in SHARDS.get_partition_keys():
        _shard_in_process(project, key)
    doc = project.sources / f"{SEED_IDS[0]}.txt"
    data = doc.read_bytes() + b"\nIn 2024, 300 more people arrived.\n"
    doc.write_bytes(data)
    project.record_provenance(doc.name, data)
    assert project.materialise().success  # documents (and mentions, extracted here) know the new text

    result = _from_shards(project)

    assert not result.success
    key = shard_of(SEED_IDS[0], len(SHARDS.get_partition_keys()))
    expected = f"{shard_path(_shards(project), key)}: shard {key} was extracted from other documents"
    assert any(m.startswith(expected) for m in failure_messages(result))


def _finished_runs(home: Path, n: int, timeout: float = 600) -> list[dg.DagsterRun]:
    """The runs of the instance in ``home`` once ``n`` of them have finished."""
    with dg.DagsterInstance.from_config(str(home)) as instance:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            runs = instance.get_runs()
            if len(runs) >= n and all(r.is_finished for r in runs):
                return runs
            time.sleep(1)
    raise AssertionError(f"the {n} shard runs did not finish within {timeout} s")


def _run_processes(home: Path) -> list[tuple[str, int]]:
    """(run id, process id) of every run of the instance in ``home``, from its RUN_START event."""
    with dg.DagsterInstance.from_config(str(home)) as instance:
        out = []
        for run in instance.get_runs():
            (entry,) = instance.all_logs(run.run_id, of_type=dg.DagsterEventType.RUN_START)
            assert entry.dagster_event is not None and entry.dagster_event.pid is not None
            out.append((run.run_id, entry.dagster_event.pid))
        return out


def test_documents_spread_evenly_and_stably_over_the_shards() -> None:
    ids = [f"gen_{i:06d}" for i in range(8000)]
    counts = {key: 0 for key in SHARDS.get_partition_keys()}
    for doc_id in ids:
        counts[shard_of(doc_id, len(counts))] += 1

    assert min(counts.values()) > 0.9 * len(ids) / len(counts)
    assert shard_of("000_0924f377b43c0a2d", 8) == shard_of("000_0924f377b43c0a2d", 8)


@pytest.mark.parametrize("value", ["0", "eight", "-3", "5000"])
def test_a_bad_number_of_shards_is_refused_naming_the_variable(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SHARD_COUNT_ENV, value)
    with pytest.raises(ValueError, match=rf"^{SHARD_COUNT_ENV}='{value}': the number of shards is a whole number"):
        shard_count()


def test_shard_runs_only_read_the_warehouse_outside_the_writers_pool() -> None:
    assert "duckdb" not in mention_shards.required_resource_keys
    assert "reader" in mention_shards.required_resource_keys
    assert mention_shards.op.pool is None
