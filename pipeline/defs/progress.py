"""Progress of long steps in the Dagster logs: done, total and rate, every few seconds."""

from __future__ import annotations

import time
from typing import Protocol


class _Log(Protocol):
    def info(self, msg: str) -> None: ...


class Progress:
    """Counts work done and logs ``done/total`` with the rate at most every ``every`` seconds, and at the end."""

    def __init__(self, log: _Log, total: int, what: str = "documents", every: float = 5.0) -> None:
        self.log, self.total, self.what, self.every = log, total, what, every
        self.done = 0
        self.started = self.last = time.monotonic()

    def advance(self, n: int) -> None:
        """Record ``n`` more done; log when ``every`` seconds passed since the last line, or when all are done."""
        self.done += n
        now = time.monotonic()
        if now - self.last >= self.every or (self.done >= self.total and self.total):
            rate = self.done / max(now - self.started, 1e-9)
            self.log.info(f"{self.what}: {self.done:,}/{self.total:,} done ({rate:,.1f} per second)")
            self.last = now
