"""``python -m pipeline add-source``: copy a document into the sources folder and record its provenance.

The file is checked first (exists, ``.txt`` or ``.md``, not empty, UTF-8, an id
that is free and usable), then copied byte for byte and described in
``provenance.yaml`` with its size and SHA-256. The provenance file is edited as
text, not re-dumped: its comments, its order and every other entry stay exactly
as they were, and the result is parsed back and compared before it replaces the
old file. Both writes go through a temporary file and a rename, so an
interrupted command leaves either the old state or the new one.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pipeline.common.isodates import iso_date
from pipeline.common.values import ADDRESS_SCHEMES, brief, check_address, check_one_line
from pipeline.common.yamlfile import load_yaml, parse_yaml
from pipeline.sources.documents import (
    DOC_ID,
    DOCUMENT_SUFFIXES,
    LICENCE_SCHEMES,
    PROVENANCE_FILE,
    SourceError,
    document_text,
    sha256_of,
)

NO_DATE = "none"
NEW_PROVENANCE_HEADER = (
    "# Provenance of every source document: one entry per file in this folder.\n"
    "# Add documents with `python -m pipeline add-source`, not by hand.\n"
)


@dataclass(frozen=True)
class NewSource:
    """What the user tells about a document to add."""

    file: Path
    title: str
    publisher: str
    published: str | None
    license: str
    url: str | None = None
    license_url: str | None = None
    doc_id: str | None = None


@dataclass(frozen=True)
class AddedSource:
    """Where the document went and the provenance entry written for it."""

    path: Path
    entry: dict[str, Any]
    replaced: bool

    @property
    def doc_id(self) -> str:
        return self.path.stem


def parse_published(value: str | None) -> str | None:
    """An ISO 8601 day, month or year (checked against the calendar), or None for ``none``/empty."""
    if value is None or value.strip().lower() in ("", NO_DATE, "null"):
        return None
    try:
        return iso_date(value, "year")
    except ValueError:
        raise ValueError(
            f"--published must be an ISO 8601 date (2024-06-26, 2024-06 or 2024) or '{NO_DATE}', got {value!r}"
        ) from None


def _check_url(option: str, url: str | None, schemes: tuple[str, ...] = ADDRESS_SCHEMES) -> str | None:
    if url is None or not url.strip():
        return None
    try:
        return check_address(url, schemes)
    except ValueError as exc:
        raise ValueError(f"{option} {exc}") from None


def _read_document(file: Path) -> bytes:
    if file.is_dir():
        raise SourceError(file, "is a folder, not a document file")
    if not file.is_file():
        raise SourceError(file, "no such file" if not file.exists() else "is not a regular file")
    if file.suffix not in DOCUMENT_SUFFIXES:
        raise SourceError(file, f"a document must be a {' or '.join(DOCUMENT_SUFFIXES)} file, not {file.suffix!r}")
    data = file.read_bytes()
    try:
        document_text(file, data)
    except SourceError as exc:
        hint = "; convert it to UTF-8 first" if "UTF-8" in exc.problem else ""
        raise SourceError(file, exc.problem + hint) from None
    return data


def provenance_entry(new: NewSource, data: bytes) -> dict[str, Any]:
    """The provenance record of ``new``, fields in the order provenance.yaml uses."""
    texts = {}
    for name, value in {"title": new.title, "publisher": new.publisher, "license": new.license}.items():
        if not value or not value.strip():
            raise ValueError(f"--{name} must not be empty")
        try:
            texts[name] = check_one_line(value)
        except ValueError as exc:
            raise ValueError(f"--{name} {exc}") from None
    entry: dict[str, Any] = {
        "title": texts["title"],
        "publisher": texts["publisher"],
        "published": parse_published(new.published),
        "url": _check_url("--url", new.url),
        "license": texts["license"],
    }
    license_url = _check_url("--license-url", new.license_url, LICENCE_SCHEMES)
    if license_url is not None:
        entry["license_url"] = license_url
    entry["bytes"] = len(data)
    entry["sha256"] = sha256_of(data)
    return entry


def _scalar(value: Any) -> str:
    """A YAML scalar: plain where it reads back unchanged, else double-quoted (JSON quoting is valid YAML)."""
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    plain_ok = "\n" not in text and text == text.strip() and text != ""
    if plain_ok:
        try:
            # as any YAML reader sees it (which reads 2024-06-26 as a date), not only this project's loader
            plain_ok = yaml.safe_load(f"k: {text}") == {"k": text}
        except yaml.YAMLError:
            plain_ok = False
    return text if plain_ok else json.dumps(text, ensure_ascii=False)


def render_entry(file_name: str, entry: dict[str, Any]) -> str:
    """The lines of one entry under ``documents:``, two-space indented like the rest of the file."""
    lines = [f"  {_scalar(file_name)}:"]
    lines += [f"    {key}: {_scalar(value)}" for key, value in entry.items()]
    return "\n".join(lines) + "\n"


def _last_content_line(node: yaml.Node) -> int:
    """0-based index of the last line holding content of ``node`` (trailing comments excluded)."""
    if isinstance(node, yaml.MappingNode):
        return max((_last_content_line(v) for _, v in node.value), default=node.start_mark.line)
    if isinstance(node, yaml.SequenceNode):
        return max((_last_content_line(v) for v in node.value), default=node.start_mark.line)
    end = node.end_mark
    return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line


def _documents_node(path: Path, text: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The key and value nodes of the top-level ``documents:`` (None if the file holds no YAML at all)."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise SourceError(path, f"not valid YAML: {exc}") from exc
    if root is None:
        return None
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "documents":
                return key, value
    raise SourceError(path, "expected a top-level 'documents:' mapping of file name to provenance")


def updated_provenance_text(path: Path, text: str, file_name: str, entry: dict[str, Any]) -> str:
    """``text`` with the entry of ``file_name`` replaced, or appended to ``documents:``; nothing else changes."""
    block = render_entry(file_name, entry)
    found = _documents_node(path, text)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if found is None:
        return "".join(lines) + "documents:\n" + block
    key, documents = found
    if isinstance(documents, yaml.ScalarNode) and documents.value in ("", "~", "null"):
        at = key.start_mark.line
        return "".join(lines[:at] + ["documents:\n", block] + lines[_last_content_line(documents) + 1 :])
    if not isinstance(documents, yaml.MappingNode) or documents.flow_style:
        raise SourceError(path, "'documents:' must be a block mapping (one entry per indented file name)")
    for entry_key, value in documents.value:
        if entry_key.value == file_name:
            first, last = entry_key.start_mark.line, _last_content_line(value)
            return "".join(lines[:first] + [block] + lines[last + 1 :])
    at = _last_content_line(documents) + 1
    return "".join(lines[:at] + [block] + lines[at:])


def _entries(text: str) -> dict[str, Any]:
    raw = parse_yaml(text) or {}
    return dict(raw.get("documents") or {})


def _verify_edit(path: Path, old_text: str, new_text: str, file_name: str, entry: dict[str, Any]) -> None:
    """The edited file parses, holds ``entry`` for ``file_name`` and every other entry unchanged, in order."""
    old, new = _entries(old_text), _entries(new_text)
    expected = {k: v for k, v in old.items() if k != file_name}
    actual = {k: v for k, v in new.items() if k != file_name}
    read_back = dict(new.get(file_name) or {})
    if isinstance(read_back.get("published"), dt.date):
        read_back["published"] = read_back["published"].isoformat()
    if list(expected.items()) != list(actual.items()) or read_back != entry:
        raise SourceError(path, "could not add the entry without changing others; edit the file by hand")


def _write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a new temporary file beside ``path`` (created exclusively, never a link followed), then
    rename it over ``path``: readers see the old file or the new one."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".add-source.tmp", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _check_id_free(sources_dir: Path, source: Path, dest: Path, entries: dict[str, Any], replace: bool) -> bool:
    """Whether ``dest`` replaces a recorded document; raises if its id is taken and replacing was not asked for."""
    doc_id = dest.stem
    same_file = dest.exists() and source.resolve() == dest.resolve()
    others = [p for p in sources_dir.iterdir() if p.is_file() and p.suffix in DOCUMENT_SUFFIXES and p.stem == doc_id]
    others = [p for p in others if not (same_file and p.resolve() == dest.resolve())]
    recorded = [name for name in entries if Path(name).stem == doc_id]
    clash = sorted({p.name for p in others} | set(recorded))
    if not clash:
        return False
    if not replace:
        raise SourceError(dest, f"the id {doc_id!r} is taken by {', '.join(clash)}; pass --replace to replace it")
    if clash != [dest.name]:
        raise SourceError(dest, f"the id {doc_id!r} is taken by {', '.join(clash)}; remove it before adding this file")
    return True


def add_source(sources_dir: Path, new: NewSource, replace: bool = False) -> AddedSource:
    """Copy ``new.file`` into ``sources_dir`` and write its provenance entry; return what was written.

    Raises SourceError (naming the file) or ValueError (naming the option) and
    changes nothing when the document or its description is unusable.
    """
    if not sources_dir.is_dir():
        raise SourceError(sources_dir, "sources folder does not exist")
    data = _read_document(new.file)
    entry = provenance_entry(new, data)
    dest = sources_dir / f"{check_doc_id(new.doc_id, new.file)}{new.file.suffix}"
    if dest.is_symlink() or (dest.exists() and not dest.is_file()):
        raise SourceError(dest, "is not a regular file of the sources folder; remove it first")
    with _folder_lock(sources_dir):
        return _add_locked(sources_dir, new, data, entry, dest, replace)


def check_doc_id(doc_id: str | None, file: Path) -> str:
    """The id to store ``file`` under (``doc_id``, else its stem), checked to be a plain name."""
    candidate = doc_id if doc_id is not None else file.stem
    if not DOC_ID.match(candidate):
        option = "--id" if doc_id is not None else "its file stem"
        raise SourceError(
            file,
            f"the document id {brief(candidate)} ({option}) may hold only letters, digits, '_', '-' and '.', "
            "may not start with '.' and has at most 150 characters" + ("" if doc_id is not None else "; use --id"),
        )
    return candidate


@contextmanager
def _folder_lock(sources_dir: Path) -> Iterator[None]:
    """One ``add-source`` at a time per sources folder (a lock on the folder itself, so no file is left in it):
    concurrent calls take turns, and none loses an entry."""
    fd = os.open(sources_dir, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _add_locked(
    sources_dir: Path, new: NewSource, data: bytes, entry: dict[str, Any], dest: Path, replace: bool
) -> AddedSource:
    prov_path = sources_dir / PROVENANCE_FILE
    old_text = NEW_PROVENANCE_HEADER
    if prov_path.exists() or prov_path.is_symlink():
        load_yaml(prov_path, SourceError)  # readable, valid YAML, no duplicate key: or a one-line error naming it
        old_text = prov_path.read_text(encoding="utf-8")
    new_text = updated_provenance_text(prov_path, old_text, dest.name, entry)
    replaced = _check_id_free(sources_dir, new.file, dest, _entries(old_text), replace)
    _verify_edit(prov_path, old_text, new_text, dest.name, entry)

    previous = dest.read_bytes() if dest.exists() else None
    _write_atomically(dest, data)
    try:
        _write_atomically(prov_path, new_text.encode("utf-8"))
    except BaseException:
        if previous is None:
            dest.unlink(missing_ok=True)
        else:
            _write_atomically(dest, previous)
        raise
    return AddedSource(path=dest, entry=entry, replaced=replaced)
