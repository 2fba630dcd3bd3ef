"""The project's closed vocabularies, written once: kinds of mention, qualifiers, units, verdicts.

The extractor, the enrichment, the curation, the pandera schemas and the SQL
under ``warehouse/`` (as named parameters, see ``pipeline.store.sql``) all read
them from here.
"""

from __future__ import annotations

#: Kinds of figure a document states (extraction-guide.md); these get subject, geography, period, rate.
STATISTICAL_KINDS: tuple[str, ...] = ("count", "percent", "money", "ratio", "multiplier")
#: Kinds that say when: they are the time expressions statistical figures are read against.
TEMPORAL_KINDS: tuple[str, ...] = ("year", "date", "duration")
KINDS: tuple[str, ...] = STATISTICAL_KINDS + TEMPORAL_KINDS
#: A mention's qualifier (the gold files' ``approx`` column): about/nearly, over/at least, under/up to.
QUALIFIERS: tuple[str, ...] = ("approx", "min", "max")
#: Units of a duration mention.
DURATION_UNITS: tuple[str, ...] = ("day", "week", "month", "year")
#: Time units a figure can be a rate per (``17,805 per week``).
RATE_UNITS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")
#: Verdicts of a recomputed claim.
VERDICTS: tuple[str, ...] = ("consistent", "inconsistent", "not_computable")
#: The columns enrichment adds to a statistical mention (``mentions`` table, ``extract --enrich``).
ENRICHMENT_COLUMNS: tuple[str, ...] = ("subject", "geography", "period_start", "period_end", "rate_per")
#: Formats of a source document (``documents.format``), as ``pipeline.convert`` reads them.
FORMATS: tuple[str, ...] = ("pdf", "html", "markdown", "text")
