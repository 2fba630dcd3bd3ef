"""Extract layer: every numeric mention of every document (see extraction-guide.md)."""

import re
from collections.abc import Sequence
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource
from pydantic import Field

from pipeline.common.isodates import at_precision
from pipeline.curation.regions import REGIONS_FILE
from pipeline.defs.inputs import gazetteer_of, input_failure
from pipeline.defs.metadata import warehouse_table_metadata
from pipeline.defs.resources import ProjectPaths
from pipeline.defs.table_asset import table_asset
from pipeline.enrichment.rows import mention_rows
from pipeline.places.gazetteer import Gazetteer
from pipeline.sources.documents import SourceError
from pipeline.store.frames import mentions_frame
from pipeline.store.incremental import (
    extractor_fingerprint,
    plan_extraction,
    read_state,
    state_frame,
    stored_counts,
    write_mentions,
)
from schemas import Mentions

#: More mentions than this in one document is no policy document: the run stops naming it.
MAX_MENTIONS_PER_DOCUMENT = 1_000_000
_DIGIT_RUN = re.compile(r"\d+")


def _rows_of(
    path: Path, doc_id: str, text: str, gazetteer: Gazetteer, published: str | None, page_starts: Sequence[int]
) -> list[dict[str, object]]:
    """The mention rows of one document; anything going wrong becomes a failure naming the document."""
    numbers = sum(1 for _ in _DIGIT_RUN.finditer(text))
    if numbers > MAX_MENTIONS_PER_DOCUMENT:  # refused before the work, not after it
        problem = f"holds {numbers:,} numbers, over the limit of {MAX_MENTIONS_PER_DOCUMENT:,} mentions per document"
        raise input_failure(SourceError(path, problem))
    try:
        rows = mention_rows(doc_id, text, gazetteer, published, page_starts)
    except Exception as exc:  # a bug or a pathological text: say which document, keep the cause
        problem = f"extraction failed ({type(exc).__name__}: {str(exc)[:200]}); nothing was changed"
        raise input_failure(SourceError(path, problem)) from exc
    if len(rows) > MAX_MENTIONS_PER_DOCUMENT:
        problem = f"holds {len(rows):,} mentions, over the limit of {MAX_MENTIONS_PER_DOCUMENT:,} per document"
        raise input_failure(SourceError(path, problem))
    return rows


class ExtractionConfig(dg.Config):
    """Run configuration of ``mentions`` (Launchpad: ``ops: mentions: config:``)."""

    reextract_all: bool = Field(
        default=False,
        description="Extract every document again, even those whose checksum and extractor are unchanged.",
    )


@table_asset(Mentions, group="extract", deps=["documents", "regions"])
def mentions(
    context: dg.AssetExecutionContext, config: ExtractionConfig, duckdb: DuckDBResource, paths: ProjectPaths
) -> dg.MaterializeResult:
    """Columns: document, offsets, text, kind, value (or iso_date), unit, qualifier, sentence, and for statistical kinds
    what the figure counts (subject), where (geography), when (period) and per what (rate_per).

    Extraction is the pure function ``pipeline.extraction.extract`` and enrichment
    the pure ``pipeline.enrichment.enrich``, applied one document at a time; ``text``
    always equals the document's text at the offsets. Incremental: only documents
    whose SHA-256 changed (or new ones) are extracted; the mentions of the others
    are reused from the warehouse, unless the extraction code or the regions
    gazetteer changed or ``reextract_all`` is set.
    """
    gazetteer = gazetteer_of(paths.sources)
    fingerprint = extractor_fingerprint(paths.sources / REGIONS_FILE)
    with duckdb.get_connection() as conn:
        documents = dict(conn.execute("select doc_id, sha256 from documents order by doc_id").fetchall())
        plan = plan_extraction(documents, read_state(conn), fingerprint, reextract_all=config.reextract_all)
        rows: list[dict[str, object]] = []
        counts = stored_counts(conn, plan.reuse)
        for doc_id in plan.extract:
            file_name, text, published, precision, page_starts = conn.execute(
                "select file_name, text, published, published_precision, page_starts from documents where doc_id = ?",
                [doc_id],
            ).fetchone()
            stated = None if published is None else at_precision(published, precision)
            doc_rows = _rows_of(paths.sources / file_name, doc_id, text, gazetteer, stated, page_starts or ())
            counts[doc_id] = len(doc_rows)
            rows.extend(doc_rows)
        write_mentions(conn, mentions_frame(rows), plan.reuse, state_frame(documents, fingerprint, counts))
        metadata = warehouse_table_metadata(conn, "mentions", Mentions)
        by_kind = dict(conn.execute("select kind, count(*) from mentions group by kind order by kind").fetchall())
    context.log.info(
        f"extracted {len(plan.extract)} document(s), reused {len(plan.reuse)}, dropped {len(plan.removed)} removed"
    )
    return dg.MaterializeResult(
        metadata={
            **metadata,
            "mentions_by_kind": dg.MetadataValue.json({k: int(v) for k, v in by_kind.items()}),
            "documents_extracted": dg.MetadataValue.int(len(plan.extract)),
            "documents_reused": dg.MetadataValue.int(len(plan.reuse)),
            "documents_removed": dg.MetadataValue.int(len(plan.removed)),
            "extracted": dg.MetadataValue.json(plan.extract),
            "extractor_fingerprint": dg.MetadataValue.text(fingerprint),
        }
    )
