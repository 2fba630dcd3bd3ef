"""Bad input stops the run with a message naming the file and the problem, and loses nothing stored."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable

import pytest

from pipeline.defs.runs import failure_messages
from pipeline.sources.documents import SYMLINK_PROBLEM, provenance_path
from tests.conftest import Project

SEED = "000_0924f377b43c0a2d.txt"


def _add_document(project: Project, name: str, data: bytes) -> None:
    """Add a file with its own provenance file matching its bytes, so only the content itself is at fault."""
    (project.sources / name).write_bytes(data)
    project.record_provenance(name, data)


def checksum_mismatch(project: Project) -> tuple[str, str]:
    path = project.sources / SEED
    path.write_bytes(path.read_bytes().replace(b"173 member states", b"174 member states"))
    return SEED, "SHA-256 mismatch"


def not_utf8(project: Project) -> tuple[str, str]:
    _add_document(project, "latin1.txt", "Año 2021: 5 000 personas".encode("latin-1"))
    return "latin1.txt", "not valid UTF-8"


def empty_file(project: Project) -> tuple[str, str]:
    _add_document(project, "empty.txt", b"")
    return "empty.txt", "file is empty"


def provenance_without_file(project: Project) -> tuple[str, str]:
    (project.sources / SEED).unlink()
    return f"{SEED}.provenance.yaml", f"describes {SEED}, which is missing"


def document_without_provenance(project: Project) -> tuple[str, str]:
    (project.sources / "stray.txt").write_text("In 2023, 1,000 people arrived.", encoding="utf-8")
    return "stray.txt", "document has no provenance file (stray.txt.provenance.yaml); add it with add-source"


def two_documents_one_id(project: Project) -> tuple[str, str]:
    _add_document(project, "000_0924f377b43c0a2d.md", b"Twin of a seed document: 12 people.")
    return "000_0924f377b43c0a2d", "two documents share the id"


def provenance_key_written_twice(project: Project) -> tuple[str, str]:
    path = provenance_path(project.sources / SEED)
    text = path.read_text(encoding="utf-8")
    title_line = next(line for line in text.splitlines() if line.startswith("title:"))
    path.write_text(text + title_line + "\n", encoding="utf-8")
    return f"{SEED}.provenance.yaml: not valid YAML", f"duplicate key 'title' (line {len(text.splitlines()) + 1}"


def published_as_a_timestamp(project: Project) -> tuple[str, str]:
    path = provenance_path(project.sources / SEED)
    text = path.read_text(encoding="utf-8")
    at = text.index("\npublished:") + 1
    line_end = text.index("\n", at)
    path.write_text(text[:at] + "published: 2021-09-26 10:30:00" + text[line_end:], encoding="utf-8")
    problem = "published must be an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY), got '2021-09-26 10:30:00'"
    return f"{SEED}.provenance.yaml: {problem}", ", or null"


BREAKAGES: list[Callable[[Project], tuple[str, str]]] = [
    checksum_mismatch,
    not_utf8,
    empty_file,
    provenance_without_file,
    document_without_provenance,
    two_documents_one_id,
    provenance_key_written_twice,
    published_as_a_timestamp,
]


@pytest.mark.parametrize("breakage", BREAKAGES, ids=lambda f: f.__name__)
def test_bad_source_stops_the_run_naming_file_and_problem(project: Project, breakage: Callable) -> None:
    assert project.materialise().success
    before = project.state()

    file_name, problem = breakage(project)
    result = project.materialise()

    assert not result.success
    messages = failure_messages(result)
    assert any(file_name in m and problem in m for m in messages), messages
    assert project.state() == before


def test_invalid_table_fails_its_blocking_check_and_is_not_published(project: Project) -> None:
    assert project.materialise().success
    before_exports = project.state()["exports"]
    _add_document(project, "bad id.txt", b"In 2023, 1,000 people arrived.")

    result = project.materialise()

    assert not result.success
    messages = failure_messages(result)
    assert any("documents_schema" in m and "str_matches" in m for m in messages), messages
    assert project.state()["exports"] == before_exports
    materialised = {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert "exports" not in materialised and "mentions" not in materialised


def test_failure_is_reported_by_the_command_line(project: Project) -> None:
    checksum_mismatch(project)
    env = {
        **os.environ,
        "FIGURES_SOURCES_DIR": str(project.sources),
        "FIGURES_DUCKDB_PATH": str(project.database),
        "FIGURES_EXPORTS_DIR": str(project.exports),
    }
    env["DAGSTER_HOME"] = str(project.root / "dagster_home")  # an instance of its own, made by the run

    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run"], env=env, capture_output=True, text=True, timeout=300
    )

    assert done.returncode == 1
    assert f"error: {project.sources / SEED}: SHA-256 mismatch" in done.stderr
    assert not project.exports.exists()


def test_every_bad_source_is_named_not_only_the_first(project: Project) -> None:
    checksum_mismatch(project)
    not_utf8(project)
    empty_file(project)

    messages = failure_messages(project.materialise())

    assert [m.split(": ", 1)[0] for m in messages] == [
        str(project.sources / name) for name in (SEED, "empty.txt", "latin1.txt")
    ]


def test_a_source_with_two_problems_is_named_once(project: Project) -> None:
    seed, outside = project.sources / SEED, project.root / "outside.txt"
    outside.write_bytes(seed.read_bytes())
    seed.unlink()
    seed.symlink_to(outside)  # a link (a catalogue problem) that cannot be read as a regular file either

    messages = failure_messages(project.materialise())

    assert messages == [f"{seed}: {SYMLINK_PROBLEM}"]
