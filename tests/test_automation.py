"""The sources sensor starts a run when the sources folder changes; the daily schedule is off until turned on."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

from pipeline.defs.automation import daily_refresh, sources_sensor
from pipeline.defs.definitions import ALL_ASSETS_JOB, defs
from pipeline.defs.resources import ProjectPaths
from pipeline.sources.add import NewSource, add_source
from pipeline.sources.documents import folder_snapshot, provenance_path
from tests.conftest import SEED_SOURCES, Project


def _tick(project: Project, cursor: str | None) -> tuple[dg.RunRequest | dg.SkipReason, str | None]:
    """Evaluate the sensor once on the project's folder; return its answer and the cursor it leaves."""
    paths = ProjectPaths(sources_dir=str(project.sources), exports_dir=str(project.exports))
    context = dg.build_sensor_context(cursor=cursor, resources={"paths": paths})
    answer = sources_sensor(context)
    return answer, context.cursor


def _add(project: Project, tmp_path: Path) -> None:
    file = tmp_path / "005_new.txt"
    file.write_text("In 2023, 1,200 people arrived.\n", encoding="utf-8")
    add_source(project.sources, NewSource(file=file, title="T", publisher="P", published="2024", license="unknown"))


def test_first_tick_records_the_folder_without_starting_a_run(project: Project) -> None:
    answer, cursor = _tick(project, None)

    assert isinstance(answer, dg.SkipReason)
    assert "a change from now on starts a run" in answer.skip_message
    assert cursor is not None


def test_unchanged_folder_starts_nothing(project: Project) -> None:
    _, cursor = _tick(project, None)

    answer, next_cursor = _tick(project, cursor)

    assert isinstance(answer, dg.SkipReason) and "no change" in answer.skip_message
    assert next_cursor == cursor


def test_new_document_requests_a_run_of_every_asset_once(project: Project, tmp_path: Path) -> None:
    _, cursor = _tick(project, None)
    _add(project, tmp_path)

    answer, cursor_after = _tick(project, cursor)

    assert isinstance(answer, dg.RunRequest)
    assert answer.tags["figures/sources_changed"] == "2 added"  # the document and its own provenance file
    assert sources_sensor.job_name == ALL_ASSETS_JOB
    again, _ = _tick(project, cursor_after)
    assert isinstance(again, dg.SkipReason)


def test_changed_document_requests_a_run_with_a_new_run_key(project: Project, tmp_path: Path) -> None:
    _, cursor = _tick(project, None)
    _add(project, tmp_path)
    first, cursor = _tick(project, cursor)
    (project.sources / "005_new.txt").unlink()
    provenance_path(project.sources / "005_new.txt").unlink()
    assert folder_snapshot(project.sources) == folder_snapshot(SEED_SOURCES)

    second, _ = _tick(project, cursor)

    assert isinstance(first, dg.RunRequest) and isinstance(second, dg.RunRequest)
    assert first.run_key != second.run_key  # back to the first state still starts a run


def test_half_added_document_waits_for_its_provenance_naming_the_file(project: Project) -> None:
    _, cursor = _tick(project, None)
    (project.sources / "stray.txt").write_text("In 2023, 1,000 people arrived.", encoding="utf-8")

    answer, cursor_after = _tick(project, cursor)

    assert isinstance(answer, dg.SkipReason)
    assert "stray.txt: document has no provenance file (stray.txt.provenance.yaml)" in answer.skip_message
    assert cursor_after == cursor  # once it is fixed, the change is still seen


def test_sensor_runs_by_default_and_schedule_is_off_by_default() -> None:
    assert defs.resolve_sensor_def("sources_sensor").default_status == dg.DefaultSensorStatus.RUNNING
    schedule = defs.resolve_schedule_def("daily_refresh")
    assert schedule.default_status == dg.DefaultScheduleStatus.STOPPED
    assert (schedule.cron_schedule, schedule.job_name) == ("0 5 * * *", ALL_ASSETS_JOB)
    assert daily_refresh is schedule


def test_a_file_with_its_recorded_size_and_modification_time_is_not_read_again(project: Project) -> None:
    _, cursor = _tick(project, None)
    doc = sorted(project.sources.glob("*.txt"))[0]
    status = doc.stat()
    data = doc.read_bytes()
    doc.write_bytes(data[:-1] + (b"X" if data[-1:] != b"X" else b"Y"))  # new bytes, same size
    os.utime(doc, ns=(status.st_atime_ns, status.st_mtime_ns))  # and the recorded modification time

    answer, _ = _tick(project, cursor)

    assert isinstance(answer, dg.SkipReason) and "no change" in answer.skip_message


def test_a_file_touched_without_a_change_of_content_starts_nothing(project: Project) -> None:
    _, cursor = _tick(project, None)
    os.utime(sorted(project.sources.glob("*.txt"))[0])  # a new modification time: hashed again, same bytes

    answer, _ = _tick(project, cursor)

    assert isinstance(answer, dg.SkipReason) and "no change" in answer.skip_message
