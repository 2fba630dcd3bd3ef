"""What the commands print when something is wrong: one line per bad file, no traceback unless ``--debug``.

Every test runs ``python -m pipeline`` in a subprocess on a temporary copy of
the project (sources, warehouse, exports and Dagster instance).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.common.settings import SOURCES_DIR_ENV
from tests.conftest import SEED_SOURCES, Project, make_dagster_home, project_env
from tests.test_add_source import make_legacy_folder
from tests.test_bad_input import SEED, checksum_mismatch, not_utf8

CLOSING_LINE = "run failed; the previous warehouse and exports are unchanged"
DEBUG_HINT = "run with --debug for the traceback"
DESCRIBED = ("--title", "T", "--publisher", "P", "--published", "none", "--license", "unknown")
#: A line of Dagster's console logger: "2026-01-01 10:00:00 +0000 - dagster - ERROR - ...".
DAGSTER_LOG_LINE = " - dagster - "
#: Makes a bad path in a folder; returns it and the problem the command names.
BadPath = Callable[[Path], tuple[Path, str]]
#: Makes the documents step raise an exception no input explains, as a bug would.
INJECTED_BUG = """\
import pipeline.defs.assets.documents as documents_asset


def _broken(*args, **kwargs):
    raise RuntimeError("injected fault")


documents_asset.documents_frame = _broken
"""


def _pipeline(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], env=env, capture_output=True, text=True, timeout=600, check=False
    )


def _copy_of_the_project(root: Path) -> tuple[Project, dict[str, str]]:
    project = Project(root / "project")
    shutil.copytree(SEED_SOURCES, project.sources)
    return project, project_env(project, make_dagster_home(root / "dagster_home"))


@pytest.fixture(scope="module")
def two_bad_sources(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, dict[str, str]]:
    """A project whose sources hold two bad files: a seed whose checksum no longer matches, a Latin-1 file."""
    project, env = _copy_of_the_project(tmp_path_factory.mktemp("two_bad"))
    checksum_mismatch(project)
    not_utf8(project)
    return project, env


@pytest.fixture(scope="module")
def two_bad_run(two_bad_sources: tuple[Project, dict[str, str]]) -> subprocess.CompletedProcess[str]:
    """``python -m pipeline run`` on the two bad sources."""
    _, env = two_bad_sources
    return _pipeline("run", env=env)


def test_run_with_two_bad_sources_prints_one_line_per_file_then_the_closing_line(
    two_bad_sources: tuple[Project, dict[str, str]], two_bad_run: subprocess.CompletedProcess[str]
) -> None:
    project, _ = two_bad_sources

    lines = two_bad_run.stderr.splitlines()

    assert two_bad_run.returncode == 1
    assert len(lines) == 3, two_bad_run.stderr
    assert lines[0].startswith(f"error: {project.sources / SEED}: SHA-256 mismatch: provenance says ")
    assert lines[1] == f"error: {project.sources / 'latin1.txt'}: not valid UTF-8 (byte 1: invalid continuation byte)"
    assert lines[2] == CLOSING_LINE


def test_run_with_bad_sources_prints_no_traceback_and_no_dagster_log(
    two_bad_run: subprocess.CompletedProcess[str],
) -> None:
    output = two_bad_run.stdout + two_bad_run.stderr

    assert "Traceback" not in output and "Stack Trace" not in output
    assert DAGSTER_LOG_LINE not in output
    assert two_bad_run.stdout == ""


def test_debug_run_shows_dagster_logs_and_the_traceback_before_the_same_lines(
    two_bad_sources: tuple[Project, dict[str, str]], two_bad_run: subprocess.CompletedProcess[str]
) -> None:
    _, env = two_bad_sources

    done = _pipeline("--debug", "run", env=env)

    assert done.returncode == 1
    assert DAGSTER_LOG_LINE in done.stderr and "STEP_FAILURE" in done.stderr
    assert "Stack Trace:" in done.stderr and "raise SourceError(path" in done.stderr
    assert done.stderr.splitlines()[-3:] == two_bad_run.stderr.splitlines()


def test_run_on_a_folder_still_holding_the_shared_provenance_file_names_migrate_sources_in_one_line(
    tmp_path: Path,
) -> None:
    project, env = _copy_of_the_project(tmp_path)
    make_legacy_folder(project.sources)
    legacy = project.sources / "provenance.yaml"

    done = _pipeline("run", env=env)

    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"error: {legacy}: is the shared provenance file of earlier versions; each document now has its own "
        "<file>.provenance.yaml: run `python -m pipeline migrate-sources` to split it",
        CLOSING_LINE,
    ]
    assert not project.exports.exists() and not project.database.exists()


def test_debug_may_follow_the_command_name(tmp_path: Path) -> None:
    done = _pipeline("extract", "--debug", str(tmp_path / "missing.txt"))

    assert done.returncode == 1
    assert done.stderr == f"extract: {tmp_path / 'missing.txt'}: No such file or directory\n"


def test_unexpected_error_in_a_step_prints_one_line_with_step_and_type_and_the_hint(tmp_path: Path) -> None:
    project, env = _copy_of_the_project(tmp_path)
    (tmp_path / "fault").mkdir()
    (tmp_path / "fault" / "sitecustomize.py").write_text(INJECTED_BUG, encoding="utf-8")
    env["PYTHONPATH"] = str(tmp_path / "fault")

    done = _pipeline("run", env=env)

    assert done.returncode == 1
    assert done.stderr.splitlines() == ["error: documents: RuntimeError: injected fault", CLOSING_LINE, DEBUG_HINT]
    assert not project.exports.exists()


def test_good_run_prints_only_where_the_warehouse_and_release_are(tmp_path: Path) -> None:
    project, env = _copy_of_the_project(tmp_path)

    done = _pipeline("run", env=env)

    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.splitlines() == [
        f"DuckDB warehouse: {project.database}",
        f"Release (CSV, Parquet, datapackage.json; open index.html): {project.exports}",
    ]


def _missing(tmp_path: Path) -> tuple[Path, str]:
    return tmp_path / "missing.txt", "No such file or directory"


def _folder(tmp_path: Path) -> tuple[Path, str]:
    (tmp_path / "folder.txt").mkdir()
    return tmp_path / "folder.txt", "Is a directory"


def _latin1(tmp_path: Path) -> tuple[Path, str]:
    (tmp_path / "latin1.txt").write_bytes("Año 2021: 5 000 personas".encode("latin-1"))
    return tmp_path / "latin1.txt", "not valid UTF-8 (byte 1: invalid continuation byte)"


def _empty(tmp_path: Path) -> tuple[Path, str]:
    (tmp_path / "empty.txt").write_bytes(b"")
    return tmp_path / "empty.txt", "file is empty"


def _pdf_named_txt(tmp_path: Path) -> tuple[Path, str]:
    (tmp_path / "report.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    return tmp_path / "report.txt", "is named .txt but its bytes are a PDF; give it the right extension"


@pytest.mark.parametrize(
    "bad_path", [_missing, _folder, _latin1, _empty, _pdf_named_txt], ids=lambda f: f.__name__.strip("_")
)
def test_extract_reports_an_unreadable_path_in_one_line_and_exits_1(tmp_path: Path, bad_path: BadPath) -> None:
    path, problem = bad_path(tmp_path)

    done = _pipeline("extract", str(path))

    assert done.returncode == 1
    assert done.stderr == f"extract: {path}: {problem}\n"
    assert len(done.stdout.splitlines()) == 1  # the header only


def test_extract_of_an_empty_file_of_no_document_format_prints_the_header_and_no_error(tmp_path: Path) -> None:
    """A .txt or .md file is read as the pipeline reads a source (an empty one is refused, above); a file of
    another extension is plain UTF-8 text, which may be empty."""
    (tmp_path / "empty.log").write_bytes(b"")

    done = _pipeline("extract", str(tmp_path / "empty.log"))

    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout.startswith("doc,start,end,text,")
    assert len(done.stdout.splitlines()) == 1


def _empty_folder(tmp_path: Path) -> tuple[Path, str]:
    (tmp_path / "folder.txt").mkdir()
    return tmp_path / "folder.txt", "no document files (.txt, .md, .pdf, .html, .htm) found"


@pytest.mark.parametrize(
    ("bad_file", "problem"),
    [
        (_missing, "no such file"),
        (_empty_folder, "no document files (.txt, .md, .pdf, .html, .htm) found"),
        (_latin1, "not valid UTF-8"),
        (_empty, "file is empty"),
        (_pdf_named_txt, "is named .txt but its bytes are a PDF"),
    ],
    ids=["missing", "empty_folder", "latin1", "empty", "pdf_named_txt"],
)
def test_add_source_refuses_a_bad_file_in_one_line_and_changes_nothing(
    tmp_path: Path, bad_file: BadPath, problem: str
) -> None:
    project = Project(tmp_path / "project")
    shutil.copytree(SEED_SOURCES, project.sources)
    path, _ = bad_file(tmp_path)
    before = {p.name: p.read_bytes() for p in project.sources.iterdir()}

    done = _pipeline("add-source", str(path), *DESCRIBED, env={**os.environ, SOURCES_DIR_ENV: str(project.sources)})

    assert done.returncode == 1
    error, closing = done.stderr.splitlines()
    assert error.startswith(f"error: {path}: {problem}")
    assert closing == "nothing was changed in the sources folder"
    assert {p.name: p.read_bytes() for p in project.sources.iterdir()} == before
