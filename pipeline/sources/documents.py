"""Source documents and their provenance: read, verify, refuse anything doubtful.

The sources folder holds the documents in their own formats (``.pdf``,
``.html``/``.htm``, ``.md``, ``.txt``), each with its own provenance file
beside it (``report.pdf`` and ``report.pdf.provenance.yaml``: title,
publisher, date, address, licence, and the size and SHA-256 of the original
bytes), so that adding a document touches no shared file. Every check here
runs before any document is handed to the pipeline, so that bad input stops a
run before anything already stored is touched. Errors name the file and the
problem.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.common.errors import InputError
from pipeline.common.isodates import iso_date
from pipeline.common.values import ADDRESS_SCHEMES, brief, check_address, check_one_line
from pipeline.common.yamlfile import load_yaml
from pipeline.convert import SUFFIXES, ConversionError, ConvertedText, convert

#: A document's provenance file is its file name with this suffix: ``report.pdf.provenance.yaml``.
PROVENANCE_SUFFIX = ".provenance.yaml"
#: The one shared provenance file of earlier versions, which ``migrate-sources`` splits into per-document files.
LEGACY_PROVENANCE_FILE = "provenance.yaml"
DOCUMENT_SUFFIXES = SUFFIXES
REQUIRED_FIELDS = ("title", "publisher", "published", "url", "license", "bytes", "sha256")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
#: A document larger than this is refused (a text of 100 MB is some 30,000 pages).
MAX_DOCUMENT_BYTES = 100_000_000
#: Text formats are refused above this size (20 MB of text is some 6,000 pages; a bigger file is no document).
MAX_TEXT_BYTES = 20_000_000


def size_problem(path: Path, size: int) -> str | None:
    """Why a file of ``size`` bytes is too big to be a document of its format, or None."""
    limit = MAX_DOCUMENT_BYTES if path.suffix.lower() == ".pdf" else MAX_TEXT_BYTES
    if size <= limit:
        return None
    return f"is {size:,} bytes, over the limit of {limit:,} bytes for a {path.suffix or 'text'} document; split it"


#: A document id: letters, digits, '_', '-' and '.', not starting with '.' (no hidden files, no '..', no '/'),
#: at most 150 characters (file systems refuse longer names once the temporary-file suffix is added).
DOC_ID = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,149}$")
FILE_NAME_RULE = f"no folder, not hidden, ending in {', '.join(SUFFIXES)}"
SYMLINK_PROBLEM = "is a symbolic link; the sources folder holds the documents themselves (add it with add-source)"
#: A licence may also be stated by writing to someone.
LICENCE_SCHEMES = (*ADDRESS_SCHEMES, "mailto")


class SourceError(InputError):
    """A source document or its provenance is unusable; the message names the file."""


def provenance_path(document: Path) -> Path:
    """The provenance file of ``document`` (``report.pdf`` → ``report.pdf.provenance.yaml``)."""
    return document.with_name(document.name + PROVENANCE_SUFFIX)


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
    """A verified document: its provenance and its converted text (for ``.txt``/``.md`` the file's UTF-8 content)."""

    provenance: Provenance
    path: Path
    converted: ConvertedText

    @property
    def doc_id(self) -> str:
        return self.provenance.doc_id

    @property
    def text(self) -> str:
        return self.converted.text


def sha256_of(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def _plain_file_name(name: str) -> bool:
    """Whether ``name`` names a visible document file directly in the folder (no ``/``, no ``..``)."""
    return (
        name == Path(name).name
        and "\\" not in name
        and not name.startswith(".")
        and Path(name).suffix.lower() in DOCUMENT_SUFFIXES
        and not any(ord(c) < 32 for c in name)
    )


def _check_date(path: Path, name: str, value: Any) -> str | None:
    if value is None:
        return None
    try:
        return iso_date(value, "year")
    except ValueError as exc:
        raise SourceError(path, f"published {exc}, or null") from None


def _check_address(path: Path, name: str, field: str, value: Any, schemes: tuple[str, ...]) -> str | None:
    if value is None:
        return None
    try:
        return check_address(value, schemes)
    except ValueError as exc:
        raise SourceError(path, f"{field} {exc}, or null") from None


def _parse_entry(path: Path, name: str, entry: Any) -> Provenance:
    if not _plain_file_name(name):
        raise SourceError(path, f"describes {brief(name)}, which is no usable document file name ({FILE_NAME_RULE})")
    if not isinstance(entry, dict):
        raise SourceError(
            path, "must be a mapping of fields (title, publisher, published, url, license, bytes, sha256)"
        )
    missing = [f for f in REQUIRED_FIELDS if f not in entry]
    if missing:
        raise SourceError(path, f"lacks field(s): {', '.join(missing)}")
    unknown = sorted(set(entry) - set(REQUIRED_FIELDS) - {"license_url"})
    if unknown:
        raise SourceError(path, f"has unknown field(s): {', '.join(unknown)}")
    texts = {}
    for field in ("title", "publisher", "license"):
        try:
            texts[field] = check_one_line(entry[field])
        except ValueError as exc:
            raise SourceError(path, f"{field} {exc}") from None
    if not isinstance(entry["bytes"], int) or isinstance(entry["bytes"], bool) or entry["bytes"] < 0:
        raise SourceError(path, "bytes must be a non-negative integer")
    sha = str(entry["sha256"])
    if not _SHA256.match(sha):
        raise SourceError(path, "sha256 must be 64 lowercase hex digits")
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


def provenance_files(sources_dir: Path) -> list[Path]:
    """The provenance files of the sources folder (``*.provenance.yaml``, not hidden), sorted by name."""
    return sorted(
        p
        for p in sources_dir.iterdir()
        if p.name.endswith(PROVENANCE_SUFFIX) and not p.name.startswith(".") and (p.is_file() or p.is_symlink())
    )


def read_provenance(sources_dir: Path, known: Mapping[str, Provenance] | None = None) -> dict[str, Provenance]:
    """Every provenance file of the folder parsed, keyed by the document file it describes; errors raise SourceError.

    The shared ``provenance.yaml`` of earlier versions is refused with the
    command that splits it, rather than read beside the per-document files.
    ``known`` gives the records of provenance files known to be unchanged since
    they were read (by document file name); those files are not read again.
    """
    known = known or {}
    if not sources_dir.is_dir():
        raise SourceError(sources_dir, "the sources folder does not exist or is not a folder")
    legacy = sources_dir / LEGACY_PROVENANCE_FILE
    if legacy.exists() or legacy.is_symlink():
        problem = (
            "is the shared provenance file of earlier versions; each document now has its own "
            f"<file>{PROVENANCE_SUFFIX}: run `python -m pipeline migrate-sources` to split it"
        )
        raise SourceError(legacy, problem)
    records = {}
    for path in provenance_files(sources_dir):
        if path.is_symlink():
            raise SourceError(path, SYMLINK_PROBLEM)
        name = path.name[: -len(PROVENANCE_SUFFIX)]
        record = known.get(name) or read_provenance_file(path)
        records[record.file_name] = record
    return records


def read_provenance_file(path: Path) -> Provenance:
    """One document's provenance file (``<file>.provenance.yaml``) parsed; errors raise SourceError naming it."""
    return _parse_entry(path, path.name[: -len(PROVENANCE_SUFFIX)], load_yaml(path, SourceError))


def document_files(sources_dir: Path) -> list[Path]:
    """The document files of the sources folder (symbolic links included, to be refused), sorted by name."""
    return sorted(
        p for p in sources_dir.iterdir() if (p.is_file() or p.is_symlink()) and p.suffix.lower() in DOCUMENT_SUFFIXES
    )


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
    for path in sorted(sources_dir.iterdir()):
        if path.is_file() and not path.name.startswith(".") and path.suffix.lower() not in (*SUFFIXES, ".yaml"):
            problem = f"is no document the pipeline reads ({', '.join(SUFFIXES)}); convert it or move it out"
            yield SourceError(path, problem)
    for path in files:
        if path.is_symlink():
            yield SourceError(path, SYMLINK_PROBLEM)
        elif path.name not in provenance:
            yield SourceError(
                path, f"document has no provenance file ({path.name}{PROVENANCE_SUFFIX}); add it with add-source"
            )
    for name in sorted(provenance):
        if name not in names:
            yield SourceError(sources_dir / (name + PROVENANCE_SUFFIX), f"describes {name}, which is missing")


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


def verify_document(path: Path, prov: Provenance, stored: StoredTexts | None = None) -> SourceDocument:
    """Read one file, check it against its provenance (a regular file, size, SHA-256) and convert it to text.

    ``stored`` gives the text already extracted from these exact bytes by this
    exact converter, if any; it is reused instead of converting again.
    """
    size = path.lstat().st_size
    problem = size_problem(path, size)
    if problem is not None:
        raise SourceError(path, problem)
    data = read_regular_file(path)
    digest = sha256_of(data)
    if digest != prov.sha256:
        raise SourceError(path, f"SHA-256 mismatch: provenance says {prov.sha256}, file has {digest}")
    if len(data) != prov.bytes:
        raise SourceError(path, f"size mismatch: provenance says {prov.bytes} bytes, file has {len(data)}")
    reused = stored.get(digest, path.suffix) if stored is not None else None
    return SourceDocument(provenance=prov, path=path, converted=reused or document_text(path, data))


class StoredTexts:
    """Texts already extracted, by SHA-256 of the original bytes and converter (``converter_name``): reused as is."""

    def __init__(self, texts: dict[tuple[str, str], ConvertedText] | None = None) -> None:
        self._texts = dict(texts or {})

    def get(self, sha256: str, suffix: str) -> ConvertedText | None:
        """The stored text of the bytes ``sha256`` if the current converter for ``suffix`` made it."""
        from pipeline.convert import converter_name

        return self._texts.get((sha256, converter_name(suffix)))


def document_text(path: Path, data: bytes) -> ConvertedText:
    """The converted text of a document file (``pipeline.convert``); any problem is a SourceError naming it."""
    try:
        return convert(path, data)
    except ConversionError as exc:
        raise SourceError(path, exc.problem) from None


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


def iter_verified_documents(
    sources_dir: Path, stored: StoredTexts | None = None, unchanged: Mapping[str, Provenance] | None = None
) -> Iterator[SourceDocument]:
    """Yield every document of ``sources_dir``, verified, in file-name order.

    The catalogue (files against provenance) is checked in full before the first
    document is yielded; each document is verified as it is read. Documents in
    ``unchanged`` (file name → provenance record), whose file and provenance
    file are known not to have changed since they were verified, are neither
    read nor yielded: the caller keeps what it has of them.
    """
    unchanged = unchanged or {}
    provenance = read_provenance(sources_dir, unchanged)
    for path in check_catalogue(sources_dir, provenance):
        if path.name not in unchanged:
            yield verify_document(path, provenance[path.name], stored)


def load_verified_documents(
    sources_dir: Path, stored: StoredTexts | None = None, unchanged: Mapping[str, Provenance] | None = None
) -> list[SourceDocument]:
    """Every document of ``sources_dir`` but the ``unchanged`` ones, all verified before any is returned (``stored``
    texts reused)."""
    return list(iter_verified_documents(sources_dir, stored, unchanged))


def audit_sources(
    sources_dir: Path, stored: StoredTexts | None = None, unchanged: Mapping[str, Provenance] | None = None
) -> list[SourceError]:
    """Every bad file of the sources folder at once (not just the first), one problem each, naming the file.

    Empty when the folder is sound. Used to show people the full list of files
    to fix, where ``load_verified_documents`` stops at the first problem. A file
    with several problems is listed once, with the first (catalogue problems,
    such as a symbolic link, before its content); a ``provenance.yaml`` that
    cannot be read is the only problem listed, since no document can be checked.
    The ``unchanged`` documents (see ``iter_verified_documents``) are not read.
    """
    unchanged = unchanged or {}
    try:
        provenance = read_provenance(sources_dir, unchanged)
    except SourceError as exc:
        return [exc]
    files = document_files(sources_dir)
    problems = list(_catalogue_problems(sources_dir, files, provenance))
    for path in files:
        if path.name in provenance and path.name not in unchanged:
            try:
                verify_document(path, provenance[path.name], stored)
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
