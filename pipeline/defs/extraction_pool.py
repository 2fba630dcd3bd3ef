"""Mention rows of many documents on every core: a process pool that takes one document at a time.

The ``mentions`` asset hands the documents to extract to :func:`extract_documents`, which yields
each document's rows as soon as they are ready (in the order given), so that the caller writes
them in batches and never holds the corpus. With one worker, or few documents, no process is
started. Workers are started with ``spawn`` (a clean interpreter, not a copy of a process that
runs threads) and each loads the regions gazetteer once; this module imports no Dagster, so a
worker imports only the pure packages.

Why a pool inside the asset and not Dagster partitions: a partition per document would be
10,000 steps, each with its own start-up and event-log writes, costing more than extracting the
document; the pool keeps one step, spreads the work over the machine's cores, and leaves the
warehouse written by one process.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pipeline.curation.regions import load_gazetteer
from pipeline.enrichment.rows import mention_rows
from pipeline.places.gazetteer import Gazetteer

#: More mentions than this in one document is no policy document: the run stops naming it.
MAX_MENTIONS_PER_DOCUMENT = 1_000_000
#: Below this many documents the work stays in the calling process (starting workers costs more).
MIN_DOCUMENTS_FOR_POOL = 64
#: Documents a worker takes at a time, and chunks kept in flight per worker (read ahead, not yet taken back).
CHUNK_DOCUMENTS = 8
IN_FLIGHT_PER_WORKER = 4
_DIGIT_RUN = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class DocumentWork:
    """One document to extract: its id, file name, text, stated publication date and page starts."""

    doc_id: str
    file_name: str
    text: str
    published: str | None
    page_starts: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class DocumentRows:
    """The rows of one document, or the one-line problem that stopped it."""

    doc_id: str
    file_name: str
    rows: list[dict[str, object]]
    problem: str | None = None


def rows_of(work: DocumentWork, gazetteer: Gazetteer) -> DocumentRows:
    """The mention rows of one document; anything going wrong becomes a problem naming no other document."""
    numbers = sum(1 for _ in _DIGIT_RUN.finditer(work.text))
    if numbers > MAX_MENTIONS_PER_DOCUMENT:  # refused before the work, not after it
        problem = f"holds {numbers:,} numbers, over the limit of {MAX_MENTIONS_PER_DOCUMENT:,} mentions per document"
        return DocumentRows(work.doc_id, work.file_name, [], problem)
    try:
        rows = mention_rows(work.doc_id, work.text, gazetteer, work.published, work.page_starts)
    except Exception as exc:  # a bug or a pathological text: say which document, keep the cause
        problem = f"extraction failed ({type(exc).__name__}: {str(exc)[:200]}); nothing was changed"
        return DocumentRows(work.doc_id, work.file_name, [], problem)
    if len(rows) > MAX_MENTIONS_PER_DOCUMENT:
        problem = f"holds {len(rows):,} mentions, over the limit of {MAX_MENTIONS_PER_DOCUMENT:,} per document"
        return DocumentRows(work.doc_id, work.file_name, [], problem)
    return DocumentRows(work.doc_id, work.file_name, rows)


_WORKER_GAZETTEER: Gazetteer | None = None


def _start_worker(sources_dir: str) -> None:
    global _WORKER_GAZETTEER
    _WORKER_GAZETTEER = load_gazetteer(Path(sources_dir))


def _work_in_worker(work: DocumentWork) -> DocumentRows:
    assert _WORKER_GAZETTEER is not None
    return rows_of(work, _WORKER_GAZETTEER)


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def extract_documents(
    works: Iterable[DocumentWork],
    n_documents: int,
    gazetteer: Gazetteer,
    sources_dir: Path,
    workers: int,
) -> Iterator[DocumentRows]:
    """The rows of each document of ``works`` (``n_documents`` of them), in order, on ``workers`` processes."""
    if workers <= 1 or n_documents < MIN_DOCUMENTS_FOR_POOL:
        for work in works:
            yield rows_of(work, gazetteer)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(str(sources_dir),)
    ) as pool:
        pending: deque[Future[list[DocumentRows]]] = deque()
        for chunk in _chunks(works, CHUNK_DOCUMENTS):
            pending.append(pool.submit(_work_chunk, chunk))
            if len(pending) >= IN_FLIGHT_PER_WORKER * workers:  # a bounded window: memory stays flat
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _chunks(works: Iterable[DocumentWork], size: int) -> Iterator[list[DocumentWork]]:
    """``works`` in lists of ``size``."""
    chunk: list[DocumentWork] = []
    for work in works:
        chunk.append(work)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _work_chunk(chunk: list[DocumentWork]) -> list[DocumentRows]:
    return [_work_in_worker(work) for work in chunk]


def batches(results: Iterable[DocumentRows], max_rows: int) -> Iterator[list[DocumentRows]]:
    """``results`` grouped so that each group holds about ``max_rows`` rows (whole documents)."""
    batch: list[DocumentRows] = []
    size = 0
    for result in results:
        batch.append(result)
        size += len(result.rows)
        if size >= max_rows:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def first_problem(results: Sequence[DocumentRows]) -> DocumentRows | None:
    """The first result that stopped on a problem, if any."""
    return next((r for r in results if r.problem is not None), None)
