"""The Dagster instance the UI and the command line share: where it lives, how it is created, what runs record in it.

Every instance here is made in a temporary folder; the one test of the default
folder only resolves its path.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from pipeline.common import settings
from pipeline.common.settings import REPO_ROOT
from pipeline.defs.definitions import ALL_ASSETS_JOB
from pipeline.defs.instance import TEMPLATE, ensure_instance
from pipeline.defs.stale_runs import PID_TAG
from tests.conftest import Project, project_env


def test_dagster_home_is_the_repository_folder_when_the_variable_is_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DAGSTER_HOME", raising=False)

    assert settings.dagster_home() == REPO_ROOT / ".dagster_home"


def test_dagster_home_follows_the_variable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "elsewhere"))

    assert settings.dagster_home() == tmp_path / "elsewhere"


def test_a_missing_instance_is_created_from_the_template(tmp_path: Path) -> None:
    home = tmp_path / "new" / "dagster_home"

    ensure_instance(home)

    assert (home / "dagster.yaml").read_bytes() == TEMPLATE.read_bytes()
    assert sorted(p.name for p in home.iterdir()) == ["dagster.yaml", "history", "schedules"]
    with dg.DagsterInstance.from_config(str(home)) as instance:
        concurrency = instance.get_settings("concurrency")
        assert concurrency == {"pools": {"default_limit": 1}, "runs": {"max_concurrent_runs": 1}}
        assert instance.get_runs() == []


def test_an_existing_configuration_is_left_alone(tmp_path: Path) -> None:
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")

    ensure_instance(home)

    assert (home / "dagster.yaml").read_text(encoding="utf-8") == "telemetry:\n  enabled: false\n"
    assert sorted(p.name for p in home.iterdir()) == ["dagster.yaml"]


def test_processes_creating_one_instance_together_all_succeed(tmp_path: Path) -> None:
    home = tmp_path / "dagster_home"
    command = [sys.executable, "-m", "pipeline.defs.instance", str(home)]

    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [process.communicate(timeout=120) for process in processes]

    assert [process.returncode for process in processes] == [0, 0, 0], [err for _, err in outputs]
    assert [out for out, _ in outputs] == [f"Dagster instance: {home}\n"] * 3
    assert (home / "dagster.yaml").read_bytes() == TEMPLATE.read_bytes()
    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert instance.get_runs() == []


def test_a_command_line_run_is_recorded_in_the_instance_the_ui_uses(project: Project, tmp_path: Path) -> None:
    home = tmp_path / "dagster_home"  # what settings.dagster_home() names; nothing there yet

    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run"],
        env=project_env(project, home),
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert done.returncode == 0, done.stderr
    assert (home / "dagster.yaml").read_bytes() == TEMPLATE.read_bytes()
    with dg.DagsterInstance.from_config(str(home)) as instance:
        (run,) = instance.get_runs()
    assert run.job_name == ALL_ASSETS_JOB
    assert run.status == dg.DagsterRunStatus.SUCCESS
    assert PID_TAG in run.tags
