"""``python -m pipeline add-source``: copy a document into the sources folder and record its provenance.

The file is checked first (exists, a supported format whose bytes match its
extension, convertible to text, an id that is free and usable), then copied
byte for byte and described in its own provenance file beside it
(``report.pdf.provenance.yaml``) with the size and SHA-256 of its bytes: no
shared file is edited. Both writes go through a temporary file and a rename,
so an interrupted command leaves either the old state or the new one.
"""

from __future__ import annotations

import dataclasses
import fcntl
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
from pipeline.common.yamlfile import parse_yaml
from pipeline.convert import ConvertedText
from pipeline.sources.documents import (
    DOC_ID,
    DOCUMENT_SUFFIXES,
    LEGACY_PROVENANCE_FILE,
    LICENCE_SCHEMES,
    PROVENANCE_SUFFIX,
    SourceError,
    document_files,
    document_text,
    provenance_files,
    provenance_path,
    sha256_of,
    size_problem,
)

NO_DATE = "none"


@dataclass(frozen=True)
class NewSource:
    """What the user tells about a document to add; a title or date left out (None) is read from its metadata.

    ``published`` ``"none"`` says the document states no date; None (not given)
    takes the date from the document's metadata, if it has one.
    """

    file: Path
    title: str | None
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


def _read_document(file: Path) -> tuple[bytes, ConvertedText]:
    if file.is_dir():
        raise SourceError(file, "is a folder, not a document file")
    if not file.is_file():
        raise SourceError(file, "no such file" if not file.exists() else "is not a regular file")
    if file.suffix.lower() not in DOCUMENT_SUFFIXES:
        raise SourceError(file, f"a document must be a {', '.join(DOCUMENT_SUFFIXES)} file, not {file.suffix!r}")
    size = file.stat().st_size
    problem = size_problem(file, size)
    if problem is not None:
        raise SourceError(file, problem)
    data = file.read_bytes()
    try:
        converted = document_text(file, data)
    except SourceError as exc:
        hint = "; convert it to UTF-8 first" if "UTF-8" in exc.problem and file.suffix in (".txt", ".md") else ""
        raise SourceError(file, exc.problem + hint) from None
    return data, converted


def with_metadata(new: NewSource, converted: ConvertedText) -> NewSource:
    """``new`` with its title and date taken from the document's metadata where the user gave none."""
    title = new.title if new.title is not None else converted.title
    if title is None or (new.title is None and not title.strip()):  # an empty --title: "must not be empty"
        raise ValueError(f"--title is needed for {new.file}: its metadata gives no title")
    published = new.published if new.published is not None else (converted.published or NO_DATE)
    return dataclasses.replace(new, title=" ".join(title.split()), published=published)


def provenance_entry(new: NewSource, data: bytes) -> dict[str, Any]:
    """The provenance record of ``new``, fields in the order provenance files use."""
    texts = {}
    for name, value in {"title": new.title or "", "publisher": new.publisher, "license": new.license}.items():
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


def render_provenance(file_name: str, entry: dict[str, Any]) -> str:
    """The text of a document's provenance file: a comment naming the document, then the fields in order."""
    body = yaml.safe_dump(entry, sort_keys=False, allow_unicode=True, width=10_000)
    return f"# Provenance of {file_name} (written by add-source; size and SHA-256 are of the original bytes).\n{body}"


def _verify_rendering(path: Path, text: str, entry: dict[str, Any]) -> None:
    """The rendered provenance reads back, with this project's loader, as exactly ``entry``."""
    read_back = parse_yaml(text)
    if read_back != entry:
        raise SourceError(path, "could not write the provenance so that it reads back unchanged; report this")


_FILE_MODE = 0o644


def _umask() -> int:
    """The process's umask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a new temporary file beside ``path`` (created exclusively, never a link followed), then
    rename it over ``path``: readers see the old file or the new one."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".add-source.tmp", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fchmod(fh.fileno(), _FILE_MODE & ~_umask())  # mkstemp makes 0600; sources are files people share
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _check_id_free(sources_dir: Path, source: Path, dest: Path, replace: bool) -> bool:
    """Whether ``dest`` replaces a recorded document; raises if its id is taken and replacing was not asked for."""
    doc_id = dest.stem
    same_file = dest.exists() and source.resolve() == dest.resolve()
    others = [p for p in document_files(sources_dir) if p.is_file() and p.stem == doc_id]
    others = [p for p in others if not (same_file and p.resolve() == dest.resolve())]
    described = (p.name[: -len(PROVENANCE_SUFFIX)] for p in provenance_files(sources_dir))
    recorded = [name for name in described if Path(name).stem == doc_id]
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
    data, converted = _read_document(new.file)
    new = with_metadata(new, converted)
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
    legacy = sources_dir / LEGACY_PROVENANCE_FILE
    if legacy.exists():
        raise SourceError(
            legacy, "is the shared provenance file of earlier versions; run `python -m pipeline migrate-sources` first"
        )
    prov_path = provenance_path(dest)
    text = render_provenance(dest.name, entry)
    _verify_rendering(prov_path, text, entry)
    replaced = _check_id_free(sources_dir, new.file, dest, replace)
    previous = dest.read_bytes() if dest.exists() else None
    write_atomically(dest, data)
    try:
        write_atomically(prov_path, text.encode("utf-8"))
    except BaseException:
        if previous is None:
            dest.unlink(missing_ok=True)
        else:
            write_atomically(dest, previous)
        raise
    return AddedSource(path=dest, entry=entry, replaced=replaced)
