"""``add-source`` copies a document into the sources folder and records its provenance, changing nothing else."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pipeline.sources.add import NewSource, add_source, parse_published
from pipeline.sources.documents import PROVENANCE_FILE, SourceError, load_verified_documents
from tests.conftest import SEED_IDS, Project

NEW_TEXT = "In 2023, about 1,200 people crossed the border; 15% were children.\n"


def _new_document(tmp_path: Path, name: str = "new_report.txt", data: bytes = NEW_TEXT.encode()) -> Path:
    path = tmp_path / "incoming" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _describe(file: Path, **changes: object) -> NewSource:
    fields: dict[str, object] = {
        "file": file,
        "title": "A new report: arrivals in 2023",
        "publisher": "Test Observatory",
        "published": "2024-02-29",
        "license": "CC BY 4.0",
        "url": "https://example.org/report",
    }
    fields.update(changes)
    return NewSource(**fields)  # type: ignore[arg-type]


def _folder_state(sources: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(sources.iterdir())}


def _entries(sources: Path) -> dict[str, dict]:
    return yaml.safe_load((sources / PROVENANCE_FILE).read_text(encoding="utf-8"))["documents"]


def test_adding_copies_the_file_byte_for_byte_and_records_size_and_checksum(project: Project, tmp_path: Path) -> None:
    file = _new_document(tmp_path)

    added = add_source(project.sources, _describe(file))

    assert added.path == project.sources / "new_report.txt"
    assert added.path.read_bytes() == file.read_bytes()
    entry = _entries(project.sources)["new_report.txt"]
    assert entry == {
        "title": "A new report: arrivals in 2023",
        "publisher": "Test Observatory",
        "published": "2024-02-29",
        "url": "https://example.org/report",
        "license": "CC BY 4.0",
        "bytes": len(NEW_TEXT.encode()),
        "sha256": hashlib.sha256(NEW_TEXT.encode()).hexdigest(),
    }
    docs = load_verified_documents(project.sources)
    assert [d.doc_id for d in docs] == [*SEED_IDS, "new_report"]


def test_adding_keeps_every_existing_entry_and_comment_unchanged(project: Project, tmp_path: Path) -> None:
    before = (project.sources / PROVENANCE_FILE).read_text(encoding="utf-8")

    add_source(project.sources, _describe(_new_document(tmp_path)))

    after = (project.sources / PROVENANCE_FILE).read_text(encoding="utf-8")
    assert after.startswith(before)
    assert after[len(before) :].startswith("  new_report.txt:\n")
    old_entries = yaml.safe_load(before)["documents"]
    new_entries = _entries(project.sources)
    assert list(new_entries)[: len(old_entries)] == list(old_entries)
    assert {k: new_entries[k] for k in old_entries} == old_entries


def test_replace_rewrites_only_that_entry_in_place(project: Project, tmp_path: Path) -> None:
    seed = f"{SEED_IDS[1]}.txt"
    lines_before = (project.sources / PROVENANCE_FILE).read_text(encoding="utf-8").splitlines()
    file = _new_document(tmp_path, seed, b"Revised: 3,400 people in 2024.\n")

    added = add_source(project.sources, _describe(file, published="2024-07"), replace=True)

    assert added.replaced
    assert (project.sources / seed).read_bytes() == b"Revised: 3,400 people in 2024.\n"
    entries = _entries(project.sources)
    assert list(entries) == [f"{doc_id}.txt" for doc_id in SEED_IDS]
    assert entries[seed]["published"] == "2024-07"
    assert entries[seed]["sha256"] == hashlib.sha256(b"Revised: 3,400 people in 2024.\n").hexdigest()
    lines_after = (project.sources / PROVENANCE_FILE).read_text(encoding="utf-8").splitlines()
    changed = [i for i, (a, b) in enumerate(zip(lines_before, lines_after, strict=True)) if a != b]
    assert changed and all(lines_after[i].startswith("    ") for i in changed)
    assert len(load_verified_documents(project.sources)) == len(SEED_IDS)


def test_a_document_can_be_given_another_id(project: Project, tmp_path: Path) -> None:
    added = add_source(project.sources, _describe(_new_document(tmp_path, "Report (final).md"), doc_id="005_report"))

    assert added.path == project.sources / "005_report.md"
    assert "005_report.md" in _entries(project.sources)


def test_a_file_already_in_the_folder_is_registered_in_place(project: Project) -> None:
    stray = project.sources / "dropped_in.txt"
    stray.write_text(NEW_TEXT, encoding="utf-8")

    add_source(project.sources, _describe(stray, published="none", url=None, license="unknown"))

    entry = _entries(project.sources)["dropped_in.txt"]
    assert (entry["published"], entry["url"], entry["license"]) == (None, None, "unknown")
    assert len(load_verified_documents(project.sources)) == len(SEED_IDS) + 1


def _missing(tmp_path: Path) -> NewSource:
    return _describe(tmp_path / "nowhere.txt")


def _pdf(tmp_path: Path) -> NewSource:
    return _describe(_new_document(tmp_path, "report.pdf", b"%PDF-1.7"))


def _empty(tmp_path: Path) -> NewSource:
    return _describe(_new_document(tmp_path, "empty.txt", b""))


def _latin1(tmp_path: Path) -> NewSource:
    return _describe(_new_document(tmp_path, "latin1.txt", "Año 2021: 5 000 personas".encode("latin-1")))


def _taken_id(tmp_path: Path) -> NewSource:
    return _describe(_new_document(tmp_path, f"{SEED_IDS[0]}.md"))


def _bad_id(tmp_path: Path) -> NewSource:
    return _describe(_new_document(tmp_path, "my report.txt"))


REFUSALS = [
    (_missing, "nowhere.txt", "no such file"),
    (_pdf, "report.pdf", "must be a .txt or .md file"),
    (_empty, "empty.txt", "file is empty"),
    (_latin1, "latin1.txt", "not valid UTF-8"),
    (_taken_id, SEED_IDS[0], "is taken by"),
    (_bad_id, "my report", "may hold only letters"),
]


@pytest.mark.parametrize(("make", "named", "problem"), REFUSALS, ids=lambda v: getattr(v, "__name__", "_"))
def test_unusable_document_is_refused_naming_it_and_nothing_changes(
    project: Project, tmp_path: Path, make, named: str, problem: str
) -> None:
    before = _folder_state(project.sources)

    with pytest.raises(SourceError) as refused:
        add_source(project.sources, make(tmp_path))

    assert named in str(refused.value) and problem in str(refused.value)
    assert _folder_state(project.sources) == before


@pytest.mark.parametrize("date", ["2023-02-29", "2024-13", "26/06/2024", "June 2024", "24"])
def test_published_must_be_a_real_iso_date(date: str) -> None:
    with pytest.raises(ValueError, match="--published must be an ISO 8601 date"):
        parse_published(date)


@pytest.mark.parametrize(("given", "stored"), [("2024-06-26", "2024-06-26"), ("2024-06", "2024-06"), ("none", None)])
def test_published_accepts_a_day_a_month_or_none(given: str, stored: str | None) -> None:
    assert parse_published(given) == stored


def test_empty_title_and_non_web_address_are_refused(project: Project, tmp_path: Path) -> None:
    file = _new_document(tmp_path)
    with pytest.raises(ValueError, match="--title must not be empty"):
        add_source(project.sources, _describe(file, title="  "))
    with pytest.raises(ValueError, match="--url must be an http"):
        add_source(project.sources, _describe(file, url="report.pdf"))
    assert not (project.sources / file.name).exists()


def _cli(project: Project, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FIGURES_SOURCES_DIR": str(project.sources)}
    code = "import sys; from pipeline.__main__ import main; rc = main(sys.argv[1:]); print('dagster' in sys.modules); "
    code += "sys.exit(rc)"
    return subprocess.run(
        [sys.executable, "-c", code, "add-source", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_command_line_adds_a_document_without_loading_dagster(project: Project, tmp_path: Path) -> None:
    file = _new_document(tmp_path)
    done = _cli(
        project,
        str(file),
        "--title=Arrivals in 2023",
        "--publisher=Test Observatory",
        "--published=2024-06-26",
        "--license=CC BY 4.0",
        "--url=https://example.org/report",
    )

    assert done.returncode == 0, done.stderr
    assert f"added {project.sources / 'new_report.txt'}" in done.stdout
    assert done.stdout.strip().endswith("False")  # Dagster was never imported
    assert _entries(project.sources)["new_report.txt"]["title"] == "Arrivals in 2023"


def test_command_line_reports_a_refusal_naming_the_file(project: Project, tmp_path: Path) -> None:
    file = _new_document(tmp_path, f"{SEED_IDS[2]}.txt")
    before = _folder_state(project.sources)

    done = _cli(project, str(file), "--title=T", "--publisher=P", "--published=none", "--license=unknown")

    assert done.returncode == 1
    assert f"error: {project.sources / file.name}: the id '{SEED_IDS[2]}' is taken" in done.stderr
    assert "pass --replace" in done.stderr
    assert _folder_state(project.sources) == before


def test_first_document_of_a_new_sources_folder_gets_a_new_provenance_file(tmp_path: Path) -> None:
    sources = tmp_path / "new_sources"
    sources.mkdir()

    add_source(sources, _describe(_new_document(tmp_path)))

    assert (sources / PROVENANCE_FILE).read_text(encoding="utf-8").startswith("# Provenance of every source document")
    assert [d.doc_id for d in load_verified_documents(sources)] == ["new_report"]


def test_provenance_file_with_no_entries_yet_gets_its_first(tmp_path: Path) -> None:
    sources = tmp_path / "new_sources"
    sources.mkdir()
    (sources / PROVENANCE_FILE).write_text("# our documents\ndocuments:\n", encoding="utf-8")

    add_source(sources, _describe(_new_document(tmp_path)))

    text = (sources / PROVENANCE_FILE).read_text(encoding="utf-8")
    assert text.startswith("# our documents\ndocuments:\n  new_report.txt:\n")
    assert [d.doc_id for d in load_verified_documents(sources)] == ["new_report"]
