"""Who may do what with the release: the dataset's own licence and each source document's.

The dataset's data (what the pipeline made: ids, offsets, kinds, values,
units, qualifiers, provenance records) is under the dataset's licence
(``sources/release.yaml``). Columns marked ``quoted_text`` hold text of the
source documents, which stays under each document's own licence as the
document states it (``documents.license``; ``unknown`` where it is silent).
Every generated file states these rules with the sentences below, so they read
the same everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from pipeline.release.info import ReleaseInfo
from pipeline.release.spec import TableSpec

_CC = re.compile(r"^CC[ -](BY(?:-NC)?(?:-SA|-ND)?)[ -](\d\.\d)$", re.IGNORECASE)
UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class SourceLicence:
    """The licence of one or more source documents, with the documents it covers."""

    stated: str  # as the documents state it, or "unknown"
    spdx: str | None
    path: str | None
    doc_ids: tuple[str, ...]


def spdx_id(stated: str) -> str | None:
    """SPDX id of a licence as documents write it (``CC BY-NC-ND 4.0`` → ``CC-BY-NC-ND-4.0``), None if unknown."""
    match = _CC.match(stated.strip())
    if match is None:
        return None
    return f"CC-{match.group(1).upper()}-{match.group(2)}"


def source_licences(documents: pd.DataFrame) -> list[SourceLicence]:
    """The distinct licences of the source documents (from the ``documents`` table), known ones first."""
    groups: dict[tuple[str, str | None], list[str]] = {}
    for row in documents.sort_values("doc_id").itertuples(index=False):
        url = None if pd.isna(row.license_url) else str(row.license_url)
        groups.setdefault((str(row.license), url), []).append(str(row.doc_id))
    licences = [
        SourceLicence(stated=stated, spdx=spdx_id(stated), path=path, doc_ids=tuple(ids))
        for (stated, path), ids in groups.items()
    ]
    return sorted(licences, key=lambda lic: (lic.stated.lower() == UNKNOWN, lic.stated, lic.path or ""))


def quoted_columns(specs: list[TableSpec]) -> list[str]:
    """Every published column holding quoted source text, as ``table.column``."""
    return [f"{s.name}.{f}" for s in specs for f in s.quoted_fields]


def withheld_columns(specs: list[TableSpec]) -> list[str]:
    """Every column kept out of the release, as ``table.column``."""
    return [f"{s.name}.{f.name}" for s in specs for f in s.withheld]


QUOTED_TEXT_NOTE = (
    "Quoted from the source document: this text is under the document's own licence "
    "(documents.license), not the dataset's."
)


def licence_summary(info: ReleaseInfo, specs: list[TableSpec]) -> str:
    """One paragraph stating the dataset's licence and the exception for quoted text."""
    quoted = ", ".join(quoted_columns(specs)) or "none"
    return (
        f"The dataset is released under {info.licence.title} ({info.licence.name or info.licence.path}). "
        f"Columns quoting the source documents ({quoted}) hold text that remains under each document's own "
        "licence, as the document states it (documents.license; 'unknown' where the document states none): "
        "reuse that text only as that licence, or the law on quotation, allows."
    )


def withheld_summary(specs: list[TableSpec], licences: list[SourceLicence]) -> str | None:
    """Why some columns are in the DuckDB warehouse but not in the release, or None if none are withheld."""
    withheld = withheld_columns(specs)
    if not withheld:
        return None
    stated = "; ".join(f"{lic.stated}: {len(lic.doc_ids)} document(s)" for lic in licences)
    return (
        f"Not published: {', '.join(withheld)}. The full text of the source documents is kept in the DuckDB "
        f"warehouse but left out of the release: the documents' licences ({stated}) do not let an openly "
        "licensed dataset redistribute whole documents. Offsets index the text of the original files (UTF-8, "
        "unchanged), which documents.sha256 identifies, so anyone holding a document can resolve them."
    )
