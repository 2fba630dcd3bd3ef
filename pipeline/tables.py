"""Pure builders of the pipeline's tables from verified documents.

No Dagster and no I/O here: documents in, pandas frames out, with the columns
(and order) the pandera models in ``schemas/`` describe.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from pipeline.enrichment import Enrichment, Gazetteer, enrich
from pipeline.extraction import Mention, extract
from pipeline.sources import SourceDocument
from schemas import Documents, Mentions, Regions


def _columns(model: type) -> list[str]:
    return list(model.to_schema().columns)


def documents_frame(docs: Iterable[SourceDocument]) -> pd.DataFrame:
    """One row per document: provenance columns and the text."""
    rows = [
        {
            "doc_id": d.doc_id,
            "file_name": d.provenance.file_name,
            "title": d.provenance.title,
            "publisher": d.provenance.publisher,
            "published": d.provenance.published,
            "url": d.provenance.url,
            "license": d.provenance.license,
            "license_url": d.provenance.license_url,
            "bytes": d.provenance.bytes,
            "sha256": d.provenance.sha256,
            "n_chars": len(d.text),
            "text": d.text,
        }
        for d in docs
    ]
    return _typed(pd.DataFrame(rows, columns=_columns(Documents)), Documents)


def mention_id(doc_id: str, start: int, end: int) -> str:
    """Stable id of a mention: document id and span."""
    return f"{doc_id}:{start}-{end}"


def _number(m: Mention) -> float | None:
    return None if m.kind == "date" else float(m.value)


def enrichment_columns(e: Enrichment) -> dict[str, object]:
    """The columns enrichment adds to a mention row."""
    return {
        "subject": e.subject,
        "geography": e.geography_text,
        "period_start": e.period_start,
        "period_end": e.period_end,
        "rate_per": e.rate_per,
    }


def mention_rows(doc_id: str, text: str, gazetteer: Gazetteer) -> list[dict[str, object]]:
    """The mentions of one document as table rows: extraction-guide.md columns, sentence and enrichment."""
    mentions = extract(text)
    return [
        {
            "mention_id": mention_id(doc_id, m.start, m.end),
            "doc_id": doc_id,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "kind": m.kind,
            "value": m.value,
            "number": _number(m),
            "unit": m.unit or None,
            "approx": m.approx or None,
            "sentence_start": m.sentence_start,
            "sentence_end": m.sentence_end,
            "sentence": m.sentence,
            **enrichment_columns(e),
        }
        for m, e in zip(mentions, enrich(text, mentions, gazetteer), strict=True)
    ]


def mentions_frame(rows: Iterable[dict[str, object]]) -> pd.DataFrame:
    """Typed ``mentions`` frame from mention rows, ordered by document and offset."""
    df = pd.DataFrame(list(rows), columns=_columns(Mentions))
    df = df.sort_values(["doc_id", "start", "end", "kind"], kind="stable").reset_index(drop=True)
    return _typed(df, Mentions)


def regions_frame(gazetteer: Gazetteer) -> pd.DataFrame:
    """One row per region and member country, in code order."""
    names = gazetteer.codes
    rows = [
        {
            "region_code": r.code,
            "region_name": r.name,
            "country_code": country,
            "country_name": names[country],
            "note": r.note or None,
        }
        for r in sorted(gazetteer.regions, key=lambda r: r.code)
        for country in r.members
    ]
    return _typed(pd.DataFrame(rows, columns=_columns(Regions)), Regions)


def records_frame(model: type, rows: Iterable[dict[str, object]]) -> pd.DataFrame:
    """Typed frame of ``model``'s columns, in its order, from row dicts (kept in the order given)."""
    return _typed(pd.DataFrame(list(rows), columns=_columns(model)), model)


def _typed(df: pd.DataFrame, model: type) -> pd.DataFrame:
    """Cast columns to the model's dtypes (strings explicitly, as pandas 3 requires)."""
    schema = model.to_schema()
    for name, column in schema.columns.items():
        df[name] = df[name].astype(column.dtype.type)
    return df
