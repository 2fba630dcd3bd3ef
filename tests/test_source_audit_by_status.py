"""The source audit reads a document again only when its file or provenance file changed size or modification time."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

from pipeline.defs.automation import ALL_ASSETS_JOB
from pipeline.defs.definitions import make_definitions
from pipeline.defs.runs import QUIET_LOGS, failure_messages
from pipeline.sources.documents import provenance_path
from pipeline.sources.file_state import RACY_NS, FileState, is_unchanged
from tests.conftest import SEED_IDS, Project

HOUR_NS = 3_600_000_000_000


def _documents_metadata(result: dg.ExecuteInProcessResult) -> dict[str, object]:
    (materialisation,) = result.asset_materializations_for_node("documents")
    return {key: entry.value for key, entry in materialisation.metadata.items()}


def _read_and_unchanged(result: dg.ExecuteInProcessResult) -> tuple[object, object]:
    metadata = _documents_metadata(result)
    return metadata["documents_read"], metadata["documents_unchanged"]


def _age(path: Path, seconds: int = 3600) -> None:
    """Give ``path`` a modification time ``seconds`` in the past (as a file copied long ago has)."""
    past = os.stat(path).st_mtime_ns - seconds * 1_000_000_000
    os.utime(path, ns=(past, past))


def _status(size: int, mtime_ns: int) -> os.stat_result:
    """A regular file's status with only the size and modification time set (what the rule reads)."""
    return os.stat_result((0o100644, 0, 0, 1, 0, 0, size, 0, 0, 0, 0.0, 0.0, 0.0, 0, mtime_ns, 0))


def test_a_second_run_reads_no_unchanged_document(project: Project) -> None:
    assert project.materialise().success
    second = project.materialise()

    assert second.success
    assert _read_and_unchanged(second) == (0, len(SEED_IDS))
    assert [r[0] for r in project.query("select doc_id from documents order by doc_id")] == SEED_IDS


def test_a_rewritten_document_is_read_again_and_the_others_are_not(project: Project) -> None:
    assert project.materialise().success
    doc = project.sources / f"{SEED_IDS[1]}.txt"
    data = doc.read_bytes().replace(b"2021", b"2022", 1)
    doc.write_bytes(data)
    project.record_provenance(doc.name, data)

    second = project.materialise()

    assert second.success
    assert _read_and_unchanged(second) == (1, len(SEED_IDS) - 1)
    (text,) = project.query("select text from documents where doc_id = ?", [SEED_IDS[1]])[0]
    assert text == data.decode("utf-8")


def test_a_file_changed_behind_its_provenance_is_refused_even_with_its_old_size(project: Project) -> None:
    assert project.materialise().success
    doc = project.sources / f"{SEED_IDS[0]}.txt"
    data = doc.read_bytes()
    doc.write_bytes(data[:-1] + (b"X" if data[-1:] != b"X" else b"Y"))  # same size, new modification time

    second = project.materialise()

    assert not second.success
    assert any(f"{doc}: SHA-256 mismatch" in m for m in failure_messages(second))


def test_verify_all_reads_every_document_again(project: Project) -> None:
    assert project.materialise().success
    defs = make_definitions(project.resources())
    job = defs.resolve_job_def(ALL_ASSETS_JOB)
    config = {**QUIET_LOGS, "ops": {"documents": {"config": {"verify_all": True}}}}
    second = job.execute_in_process(instance=dg.DagsterInstance.ephemeral(), run_config=config, raise_on_error=False)

    assert second.success
    assert _read_and_unchanged(second) == (len(SEED_IDS), 0)


def test_a_provenance_file_edited_is_read_again_with_its_document(project: Project) -> None:
    assert project.materialise().success
    record = provenance_path(project.sources / f"{SEED_IDS[2]}.txt")
    record.write_text(record.read_text(encoding="utf-8").replace("title:", "title: Edited", 1), encoding="utf-8")

    second = project.materialise()

    assert second.success
    assert _read_and_unchanged(second) == (1, len(SEED_IDS) - 1)
    (title,) = project.query("select title from documents where doc_id = ?", [SEED_IDS[2]])[0]
    assert title.startswith("Edited")


def test_a_file_modified_just_before_it_was_read_is_read_again_next_time(project: Project) -> None:
    doc = project.sources / f"{SEED_IDS[3]}.txt"
    os.utime(doc)  # modified now: its state is recorded within the racy window
    assert project.materialise().success
    second = project.materialise()

    assert _read_and_unchanged(second) == (1, len(SEED_IDS) - 1)
    for path in (doc, provenance_path(doc)):
        _age(path)
    third = project.materialise()
    assert _read_and_unchanged(third) == (1, len(SEED_IDS) - 1)  # its modification time changed once more
    assert _read_and_unchanged(project.materialise()) == (0, len(SEED_IDS))


def test_a_status_is_unchanged_only_with_the_same_size_and_time_recorded_outside_the_racy_window() -> None:
    state = FileState("a.txt", 10, 5 * HOUR_NS, "0" * 64, 6 * HOUR_NS)
    assert is_unchanged(_status(10, 5 * HOUR_NS), state)
    assert not is_unchanged(_status(11, 5 * HOUR_NS), state)
    assert not is_unchanged(_status(10, 5 * HOUR_NS + 1_000_000_000), state)
    assert not is_unchanged(_status(10, 5 * HOUR_NS), None)
    racy = FileState("a.txt", 10, 5 * HOUR_NS, "0" * 64, 5 * HOUR_NS + RACY_NS)
    assert not is_unchanged(_status(10, 5 * HOUR_NS), racy)
