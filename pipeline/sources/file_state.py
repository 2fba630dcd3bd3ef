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


def visible_files(sources_dir: Path, follow_symlinks: bool = False) -> dict[str, os.stat_result]:
    """The status of every visible regular file directly in ``sources_dir``, by name (symbolic links left out,
    unless ``follow_symlinks``: then a link to a regular file counts, with the status of its target)."""
    out = {}
    with os.scandir(sources_dir) as entries:
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                status = entry.stat(follow_symlinks=follow_symlinks)
            except FileNotFoundError:  # a dangling link, or a file removed meanwhile
                continue
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


def folder_states(sources_dir: Path, known: Mapping[str, FileState], checked_ns: int) -> dict[str, FileState]:
    """The state of every visible file of ``sources_dir`` (links followed), by name: ``known`` for unchanged files,
    else read and hashed now (``checked_ns``, taken before)."""
    out = {}
    for name, status in sorted(visible_files(sources_dir, follow_symlinks=True).items()):
        state = known.get(name)
        if state is not None and is_unchanged(status, state):
            out[name] = state
        else:
            digest = hashlib.sha256((sources_dir / name).read_bytes()).hexdigest()
            out[name] = state_of(name, status, digest, checked_ns)
    return out
