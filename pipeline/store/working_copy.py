"""A run publishes the whole warehouse or nothing: it writes a working copy, swapped in whole at the end.

At the start of a run the published file (``figures.duckdb``) is copied to a
hidden working copy beside it (``.figures.duckdb.run-<token>``); every step of
the run reads and writes that copy. Only when every step and every check of
the run succeeded is the copy checkpointed and renamed over the published
file, in one ``rename``. A failed or killed run leaves the published file
exactly as it was; readers open the published file read-only and see the
previous complete warehouse for the whole run, never a half-written one and
never a lock. Copies left by killed runs are removed by the next run (runs
hold the warehouse lock, so no other run is using them). A published file in
another storage format than ``pipeline.store.storage.STORAGE_VERSION`` is
converted into it on the way to the working copy.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

from pipeline.common.errors import InputError
from pipeline.store.storage import STORAGE_NUMBER, STORAGE_VERSION, connect, copy_to_storage_version, storage_number

WORKING_MARK = ".run-"


class WarehouseError(InputError):
    """The warehouse file or its folder cannot be used (cannot be written, not a folder...)."""


def working_copy_path(published: Path, token: str) -> Path:
    """Where a run's working copy of ``published`` lives."""
    return published.with_name(f".{published.name}{WORKING_MARK}{token}")


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def stale_copies(published: Path) -> list[Path]:
    """Working copies (and their write-ahead logs) of ``published`` that some earlier run left."""
    if not published.parent.is_dir():
        return []
    return sorted(published.parent.glob(f".{published.name}{WORKING_MARK}*"))


def start_working_copy(published: Path, token: str) -> Path:
    """Remove stale copies, then copy ``published`` (if it exists) to a fresh working copy; return its path.

    Raises WarehouseError when the folder cannot hold the copy.
    """
    working = working_copy_path(published, token)
    if published.is_symlink() or (published.exists() and not _is_duckdb_file(published)):
        raise WarehouseError(published, "is not a DuckDB database file; point FIGURES_DUCKDB_PATH at the warehouse")
    try:
        published.parent.mkdir(parents=True, exist_ok=True)
        for stale in stale_copies(published):
            stale.unlink(missing_ok=True)
        if published.exists() and storage_number(published) != STORAGE_NUMBER:
            copy_to_storage_version(published, working)  # written by a DuckDB 1.x reader cannot open: converted
        elif published.exists():
            shutil.copyfile(published, working)
            if _wal(published).exists():  # left by a client that is not this pipeline: DuckDB replays it on open
                shutil.copyfile(_wal(published), _wal(working))
    except duckdb.Error as exc:
        discard_working_copy(working)
        problem = f"cannot be converted to DuckDB storage {STORAGE_VERSION} ({exc}); nothing was changed"
        raise WarehouseError(published, problem) from exc
    except OSError as exc:
        discard_working_copy(working)
        problem = f"cannot make this run's working copy beside it ({exc.strerror}: {exc.filename}); nothing was changed"
        raise WarehouseError(published, problem) from exc
    return working


def _is_duckdb_file(path: Path) -> bool:
    """Whether ``path`` starts like a DuckDB database file (the magic ``DUCK`` after the checksum)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(12)[8:12] == b"DUCK"
    except OSError:
        return False


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish_working_copy(working: Path, published: Path) -> None:
    """Checkpoint ``working`` and rename it over ``published``: readers see the old file or the new, whole."""
    if not working.exists():
        return
    try:
        if _wal(working).exists():
            with connect(working) as conn:
                conn.execute("checkpoint")
        _fsync(working)
        os.replace(working, published)
        _fsync(published.parent)
    except OSError as exc:
        discard_working_copy(working)
        problem = f"cannot be replaced by this run's warehouse ({exc.strerror}: {exc.filename}); it is unchanged"
        raise WarehouseError(published, problem) from exc


def discard_working_copy(working: Path) -> None:
    """Remove a working copy and its write-ahead log: the published warehouse stays as it was."""
    working.unlink(missing_ok=True)
    _wal(working).unlink(missing_ok=True)
