"""Which edition a run publishes: the committed release for its own sources, ``+local`` for changed ones."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.common.settings import RELEASE_ENV, REPO_ROOT
from pipeline.release.edition import LOCAL_SUFFIX, edition, sources_fingerprint
from pipeline.release.info import ReleaseInfo, read_release_info
from tests.conftest import SEED_SOURCES, Project, make_dagster_home, project_env


def _package(project: Project) -> dict[str, object]:
    return json.loads((project.exports / "datapackage.json").read_text(encoding="utf-8"))


@pytest.fixture
def info() -> ReleaseInfo:
    return read_release_info(SEED_SOURCES, REPO_ROOT / "pyproject.toml")


def test_the_fingerprint_changes_with_any_source_file_and_only_then(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    first = sources_fingerprint(tmp_path)
    assert sources_fingerprint(tmp_path) == first
    (tmp_path / ".hidden").write_text("editor state", encoding="utf-8")
    assert sources_fingerprint(tmp_path) == first
    (tmp_path / "b.txt").write_text("two", encoding="utf-8")
    assert sources_fingerprint(tmp_path) != first


def test_a_release_build_keeps_the_version_whatever_the_sources(info: ReleaseInfo) -> None:
    built = edition(info, "f" * 64, {"version": info.version, "sourcesFingerprint": "0" * 64}, official=True)
    assert (built.version, built.date) == (info.version, info.date)


def test_the_committed_sources_give_the_committed_release_again(info: ReleaseInfo) -> None:
    built = edition(info, "a" * 64, {"version": info.version, "sourcesFingerprint": "a" * 64}, official=False)
    assert (built.version, built.date, built.base_fingerprint) == (info.version, info.date, None)


def test_changed_sources_give_a_local_version_dated_the_day_of_the_build(
    info: ReleaseInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    built = edition(info, "b" * 64, {"version": info.version, "sourcesFingerprint": "a" * 64}, official=False)
    assert built.version == f"{info.version}{LOCAL_SUFFIX}" and built.date == "2026-01-01"
    assert built.base_fingerprint == "a" * 64
    assert "not a published release" in built.current.notes[0]


def test_a_folder_without_a_release_gives_a_local_build(info: ReleaseInfo) -> None:
    assert edition(info, "b" * 64, None, official=False).version.endswith(LOCAL_SUFFIX)


def test_reverting_the_sources_after_a_local_build_gives_the_committed_release(info: ReleaseInfo) -> None:
    local = {"version": f"{info.version}+local", "sourcesFingerprint": "b" * 64, "baseSourcesFingerprint": "a" * 64}
    assert edition(info, "a" * 64, local, official=False).version == info.version
    assert edition(info, "b" * 64, local, official=False).version.endswith(LOCAL_SUFFIX)


def test_a_run_with_an_added_document_publishes_a_local_version(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert project.materialise().success  # the committed edition (the tests' default, as `make release`)
    monkeypatch.delenv(RELEASE_ENV)
    assert project.materialise().success
    assert "+" not in _package(project)["version"], "the same sources give the committed release again"
    committed = _package(project)
    assert "+" not in committed["version"] and committed["sourcesFingerprint"] == sources_fingerprint(project.sources)
    (project.sources / "claims.yaml").write_text(
        (project.sources / "claims.yaml").read_text(encoding="utf-8") + "# a local note\n", encoding="utf-8"
    )
    assert project.materialise().success
    local = _package(project)
    assert local["version"] == f"{committed['version']}+local"
    assert local["baseSourcesFingerprint"] == committed["sourcesFingerprint"]
    assert f"## [{local['version']}]" in (project.exports / "CHANGELOG.md").read_text(encoding="utf-8")


@pytest.mark.slow  # whole runs in subprocesses: `make test-slow` (CI runs it)
def test_run_release_builds_the_committed_version_from_changed_sources(project: Project, tmp_path: Path) -> None:
    (project.sources / "claims.yaml").write_text(
        (project.sources / "claims.yaml").read_text(encoding="utf-8") + "# a local note\n", encoding="utf-8"
    )
    env = project_env(project, make_dagster_home(tmp_path / "dagster_home"))
    env.pop(RELEASE_ENV, None)
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--release"], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "+" not in _package(project)["version"]


def test_a_local_build_without_a_committed_base_stays_local(info: ReleaseInfo) -> None:
    local = {"version": f"{info.version}+local", "sourcesFingerprint": "b" * 64}
    assert edition(info, "b" * 64, local, official=False).version.endswith(LOCAL_SUFFIX)
