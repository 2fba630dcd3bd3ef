"""Schema of ``documents``: one row per source document, with its provenance and full text."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import DataFrame, Series

from pipeline.common.vocabulary import FORMATS
from schemas.common import DATE, DATE_PRECISIONS, INT_LIST


class Documents(pa.DataFrameModel):
    """One row per source document: provenance, checksum and the text every offset indexes."""

    doc_id: Series[str] = pa.Field(
        unique=True,
        str_matches=r"^[A-Za-z0-9_.-]+$",
        description="Document id: the source file's name without its extension. Stable across releases.",
    )
    file_name: Series[str] = pa.Field(unique=True, description="File name of the document in sources/.")
    title: Series[str] = pa.Field(str_length={"min_value": 1}, description="Title of the document.")
    publisher: Series[str] = pa.Field(
        str_length={"min_value": 1}, description="Organisation(s) that published the document."
    )
    published: Series[DATE] = pa.Field(
        nullable=True,
        description="Publication date; for a month or year (see published_precision), its first day. Empty where "
        "the document states none.",
    )
    published_precision: Series[str] = pa.Field(
        nullable=True,
        isin=DATE_PRECISIONS,
        description="How precise the stated publication date is: day, month (published is the month's first day) "
        "or year; empty when published is.",
    )
    url: Series[str] = pa.Field(nullable=True, description="Address the document was retrieved from, where known.")
    license: Series[str] = pa.Field(
        description="Licence as the document states it; 'unknown' where the document is silent."
    )
    license_url: Series[str] = pa.Field(nullable=True, description="Address of the licence text, where known.")
    format: Series[str] = pa.Field(
        isin=FORMATS,
        description="Format of the source file: pdf, html, markdown or text (from its extension, checked against "
        "its bytes).",
    )
    bytes: Series[pd.Int64Dtype] = pa.Field(gt=0, description="Size of the source file.", metadata={"unit": "byte"})
    sha256: Series[str] = pa.Field(
        str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the source file, verified before it is read."
    )
    n_pages: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, gt=0, description="Number of pages of a PDF; empty for formats without pages."
    )
    converter: Series[str] = pa.Field(
        str_length={"min_value": 1},
        description="What turned the file into text, with its version: 'utf-8' (the file's content unchanged, "
        "for .txt and .md), 'pypdfium2 <version> (PDFium <build>)', 'trafilatura <version>'.",
    )
    text_sha256: Series[str] = pa.Field(
        str_matches=r"^[0-9a-f]{64}$",
        description="SHA-256 of the text (UTF-8): changes exactly when the extracted text, and so the offsets, do.",
    )
    n_chars: Series[pd.Int64Dtype] = pa.Field(
        gt=0, description="Length of text in characters (Python string indices).", metadata={"unit": "character"}
    )
    n_replacement_chars: Series[pd.Int64Dtype] = pa.Field(
        ge=0,
        description="U+FFFD characters the converter wrote for glyphs the file maps to no character (a minus sign "
        "in some fonts): never dropped silently.",
    )
    pages_without_text: Series[INT_LIST] = pa.Field(
        nullable=True,
        description="For a PDF: the pages (1-based) that have no text layer (scanned pages, images); their "
        "figures are not in the text until they are OCRed. Empty when every page has text.",
        metadata={"in_release": False},
    )
    n_dropped_lines: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="Running headers and footers, page numbers and watermarks left out of the text."
    )
    page_starts: Series[INT_LIST] = pa.Field(
        nullable=True,
        description="For a PDF: the offset in text where each page begins (page n at page_starts[n]); empty "
        "otherwise. mentions.page is read from it.",
        metadata={"in_release": False},
    )
    text: Series[str] = pa.Field(
        description="The document's text as the pipeline reads it: for .txt and .md the file's UTF-8 content "
        "unchanged; for PDF and HTML the converter's text (\\n line ends, pages joined). Every offset indexes it.",
        metadata={"quoted_text": True, "in_release": False},
    )

    class Config:
        name = "documents"
        description = "One row per source document: provenance, checksum and full text."
        strict = True
        coerce = True
        metadata = {"primary_key": ["doc_id"], "grain": "one row per source document"}

    @pa.dataframe_check(description="published_precision is given exactly when published is")
    def precision_with_date(cls, df: DataFrame) -> Series[bool]:
        return df["published"].notna() == df["published_precision"].notna()
