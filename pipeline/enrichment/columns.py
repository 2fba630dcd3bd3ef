"""Enrichment as extra columns of the ``extract`` command (``--enrich``).

Loads the regions gazetteer from the sources folder and turns ``enrich`` into
the ``ExtraColumns`` the command appends, in the same order and spelling as
the ``mentions`` table's columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from pipeline import settings
from pipeline.curation.errors import CurationError
from pipeline.curation.regions import load_gazetteer
from pipeline.enrichment import Gazetteer, enrich
from pipeline.extraction.cli import ExtraColumns
from pipeline.extraction.model import Mention

NAMES = ("subject", "geography", "period_start", "period_end", "rate_per")


def enrichment_values(text: str, mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[tuple[object, ...]]:
    """One tuple of ``NAMES`` values per mention; empty strings where a value is missing."""
    return [
        tuple("" if v is None else v for v in (e.subject, e.geography_text, e.period_start, e.period_end, e.rate_per))
        for e in enrich(text, mentions, gazetteer)
    ]


def enrichment_extra_columns(err: TextIO) -> ExtraColumns | None:
    """The enrichment columns with the project's gazetteer, or None (after a line on ``err``) if it is unusable."""
    try:
        gazetteer = load_gazetteer(settings.sources_dir())
    except CurationError as exc:
        err.write(f"extract: {exc}\n")
        return None
    return ExtraColumns(NAMES, lambda text, mentions: enrichment_values(text, mentions, gazetteer))
