"""Locators: a document id and a quote fragment that must pin down exactly one mention.

The fragment must occur in the document's text; the mentions it overlaps
(optionally narrowed by ``kind`` and by the mention's exact ``text``) must be
exactly one. Anything else is an error naming the file, the entry and what was
found, so the curator can lengthen the quote or add ``kind``/``text``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.curation.errors import CurationError
from pipeline.curation.fields import check_fields

LOCATOR_FIELDS = ("doc", "quote")
LOCATOR_OPTIONAL = ("kind", "text")


def _occurrences(text: str, quote: str) -> list[int]:
    found, pos = [], text.find(quote)
    while pos != -1:
        found.append(pos)
        pos = text.find(quote, pos + 1)
    return found


def resolve_locator(
    path: Path, entry: str, locator: Any, texts: Mapping[str, str], mentions: pd.DataFrame
) -> pd.Series:
    """The one row of ``mentions`` the locator designates; raises CurationError otherwise."""
    locator = check_fields(path, f"{entry}: locator", locator, LOCATOR_FIELDS, LOCATOR_OPTIONAL)
    doc, quote = str(locator["doc"]), locator["quote"]
    if not isinstance(quote, str) or not quote.strip():
        raise CurationError(path, "locator quote must be a non-empty string", entry)
    if doc not in texts:
        raise CurationError(path, f"locator names document {doc!r}, which is not among the sources", entry)
    starts = _occurrences(texts[doc], quote)
    if not starts:
        raise CurationError(path, f"quote {quote!r} does not occur in {doc}", entry)
    rows = mentions[mentions["doc_id"] == doc]
    overlaps = pd.Series(False, index=rows.index)
    for start in starts:
        overlaps |= (rows["char_start"] < start + len(quote)) & (rows["char_end"] > start)
    hits = rows[overlaps]
    if "kind" in locator:
        hits = hits[hits["kind"] == locator["kind"]]
    if "text" in locator:
        hits = hits[hits["text"] == locator["text"]]
    narrowed = "".join(f", {k} {locator[k]!r}" for k in LOCATOR_OPTIONAL if k in locator)
    if hits.empty:
        raise CurationError(path, f"quote {quote!r}{narrowed} matches no mention in {doc}", entry)
    if len(hits) > 1:
        listed = "; ".join(f"{r.text!r} ({r.kind}, {r.mention_id})" for r in hits.itertuples())
        raise CurationError(
            path,
            f"quote {quote!r}{narrowed} matches {len(hits)} mentions in {doc}: {listed}; "
            "lengthen the quote or add kind/text",
            entry,
        )
    return hits.iloc[0]


def located_documents(entries: Mapping[str, Any]) -> list[str]:
    """Ids of the documents the locators of ``entries`` name (malformed entries are reported later)."""
    docs = set()
    for data in entries.values():
        locator = data.get("locator") if isinstance(data, dict) else None
        if isinstance(locator, dict) and locator.get("doc") is not None:
            docs.add(str(locator["doc"]))
    return sorted(docs)
