"""Keeps the test suite off the live project folders: ``sources/``, the warehouse, the release and ``.dagster_home/``.

Two layers. ``isolate_environment`` points every setting at a session folder
(a copy of the tests' own seed sources, a fresh warehouse path, export folder
and Dagster instance), so that code and subprocesses that fall back to the
settings never reach the live folders. ``LiveGuard`` is an audit hook
(``sys.addaudithook``) that records every file opened, listed, copied,
renamed or removed under a live folder from this process (by absolute path,
as the settings and ``REPO_ROOT`` give them; a relative path may be relative
to a directory descriptor, so it is not judged); the test during which it
happened fails, naming the path. So a document added to ``sources/``
cannot change the outcome of ``make test``.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from pipeline.common.settings import DUCKDB_PATH_ENV, EXPORTS_DIR_ENV, RELEASE_ENV, REPO_ROOT, SOURCES_DIR_ENV

#: The folders (and warehouse files) of the repository that only a real run may touch.
LIVE_PATHS: tuple[Path, ...] = (
    REPO_ROOT / "sources",
    REPO_ROOT / "warehouse" / "exports",
    REPO_ROOT / "warehouse" / "figures.duckdb",
    REPO_ROOT / ".dagster_home",
)
_LIVE_PREFIXES = tuple(str(p) for p in LIVE_PATHS)
#: Audit events whose path arguments are checked (``open`` covers reads and writes).
WATCHED_EVENTS = frozenset(
    {
        "open",
        "os.listdir",
        "os.scandir",
        "os.rename",
        "os.remove",
        "os.rmdir",
        "os.mkdir",
        "shutil.copytree",
        "shutil.copyfile",
        "shutil.rmtree",
        "os.truncate",
        "os.chmod",
    }
)


def live_path(event: str, args: tuple[object, ...]) -> str | None:
    """The live path an audit event touches, or None."""
    if event not in WATCHED_EVENTS:
        return None
    for arg in args:
        if isinstance(arg, int | bool) or arg is None:
            continue
        if isinstance(arg, bytes):
            arg = os.fsdecode(arg)
        if not isinstance(arg, str | os.PathLike):
            continue
        text = os.fspath(arg)
        if not os.path.isabs(text):  # relative to a directory descriptor (shutil.rmtree) or the cwd: unknowable
            continue
        text = os.path.normpath(text)
        for prefix in _LIVE_PREFIXES:
            # figures.duckdb also stands for its .wal, .lock and the run copies beside it
            if text == prefix or text.startswith(prefix + os.sep) or text.startswith(prefix + "."):
                return text
        if os.path.dirname(text) == str(REPO_ROOT / "warehouse") and os.path.basename(text).startswith(".figures"):
            return text
    return None


def _module_discovery() -> bool:
    """Whether the current call comes from ``pkgutil`` walking ``sys.path`` (plugin discovery lists every folder
    of the working directory to look for packages; it reads nothing)."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.endswith(f"{os.sep}pkgutil.py"):
            return True
        frame = frame.f_back
    return False


class LiveGuard:
    """Records touches of the live folders by this process (an audit hook cannot be removed: it only records)."""

    def __init__(self) -> None:
        self.touched: list[str] = []
        self.active = False

    def __call__(self, event: str, args: tuple[object, ...]) -> None:
        if not self.active:
            return
        path = live_path(event, args)
        if path is not None and not _module_discovery():
            self.active = False  # recording must not recurse into the hook
            try:
                self.touched.append(f"{event} {path}")
            finally:
                self.active = True

    def take(self) -> list[str]:
        """What was touched since the last call."""
        touched, self.touched = self.touched, []
        return touched


def isolate_environment(session_dir: Path, seed_sources: Path) -> dict[str, str]:
    """Point the project settings (and DAGSTER_HOME) at ``session_dir``; return the variables set."""
    sources = session_dir / "sources"
    shutil.copytree(seed_sources, sources)
    values = {
        SOURCES_DIR_ENV: str(sources),
        DUCKDB_PATH_ENV: str(session_dir / "warehouse" / "figures.duckdb"),
        EXPORTS_DIR_ENV: str(session_dir / "warehouse" / "exports"),
        "DAGSTER_HOME": str(session_dir / "dagster_home"),
        # Runs build the committed edition (as `make release`), whose version and date the tests know;
        # tests of local editions unset it.
        RELEASE_ENV: "1",
    }
    (session_dir / "dagster_home").mkdir()
    os.environ.update(values)
    return values


GUARD = LiveGuard()
sys.addaudithook(GUARD)
