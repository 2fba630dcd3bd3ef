"""Extract layer: every numeric mention of every document (see extraction-guide.md)."""

from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb as duckdb_module
import pandas as pd
from dagster_duckdb import DuckDBResource
from pydantic import Field

from pipeline.common import settings
from pipeline.common.isodates import at_precision
from pipeline.curation.regions import REGIONS_FILE
from pipeline.defs.extraction_pool import (
    DocumentRows,
    DocumentWork,
    batches,
    default_workers,
    extract_documents,
    first_problem,
)
from pipeline.defs.inputs import gazetteer_of, input_failure
from pipeline.defs.metadata import warehouse_table_metadata
from pipeline.defs.progress import Progress
from pipeline.defs.resources import ProjectPaths
from pipeline.defs.table_asset import table_asset
from pipeline.sources.documents import SourceError
from pipeline.store.frames import mentions_frame
from pipeline.store.incremental import (
    ExtractionPlan,
    extractor_fingerprint,
    plan_extraction,
    read_state,
    stage_mentions,
    stage_parquet,
    state_frame,
    stored_counts,
    write_mentions,
)
from pipeline.store.shards import shard_keys, shard_path, stale_shards
from schemas import Mentions

#: The job that backfills the shards (defined with the partitioned asset).
SHARDS_JOB_NAME = "extract_shards"


class ExtractionConfig(dg.Config):
    """Run configuration of ``mentions`` (Launchpad: ``ops: mentions: config:``)."""

    reextract_all: bool = Field(
        default=False,
        description="Extract every document again, even those whose checksum and extractor are unchanged.",
    )
    workers: int = Field(
        default=0,
        description="Processes that extract documents at once (0: one per core of the machine).",
    )
    from_shards: bool = Field(
        default=False,
        description="Load the rows from the Parquet files of the partitioned extraction (mention_shards, "
        "backfilled beforehand) instead of extracting here; a missing or stale shard stops the run naming it.",
    )


#: Mention rows written to the warehouse at a time (whole documents): memory stays flat whatever the corpus.
BATCH_ROWS = 50_000
_WORKS = (
    "select doc_id, file_name, text, published, published_precision, page_starts from documents "
    "where doc_id in (select unnest(?::varchar[])) order by doc_id"
)


def document_works(conn: duckdb_module.DuckDBPyConnection, doc_ids: list[str]) -> Iterator[DocumentWork]:
    """The documents ``doc_ids`` to extract, read from the warehouse a few at a time on a cursor of their own."""
    if not doc_ids:
        return
    cursor = conn.cursor()
    try:
        cursor.execute(_WORKS, [doc_ids])
        while rows := cursor.fetchmany(256):
            for doc_id, file_name, text, published, precision, page_starts in rows:
                stated = None if published is None else at_precision(published, precision)
                yield DocumentWork(doc_id, file_name, text, stated, tuple(page_starts or ()))
    finally:
        cursor.close()


def typed_batch(batch: list[DocumentRows], paths: ProjectPaths) -> pd.DataFrame:
    """The typed frame of a batch's rows; a row the table cannot hold fails naming its document."""
    try:
        return mentions_frame(row for r in batch for row in r.rows)
    except (ValueError, TypeError) as exc:
        for r in batch:  # only on failure: find the document whose rows do not type
            try:
                mentions_frame(r.rows)
            except (ValueError, TypeError) as doc_exc:
                problem = f"its mentions cannot be stored ({type(doc_exc).__name__}: {str(doc_exc)[:200]}); report this"
                raise input_failure(SourceError(paths.sources / r.file_name, problem)) from doc_exc
        raise exc


@table_asset(Mentions, group="extract", deps=["documents", "regions"])
def mentions(
    context: dg.AssetExecutionContext, config: ExtractionConfig, duckdb: DuckDBResource, paths: ProjectPaths
) -> dg.MaterializeResult:
    """Columns: document, offsets, text, kind, value (or iso_date), unit, qualifier, sentence, and for statistical kinds
    what the figure counts (subject), where (geography), when (period) and per what (rate_per).

    Extraction is the pure function ``pipeline.extraction.extract`` and enrichment
    the pure ``pipeline.enrichment.enrich``, applied one document at a time on a
    process per core (``workers``), rows written in batches; ``text`` always equals
    the document's text at the offsets. Progress (documents done, total, rate) is
    logged every few seconds. Incremental: only documents
    whose SHA-256 changed (or new ones) are extracted; the mentions of the others
    are reused from the warehouse, unless the extraction code or the regions
    gazetteer changed or ``reextract_all`` is set.
    """
    fingerprint = extractor_fingerprint(paths.sources / REGIONS_FILE)
    with duckdb.get_connection() as conn:
        documents = dict(conn.execute("select doc_id, sha256 from documents order by doc_id").fetchall())
        if config.from_shards:
            load_shards(conn, paths.shards, documents, fingerprint)
            plan = ExtractionPlan(extract=[], reuse=[], removed=[])
            context.log.info(f"loaded the mentions of {len(documents)} document(s) from the shards in {paths.shards}")
        else:
            plan = _extract(context, conn, documents, fingerprint, config, paths)
        metadata = warehouse_table_metadata(conn, "mentions", Mentions)
        by_kind = dict(conn.execute("select kind, count(*) from mentions group by kind order by kind").fetchall())
    return dg.MaterializeResult(
        metadata={
            **metadata,
            "mentions_by_kind": dg.MetadataValue.json({k: int(v) for k, v in by_kind.items()}),
            "documents_extracted": dg.MetadataValue.int(len(plan.extract)),
            "documents_reused": dg.MetadataValue.int(len(plan.reuse)),
            "documents_removed": dg.MetadataValue.int(len(plan.removed)),
            "extracted": dg.MetadataValue.json(plan.extract),
            "from_shards": dg.MetadataValue.bool(config.from_shards),
            "extractor_fingerprint": dg.MetadataValue.text(fingerprint),
        }
    )


def _extract(
    context: dg.AssetExecutionContext,
    conn: duckdb_module.DuckDBPyConnection,
    documents: dict[str, str],
    fingerprint: str,
    config: ExtractionConfig,
    paths: ProjectPaths,
) -> ExtractionPlan:
    """Extract the documents that changed on the pool, write them with the reused rows; return the plan."""
    gazetteer = gazetteer_of(paths.sources)
    workers = config.workers or default_workers()
    plan = plan_extraction(documents, read_state(conn), fingerprint, reextract_all=config.reextract_all)
    counts = stored_counts(conn, plan.reuse)
    progress = Progress(context.log, len(plan.extract))
    works = document_works(conn, plan.extract)
    for batch in batches(extract_documents(works, len(plan.extract), gazetteer, paths.sources, workers), BATCH_ROWS):
        bad = first_problem(batch)
        if bad is not None:
            raise input_failure(SourceError(paths.sources / bad.file_name, bad.problem or ""))
        stage_mentions(conn, typed_batch(batch, paths))
        for r in batch:
            counts[r.doc_id] = len(r.rows)
        progress.advance(len(batch))
    write_mentions(conn, None, plan.reuse, state_frame(documents, fingerprint, counts))
    context.log.info(
        f"extracted {len(plan.extract)} document(s), reused {len(plan.reuse)}, dropped {len(plan.removed)} removed"
    )
    return plan


def load_shards(
    conn: duckdb_module.DuckDBPyConnection, folder: Path, documents: dict[str, str], fingerprint: str
) -> None:
    """Replace ``mentions`` by the rows of every shard file; a shard missing or made from other documents or
    code stops the step, one line per shard, naming its file."""
    n = settings.shard_count()
    problems = stale_shards(folder, documents, fingerprint, n)
    if problems:
        raise dg.Failure(
            description="\n".join(
                f"{path}: {problem}; backfill mention_shards first (job {SHARDS_JOB_NAME})"
                for path, problem in problems
            )
        )
    stage_parquet(conn, [shard_path(folder, key) for key in shard_keys(n)])
    counts = dict(conn.execute("select doc_id, count(*) from _incoming_mentions group by doc_id").fetchall())
    write_mentions(conn, None, [], state_frame(documents, fingerprint, counts))
