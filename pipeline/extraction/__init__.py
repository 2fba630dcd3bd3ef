"""Numeric-mention extraction: text in, mentions out (see extraction-guide.md).

Pure and deterministic, standard library only, so that the Dagster asset and the
command line call the very same code::

    from pipeline.extraction import extract
    for m in extract(document_text):
        print(m.start, m.end, m.text, m.kind, m.value, m.unit, m.approx)
"""

from __future__ import annotations

from pipeline.extraction.extractor import extract, extract_with_date
from pipeline.extraction.model import FIELDS, KINDS, STATISTICAL_KINDS, TEMPORAL_KINDS, Mention

__all__ = ["FIELDS", "KINDS", "STATISTICAL_KINDS", "TEMPORAL_KINDS", "Mention", "extract", "extract_with_date"]
