"""Pure builders of the pipeline's tables from verified documents.

No Dagster and no I/O here: documents in, pandas frames out, with the columns
(and order, and dtypes) the pandera models in ``schemas/`` describe.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from pipeline.common.isodates import first_day, precision_of
from pipeline.places.gazetteer import Gazetteer
from pipeline.sources.documents import SourceDocument, sha256_of
from schemas import Documents, Mentions, Regions

#: Columns of a mention row (``pipeline.enrichment.rows``, the gold files' names) → ``mentions`` columns.
MENTION_RENAMES = {"start": "char_start", "end": "char_end", "approx": "qualifier"}
#: Order of the ``mentions`` table: reading order, then kind.
MENTION_ORDER = ["doc_id", "char_start", "char_end", "kind"]


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
            "published": None if d.provenance.published is None else first_day(d.provenance.published),
            "published_precision": None if d.provenance.published is None else precision_of(d.provenance.published),
            "url": d.provenance.url,
            "license": d.provenance.license,
            "license_url": d.provenance.license_url,
            "format": d.converted.format,
            "bytes": d.provenance.bytes,
            "sha256": d.provenance.sha256,
            "n_pages": d.converted.n_pages,
            "converter": d.converted.converter,
            "text_sha256": sha256_of(d.text.encode("utf-8")),
            "n_chars": len(d.text),
            "n_replacement_chars": d.converted.replacement_chars,
            "pages_without_text": list(d.converted.empty_pages) or None,
            "n_dropped_lines": d.converted.dropped_lines,
            "page_starts": list(d.converted.page_starts) or None,
            "text": d.text,
        }
        for d in docs
    ]
    return typed_frame(Documents, pd.DataFrame(rows, columns=_columns(Documents)))


def mentions_frame(rows: Iterable[dict[str, object]]) -> pd.DataFrame:
    """Typed ``mentions`` frame from mention rows (``pipeline.enrichment.rows``), ordered by document and offset.

    The rows speak the extraction guide's language (``start``, ``end``, a text
    ``value``, ``approx``, ``;``-joined geography, ISO periods); the table's
    columns are renamed and typed: a date's value goes to ``iso_date``, every
    other value is a number, geography is a list, periods are dates.
    """
    df = pd.DataFrame(list(rows), columns=_row_columns()).rename(columns=MENTION_RENAMES)
    is_date = df["kind"] == "date"
    df["iso_date"] = df["value"].where(is_date)
    df["value"] = pd.to_numeric(df["value"].where(~is_date), errors="raise")
    df["geography"] = df["geography"].map(lambda g: g.split(";") if isinstance(g, str) else None)
    df = df.sort_values(MENTION_ORDER, kind="stable").reset_index(drop=True)
    return typed_frame(Mentions, df)


def _row_columns() -> list[str]:
    inverse = {new: old for old, new in MENTION_RENAMES.items()}
    return [inverse.get(c, c) for c in _columns(Mentions) if c != "iso_date"]


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
    return typed_frame(Regions, pd.DataFrame(rows, columns=_columns(Regions)))


def records_frame(model: type, rows: Iterable[dict[str, object]]) -> pd.DataFrame:
    """Typed frame of ``model``'s columns, in its order, from row dicts (kept in the order given)."""
    return typed_frame(model, pd.DataFrame(list(rows), columns=_columns(model)))


def typed_frame(model: type, df: pd.DataFrame) -> pd.DataFrame:
    """``df``'s columns of ``model``, in its order, cast to its dtypes (strings explicitly, as pandas 3 requires).

    Date columns accept ISO 8601 strings, ``datetime.date`` and timestamps; list
    columns accept Python lists and arrays.
    """
    out = df[_columns(model)].copy()
    for name, column in model.to_schema().columns.items():
        dtype = column.dtype.type
        if (
            isinstance(dtype, pd.ArrowDtype)
            and str(dtype).startswith("date32")
            and not isinstance(out[name].dtype, pd.ArrowDtype)
        ):
            out[name] = pd.to_datetime(out[name]).dt.date
        out[name] = out[name].astype(dtype)
    return out
