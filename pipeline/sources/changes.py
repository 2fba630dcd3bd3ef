"""Which documents of the sources folder are unchanged since the warehouse verified them, and what to record now.

A document is unchanged when its file and its provenance file both have the size and modification time recorded
when they were last read (``pipeline.sources.file_state``), its recorded checksum is the one the warehouse holds,
and the converter that made its stored text is the current one (an upgrade reads the file again, so that the
documents asset can notice a text that would change). Unchanged documents are neither read nor hashed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from pipeline.convert import converter_name
from pipeline.sources.documents import PROVENANCE_SUFFIX, Provenance, SourceDocument, sha256_of
from pipeline.sources.file_state import FileState, is_unchanged, state_of


def unchanged_documents(
    files: Mapping[str, os.stat_result],
    states: Mapping[str, FileState],
    stored: Mapping[str, tuple[Provenance, str]],
) -> dict[str, Provenance]:
    """The stored provenance of every document unchanged in ``files`` (the folder's status, by file name)."""
    out = {}
    for name, (provenance, converter) in stored.items():
        record = name + PROVENANCE_SUFFIX
        state = states.get(name)
        if (
            name in files
            and record in files
            and is_unchanged(files[name], state)
            and is_unchanged(files[record], states.get(record))
            and state is not None
            and state.sha256 == provenance.sha256
            and converter == converter_name(Path(name).suffix)
        ):
            out[name] = provenance
    return out


def recorded_states(
    sources_dir: Path,
    files: Mapping[str, os.stat_result],
    read: Iterable[SourceDocument],
    unchanged: Mapping[str, Provenance],
    states: Mapping[str, FileState],
    checked_ns: int,
) -> dict[str, FileState]:
    """The states to record after a run that verified the documents ``read`` and kept the ``unchanged`` ones.

    ``files`` is the folder's status taken before anything was read, at ``checked_ns``: a file changed after it
    has another modification time next time, and is read again.
    """
    out = {}
    for name in unchanged:
        for file_name in (name, name + PROVENANCE_SUFFIX):
            out[file_name] = states[file_name]
    for doc in read:
        name, record = doc.path.name, doc.path.name + PROVENANCE_SUFFIX
        if name in files and record in files:
            out[name] = state_of(name, files[name], doc.provenance.sha256, checked_ns)
            out[record] = state_of(record, files[record], sha256_of((sources_dir / record).read_bytes()), checked_ns)
    return out
