"""The test suite never depends on the live project folders: adding a document to ``sources/`` keeps it green."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.common.settings import DUCKDB_PATH_ENV, EXPORTS_DIR_ENV, REPO_ROOT, SOURCES_DIR_ENV, sources_dir
from tests.conftest import SEED_SOURCES
from tests.live_guard import LIVE_PATHS, live_path

#: The tests that read the live sources before the suite had its own copy (19 failed after one add-source).
FORMERLY_LIVE_TESTS = [
    "tests/extraction/test_seed_accuracy.py",
    "tests/test_pipeline_run.py",
    "tests/test_research_tables.py",
    "tests/test_release.py",
    "tests/test_enrichment.py",
]
#: A live document's own provenance file, as the guard tests name one.
LIVE_PROVENANCE = REPO_ROOT / "sources" / "000_0924f377b43c0a2d.txt.provenance.yaml"
NEW_DOCUMENT = "In 2023, 12,000 people applied for asylum, up 4 percent from 2022.\n"


@pytest.mark.parametrize(
    "path",
    [
        LIVE_PROVENANCE,
        REPO_ROOT / "warehouse" / "figures.duckdb",
        REPO_ROOT / "warehouse" / "figures.duckdb.wal",
        REPO_ROOT / "warehouse" / ".figures.duckdb.run-1-abc",
        REPO_ROOT / "warehouse" / "exports" / "mentions.csv",
        REPO_ROOT / ".dagster_home" / "dagster.yaml",
    ],
)
def test_the_guard_flags_every_live_path(path: Path) -> None:
    assert live_path("open", (str(path), "r", 0)) == str(path)


@pytest.mark.parametrize(
    "path", [REPO_ROOT / "warehouse" / "corroboration.sql", REPO_ROOT / "README.md", SEED_SOURCES / "claims.yaml"]
)
def test_the_guard_lets_code_and_fixtures_be_read(path: Path) -> None:
    assert live_path("open", (str(path), "r", 0)) is None


def test_the_settings_point_at_a_session_copy_during_the_tests() -> None:
    assert not sources_dir().resolve().is_relative_to(REPO_ROOT)
    for variable in (SOURCES_DIR_ENV, DUCKDB_PATH_ENV, EXPORTS_DIR_ENV):
        assert variable in os.environ


def test_a_test_that_reads_the_live_sources_fails(tmp_path: Path) -> None:
    test = tmp_path / "test_reads_live.py"
    test.write_text(
        "from pipeline.common.settings import REPO_ROOT\n\n"
        "def test_reads() -> None:\n"
        f"    (REPO_ROOT / 'sources' / {LIVE_PROVENANCE.name!r}).read_bytes()\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "tests.conftest", "-p", "no:cacheprovider", str(test)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stdout
    assert "touched the live project folders: open " + str(LIVE_PROVENANCE) in done.stdout


def _copy_without_live_folders(target: Path) -> None:
    """The repository's code, tests and configuration, with sources/ rebuilt from the tests' seed copy."""
    files = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPO_ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    live = tuple(str(p.relative_to(REPO_ROOT)) + "/" for p in LIVE_PATHS)
    for name in filter(None, files):
        if name.startswith(live) or not (REPO_ROOT / name).is_file():
            continue
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO_ROOT / name, target / name)
    shutil.copytree(SEED_SOURCES, target / "sources")


@pytest.mark.slow
def test_adding_a_document_to_sources_leaves_the_tests_green(tmp_path: Path) -> None:
    if shutil.which("git") is None or not (REPO_ROOT / ".git").exists():
        pytest.skip("needs the git checkout to copy the repository")
    repo = tmp_path / "repo"
    _copy_without_live_folders(repo)
    incoming = tmp_path / "asylum.txt"
    incoming.write_text(NEW_DOCUMENT, encoding="utf-8")
    added = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline",
            "add-source",
            str(incoming),
            "--title",
            "A new document",
            "--publisher",
            "Tests",
            "--published",
            "2024-01-10",
            "--license",
            "unknown",
        ],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, SOURCES_DIR_ENV: str(repo / "sources")},
    )
    assert added.returncode == 0, added.stderr
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-m",
            "not slow and not server",
            *FORMERLY_LIVE_TESTS,
        ],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:]
