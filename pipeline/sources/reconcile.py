"""Does the warehouse still describe the sources folder? Every disagreement, each naming its file.

Used by the blocking ``documents_match_sources`` check: the ``documents`` asset
already refuses bad sources when it loads them; this check makes the same
verification visible in the UI, and also catches a warehouse that no longer
matches the folder (a file changed, added or removed since the last load).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.convert.plain import CONVERTER as PLAIN_CONVERTER
from pipeline.sources.documents import Provenance, StoredTexts, audit_sources, document_files, sha256_of


@dataclass(frozen=True)
class StoredDocument:
    """What the warehouse holds about one document: recorded size and checksum, and those of its stored text."""

    file_name: str
    sha256: str
    n_bytes: int
    converter: str
    text_sha256: str  # as recorded when the text was made
    actual_text_sha256: str  # of the text stored now
    text_bytes: int


def source_problems(
    sources_dir: Path,
    stored: Iterable[StoredDocument],
    texts: StoredTexts | None = None,
    unchanged: Mapping[str, Provenance] | None = None,
) -> list[tuple[str, str]]:
    """(file, problem) for every way the folder or the stored documents are wrong; empty when all agree.

    ``texts`` are the stored conversions, reused by the audit instead of converting every file again;
    ``unchanged`` documents (see ``pipeline.sources.changes``) are not read again.
    """
    unchanged = unchanged or {}
    problems = [(exc.path, exc.problem) for exc in audit_sources(sources_dir, texts, unchanged)]
    on_disk = {p.name: p for p in document_files(sources_dir)} if sources_dir.is_dir() else {}
    seen: set[str] = set()
    for doc in stored:
        seen.add(doc.file_name)
        path = sources_dir / doc.file_name
        if doc.actual_text_sha256 != doc.text_sha256:
            problems.append((str(path), "the warehouse's text is not the text its converter made (text_sha256)"))
        elif doc.converter == PLAIN_CONVERTER and (doc.text_sha256 != doc.sha256 or doc.text_bytes != doc.n_bytes):
            problems.append((str(path), "the warehouse's text does not match its recorded size and SHA-256"))
        if doc.file_name not in on_disk:
            problems.append((str(path), "in the warehouse but no longer in the sources folder; rerun documents"))
        elif doc.file_name not in unchanged and sha256_of(on_disk[doc.file_name].read_bytes()) != doc.sha256:
            problems.append((str(path), "changed since the warehouse loaded it; rerun documents"))
    for name in sorted(set(on_disk) - seen):
        problems.append((str(on_disk[name]), "in the sources folder but not in the warehouse; rerun documents"))
    return problems
