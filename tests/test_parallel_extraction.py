"""Extraction on several processes gives exactly the rows of one process, written in batches."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.curation.regions import load_gazetteer
from pipeline.defs import extraction_pool
from pipeline.defs.assets import mentions as mentions_asset
from pipeline.defs.extraction_pool import DocumentWork, batches, extract_documents
from pipeline.enrichment.rows import mention_rows
from tests.conftest import SEED_SOURCES, Project

DOCS = sorted((Path(__file__).parent / "fixtures" / "extraction" / "docs").glob("*.txt"))


def _works() -> list[DocumentWork]:
    return [DocumentWork(p.stem, p.name, p.read_text(encoding="utf-8"), "2024-05-01", ()) for p in DOCS]


def test_two_worker_processes_give_the_rows_of_one_in_the_same_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extraction_pool, "MIN_DOCUMENTS_FOR_POOL", 1)
    gazetteer = load_gazetteer(SEED_SOURCES)
    works = _works()
    pooled = list(extract_documents(iter(works), len(works), gazetteer, SEED_SOURCES, workers=2))
    assert [r.doc_id for r in pooled] == [w.doc_id for w in works]
    for result, work in zip(pooled, works, strict=True):
        assert result.problem is None
        assert result.rows == mention_rows(work.doc_id, work.text, gazetteer, work.published, work.page_starts)


def test_a_document_that_fails_is_reported_by_name_not_raised_in_a_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extraction_pool, "MAX_MENTIONS_PER_DOCUMENT", 3)
    gazetteer = load_gazetteer(SEED_SOURCES)
    (result,) = extract_documents([_works()[0]], 1, gazetteer, SEED_SOURCES, workers=1)
    assert result.rows == [] and result.problem is not None and "over the limit of 3" in result.problem


def test_batches_hold_whole_documents_of_about_the_given_number_of_rows() -> None:
    gazetteer = load_gazetteer(SEED_SOURCES)
    results = list(extract_documents(_works(), len(DOCS), gazetteer, SEED_SOURCES, workers=1))
    grouped = list(batches(results, 40))
    assert [r for batch in grouped for r in batch] == results
    assert all(sum(len(r.rows) for r in batch[:-1]) < 40 for batch in grouped)


def test_the_mentions_asset_on_two_processes_writes_the_table_of_one(
    seeded_project: Project, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extraction_pool, "MIN_DOCUMENTS_FOR_POOL", 1)
    monkeypatch.setattr(mentions_asset, "default_workers", lambda: 2)
    monkeypatch.setattr(mentions_asset, "BATCH_ROWS", 100)  # several batches on the seeds
    assert project.materialise().success
    query = "select * exclude (mention_id) , mention_id from mentions order by mention_id"
    assert project.query(query) == seeded_project.query(query)


def test_a_document_whose_rows_the_table_cannot_hold_is_named_and_nothing_is_stored(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = extraction_pool.mention_rows

    def impossible_period(doc_id: str, *args: object, **kwargs: object) -> list[dict[str, object]]:
        rows = real(doc_id, *args, **kwargs)  # type: ignore[arg-type]
        if doc_id.startswith("002"):
            rows[0] = {**rows[0], "period_start": "2021-02-29", "period_end": "2021-02-29"}
        return rows

    monkeypatch.setattr(extraction_pool, "mention_rows", impossible_period)
    result = project.materialise()
    assert not result.success
    (failure,) = [e for e in result.all_events if e.is_step_failure]
    message = failure.step_failure_data.error.message  # type: ignore[union-attr]
    assert "002_8cf95d8b2fb20748.txt" in message and "cannot be stored" in message
    assert not project.database.exists() or not project.query(
        "select 1 from information_schema.tables where table_name = 'mentions'"
    )
