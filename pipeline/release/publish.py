"""Publish a release folder, all or nothing.

Files are written into a fresh hidden sibling folder which then replaces the
export folder, so a failed or interrupted publication leaves the previous
release complete. If a run was killed between moving the old folder aside and
moving the new one in, the next publication puts the old one back first;
staging folders left by killed runs are removed.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path


def _staging_prefix(exports_dir: Path) -> str:
    return f".{exports_dir.name}-new-release-"  # specific, so that no folder of the user's matches it


def _old_dir(exports_dir: Path) -> Path:
    return exports_dir.with_name(f".{exports_dir.name}-old")


def recover(exports_dir: Path) -> None:
    """Undo what a killed publication left: restore a release moved aside, remove stale staging folders."""
    old = _old_dir(exports_dir)
    if old.is_dir() and not exports_dir.exists():
        old.rename(exports_dir)
    shutil.rmtree(old, ignore_errors=True)
    if exports_dir.parent.is_dir():
        for stale in exports_dir.parent.glob(_staging_prefix(exports_dir) + "*"):
            shutil.rmtree(stale, ignore_errors=True)


def stage(files: Mapping[str, bytes], exports_dir: Path) -> Path:
    """Write ``files`` (name → bytes) into a fresh hidden folder beside ``exports_dir``; return it."""
    exports_dir.parent.mkdir(parents=True, exist_ok=True)
    recover(exports_dir)
    staging = Path(tempfile.mkdtemp(prefix=_staging_prefix(exports_dir), dir=exports_dir.parent))
    try:
        for name, data in files.items():
            path = staging / name
            if path.parent != staging:
                raise ValueError(f"release file name {name!r} must be a plain file name")
            with open(path, "xb") as handle:  # a new file: never follows a link planted at its name
                handle.write(data)
        staging.chmod(0o755)  # mkdtemp makes it private; a release is for everyone
    except BaseException:
        discard(staging)
        raise
    return staging


def discard(staging: Path) -> None:
    """Remove a staged release that will not be published."""
    shutil.rmtree(staging, ignore_errors=True)


def publish(files: Mapping[str, bytes], exports_dir: Path) -> list[Path]:
    """Write ``files`` (name → bytes) as the whole content of ``exports_dir``, swapped in atomically."""
    staging = stage(files, exports_dir)
    try:
        swap_in(staging, exports_dir)
    except BaseException:
        discard(staging)
        raise
    return sorted(exports_dir.iterdir())


def swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging``; the old folder is removed only once the new one is in place."""
    old = None
    if target.exists():
        old = _old_dir(target)
        target.rename(old)
    staging.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def is_earlier_release(exports_dir: Path, package_file: str, name: str) -> bool:
    """Whether ``exports_dir`` is empty, absent, or holds a release of dataset ``name`` (its data package says so)."""
    if not exports_dir.exists() or (exports_dir.is_dir() and not any(exports_dir.iterdir())):
        return True
    package = exports_dir / package_file
    if not package.is_file() or package.is_symlink():
        return False
    try:
        data = json.loads(package.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("name") == name


def foreign_entries(exports_dir: Path, checksums_file: str) -> list[str]:
    """Entries of ``exports_dir`` that no release wrote: all but the checksum file and the files it lists.

    A release folder is replaced as a whole; this is what would be lost if
    ``exports_dir`` were not one (the warehouse folder, the sources folder).
    Empty when the folder is a release, is empty or does not exist.
    """
    if not exports_dir.exists():
        return []
    if not exports_dir.is_dir() or exports_dir.is_symlink():
        return [exports_dir.name]
    listed = {checksums_file}
    sums = exports_dir / checksums_file
    if sums.is_file() and not sums.is_symlink():
        listed |= {line.split("  ", 1)[1] for line in sums.read_text(errors="replace").splitlines() if "  " in line}
    return sorted(p.name for p in exports_dir.iterdir() if p.name not in listed or not p.is_file() or p.is_symlink())
