"""Source documents and their provenance: read, verify, refuse anything doubtful.

The sources folder holds the documents (``*.txt``, ``*.md``) and one
``provenance.yaml`` describing each of them. Every check here runs before any
document is handed to the pipeline, so that bad input stops a run before
anything already stored is touched. Errors name the file and the problem.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.common.errors import InputError
from pipeline.common.isodates import iso_date
from pipeline.common.values import ADDRESS_SCHEMES, brief, check_address, check_one_line
from pipeline.common.yamlfile import load_yaml

PROVENANCE_FILE = "provenance.yaml"
DOCUMENT_SUFFIXES = (".txt", ".md")
REQUIRED_FIELDS = ("title", "publisher", "published", "url", "license", "bytes", "sha256")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
#: A document larger than this is refused (a text of 100 MB is some 30,000 pages).
MAX_DOCUMENT_BYTES = 100_000_000
#: A document id: letters, digits, '_', '-' and '.', not starting with '.' (no hidden files, no '..', no '/'),
#: at most 150 characters (file systems refuse longer names once the temporary-file suffix is added).
DOC_ID = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,149}$")
FILE_NAME_RULE = "no folder, not hidden, ending in .txt or .md"
SYMLINK_PROBLEM = "is a symbolic link; the sources folder holds the documents themselves (add it with add-source)"
#: A licence may also be stated by writing to someone.
LICENCE_SCHEMES = (*ADDRESS_SCHEMES, "mailto")


class SourceError(InputError):
    """A source document or its provenance is unusable; the message names the file."""


@dataclass(frozen=True, slots=True)
class Provenance:
    """What is known of where a document comes from, as recorded in provenance.yaml."""

    file_name: str
    title: str
    publisher: str
    published: str | None
    url: str | None
    license: str
    license_url: str | None
    bytes: int
    sha256: str

    @property
    def doc_id(self) -> str:
        """The document's id: its file stem."""
        return Path(self.file_name).stem


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A verified document: its provenance and its text (the file's UTF-8 content, unchanged)."""

    provenance: Provenance
    path: Path
    text: str

    @property
    def doc_id(self) -> str:
        return self.provenance.doc_id


def sha256_of(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def _plain_file_name(name: str) -> bool:
    """Whether ``name`` names a visible document file directly in the folder (no ``/``, no ``..``)."""
    return (
        name == Path(name).name
        and "\\" not in name
        and not name.startswith(".")
        and Path(name).suffix in DOCUMENT_SUFFIXES
        and not any(ord(c) < 32 for c in name)
    )


def _check_date(path: Path, name: str, value: Any) -> str | None:
    if value is None:
        return None
    try:
        return iso_date(value, "year")
    except ValueError as exc:
        raise SourceError(path, f"entry {name!r}: published {exc}, or null") from None


def _check_address(path: Path, name: str, field: str, value: Any, schemes: tuple[str, ...]) -> str | None:
    if value is None:
        return None
    try:
        return check_address(value, schemes)
    except ValueError as exc:
        raise SourceError(path, f"entry {name!r}: {field} {exc}, or null") from None


def _parse_entry(path: Path, name: str, entry: Any) -> Provenance:
    if not _plain_file_name(name):
        raise SourceError(path, f"entry {brief(name)} must be the name of a file of this folder ({FILE_NAME_RULE})")
    if not isinstance(entry, dict):
        raise SourceError(path, f"entry {name!r} must be a mapping of fields")
    missing = [f for f in REQUIRED_FIELDS if f not in entry]
    if missing:
        raise SourceError(path, f"entry {name!r} lacks field(s): {', '.join(missing)}")
    unknown = sorted(set(entry) - set(REQUIRED_FIELDS) - {"license_url"})
    if unknown:
        raise SourceError(path, f"entry {name!r} has unknown field(s): {', '.join(unknown)}")
    texts = {}
    for field in ("title", "publisher", "license"):
        try:
            texts[field] = check_one_line(entry[field])
        except ValueError as exc:
            raise SourceError(path, f"entry {name!r}: {field} {exc}") from None
    if not isinstance(entry["bytes"], int) or isinstance(entry["bytes"], bool) or entry["bytes"] < 0:
        raise SourceError(path, f"entry {name!r}: bytes must be a non-negative integer")
    sha = str(entry["sha256"])
    if not _SHA256.match(sha):
        raise SourceError(path, f"entry {name!r}: sha256 must be 64 lowercase hex digits")
    return Provenance(
        file_name=name,
        title=texts["title"],
        publisher=texts["publisher"],
        published=_check_date(path, name, entry["published"]),
        url=_check_address(path, name, "url", entry["url"], ADDRESS_SCHEMES),
        license=texts["license"],
        license_url=_check_address(path, name, "license_url", entry.get("license_url"), LICENCE_SCHEMES),
        bytes=entry["bytes"],
        sha256=sha,
    )


def read_provenance(sources_dir: Path) -> dict[str, Provenance]:
    """Parse ``provenance.yaml`` into records keyed by file name; structural errors raise SourceError."""
    path = sources_dir / PROVENANCE_FILE
    if not sources_dir.is_dir():
        raise SourceError(sources_dir, "the sources folder does not exist or is not a folder")
    if not path.is_file() and not path.is_symlink():
        raise SourceError(path, "provenance file is missing")
    raw = load_yaml(path, SourceError)
    if not isinstance(raw, dict) or not isinstance(raw.get("documents"), dict):
        raise SourceError(path, "expected a top-level 'documents:' mapping of file name to provenance")
    names = [name for name in raw["documents"] if not isinstance(name, str)]
    if names:
        raise SourceError(path, f"entry {brief(names[0])}: a document's key must be its file name, as text")
    return {name: _parse_entry(path, name, entry) for name, entry in raw["documents"].items()}


def document_files(sources_dir: Path) -> list[Path]:
    """The document files of the sources folder (symbolic links included, to be refused), sorted by name."""
    return sorted(p for p in sources_dir.iterdir() if (p.is_file() or p.is_symlink()) and p.suffix in DOCUMENT_SUFFIXES)


def _catalogue_problems(
    sources_dir: Path, files: list[Path], provenance: dict[str, Provenance]
) -> Iterator[SourceError]:
    """Every mismatch between files and provenance entries, in a stable order."""
    by_stem: dict[str, Path] = {}
    for path in files:
        if path.stem in by_stem:
            yield SourceError(path, f"two documents share the id {path.stem!r} (also {by_stem[path.stem].name})")
        else:
            by_stem[path.stem] = path
    names = {p.name for p in files}
    for path in files:
        if path.is_symlink():
            yield SourceError(path, SYMLINK_PROBLEM)
        elif path.name not in provenance:
            yield SourceError(path, f"document has no provenance entry in {PROVENANCE_FILE}")
    for name in sorted(provenance):
        if name not in names:
            yield SourceError(sources_dir / name, f"{PROVENANCE_FILE} describes this file but it is missing")


def check_catalogue(sources_dir: Path, provenance: dict[str, Provenance]) -> list[Path]:
    """Match files to provenance entries one to one and ids to files one to one.

    Returns the document files. Raises SourceError for a file without provenance,
    an entry without its file, or two files sharing one id (stem).
    """
    files = document_files(sources_dir)
    first_problem = next(_catalogue_problems(sources_dir, files, provenance), None)
    if first_problem is not None:
        raise first_problem
    return files


def verify_document(path: Path, prov: Provenance) -> SourceDocument:
    """Read one file and check it against its provenance: a regular file, size, SHA-256, text in UTF-8."""
    size = path.lstat().st_size
    if size > MAX_DOCUMENT_BYTES:
        problem = f"is {size:,} bytes, over the limit of {MAX_DOCUMENT_BYTES:,} bytes per document; split it"
        raise SourceError(path, problem)
    data = read_regular_file(path)
    digest = sha256_of(data)
    if digest != prov.sha256:
        raise SourceError(path, f"SHA-256 mismatch: provenance says {prov.sha256}, file has {digest}")
    if len(data) != prov.bytes:
        raise SourceError(path, f"size mismatch: provenance says {prov.bytes} bytes, file has {len(data)}")
    return SourceDocument(provenance=prov, path=path, text=document_text(path, data))


def document_text(path: Path, data: bytes) -> str:
    """The text of a document file: not empty or only white space, UTF-8, no NUL character."""
    if not data.strip():
        raise SourceError(path, "file is empty" if not data else "file holds only white space")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(path, f"not valid UTF-8 (byte {exc.start}: {exc.reason})") from exc
    if "\x00" in text:
        raise SourceError(path, f"holds a NUL character at offset {text.index(chr(0))}: not a text document")
    return text


def read_regular_file(path: Path) -> bytes:
    """The bytes of ``path``, which must be a regular file and not a symbolic link (never followed)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError as exc:
        if path.is_symlink():
            raise SourceError(path, SYMLINK_PROBLEM) from None
        raise SourceError(path, f"cannot be read: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise SourceError(path, "is not a regular file")
        return handle.read()


def iter_verified_documents(sources_dir: Path) -> Iterator[SourceDocument]:
    """Yield every document of ``sources_dir``, verified, in file-name order.

    The catalogue (files against provenance) is checked in full before the first
    document is yielded; each document is verified as it is read.
    """
    provenance = read_provenance(sources_dir)
    for path in check_catalogue(sources_dir, provenance):
        yield verify_document(path, provenance[path.name])


def load_verified_documents(sources_dir: Path) -> list[SourceDocument]:
    """Every document of ``sources_dir``, all verified before any is returned."""
    return list(iter_verified_documents(sources_dir))


def audit_sources(sources_dir: Path) -> list[SourceError]:
    """Every bad file of the sources folder at once (not just the first), one problem each, naming the file.

    Empty when the folder is sound. Used to show people the full list of files
    to fix, where ``load_verified_documents`` stops at the first problem. A file
    with several problems is listed once, with the first (catalogue problems,
    such as a symbolic link, before its content); a ``provenance.yaml`` that
    cannot be read is the only problem listed, since no document can be checked.
    """
    try:
        provenance = read_provenance(sources_dir)
    except SourceError as exc:
        return [exc]
    files = document_files(sources_dir)
    problems = list(_catalogue_problems(sources_dir, files, provenance))
    for path in files:
        if path.name in provenance:
            try:
                verify_document(path, provenance[path.name])
            except SourceError as exc:
                problems.append(exc)
    first_per_file: dict[str, SourceError] = {}
    for problem in problems:
        first_per_file.setdefault(problem.path, problem)
    return list(first_per_file.values())


def folder_snapshot(sources_dir: Path) -> dict[str, str]:
    """SHA-256 of every visible file of the sources folder, by file name.

    Documents, provenance and curation files alike: a change to any of them
    changes what a run would produce. Hidden files (such as the temporary files
    ``add-source`` writes before renaming them) are left out.
    """
    return {
        p.name: sha256_of(p.read_bytes())
        for p in sorted(sources_dir.iterdir())
        if p.is_file() and not p.name.startswith(".")
    }
