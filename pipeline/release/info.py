"""What the release says about itself: name, title, licence, creators, version and dated changes.

Read from ``sources/release.yaml`` (reviewed like code) and the version in
``pyproject.toml``. The date of a release comes from its changelog entry, never
from the clock, so that rebuilding the same sources gives byte-identical files
(a ``+local`` build from changed sources is dated the day it is built; see
``pipeline.release.edition``).
Errors name the file and what is wrong.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.common.errors import InputError
from pipeline.common.isodates import iso_date
from pipeline.common.values import check_address
from pipeline.common.yamlfile import load_yaml

RELEASE_FILE = "release.yaml"
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_FIELDS = {"name", "title", "description", "license", "creators", "keywords", "homepage", "changes"}
_REQUIRED = ("name", "title", "description", "license", "creators", "changes")


class ReleaseError(InputError):
    """The release cannot be built as asked; the message names the file (or table) and the problem."""


@dataclass(frozen=True, slots=True)
class Licence:
    """A licence as Data Package and CFF want it: SPDX-style name, title, address."""

    name: str | None
    title: str
    path: str | None


@dataclass(frozen=True, slots=True)
class Change:
    """One dated changelog entry."""

    version: str
    date: str
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReleaseInfo:
    """Everything the release states about itself besides its tables and sources."""

    name: str
    title: str
    description: str
    version: str
    licence: Licence
    creators: tuple[str, ...]
    keywords: tuple[str, ...]
    homepage: str | None
    changes: tuple[Change, ...]
    #: SHA-256 of the sources the release is built from (``pipeline.release.edition``); empty until known.
    sources_fingerprint: str = ""
    #: For a ``+local`` build: the fingerprint of the committed release's sources it departs from, if known.
    base_fingerprint: str | None = None

    @property
    def current(self) -> Change:
        """The changelog entry of this release's version."""
        return next(c for c in self.changes if c.version == self.version)

    @property
    def date(self) -> str:
        """Release date (ISO 8601 day) from the changelog entry of this version."""
        return self.current.date


def project_version(pyproject: Path) -> str:
    """The ``[project] version`` of ``pyproject``: the version of the release."""
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        version = data["project"]["version"]
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise ReleaseError(pyproject, f"cannot read [project] version: {exc}") from exc
    if not isinstance(version, str) or not version:
        raise ReleaseError(pyproject, "[project] version must be a non-empty string")
    return version


def _text(path: Path, where: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ReleaseError(path, f"{where} must be a non-empty string")
    return " ".join(value.split())


def _licence(path: Path, raw: Any) -> Licence:
    if not isinstance(raw, dict) or "title" not in raw or not ({"name", "path"} & set(raw)):
        raise ReleaseError(path, "license must be a mapping with a title and a name (SPDX id) or a path (address)")
    return Licence(
        name=raw.get("name"),
        title=_text(path, "license.title", raw["title"]),
        path=_address(path, "license.path", raw.get("path")),
    )


def _address(path: Path, where: str, value: Any) -> str | None:
    if value is None:
        return None
    try:
        return check_address(value)
    except ValueError as exc:
        raise ReleaseError(path, f"{where} {exc}") from None


def _day(path: Path, where: str, value: Any) -> str:
    try:
        return iso_date(value, "day")
    except ValueError as exc:
        raise ReleaseError(path, f"{where} must be an ISO 8601 day (YYYY-MM-DD), got {value!r}") from exc


def _changes(path: Path, raw: Any) -> tuple[Change, ...]:
    if not isinstance(raw, list) or not raw:
        raise ReleaseError(path, "changes must be a non-empty list of {version, date, notes}")
    changes: list[Change] = []
    for i, entry in enumerate(raw):
        where = f"changes[{i}]"
        if not isinstance(entry, dict) or set(entry) != {"version", "date", "notes"}:
            raise ReleaseError(path, f"{where} must have exactly the fields version, date and notes")
        notes = entry["notes"]
        if not isinstance(notes, list) or not notes:
            raise ReleaseError(path, f"{where}.notes must be a non-empty list")
        changes.append(
            Change(
                version=_text(path, f"{where}.version", str(entry["version"])),
                date=_day(path, f"{where}.date", entry["date"]),
                notes=tuple(_text(path, f"{where}.notes", n) for n in notes),
            )
        )
    versions = [c.version for c in changes]
    duplicates = sorted({v for v in versions if versions.count(v) > 1})
    if duplicates:
        raise ReleaseError(path, f"changes list version(s) more than once: {', '.join(duplicates)}")
    return tuple(changes)


def read_release_info(sources_dir: Path, pyproject: Path) -> ReleaseInfo:
    """Parse ``<sources_dir>/release.yaml`` and the version of ``pyproject``; raise ReleaseError if unusable."""
    path = sources_dir / RELEASE_FILE
    if not path.is_file():
        raise ReleaseError(path, "release description is missing")
    raw = load_yaml(path, ReleaseError)
    if not isinstance(raw, dict):
        raise ReleaseError(path, "expected a mapping of fields")
    missing = [f for f in _REQUIRED if f not in raw]
    if missing:
        raise ReleaseError(path, f"lacks field(s): {', '.join(missing)}")
    unknown = sorted(set(raw) - _FIELDS)
    if unknown:
        raise ReleaseError(path, f"unknown field(s): {', '.join(unknown)}")
    name = str(raw["name"])
    if not _NAME.match(name):
        raise ReleaseError(path, f"name must be lowercase letters, digits, '.', '_' or '-', got {name!r}")
    creators = raw["creators"]
    if not isinstance(creators, list) or not creators or not all(isinstance(c, dict) and "name" in c for c in creators):
        raise ReleaseError(path, "creators must be a non-empty list of {name: ...}")
    keywords = raw.get("keywords") or []
    if not isinstance(keywords, list):
        raise ReleaseError(path, "keywords must be a list")
    version = project_version(pyproject)
    changes = _changes(path, raw["changes"])
    if version not in {c.version for c in changes}:
        raise ReleaseError(path, f"changes has no entry for version {version} (the version in {pyproject.name})")
    return ReleaseInfo(
        name=name,
        title=_text(path, "title", raw["title"]),
        description=_text(path, "description", raw["description"]),
        version=version,
        licence=_licence(path, raw["license"]),
        creators=tuple(_text(path, "creators[].name", c["name"]) for c in creators),
        keywords=tuple(_text(path, "keywords[]", str(k)) for k in keywords),
        homepage=_address(path, "homepage", raw.get("homepage")),
        changes=changes,
    )
