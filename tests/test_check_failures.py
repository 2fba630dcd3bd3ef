"""A failing check shows its first failure cases as metadata and names the file or entry to fix."""

from __future__ import annotations

import dagster as dg
import duckdb

from pipeline.defs.checks.sources import documents_match_sources
from pipeline.defs.resources import ProjectPaths, WarehouseResource
from tests.conftest import SEED_IDS, Project


def _run_source_check(project: Project) -> dg.AssetCheckResult:
    return documents_match_sources(
        duckdb=WarehouseResource(database=str(project.database)),
        paths=ProjectPaths(sources_dir=str(project.sources), exports_dir=str(project.exports)),
    )


def _add_with_provenance(project: Project, name: str, data: bytes) -> None:
    (project.sources / name).write_bytes(data)
    project.record_provenance(name, data)


def test_source_check_passes_when_warehouse_and_folder_agree(project: Project) -> None:
    assert project.materialise().success

    result = _run_source_check(project)

    assert result.passed
    assert result.metadata["documents"].value == len(SEED_IDS)


def test_source_check_names_a_file_edited_after_it_was_loaded(project: Project) -> None:
    assert project.materialise().success
    edited = project.sources / f"{SEED_IDS[3]}.txt"
    edited.write_bytes(edited.read_bytes() + b"\nOne more line: 12 people.\n")

    result = _run_source_check(project)

    assert not result.passed
    assert f"{edited}: SHA-256 mismatch" in result.description
    cases = result.metadata["failure_cases"].value
    assert f"| {edited.name} | SHA-256 mismatch: provenance says " in cases
    assert f"| {edited.name} | changed since the warehouse loaded it" in cases
    assert result.metadata["failure_count"].value == 2


def test_source_check_names_a_document_added_but_not_loaded(project: Project) -> None:
    assert project.materialise().success
    _add_with_provenance(project, "later.txt", b"In 2024, 3 people.")

    result = _run_source_check(project)

    assert not result.passed
    assert f"{project.sources / 'later.txt'}: in the sources folder but not in the warehouse" in result.description


def test_failed_load_lists_every_bad_file_not_only_the_first(project: Project) -> None:
    for seed in SEED_IDS[:2]:
        path = project.sources / f"{seed}.txt"
        path.write_bytes(path.read_bytes().replace(b" ", b"  ", 1))

    result = project.materialise()

    assert not result.success
    (failure,) = [e for e in result.all_events if e.is_step_failure]
    metadata = failure.step_failure_data.user_failure_data.metadata
    problems = metadata["problems"].value
    assert all(f"| {seed}.txt | SHA-256 mismatch" in problems for seed in SEED_IDS[:2])
    assert metadata["problem_count"].value == 2
    assert metadata["file"].value == str(project.sources / f"{SEED_IDS[0]}.txt")


def test_schema_check_failure_shows_the_failing_rows(project: Project) -> None:
    _add_with_provenance(project, "bad id.txt", b"In 2023, 1,000 people arrived.")

    result = project.materialise()

    (evaluation,) = [e for e in result.get_asset_check_evaluations() if e.check_name == "documents_schema"]
    assert not evaluation.passed
    cases = evaluation.metadata["failure_cases"].value
    assert "| doc_id | str_matches" in cases and "bad id" in cases
    assert evaluation.metadata["failure_count"].value >= 1


def test_source_check_names_a_document_whose_stored_text_was_altered(project: Project) -> None:
    assert project.materialise().success
    with duckdb.connect(str(project.database)) as conn:
        conn.execute("update documents set text = replace(text, '2021', '2012') where doc_id = ?", [SEED_IDS[4]])

    result = _run_source_check(project)

    assert not result.passed
    assert f"{SEED_IDS[4]}.txt: the warehouse's text is not the text its converter made (text_sha256)" in (
        result.description
    )


def test_source_check_names_a_text_document_whose_text_and_text_checksum_were_both_altered(project: Project) -> None:
    assert project.materialise().success
    with duckdb.connect(str(project.database)) as conn:
        conn.execute(
            "update documents set text = replace(text, '2021', '2012'), text_sha256 = sha256(replace(text, '2021', "
            "'2012')) where doc_id = ?",
            [SEED_IDS[4]],
        )

    result = _run_source_check(project)

    assert not result.passed
    assert f"{SEED_IDS[4]}.txt: the warehouse's text does not match its recorded size and SHA-256" in result.description
