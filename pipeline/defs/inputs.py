"""What the curate and marts assets share: reading curated files into Dagster failures, and warehouse look-ups."""

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import dagster as dg
import duckdb
import pandas as pd

from pipeline.curation.errors import CurationError
from pipeline.curation.regions import load_gazetteer
from pipeline.enrichment import Gazetteer

T = TypeVar("T")


def curated(load: Callable[[], T]) -> T:
    """Run ``load``; a CurationError becomes a Dagster failure naming the file, the entry and the problem."""
    try:
        return load()
    except CurationError as exc:
        metadata = {"file": exc.path, "problem": exc.problem}
        if exc.entry:
            metadata["entry"] = exc.entry
        raise dg.Failure(description=str(exc), metadata=metadata) from exc


def gazetteer_of(sources_dir: Path) -> Gazetteer:
    """The gazetteer of ``sources_dir/regions.yaml``, or a failure naming the bad entry."""
    return curated(lambda: load_gazetteer(sources_dir))


def located_documents(entries: Mapping[str, Any]) -> list[str]:
    """Ids of the documents the locators of ``entries`` name (malformed entries are reported later)."""
    docs = set()
    for data in entries.values():
        locator = data.get("locator") if isinstance(data, dict) else None
        if isinstance(locator, dict) and locator.get("doc") is not None:
            docs.add(str(locator["doc"]))
    return sorted(docs)


def texts_and_mentions(conn: duckdb.DuckDBPyConnection, doc_ids: Iterable[str]) -> tuple[dict[str, str], pd.DataFrame]:
    """The text and the mentions of the documents ``doc_ids`` (only those: locators need no more)."""
    ids = list(doc_ids)
    texts = dict(conn.execute("select doc_id, text from documents where list_contains(?, doc_id)", [ids]).fetchall())
    mentions = conn.execute(
        'select * from mentions where list_contains(?, doc_id) order by doc_id, start, "end"', [ids]
    ).df()
    return texts, mentions
