"""One mention row as the ``mentions`` table and ``extract --enrich`` both write it.

The asset and the command line build their rows with these functions, so the
two give the same values and the same empty values (``None``; the command's
CSV writes it as an empty cell). Pure: text in, plain dicts out.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from pipeline.common.vocabulary import ENRICHMENT_COLUMNS
from pipeline.enrichment import Enrichment, Gazetteer, enrich
from pipeline.extraction import Mention, extract_with_date


def mention_id(doc_id: str, start: int, end: int) -> str:
    """Stable id of a mention: document id and span."""
    return f"{doc_id}:{start}-{end}"


def page_at(page_starts: Sequence[int], offset: int) -> int | None:
    """The 1-based page holding character ``offset``, given where each page starts; None without pages."""
    return bisect.bisect_right(page_starts, offset) if page_starts else None


def mention_row(
    doc_id: str, m: Mention, e: Enrichment | None = None, page_starts: Sequence[int] = ()
) -> dict[str, object]:
    """The row of one mention: extraction-guide columns, sentence, page and, when given, its enrichment."""
    row: dict[str, object] = {
        "mention_id": mention_id(doc_id, m.start, m.end),
        "doc_id": doc_id,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "kind": m.kind,
        "value": m.value,
        "number": None if m.kind == "date" else float(m.value),
        "unit": m.unit or None,
        "approx": m.approx or None,
        "sentence_start": m.sentence_start,
        "sentence_end": m.sentence_end,
        "sentence": m.sentence,
        "page": page_at(page_starts, m.start),
    }
    if e is not None:
        row.update(
            zip(
                ENRICHMENT_COLUMNS, (e.subject, e.geography_text, e.period_start, e.period_end, e.rate_per), strict=True
            )
        )
    return row


def mention_rows(
    doc_id: str, text: str, gazetteer: Gazetteer, published: str | None = None, page_starts: Sequence[int] = ()
) -> list[dict[str, object]]:
    """The enriched rows of every mention of one document, in extraction order.

    ``published`` is the document's recorded publication date: extraction and
    enrichment both read the text against it (or, without it, against the dateline).
    """
    mentions, document_date = extract_with_date(text, published)
    enrichments = enrich(text, mentions, gazetteer, document_date)
    return [mention_row(doc_id, m, e, page_starts) for m, e in zip(mentions, enrichments, strict=True)]
