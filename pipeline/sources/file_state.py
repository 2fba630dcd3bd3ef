"""What changed in the sources folder: a file is read and hashed again only when its size or modification time did.

The warehouse keeps, for each document and provenance file, the size, modification time and SHA-256 it had
when it was last read and verified (``source_files``). A file whose size and modification time are unchanged is
taken to be unchanged, as ``make`` and ``rsync`` do. So that a change cannot hide inside the file system's time
resolution (a file rewritten with the same size in the same tick), a file modified less than ``RACY_NS`` before
it was read is always read again next time, the rule git applies to its index ("racy" entries).
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

#: A file modified this close (or closer) before it was read is read again next time.
RACY_NS = 2_000_000_000


@dataclass(frozen=True, slots=True)
class FileState:
    """One file as last read: its size, modification time and SHA-256, and when it was read."""

    file_name: str
    bytes: int
    mtime_ns: int
    sha256: str
    checked_ns: int


def visible_files(sources_dir: Path) -> dict[str, os.stat_result]:
    """The status (``lstat``) of every visible regular file directly in ``sources_dir``, by name."""
    out = {}
    with os.scandir(sources_dir) as entries:
        for entry in entries:
            if entry.name.startswith("."):
                continue
            status = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(status.st_mode):
                out[entry.name] = status
    return out


def is_unchanged(status: os.stat_result, state: FileState | None) -> bool:
    """Whether a file with ``status`` is the file ``state`` recorded (same size and modification time, not racy)."""
    return (
        state is not None
        and status.st_size == state.bytes
        and status.st_mtime_ns == state.mtime_ns
        and state.mtime_ns < state.checked_ns - RACY_NS
    )


def state_of(name: str, status: os.stat_result, sha256: str, checked_ns: int) -> FileState:
    """The state to record for a file read at ``checked_ns`` (taken before it was read) with ``status``."""
    return FileState(name, status.st_size, status.st_mtime_ns, sha256, checked_ns)


def file_digests(sources_dir: Path, known: Mapping[str, FileState]) -> dict[str, str]:
    """SHA-256 of every visible regular file of ``sources_dir`` by name: ``known`` for unchanged files, else read."""
    digests = {}
    for name, status in sorted(visible_files(sources_dir).items()):
        state = known.get(name)
        if is_unchanged(status, state):
            assert state is not None
            digests[name] = state.sha256
        else:
            digests[name] = hashlib.sha256((sources_dir / name).read_bytes()).hexdigest()
    return digests
