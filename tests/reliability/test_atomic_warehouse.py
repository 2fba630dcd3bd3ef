"""A run publishes the whole warehouse or nothing, and readers see the previous one while it writes."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable

import duckdb
import pytest

from pipeline.defs.runs import failure_messages
from pipeline.sources.documents import provenance_path
from tests.conftest import Project
from tests.reliability.corpus import add_copies, leftovers, run, start_run


def broken_claims(project: Project) -> str:
    (project.sources / "claims.yaml").write_text("claims:\n  a: {formula: '(', locator: {doc: x, quote: y}}\n")
    return "claims.yaml"


def broken_release_settings(project: Project) -> str:
    (project.sources / "release.yaml").write_text("name: x\n")
    return "release.yaml"


def schema_rejects_a_new_file_name(project: Project) -> str:
    add_copies(project, 1)
    source = next(project.sources.glob("copy_*.txt"))
    source.rename(project.sources / "bad id.txt")
    provenance_path(source).rename(provenance_path(project.sources / "bad id.txt"))
    return "documents_schema"


def unknown_indicator_in_a_formula(project: Project) -> str:
    path = project.sources / "claims.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("nca_apprehensions_2021_jan_jul", "no_such_indicator", 1), encoding="utf-8")
    return "no_such_indicator"


LATE_FAILURES: list[Callable[[Project], str]] = [
    broken_claims,
    broken_release_settings,
    schema_rejects_a_new_file_name,
    unknown_indicator_in_a_formula,
]


@pytest.mark.parametrize("breakage", LATE_FAILURES, ids=lambda f: f.__name__)
def test_a_failure_after_documents_leaves_every_table_and_the_release_as_they_were(
    project: Project, breakage: Callable[[Project], str]
) -> None:
    assert project.materialise().success
    before = project.state()

    named = breakage(project)
    result = project.materialise()

    assert not result.success
    assert any(named in m for m in failure_messages(result)), failure_messages(result)
    assert project.state() == before
    assert leftovers(project) == []


def _consistent_snapshot(project: Project) -> tuple[int, int, int]:
    """(documents, document_stats rows, documents in extraction_state) as a reader sees them."""
    with duckdb.connect(str(project.database), read_only=True) as conn:
        ((docs, stats, state),) = conn.execute(
            "select (select count(*) from documents), (select count(*) from document_stats),"
            " (select count(*) from extraction_state)"
        ).fetchall()
    return int(docs), int(stats), int(state)


@pytest.mark.slow
def test_readers_see_a_complete_warehouse_throughout_a_run(project: Project) -> None:
    assert project.materialise().success
    add_copies(project, 40)
    process = start_run(project)

    seen = set()
    while process.poll() is None:
        seen.add(_consistent_snapshot(project))  # never refused: the run does not hold the published file
        time.sleep(0.05)
    seen.add(_consistent_snapshot(project))

    assert process.returncode == 0, process.stderr.read() if process.stderr else ""
    assert seen <= {(5, 5, 5), (45, 45, 45)}
    assert (45, 45, 45) in seen


#: Log lines of a run: killing right after one lands in the step that follows it (or in the final swap).
KILL_POINTS = [
    "documents verified and loaded",  # regions, then mentions
    "extracted",  # corroboration, indicators
    "claims checked",  # document_stats
    "document_stats:",  # exports
    "staged release",  # the end of the run: warehouse and release swapped in
]


def _kill_after(process: subprocess.Popen[str], marker: str) -> list[str]:
    """Read the run's log until ``marker``, then kill it with SIGKILL; return the lines read."""
    lines = []
    assert process.stderr is not None
    for line in process.stderr:
        lines.append(line)
        if marker in line:
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=60)
    return lines


@pytest.mark.slow
def test_a_run_killed_while_it_starts_changes_nothing(project: Project) -> None:
    assert project.materialise().success
    add_copies(project, 40)
    before = project.state()
    process = start_run(project)

    time.sleep(1.0)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)

    assert project.state() == before


@pytest.mark.slow
@pytest.mark.parametrize("marker", KILL_POINTS)
def test_a_run_killed_inside_any_step_changes_nothing(project: Project, marker: str) -> None:
    assert project.materialise().success
    add_copies(project, 40)
    before = project.state()
    process = start_run(project)

    lines = _kill_after(process, marker)

    assert any(marker in line for line in lines), "".join(lines)
    assert process.returncode == -signal.SIGKILL, "the run ended before the kill"
    assert project.state() == before
    done = run(project)
    assert done.returncode == 0, done.stderr
    assert leftovers(project) == []
    assert _consistent_snapshot(project) == (45, 45, 45)
