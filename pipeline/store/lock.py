"""One command-line run at a time per warehouse: an exclusive lock on ``<database>.lock``."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def warehouse_lock(database: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``<database>.lock`` while a command-line run writes the warehouse.

    Command-line runs on one warehouse then take turns as whole runs, not step
    by step: the pool's slots are created lazily by the first step that claims
    one, and two processes starting at once on a fresh instance can both
    create a slot. The operating system releases the lock if the process dies.
    """
    database.parent.mkdir(parents=True, exist_ok=True)
    with open(database.with_name(database.name + ".lock"), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
