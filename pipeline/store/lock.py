"""One run at a time per warehouse: an exclusive lock on ``<database>.lock``, held for the whole run.

Runs on one warehouse take turns as whole runs, from any process (the command
line, the UI's run workers, tests): each works on its own copy of the
warehouse (``pipeline.store.working_copy``), which only makes sense if no
other run publishes in between. The operating system releases the lock when
the process dies, so a killed run never blocks the next.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


def lock_path(database: Path) -> Path:
    """The lock file of ``database``."""
    return database.with_name(database.name + ".lock")


class WarehouseLock:
    """An exclusive ``flock`` on the lock file of one warehouse."""

    def __init__(self, database: Path) -> None:
        self.path = lock_path(database)
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        """Wait until no other run holds the lock, then hold it; OSError when its folder cannot hold the lock."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a")  # noqa: SIM115 (held open until release)
        fcntl.flock(handle, fcntl.LOCK_EX)
        self._handle = handle

    def release(self) -> None:
        """Let the next run go (nothing if not held)."""
        if self._handle is not None:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None


@contextmanager
def warehouse_lock(database: Path) -> Iterator[None]:
    """Hold the lock of ``database`` for the block."""
    lock = WarehouseLock(database)
    lock.acquire()
    try:
        yield
    finally:
        lock.release()
