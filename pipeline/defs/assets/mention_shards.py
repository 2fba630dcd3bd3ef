"""Extract layer, partitioned: each shard of the documents extracted by its own run into a Parquet file.

The same extraction as ``mentions`` (``pipeline.defs.extraction_pool``), split over ``FIGURES_SHARDS``
static partitions (default 8) so that a backfill of this asset spreads the corpus over as many runs as the
run launcher starts at once: processes on this machine (Dagster's default run launcher), pods on Kubernetes
(``dagster-k8s``'s ``K8sRunLauncher``), by configuration alone (README, "Large corpora and clusters").
Each run reads the published warehouse read-only (``WarehouseReader``, no run lock) and writes only its own
shard file (``pipeline.store.shards``); ``mentions`` with ``from_shards`` loads them all into DuckDB.
A shard whose documents and extraction code are unchanged is not extracted again.
"""

import dagster as dg

from pipeline.common import settings
from pipeline.common.fingerprints import code_version
from pipeline.curation.regions import REGIONS_FILE
from pipeline.defs.assets.mentions import BATCH_ROWS, SHARDS_JOB_NAME, document_works, typed_batch
from pipeline.defs.extraction_pool import batches, default_workers, extract_documents, first_problem
from pipeline.defs.inputs import gazetteer_of, input_failure
from pipeline.defs.resources import ProjectPaths, WarehouseReader
from pipeline.sources.documents import SourceError
from pipeline.store.frames import mentions_frame
from pipeline.store.incremental import extractor_fingerprint
from pipeline.store.shards import Manifest, ShardWriter, documents_of, read_manifest, shard_keys, shard_path

SHARDS = dg.StaticPartitionsDefinition(shard_keys(settings.shard_count()))
#: The partitioned job a backfill of the shards runs (``dagster job backfill -j extract_shards --all all``).
SHARDS_JOB = SHARDS_JOB_NAME


@dg.asset(
    partitions_def=SHARDS,
    group_name="extract",
    kinds={"parquet"},
    deps=["documents", "regions"],
    code_version=code_version(__name__),
)
def mention_shards(
    context: dg.AssetExecutionContext, reader: WarehouseReader, paths: ProjectPaths
) -> dg.MaterializeResult:
    """The mention rows of one shard of the documents, as one Parquet file in the shards folder.

    For corpora too large for one machine: backfill every partition (each one a run, on as many processes or
    pods as the run launcher allows), then materialise ``mentions`` with ``from_shards: true`` and the rest.
    """
    key, n = context.partition_key, len(SHARDS.get_partition_keys())
    path = shard_path(paths.shards, key)
    fingerprint = extractor_fingerprint(paths.sources / REGIONS_FILE)
    with reader.get_connection() as conn:
        everything = dict(conn.execute("select doc_id, sha256 from documents order by doc_id").fetchall())
        manifest = Manifest(documents_of(everything, key, n), fingerprint)
        if read_manifest(path) == manifest:
            context.log.info(f"shard {key}: its {len(manifest.documents)} documents are unchanged; not extracted")
            return _result(path, manifest, extracted=False)
        gazetteer = gazetteer_of(paths.sources)
        works = document_works(conn, sorted(manifest.documents))
        results = extract_documents(works, len(manifest.documents), gazetteer, paths.sources, default_workers())
        writer = ShardWriter(path, mentions_frame([]), manifest)
        try:
            for batch in batches(results, BATCH_ROWS):
                bad = first_problem(batch)
                if bad is not None:
                    raise input_failure(SourceError(paths.sources / bad.file_name, bad.problem or ""))
                writer.write(typed_batch(batch, paths))
        except BaseException:
            writer.abort()
            raise
        writer.close()
    context.log.info(f"shard {key}: {len(manifest.documents)} documents extracted into {path}")
    return _result(path, manifest, extracted=True)


def _result(path: object, manifest: Manifest, extracted: bool) -> dg.MaterializeResult:
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(path)),
            "documents": dg.MetadataValue.int(len(manifest.documents)),
            "extracted": dg.MetadataValue.bool(extracted),
            "extractor_fingerprint": dg.MetadataValue.text(manifest.extractor),
        }
    )
