"""Extraction is incremental: only documents whose checksum changed are extracted again."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipeline.defs.automation import daily_refresh
from pipeline.defs.definitions import make_definitions
from pipeline.defs.runs import QUIET_LOGS
from pipeline.sources.add import NewSource, add_source
from pipeline.sources.documents import provenance_path
from pipeline.store.incremental import ExtractionPlan, extractor_fingerprint, plan_extraction
from tests.conftest import SEED_IDS, Project

NEW_DOC = "In 2023, about 1,200 people crossed the border; 15% were children.\n"
OLD, NEW = "a" * 64, "b" * 64


def _mentions_metadata(result: dg.ExecuteInProcessResult) -> dict[str, object]:
    (materialisation,) = result.asset_materializations_for_node("mentions")
    return {key: entry.value for key, entry in materialisation.metadata.items()}


def _rows_by_document(project: Project) -> dict[str, list[tuple]]:
    rows: dict[str, list[tuple]] = {}
    for row in project.query("select * from mentions order by doc_id, char_start, char_end, kind"):
        rows.setdefault(row[1], []).append(row)
    return rows


def _add(project: Project, tmp_path: Path, name: str, text: str, replace: bool = False) -> None:
    file = tmp_path / "incoming" / name
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    new = NewSource(file=file, title="Test document", publisher="Tests", published="none", license="unknown")
    add_source(project.sources, new, replace=replace)


def test_a_new_document_is_extracted_and_the_others_reused_unchanged(project: Project, tmp_path: Path) -> None:
    first = project.materialise()
    assert first.success
    assert _mentions_metadata(first)["documents_extracted"] == 5
    before = _rows_by_document(project)

    _add(project, tmp_path, "005_new.txt", NEW_DOC)
    second = project.materialise()

    assert second.success
    metadata = _mentions_metadata(second)
    assert (metadata["documents_extracted"], metadata["documents_reused"]) == (1, 5)
    assert metadata["extracted"] == ["005_new"]
    after = _rows_by_document(project)
    assert {doc_id: after[doc_id] for doc_id in SEED_IDS} == before
    assert after["005_new"], "the new document's mentions are in the table"


def test_a_changed_document_is_extracted_again_and_a_removed_one_dropped(project: Project, tmp_path: Path) -> None:
    assert project.materialise().success
    before = _rows_by_document(project)
    changed, removed = SEED_IDS[0], SEED_IDS[2]  # documents no curated indicator or claim quotes
    _add(project, tmp_path, f"{changed}.txt", NEW_DOC, replace=True)
    (project.sources / f"{removed}.txt").unlink()
    provenance_path(project.sources / f"{removed}.txt").unlink()

    result = project.materialise()

    assert result.success
    metadata = _mentions_metadata(result)
    assert metadata["extracted"] == [changed]
    assert (metadata["documents_reused"], metadata["documents_removed"]) == (3, 1)
    after = _rows_by_document(project)
    assert removed not in after
    texts = [text for (text,) in project.query("select text from mentions where doc_id = ?", [changed])]
    assert texts and all(text in NEW_DOC for text in texts)
    assert {d: after[d] for d in SEED_IDS if d not in (changed, removed)} == {
        d: before[d] for d in SEED_IDS if d not in (changed, removed)
    }
    state = project.query("select doc_id, n_mentions from extraction_state order by doc_id")
    assert state == [(d, len(after[d])) for d in sorted(after)]


def test_the_daily_refresh_extracts_every_document_again(project: Project) -> None:
    assert project.materialise().success
    before = project.state()
    job = make_definitions(project.resources()).resolve_job_def(daily_refresh.job_name)
    (request,) = daily_refresh.evaluate_tick(dg.build_schedule_context()).run_requests

    result = job.execute_in_process(
        instance=dg.DagsterInstance.ephemeral(), run_config={**request.run_config, **QUIET_LOGS}
    )

    assert result.success
    assert (_mentions_metadata(result)["documents_extracted"], _mentions_metadata(result)["documents_reused"]) == (5, 0)
    assert project.state() == before


def test_plan_reuses_only_documents_with_the_same_checksum_and_extractor() -> None:
    previous = {"same": (OLD, "x"), "edited": (OLD, "x"), "gone": (OLD, "x")}
    current = {"same": OLD, "edited": NEW, "new": NEW}

    plan = plan_extraction(current, previous, "x")

    assert plan == ExtractionPlan(extract=["edited", "new"], reuse=["same"], removed=["gone"])


def test_plan_extracts_everything_when_the_extractor_changed_or_when_asked() -> None:
    previous = {"a": (OLD, "x"), "b": (NEW, "x")}
    current = {"a": OLD, "b": NEW}

    assert plan_extraction(current, previous, "y").extract == ["a", "b"]
    assert plan_extraction(current, previous, "x", reextract_all=True).extract == ["a", "b"]
    assert plan_extraction(current, previous, "x").reuse == ["a", "b"]


def test_extractor_fingerprint_is_a_stable_digest_of_the_extraction_code() -> None:
    assert extractor_fingerprint() == extractor_fingerprint()
    assert len(extractor_fingerprint()) == 64
