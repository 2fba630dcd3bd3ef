"""``add-source`` copies a document into the sources folder and writes its own provenance file, changing nothing else.

``migrate-sources`` splits the shared ``provenance.yaml`` of earlier versions
into those per-document files.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pipeline.sources.add import NewSource, add_source, parse_published
from pipeline.sources.documents import (
    LEGACY_PROVENANCE_FILE,
    PROVENANCE_SUFFIX,
    SourceError,
    load_verified_documents,
    provenance_path,
    read_provenance_file,
)
from pipeline.sources.migrate import migrate_sources
from tests.conftest import SEED_IDS, SEED_SOURCES, Project

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
    """Every file of the folder, hidden ones (temporary files) included, with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(sources.iterdir())}


def _untouched(sources: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file of the folder with its bytes, inode and modification time: a rewrite changes the last two."""
    return {p.name: (p.read_bytes(), p.stat().st_ino, p.stat().st_mtime_ns) for p in sorted(sources.iterdir())}


def _entries(sources: Path) -> dict[str, dict]:
    """Every provenance file of the folder, read with plain YAML, by the document file it describes."""
    return {
        p.name.removesuffix(PROVENANCE_SUFFIX): yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted(sources.glob(f"*{PROVENANCE_SUFFIX}"))
    }


def make_legacy_folder(sources: Path) -> dict[str, dict]:
    """Turn ``sources`` into a folder of an earlier version: one shared provenance.yaml, no per-document files.

    Returns its entries. The file is written as earlier versions wrote it: a comment, then ``documents:``.
    """
    entries = _entries(sources)
    for name in entries:
        provenance_path(sources / name).unlink()
    body = yaml.safe_dump({"documents": entries}, sort_keys=False, allow_unicode=True, width=10_000)
    (sources / LEGACY_PROVENANCE_FILE).write_text("# Provenance of every source document.\n" + body, encoding="utf-8")
    return entries


def test_adding_copies_the_file_byte_for_byte_and_records_size_and_checksum(project: Project, tmp_path: Path) -> None:
    file = _new_document(tmp_path)

    added = add_source(project.sources, _describe(file))

    assert added.path == project.sources / "new_report.txt"
    assert added.path.read_bytes() == file.read_bytes()
    record = project.sources / "new_report.txt.provenance.yaml"
    assert record.read_text(encoding="utf-8").startswith("# Provenance of new_report.txt (written by add-source")
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
    assert added.entry == entry
    assert read_provenance_file(record).published == "2024-02-29"
    docs = load_verified_documents(project.sources)
    assert [d.doc_id for d in docs] == [*SEED_IDS, "new_report"]


def test_adding_writes_the_document_and_its_provenance_file_and_touches_no_other_file(
    project: Project, tmp_path: Path
) -> None:
    before = _untouched(project.sources)

    add_source(project.sources, _describe(_new_document(tmp_path)))

    after = _untouched(project.sources)
    assert sorted(set(after) - set(before)) == ["new_report.txt", "new_report.txt.provenance.yaml"]
    assert {name: after[name] for name in before} == before  # same bytes, same inode, not even rewritten
    assert not [name for name in after if name.startswith(".")]  # no temporary file left behind


def test_replace_rewrites_only_that_document_and_its_provenance_file(project: Project, tmp_path: Path) -> None:
    seed = f"{SEED_IDS[1]}.txt"
    before = _untouched(project.sources)
    old_entries = _entries(project.sources)
    file = _new_document(tmp_path, seed, b"Revised: 3,400 people in 2024.\n")

    added = add_source(project.sources, _describe(file, published="2024-07"), replace=True)

    assert added.replaced
    assert (project.sources / seed).read_bytes() == b"Revised: 3,400 people in 2024.\n"
    entries = _entries(project.sources)
    assert list(entries) == [f"{doc_id}.txt" for doc_id in SEED_IDS]
    assert entries[seed]["published"] == "2024-07"
    assert entries[seed]["sha256"] == hashlib.sha256(b"Revised: 3,400 people in 2024.\n").hexdigest()
    assert {k: v for k, v in entries.items() if k != seed} == {k: v for k, v in old_entries.items() if k != seed}
    after = _untouched(project.sources)
    assert set(after) == set(before)
    assert [name for name in before if after[name] != before[name]] == [seed, f"{seed}.provenance.yaml"]
    assert len(load_verified_documents(project.sources)) == len(SEED_IDS)


def test_a_document_can_be_given_another_id(project: Project, tmp_path: Path) -> None:
    added = add_source(project.sources, _describe(_new_document(tmp_path, "Report (final).md"), doc_id="005_report"))

    assert added.path == project.sources / "005_report.md"
    assert "005_report.md" in _entries(project.sources)
    assert (project.sources / "005_report.md.provenance.yaml").is_file()
    assert not (project.sources / "Report (final).md.provenance.yaml").exists()


def test_a_file_already_in_the_folder_is_registered_in_place(project: Project) -> None:
    stray = project.sources / "dropped_in.txt"
    stray.write_text(NEW_TEXT, encoding="utf-8")

    add_source(project.sources, _describe(stray, published="none", url=None, license="unknown"))

    entry = _entries(project.sources)["dropped_in.txt"]
    assert (entry["published"], entry["url"], entry["license"]) == (None, None, "unknown")
    assert len(load_verified_documents(project.sources)) == len(SEED_IDS) + 1


def _missing(tmp_path: Path) -> NewSource:
    return _describe(tmp_path / "nowhere.txt")


#: The first bytes of a PDF file.
PDF_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


def _word_file(tmp_path: Path) -> NewSource:
    return _describe(_new_document(tmp_path, "report.docx", b"PK\x03\x04 a Word file"))


def _pdf_named_txt(tmp_path: Path) -> NewSource:
    return _describe(_new_document(tmp_path, "report.txt", PDF_BYTES))


def _html_named_md(tmp_path: Path) -> NewSource:
    return _describe(_new_document(tmp_path, "page.md", b"<!DOCTYPE html><html><body>12 people</body></html>"))


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
    (_word_file, "report.docx", "a document must be a .txt, .md, .pdf, .html, .htm file, not '.docx'"),
    (_pdf_named_txt, "report.txt", "is named .txt but its bytes are a PDF; give it the right extension"),
    (_html_named_md, "page.md", "is named .md but its bytes are an HTML page"),
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


def test_first_document_of_a_new_sources_folder_gets_its_provenance_file_and_nothing_else(tmp_path: Path) -> None:
    sources = tmp_path / "new_sources"
    sources.mkdir()

    add_source(sources, _describe(_new_document(tmp_path)))

    assert sorted(p.name for p in sources.iterdir()) == ["new_report.txt", "new_report.txt.provenance.yaml"]
    assert [d.doc_id for d in load_verified_documents(sources)] == ["new_report"]


def test_a_folder_still_holding_the_shared_provenance_file_is_refused_naming_migrate_sources(
    project: Project, tmp_path: Path
) -> None:
    make_legacy_folder(project.sources)
    before = _folder_state(project.sources)

    with pytest.raises(SourceError) as refused:
        add_source(project.sources, _describe(_new_document(tmp_path)))

    assert str(refused.value).startswith(f"{project.sources / 'provenance.yaml'}: is the shared provenance file")
    assert "run `python -m pipeline migrate-sources` first" in str(refused.value)
    assert _folder_state(project.sources) == before


# -- several files on the command line ------------------------------------------------------------------------

A_TEXT, B_TEXT = b"In 2022, 300 people arrived.\n", b"In 2023, 450 people arrived.\n"


def _html(title: str, date: str, body: str) -> bytes:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<title>{title}</title><meta name="date" content="{date}"></head>\n'
        f"<body><article><h1>{title}</h1>\n<p>{body}</p>\n"
        "<p>Of them, 15% were children travelling alone, up from 9% a year earlier.</p>\n"
        "</article></body></html>\n"
    ).encode()


def _options(*extra: str) -> tuple[str, ...]:
    return ("--publisher=Test Observatory", "--license=unknown", *extra)


def _added_paths(stdout: str) -> list[str]:
    return [line.split(" (", 1)[0].removeprefix("added ") for line in stdout.splitlines() if line.startswith("added ")]


def test_command_line_adds_two_text_files_each_with_its_own_provenance_file(project: Project, tmp_path: Path) -> None:
    a, b = _new_document(tmp_path, "a.txt", A_TEXT), _new_document(tmp_path, "b.txt", B_TEXT)
    before = _untouched(project.sources)

    done = _cli(project, str(a), str(b), *_options())

    assert done.returncode == 0, done.stderr
    assert _added_paths(done.stdout) == [str(project.sources / "a.txt"), str(project.sources / "b.txt")]
    after = _untouched(project.sources)
    assert sorted(set(after) - set(before)) == ["a.txt", "a.txt.provenance.yaml", "b.txt", "b.txt.provenance.yaml"]
    assert {name: after[name] for name in before} == before
    for name, data in (("a.txt", A_TEXT), ("b.txt", B_TEXT)):
        assert (project.sources / name).read_bytes() == data
        record = read_provenance_file(provenance_path(project.sources / name))
        assert (record.bytes, record.sha256) == (len(data), hashlib.sha256(data).hexdigest())


def _assert_only_added(sources: Path, before: dict[str, tuple[bytes, int, int]], documents: list[str]) -> None:
    """The sources folder gained exactly these documents and their provenance files; nothing else changed."""
    after = _untouched(sources)
    assert sorted(set(after) - set(before)) == sorted([*documents, *(f"{d}.provenance.yaml" for d in documents)])
    assert {name: after[name] for name in before} == before


def test_command_line_adds_several_files_each_with_its_own_provenance_file(project: Project, tmp_path: Path) -> None:
    a = _new_document(tmp_path, "a.html", _html("Arrivals in 2022", "2023-01-15", "In 2022, about 300 people arrived."))
    b = _new_document(tmp_path, "b.html", _html("Arrivals in 2023", "2024-02-01", "In 2023, about 450 people arrived."))
    before = _untouched(project.sources)

    done = _cli(project, str(a), str(b), *_options())

    assert done.returncode == 0, done.stderr
    assert _added_paths(done.stdout) == [str(project.sources / "a.html"), str(project.sources / "b.html")]
    _assert_only_added(project.sources, before, ["a.html", "b.html"])
    entries = _entries(project.sources)
    for file, title, date in ((a, "Arrivals in 2022", "2023-01-15"), (b, "Arrivals in 2023", "2024-02-01")):
        data = file.read_bytes()
        assert (project.sources / file.name).read_bytes() == data
        assert entries[file.name] == {
            "title": title,  # from the document's metadata
            "publisher": "Test Observatory",
            "published": date,
            "url": None,
            "license": "unknown",
            "bytes": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
    assert [d.doc_id for d in load_verified_documents(project.sources)] == [*SEED_IDS, "a", "b"]


def test_a_refused_file_among_several_gets_one_line_and_the_others_are_added(project: Project, tmp_path: Path) -> None:
    a = _new_document(tmp_path, "a.html", _html("Arrivals in 2022", "2023-01-15", "In 2022, about 300 people arrived."))
    bad = _new_document(tmp_path, "bad.txt", PDF_BYTES)
    c = _new_document(tmp_path, "c.html", _html("Arrivals in 2024", "2025-03-01", "In 2024, about 600 people arrived."))
    before = _untouched(project.sources)

    done = _cli(project, str(a), str(bad), str(c), *_options())

    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"error: {bad}: is named .txt but its bytes are a PDF; give it the right extension",
        "1 file was refused and not added; the others were",
    ]
    assert _added_paths(done.stdout) == [str(project.sources / "a.html"), str(project.sources / "c.html")]
    _assert_only_added(project.sources, before, ["a.html", "c.html"])
    assert [d.doc_id for d in load_verified_documents(project.sources)] == [*SEED_IDS, "a", "c"]


def test_when_every_file_is_refused_the_command_says_nothing_changed(project: Project, tmp_path: Path) -> None:
    a, b = _new_document(tmp_path, "a.txt", b"  \n\n "), _new_document(tmp_path, "b.txt", PDF_BYTES)
    before = _untouched(project.sources)

    done = _cli(project, str(a), str(b), *_options())

    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"error: {a}: file holds only white space",
        f"error: {b}: is named .txt but its bytes are a PDF; give it the right extension",
        "nothing was changed in the sources folder",
    ]
    assert _untouched(project.sources) == before


@pytest.mark.parametrize("option", ["--title=One title", "--id=005_one"])
def test_an_option_naming_one_document_is_refused_with_several_files(
    project: Project, tmp_path: Path, option: str
) -> None:
    a, b = _new_document(tmp_path, "a.txt", A_TEXT), _new_document(tmp_path, "b.txt", B_TEXT)
    before = _untouched(project.sources)

    done = _cli(project, str(a), str(b), option, *_options())

    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "error: --title and --id name one document; give them with one FILE only",
        "nothing was changed in the sources folder",
    ]
    assert _untouched(project.sources) == before


def test_command_line_refuses_a_pdf_named_txt_saying_what_its_bytes_are(project: Project, tmp_path: Path) -> None:
    file = _new_document(tmp_path, "report.txt", PDF_BYTES)
    before = _untouched(project.sources)

    done = _cli(project, str(file), "--title=A report", *_options())

    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"error: {file}: is named .txt but its bytes are a PDF; give it the right extension",
        "nothing was changed in the sources folder",
    ]
    assert _untouched(project.sources) == before


def test_a_text_without_a_title_line_needs_a_title_and_without_a_date_states_none(
    project: Project, tmp_path: Path
) -> None:
    file = _new_document(
        tmp_path, "new_report.txt", ("In 2023 " + "many people arrived, " * 20 + "it said.\n").encode()
    )
    with pytest.raises(ValueError, match=r"--title is needed for .*new_report.txt: its metadata gives no title"):
        add_source(project.sources, _describe(file, title=None))
    assert not (project.sources / file.name).exists()

    done = _cli(project, str(file), "--title=Arrivals", *_options())

    assert done.returncode == 0, done.stderr
    assert "published none)" in done.stdout
    assert _entries(project.sources)["new_report.txt"]["published"] is None


# -- migrate-sources ---------------------------------------------------------------------------------------------


def _migrate_cli(sources: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FIGURES_SOURCES_DIR": str(sources)}
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "migrate-sources"], env=env, capture_output=True, text=True, timeout=120
    )


def test_migrate_sources_splits_the_shared_file_into_per_document_files_with_the_same_records(
    project: Project,
) -> None:
    entries = make_legacy_folder(project.sources)
    documents = {name: (project.sources / name).read_bytes() for name in entries}
    before = _untouched(project.sources)

    written = migrate_sources(project.sources)

    assert written == [provenance_path(project.sources / name) for name in entries]
    assert not (project.sources / LEGACY_PROVENANCE_FILE).exists()
    assert _entries(project.sources) == entries
    for name in entries:  # the same text as the seed's own per-document files, comment line included
        record = provenance_path(project.sources / name)
        assert record.read_bytes() == provenance_path(SEED_SOURCES / name).read_bytes()
    after = _untouched(project.sources)
    assert {name: after[name] for name in before if name != LEGACY_PROVENANCE_FILE} == {
        name: before[name] for name in before if name != LEGACY_PROVENANCE_FILE
    }  # documents and curated files untouched
    assert {name: (project.sources / name).read_bytes() for name in entries} == documents
    assert [d.doc_id for d in load_verified_documents(project.sources)] == SEED_IDS


def test_migrate_sources_command_line_names_each_file_it_wrote_and_then_has_nothing_to_do(project: Project) -> None:
    entries = make_legacy_folder(project.sources)

    done = _migrate_cli(project.sources)

    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.splitlines() == [f"wrote {provenance_path(project.sources / name)}" for name in entries]
    again = _migrate_cli(project.sources)
    assert again.returncode == 0
    assert again.stdout == f"{project.sources}: nothing to migrate (no provenance.yaml)\n"


def test_migrate_sources_leaves_everything_as_it_was_when_a_per_document_file_exists(project: Project) -> None:
    make_legacy_folder(project.sources)
    existing = provenance_path(project.sources / f"{SEED_IDS[2]}.txt")
    existing.write_bytes(provenance_path(SEED_SOURCES / existing.name.removesuffix(PROVENANCE_SUFFIX)).read_bytes())
    before = _folder_state(project.sources)

    done = _migrate_cli(project.sources)

    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"error: {existing}: already exists; the shared file was left as it is",
        "nothing was changed in the sources folder",
    ]
    assert _folder_state(project.sources) == before


def test_migrate_sources_refuses_an_invalid_entry_before_writing_or_removing_anything(project: Project) -> None:
    make_legacy_folder(project.sources)
    legacy = project.sources / LEGACY_PROVENANCE_FILE
    text = legacy.read_text(encoding="utf-8")
    legacy.write_text(text.replace("published: '2021-11-16'", "published: 2021-11-31"), encoding="utf-8")
    before = _folder_state(project.sources)

    done = _migrate_cli(project.sources)

    assert done.returncode == 1
    (error, closing) = done.stderr.splitlines()
    assert error.startswith(f"error: {legacy}: {SEED_IDS[3]}.txt: published must be an ISO 8601 date")
    assert closing == "nothing was changed in the sources folder"
    assert _folder_state(project.sources) == before


def test_a_run_on_a_folder_still_holding_the_shared_file_names_migrate_sources(project: Project) -> None:
    make_legacy_folder(project.sources)

    with pytest.raises(SourceError) as refused:
        load_verified_documents(project.sources)

    assert str(refused.value) == (
        f"{project.sources / LEGACY_PROVENANCE_FILE}: is the shared provenance file of earlier versions; each "
        "document now has its own <file>.provenance.yaml: run `python -m pipeline migrate-sources` to split it"
    )


def test_a_text_file_proposes_its_first_line_as_title(project: Project, tmp_path: Path) -> None:
    file = tmp_path / "note.md"
    file.write_text("# Arrivals in 2023\n\nIn 2023, 500 people arrived.\n", encoding="utf-8")
    added = add_source(
        project.sources, NewSource(file=file, title=None, publisher="Tests", published=None, license="unknown")
    )
    assert added.entry["title"] == "Arrivals in 2023"


def test_added_files_are_readable_by_everyone_like_the_rest_of_the_folder(project: Project, tmp_path: Path) -> None:
    file = tmp_path / "note.txt"
    file.write_text("Arrivals\n\nIn 2023, 500 people arrived.\n", encoding="utf-8")
    added = add_source(
        project.sources, NewSource(file=file, title=None, publisher="Tests", published=None, license="unknown")
    )
    assert added.path.stat().st_mode & 0o777 == 0o644 & ~_umask()
    assert provenance_path(added.path).stat().st_mode & 0o777 == 0o644 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
