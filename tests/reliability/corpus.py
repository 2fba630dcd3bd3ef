"""Larger corpora for the reliability tests: the seeds plus numbered copies, added the way a user adds them."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from pipeline.common.settings import REPO_ROOT
from pipeline.sources.add import NewSource, add_source
from tests.conftest import Project

LONG_SEED = "004_2e8b6a177bdcb179.txt"


def add_copies(project: Project, count: int, variant: str = "") -> None:
    """Add ``count`` copies of the longest seed (each made distinct by a line) with ``add-source``'s code."""
    text = (project.sources / LONG_SEED).read_text(encoding="utf-8")
    staging = project.root / "incoming"
    staging.mkdir(exist_ok=True)
    for i in range(count):
        file = staging / f"copy_{variant}{i:03d}.txt"
        file.write_text(f"{text}\nCopy {i}{variant}: 1,{i:03d} people.\n", encoding="utf-8")
        add_source(
            project.sources,
            NewSource(file=file, title=f"Copy {i}", publisher="Tests", published="2021-11", license="unknown"),
        )


def run_env(project: Project) -> dict[str, str]:
    """Environment of a command-line run on ``project`` with a new Dagster instance of its own (the run makes it)."""
    env = {
        **os.environ,
        "FIGURES_SOURCES_DIR": str(project.sources),
        "FIGURES_DUCKDB_PATH": str(project.database),
        "FIGURES_EXPORTS_DIR": str(project.exports),
    }
    env["DAGSTER_HOME"] = tempfile.mkdtemp(prefix="dagster_home-", dir=project.root)
    return env


def start_run(project: Project) -> subprocess.Popen[str]:
    """``python -m pipeline --debug run`` on ``project``, started in the background (``--debug``: with Dagster's
    step logs, which say how far the run got)."""
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "--debug", "run"],
        cwd=REPO_ROOT,
        env=run_env(project),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run(project: Project, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``python -m pipeline run`` on ``project``, to the end."""
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "run"],
        cwd=REPO_ROOT,
        env=run_env(project),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def leftovers(project: Project) -> list[Path]:
    """Working copies, write-ahead logs and staging folders a run left beside the warehouse."""
    folder = project.database.parent
    return sorted(p for p in folder.iterdir() if p.name.startswith(".") or p.name.endswith(".wal"))
