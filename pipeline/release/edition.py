"""Which edition a run publishes: the committed release, or a local build from changed sources.

``make release`` (``python -m pipeline run --release``) builds the committed
release: the version of ``pyproject.toml`` and the date of its changelog entry,
so that the same sources always give the same bytes. Every release records a
fingerprint of the sources it was built from (``sourcesFingerprint`` in
``datapackage.json``). Any other run compares its sources with those of the
committed release it replaces: the same sources give that release again,
byte for byte; changed sources (a document added, a claim edited), or a
folder holding no committed release to compare with, give
``<version>+local``, dated the day of the build (``SOURCE_DATE_EPOCH`` when
set), with a changelog entry saying it is no published release. A local build
remembers the fingerprint of the committed release it came from
(``baseSourcesFingerprint``), so that reverting the sources gives the
committed release back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pipeline.release.info import Change, ReleaseInfo

LOCAL_SUFFIX = "+local"


def sources_fingerprint(sources_dir: Path, known: Mapping[str, str] | None = None) -> str:
    """SHA-256 over the path and content of every visible regular file of the sources folder, in path order.

    ``known`` gives the SHA-256 of files known to be unchanged since they were hashed (by path relative to the
    folder); they are not read again.
    """
    known = known or {}
    digest = hashlib.sha256()
    files = sorted(
        p
        for p in sources_dir.rglob("*")
        if p.is_file()
        and not p.is_symlink()
        and not any(part.startswith(".") for part in p.relative_to(sources_dir).parts)
    )
    for path in files:
        relative = path.relative_to(sources_dir).as_posix()
        content = known.get(relative) or hashlib.sha256(path.read_bytes()).hexdigest()
        digest.update(f"{relative}\0{content}\n".encode())
    return digest.hexdigest()


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def read_previous_package(package: Path) -> dict[str, Any] | None:
    """The data package of the release a run replaces, or None if there is none (or it cannot be read)."""
    try:
        data = json.loads(package.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def build_day() -> str:
    """Today (UTC), or the day of ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else dt.datetime.now(dt.UTC)
    return moment.date().isoformat()


def edition(info: ReleaseInfo, fingerprint: str, previous: dict[str, Any] | None, official: bool) -> ReleaseInfo:
    """``info`` as this run publishes it: the committed release, or a dated ``+local`` build (module docstring)."""
    committed = dataclasses.replace(info, sources_fingerprint=fingerprint)
    if official:
        return committed
    previous = previous or {}
    previous_version = str(previous.get("version", ""))
    local = LOCAL_SUFFIX in previous_version
    base = previous.get("baseSourcesFingerprint") if local else previous.get("sourcesFingerprint")
    if base == fingerprint and previous_version.split("+")[0] == info.version:
        return committed
    version = f"{info.version}{LOCAL_SUFFIX}"
    note = (
        f"Built locally from sources that differ from those of release {info.version}; not a published release. "
        "`make release` builds the committed release."
    )
    return dataclasses.replace(
        committed,
        version=version,
        changes=(Change(version=version, date=build_day(), notes=(note,)), *info.changes),
        base_fingerprint=base if isinstance(base, str) else None,
    )
