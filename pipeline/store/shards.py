"""The partitioned extraction's results: one Parquet file of mention rows per shard of the documents.

Each shard of the partitioned ``mention_shards`` asset is extracted by its own run (on a cluster, its own pod)
and writes one Parquet file, never the DuckDB file, so that many workers never write one warehouse at once;
``mentions`` (``from_shards``) then loads every shard into DuckDB in one step. A document belongs to shard
``int(sha256(doc_id)[:8], 16) % n``: stable, and spread evenly whatever the ids look like. A shard's file
records which documents (and SHA-256) and which extractor fingerprint it was made from, in its Parquet key-value
metadata, so that stale shards are refused and unchanged ones are not extracted again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

#: The Parquet key-value metadata entry of a shard's manifest.
MANIFEST_KEY = b"figures.shard"
ROW_GROUP_ROWS = 100_000


def shard_keys(n: int) -> list[str]:
    """The partition keys of ``n`` shards: ``00``, ``01``, ... (as many digits as the largest needs)."""
    width = max(2, len(str(n - 1)))
    return [f"{i:0{width}d}" for i in range(n)]


def shard_of(doc_id: str, n: int) -> str:
    """The key of the shard document ``doc_id`` belongs to, out of ``n``."""
    return shard_keys(n)[int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8], 16) % n]


def shard_path(folder: Path, key: str) -> Path:
    """The Parquet file of shard ``key``."""
    return folder / f"mentions-{key}.parquet"


@dataclass(frozen=True)
class Manifest:
    """What a shard's rows were extracted from: each document's SHA-256, and the extractor's fingerprint."""

    documents: dict[str, str]
    extractor: str


def read_manifest(path: Path) -> Manifest | None:
    """The manifest of the shard file ``path``, or None if there is no such file or it is no shard file."""
    try:
        metadata = pq.read_schema(path).metadata or {}
        entry = json.loads(metadata[MANIFEST_KEY])
        return Manifest(dict(entry["documents"]), str(entry["extractor"]))
    except (OSError, KeyError, ValueError, TypeError, pa.ArrowException):
        return None


class ShardWriter:
    """Writes one shard's rows, batch by batch, to a temporary file that replaces the shard file on ``close``."""

    def __init__(self, path: Path, empty: pd.DataFrame, manifest: Manifest) -> None:
        entry = json.dumps({"documents": manifest.documents, "extractor": manifest.extractor}, sort_keys=True)
        schema = pa.Schema.from_pandas(empty, preserve_index=False).with_metadata({MANIFEST_KEY: entry.encode()})
        path.parent.mkdir(parents=True, exist_ok=True)
        self._path, self._temporary, self._schema = path, path.with_name(f".{path.name}.{os.getpid()}.tmp"), schema
        self._writer = pq.ParquetWriter(self._temporary, schema, compression="zstd")

    def write(self, batch: pd.DataFrame) -> None:
        """Add a batch of typed mention rows."""
        table = pa.Table.from_pandas(batch, preserve_index=False).cast(self._schema)
        self._writer.write_table(table, row_group_size=ROW_GROUP_ROWS)

    def close(self) -> None:
        """Finish the file and put it in place of the shard's previous file."""
        self._writer.close()
        os.replace(self._temporary, self._path)

    def abort(self) -> None:
        """Drop what was written; the shard's previous file stays."""
        self._writer.close()
        self._temporary.unlink(missing_ok=True)


def documents_of(documents: Mapping[str, str], key: str, n: int) -> dict[str, str]:
    """The documents (doc_id → SHA-256) of shard ``key`` out of ``n``."""
    return {doc_id: sha for doc_id, sha in documents.items() if shard_of(doc_id, n) == key}


def stale_shards(folder: Path, documents: Mapping[str, str], extractor: str, n: int) -> list[tuple[Path, str]]:
    """(file, problem) for every one of the ``n`` shards missing, or made from other documents or another extractor
    than ``documents`` (doc_id → SHA-256, all shards) and ``extractor``."""
    keys = shard_keys(n)
    expected: dict[str, dict[str, str]] = {key: {} for key in keys}
    for doc_id, sha in documents.items():
        expected[shard_of(doc_id, n)][doc_id] = sha
    problems = []
    for key in keys:
        path = shard_path(folder, key)
        manifest = read_manifest(path)
        if manifest is None:
            problems.append((path, f"shard {key} has not been extracted (no shard file)"))
        elif manifest.extractor != extractor:
            problems.append((path, f"shard {key} was extracted by other extraction code or regions"))
        elif manifest.documents != expected[key]:
            changed = sorted(set(manifest.documents.items()) ^ set(expected[key].items()))
            first = changed[0][0] if changed else "?"
            problems.append((path, f"shard {key} was extracted from other documents (first: {first})"))
    return problems
