"""Pure builders of the pipeline's tables from verified documents.

No Dagster and no I/O here: documents in, pandas frames out, with the columns
(and order) the pandera models in ``schemas/`` describe.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from pipeline.places.gazetteer import Gazetteer
from pipeline.sources.documents import SourceDocument
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
