"""``python -m pipeline migrate-sources``: split the shared ``provenance.yaml`` of earlier versions.

Each entry becomes the document's own provenance file beside it
(``<file>.provenance.yaml``), with exactly the same fields and values; the
shared file is removed only after every per-document file is written and reads
back equal to its entry. Documents themselves are not touched.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.common.yamlfile import load_yaml, parse_yaml
from pipeline.sources.add import render_provenance, write_atomically
from pipeline.sources.documents import (
    LEGACY_PROVENANCE_FILE,
    SourceError,
    _parse_entry,
    provenance_path,
    read_provenance,
)


def migrate_sources(sources_dir: Path) -> list[Path]:
    """Split ``sources_dir/provenance.yaml`` into per-document files; return the files written (none if no file)."""
    legacy = sources_dir / LEGACY_PROVENANCE_FILE
    if not legacy.exists():
        return []
    raw = load_yaml(legacy, SourceError)
    if not isinstance(raw, dict) or not isinstance(raw.get("documents"), dict):
        raise SourceError(legacy, "expected a top-level 'documents:' mapping of file name to provenance")
    written = []
    for name, entry in raw["documents"].items():
        if not isinstance(name, str) or "/" in name or not isinstance(entry, dict):
            raise SourceError(legacy, f"entry {name!r} is not a file name with a mapping of fields")
        target = provenance_path(sources_dir / name)
        if target.exists():
            raise SourceError(target, "already exists; the shared file was left as it is")
        try:
            _parse_entry(target, name, entry)  # every entry is valid before anything is written or removed
        except SourceError as exc:
            raise SourceError(legacy, exc.problem, entry=name) from None
        text = render_provenance(name, entry)
        if parse_yaml(text) != entry:
            raise SourceError(legacy, f"entry {name!r} cannot be written back unchanged; split it by hand")
        written.append((target, text))
    for target, text in written:
        write_atomically(target, text.encode("utf-8"))
    legacy.unlink()
    read_provenance(sources_dir)  # every file written reads back as a valid provenance record
    return [target for target, _ in written]
