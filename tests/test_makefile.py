"""The Makefile as a person uses it: the Python it takes, what it says when it cannot, `make ui`'s port and Ctrl-C.

Each test runs the real `make` on a copy of the Makefile in a temporary folder
(nothing of the repository is built or changed), with a PATH holding only fake
`python3.x` scripts that print the version a real one would, except the
Ctrl-C test, which starts a real `make ui` on a temporary project copy.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.common.settings import REPO_ROOT
from tests.test_ui_server import start_ui, stop_ui

MAKE = shutil.which("make") or "make"
NO_PYTHON = "no Python 3.11 or newer found on PATH; install one or pass PYTHON=/path/to/python3.x"
STOP_WITHIN = 15  # seconds; `make ui` stops in about 3 to 6 here, a run in progress included


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A folder holding the repository's Makefile, pyproject.toml and lock (no .venv, no instance)."""
    folder = tmp_path / "checkout"
    folder.mkdir()
    for name in ("Makefile", "pyproject.toml", "requirements.lock"):
        shutil.copy(REPO_ROOT / name, folder / name)
    return folder


def fake_pythons(folder: Path, versions: dict[str, str | None]) -> Path:
    """Scripts named like interpreters that print ``Python <version>``; None makes one that fails as a pyenv shim."""
    folder.mkdir()
    for name, version in versions.items():
        if version is None:
            body = f'echo "pyenv: {name}: command not found" >&2\nexit 127\n'
        else:
            body = f'echo "Python {version}"\n'
        script = folder / name
        script.write_text(f"#!/bin/sh\n{body}", encoding="utf-8")
        script.chmod(0o755)
    return folder


def make(checkout: Path, *args: str, path: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``make ARGS`` in ``checkout``; with ``path``, that folder is the whole PATH."""
    env = {key: value for key, value in os.environ.items() if key not in {"PYTHON", "MAKEFLAGS", "MAKELEVEL"}}
    if path is not None:
        env["PATH"] = str(path)
    return subprocess.run(
        [MAKE, "--no-print-directory", *args], cwd=checkout, env=env, capture_output=True, text=True, timeout=120
    )


def test_finder_takes_the_newest_python_from_3_11_on(checkout: Path, tmp_path: Path) -> None:
    path = fake_pythons(
        tmp_path / "bin",
        {"python3.14": None, "python3.13": None, "python3.12": "3.12.4", "python3.10": "3.10.13", "python3": "3.10.13"},
    )

    done = make(checkout, "print-python", path=path)

    assert (done.returncode, done.stdout, done.stderr) == (0, "python3.12\n", "")


def test_finder_takes_python3_when_it_is_3_11_or_newer(checkout: Path, tmp_path: Path) -> None:
    path = fake_pythons(tmp_path / "bin", {"python3.10": "3.10.13", "python3": "3.13.1"})

    done = make(checkout, "print-python", path=path)

    assert (done.returncode, done.stdout) == (0, "python3\n")


def test_make_run_with_only_python_3_10_stops_with_one_line_before_creating_the_venv(
    checkout: Path, tmp_path: Path
) -> None:
    path = fake_pythons(tmp_path / "bin", {"python3.10": "3.10.13", "python3": "3.10.13", "python3.11": None})

    done = make(checkout, "run", path=path)

    assert done.returncode != 0
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert NO_PYTHON in line
    assert not (checkout / ".venv").exists()


def test_an_explicit_python_is_taken_over_the_ones_on_path(checkout: Path, tmp_path: Path) -> None:
    path = fake_pythons(tmp_path / "bin", {"python3.13": "3.13.1", "python3": "3.12.4"})
    given = fake_pythons(tmp_path / "opt", {"python3.11": "3.11.9"}) / "python3.11"

    done = make(checkout, "print-python", f"PYTHON={given}", path=path)

    assert (done.returncode, done.stdout) == (0, f"{given}\n")


def test_an_explicit_python_older_than_3_11_is_refused_with_one_line(checkout: Path, tmp_path: Path) -> None:
    path = fake_pythons(tmp_path / "bin", {"python3.12": "3.12.4"})
    given = fake_pythons(tmp_path / "opt", {"python3.10": "3.10.13"}) / "python3.10"

    done = make(checkout, "run", f"PYTHON={given}", path=path)

    assert done.returncode != 0
    (line,) = done.stderr.splitlines()
    assert f"PYTHON={given} is Python 3.10.13; Python 3.11 or newer is needed" in line
    assert not (checkout / ".venv").exists()


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A loopback port another program listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


def test_make_ui_on_a_taken_port_stops_at_once_with_one_line(checkout: Path, taken_port: int) -> None:
    started = time.monotonic()
    done = make(checkout, "ui", f"PORT={taken_port}")
    elapsed = time.monotonic() - started

    assert done.returncode != 0
    assert elapsed < 10, f"took {elapsed:.1f} s"
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert f"port {taken_port} on 127.0.0.1 is taken (Address already in use)" in line
    assert not (checkout / ".venv").exists() and not (checkout / ".dagster_home").exists()  # nothing was started


def test_make_ui_refuses_a_port_that_is_not_a_number(checkout: Path) -> None:
    done = make(checkout, "ui", "PORT=web")

    assert done.returncode != 0
    (line,) = done.stderr.splitlines()
    assert "PORT=web is not a port number" in line


def test_the_lock_target_writes_the_universal_lock_that_is_committed() -> None:
    header = (REPO_ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()[1]
    command = header.removeprefix("#").strip()
    recipe = [line.strip() for line in (REPO_ROOT / "Makefile").read_text(encoding="utf-8").splitlines()]

    assert f"$(BIN)/{command}" in recipe
    for option in ("--universal", "--python-version 3.11", "--generate-hashes"):
        assert option in command
    assert 'requires-python = ">=3.11"' in (REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8").splitlines()


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.server
def test_make_ui_stops_within_seconds_of_ctrl_c(tmp_path: Path) -> None:
    server = start_ui(tmp_path)
    try:
        started = time.monotonic()
        os.killpg(server.process.pid, signal.SIGINT)  # what a terminal sends: the whole foreground group

        with contextlib.suppress(subprocess.TimeoutExpired):
            server.process.wait(timeout=STOP_WITHIN)
        while _group_alive(server.process.pid) and time.monotonic() - started < STOP_WITHIN:
            time.sleep(0.1)
        elapsed = time.monotonic() - started

        assert not _group_alive(server.process.pid), f"still running after {elapsed:.1f} s:\n{server.log_tail()}"
        assert "Dagster services shut down." in server.log.read_text(encoding="utf-8", errors="replace")
    finally:
        stop_ui(server.process)
