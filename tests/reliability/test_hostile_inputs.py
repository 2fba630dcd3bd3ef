"""Hostile but fair inputs: each is refused with one line naming the file or entry, and nothing stored is lost.

One test per finding of the reliability review: ids that escape the sources
folder, symbolic links, concurrent add-source, provenance values that must not
reach the release, errors that used to hide their cause, and configuration
that would have deleted data.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import dagster as dg
import pytest

from pipeline.common.settings import REPO_ROOT
from pipeline.defs.definitions import make_definitions
from pipeline.defs.resources import ProjectPaths, WarehouseResource
from pipeline.defs.runs import failure_messages, materialise_all
from pipeline.sources.add import NewSource, add_source
from pipeline.sources.documents import (
    SYMLINK_PROBLEM,
    SourceError,
    audit_sources,
    provenance_path,
    read_provenance_file,
)
from tests.conftest import Project
from tests.reliability.corpus import run_env

SEED = "000_0924f377b43c0a2d.txt"
MAX_MESSAGE = 600


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _incoming(tmp_path: Path, name: str = "report.txt", text: str = "In 2023, 1,000 people arrived.\n") -> Path:
    path = tmp_path / "incoming" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _new(file: Path, **changes: object) -> NewSource:
    fields: dict[str, object] = {
        "file": file,
        "title": "A report",
        "publisher": "Tests",
        "published": "2024-02-29",
        "license": "unknown",
    }
    fields.update(changes)
    return NewSource(**fields)  # type: ignore[arg-type]


# -- 1. ids that escape the sources folder ------------------------------------------------------


@pytest.mark.parametrize("doc_id", ["../README", "../../evil", "/tmp/absolute", ".hidden", "a/b", "", "..", "a b"])
def test_an_id_that_is_no_plain_name_is_refused_and_nothing_is_written(
    project: Project, tmp_path: Path, doc_id: str
) -> None:
    file = _incoming(tmp_path)
    before = _tree(project.root)

    with pytest.raises(SourceError, match="may hold only letters, digits"):
        add_source(project.sources, _new(file, doc_id=doc_id))

    assert _tree(project.root) == before
    assert not Path("/tmp/absolute.txt").exists()


def test_the_command_line_refuses_an_escaping_id_in_one_line(project: Project, tmp_path: Path) -> None:
    file = _incoming(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "add-source", str(file), "--title", "t", "--publisher", "p",
         "--published", "2024", "--license", "unknown", "--id", "../README"],
        cwd=REPO_ROOT, env=run_env(project), capture_output=True, text=True, timeout=60,
    )  # fmt: skip

    assert done.returncode == 1
    assert done.stderr.splitlines()[0].startswith(f"error: {file}: the document id '../README' (--id)")
    assert (REPO_ROOT / "README.md").read_text(encoding="utf-8").startswith("# Migration figures")


# -- 4. symbolic links ------------------------------------------------------------------------------


def _link_with_provenance(project: Project, target: Path, name: str = "linked.txt") -> Path:
    link = project.sources / name
    link.symlink_to(target)
    project.record_provenance(name, target.read_bytes())
    return link


def test_a_symbolic_link_in_the_sources_folder_is_refused_and_never_read(project: Project, tmp_path: Path) -> None:
    assert project.materialise().success
    before = project.state()
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0 and 4,242 secrets\n", encoding="utf-8")
    _link_with_provenance(project, secret)

    result = project.materialise()

    assert not result.success
    assert any("linked.txt: is a symbolic link" in m for m in failure_messages(result)), failure_messages(result)
    assert project.state() == before


def test_add_source_never_writes_through_a_link_planted_in_the_folder(project: Project, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("precious\n", encoding="utf-8")
    (project.sources / ".report.txt.add-source.tmp").symlink_to(outside)  # the temporary names of earlier versions
    (project.sources / ".report.txt.provenance.yaml.add-source.tmp").symlink_to(outside)
    (project.sources / ".provenance.yaml.add-source.tmp").symlink_to(outside)

    add_source(project.sources, _new(_incoming(tmp_path)))

    assert outside.read_text(encoding="utf-8") == "precious\n"
    assert (project.sources / "report.txt").read_text(encoding="utf-8").startswith("In 2023")
    record = provenance_path(project.sources / "report.txt")
    assert not record.is_symlink() and read_provenance_file(record).title == "A report"


def test_add_source_never_writes_through_a_link_planted_as_the_new_provenance_file(
    project: Project, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("precious\n", encoding="utf-8")
    planted = provenance_path(project.sources / "report.txt")
    planted.symlink_to(outside)
    before = _tree(project.sources)

    with pytest.raises(SourceError, match="the id 'report' is taken by report.txt; pass --replace"):
        add_source(project.sources, _new(_incoming(tmp_path)))

    assert outside.read_text(encoding="utf-8") == "precious\n"
    assert _tree(project.sources) == before and planted.is_symlink()
    assert f"{planted}: {SYMLINK_PROBLEM}" in [str(p) for p in audit_sources(project.sources)]


def test_add_source_refuses_to_replace_a_link_at_the_destination(project: Project, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("precious\n", encoding="utf-8")
    (project.sources / "report.txt").symlink_to(outside)

    with pytest.raises(SourceError, match="is not a regular file"):
        add_source(project.sources, _new(_incoming(tmp_path), doc_id="report"), replace=True)

    assert outside.read_text(encoding="utf-8") == "precious\n"


# -- 5. concurrent add-source -------------------------------------------------------------------------


@pytest.mark.slow
def test_twenty_add_sources_started_together_all_land(project: Project, tmp_path: Path) -> None:
    files = [_incoming(tmp_path, f"doc_{i:02d}.txt", f"In 2023, {i},000 people arrived.\n") for i in range(20)]

    def add(file: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pipeline", "add-source", str(file), "--title", file.stem, "--publisher", "p",
             "--published", "2024", "--license", "unknown"],
            cwd=REPO_ROOT, env=run_env(project), capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    with ThreadPoolExecutor(max_workers=20) as pool:
        done = list(pool.map(add, files))

    assert [d.returncode for d in done] == [0] * 20, [d.stderr for d in done if d.returncode]
    for file in files:  # each document and its own provenance file, complete
        assert (project.sources / file.name).read_bytes() == file.read_bytes()
        record = read_provenance_file(provenance_path(project.sources / file.name))
        assert (record.title, record.sha256) == (file.stem, hashlib.sha256(file.read_bytes()).hexdigest())
    assert not [p.name for p in project.sources.iterdir() if p.name.startswith(".")]  # no temporary file left
    assert audit_sources(project.sources) == []


# -- 6. provenance values that must not reach the release -----------------------------------------


def _edit_seed_entry(project: Project, field: str, raw_value: str) -> None:
    """Write ``raw_value`` as the value of ``field`` in the seed document's own provenance file."""
    path = provenance_path(project.sources / SEED)
    text = path.read_text(encoding="utf-8")
    at = text.index(f"\n{field}:") + 1
    line_end = text.index("\n", at)
    path.write_text(text[:at] + f"{field}: {raw_value}" + text[line_end:], encoding="utf-8")


def impossible_day_quoted(project: Project) -> str:
    _edit_seed_entry(project, "published", '"2024-13-45"')
    return "published must be an ISO 8601 date"


def impossible_day_unquoted(project: Project) -> str:
    _edit_seed_entry(project, "published", "2024-13-45")
    return "published must be an ISO 8601 date"


def script_address_as_licence_url(project: Project) -> str:
    _edit_seed_entry(project, "license", "unknown\nlicense_url: javascript:alert(1)")
    return "license_url must be an http(s) address or a mailto: address"


def number_as_address(project: Project) -> str:
    _edit_seed_entry(project, "url", "12345")
    return "url must be an http(s) address, got 12345"


def control_character_in_a_title(project: Project) -> str:
    _edit_seed_entry(project, "title", '"A title\\u0007 with a bell"')
    return "title must be one line of text without control characters"


def alias_bomb_in_published(project: Project) -> str:
    """A value of nine lists, each nine references to the one before: 9**9 items once expanded."""
    bomb = "\n  - &a [x, x, x, x, x, x, x, x, x]" + "".join(
        f"\n  - &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]"
        for i in range(8)
    )
    _edit_seed_entry(project, "published", bomb)
    return "published must be an ISO 8601 date"


def document_with_a_nul(project: Project) -> str:
    _add_document(project, "nul.txt", b"In 2023,\x00 1,000 people arrived.\n")
    return "nul.txt: holds a NUL character at offset 8"


def whitespace_only_document(project: Project) -> str:
    _add_document(project, "blank.txt", b" \n\t\n  \n")
    return "blank.txt: file holds only white space"


def _add_document(project: Project, name: str, data: bytes) -> None:
    (project.sources / name).write_bytes(data)
    project.record_provenance(name, data)


def formula_nested_ten_thousand_deep(project: Project) -> str:
    path = project.sources / "claims.yaml"
    text = path.read_text(encoding="utf-8")
    formula = "(" * 10_000 + "nca_apprehensions_2021_jan_jul" + ")" * 10_000
    first = text.index("\n    formula:") + 5
    path.write_text(text[:first] + f"formula: {formula}" + text[text.index("\n", first) :], encoding="utf-8")
    return "nested more than 100 levels deep"


VALUE_BREAKAGES: list[Callable[[Project], str]] = [
    impossible_day_quoted,
    impossible_day_unquoted,
    script_address_as_licence_url,
    number_as_address,
    control_character_in_a_title,
    alias_bomb_in_published,
    document_with_a_nul,
    whitespace_only_document,
    formula_nested_ten_thousand_deep,
]


@pytest.mark.parametrize("breakage", VALUE_BREAKAGES, ids=lambda f: f.__name__)
def test_a_bad_value_is_refused_in_one_short_line_and_nothing_changes(
    project: Project, breakage: Callable[[Project], str]
) -> None:
    assert project.materialise().success
    before = project.state()

    problem = breakage(project)
    result = project.materialise()

    assert not result.success
    messages = failure_messages(result)
    assert any(problem in m for m in messages), messages
    assert all("\n" not in m and len(m) < MAX_MESSAGE for m in messages), messages
    assert project.state() == before


# -- 8. configuration that would destroy data ----------------------------------------------------------


def _materialise_with_exports(project: Project, exports: Path) -> dg.ExecuteInProcessResult:
    resources = {
        "duckdb": WarehouseResource(database=str(project.database)),
        "paths": ProjectPaths(sources_dir=str(project.sources), exports_dir=str(exports)),
    }
    return materialise_all(make_definitions(resources), dg.DagsterInstance.ephemeral())


@pytest.mark.parametrize("folder", ["warehouse", "sources"])
def test_the_release_never_replaces_a_folder_it_did_not_write(project: Project, folder: str) -> None:
    assert project.materialise().success
    target = project.database.parent if folder == "warehouse" else project.sources
    before = _tree(target)

    result = _materialise_with_exports(project, target)

    assert not result.success
    assert any("is not a release folder" in m for m in failure_messages(result)), failure_messages(result)
    assert _tree(target) == before


def test_a_release_folder_is_replaced_as_before(project: Project) -> None:
    assert project.materialise().success
    assert _materialise_with_exports(project, project.exports).success


def test_a_warehouse_path_that_cannot_be_a_file_fails_in_one_line(project: Project, tmp_path: Path) -> None:
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    env = {**run_env(project), "FIGURES_DUCKDB_PATH": str(blocker / "figures.duckdb")}

    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run"], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300
    )

    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert errors == [f"error: {blocker}/figures.duckdb.lock: cannot take the warehouse lock (File exists: {blocker}); "
                      "nothing was changed"]  # fmt: skip
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"


# -- found by a second probe campaign, after the fixes above ------------------------------------------


def test_a_folder_whose_checksums_list_its_own_files_is_still_not_a_release(project: Project, tmp_path: Path) -> None:
    assert project.materialise().success
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / "important.iso").write_bytes(b"precious")
    digest = hashlib.sha256(b"precious").hexdigest()
    (downloads / "SHA256SUMS").write_text(f"{digest}  important.iso\n", encoding="utf-8")

    result = _materialise_with_exports(project, downloads)

    assert not result.success
    assert any("is not a release folder" in m for m in failure_messages(result)), failure_messages(result)
    assert (downloads / "important.iso").read_bytes() == b"precious"


def test_a_publication_cut_between_its_two_swaps_is_finished_by_the_next_run(project: Project) -> None:
    from pipeline.defs.publication import journal_path, publish_together

    assert project.materialise().success
    warehouse, release = project.database.parent, project.exports
    working = warehouse / ".figures.duckdb.run-test"
    working.write_bytes(project.database.read_bytes())
    staging = warehouse / ".exports-new-test"
    shutil.copytree(release, staging)
    (release / "CHANGELOG.md").write_text("an older release\n", encoding="utf-8")
    journal = journal_path(project.database)
    journal.write_text(
        f'{{"warehouse": ["{working}", "{project.database}"], "releases": [["{staging}", "{release}"]]}}',
        encoding="utf-8",
    )  # as a run killed right after writing its journal leaves it

    result = project.materialise()

    assert result.success and not journal.exists() and not working.exists() and not staging.exists()
    assert (release / "CHANGELOG.md").read_text(encoding="utf-8") != "an older release\n"
    assert callable(publish_together)


def test_an_id_longer_than_a_file_name_can_be_is_refused(project: Project, tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="at most 150 characters"):
        add_source(project.sources, _new(_incoming(tmp_path), doc_id="a" * 250))


def test_add_source_leaves_another_documents_unreadable_provenance_file_as_it_is(
    project: Project, tmp_path: Path
) -> None:
    """Adding reads and writes no other document's provenance file: a broken one is neither a reason to refuse
    nor touched; the run still names it."""
    path = provenance_path(project.sources / SEED)
    path.write_text(path.read_text(encoding="utf-8") + "title: twice\n", encoding="utf-8")
    before = _tree(project.sources)

    add_source(project.sources, _new(_incoming(tmp_path)))

    after = _tree(project.sources)
    assert sorted(set(after) - set(before)) == ["report.txt", "report.txt.provenance.yaml"]
    assert {name: after[name] for name in before} == before
    (problem,) = audit_sources(project.sources)
    assert str(problem).startswith(f"{path}: not valid YAML: duplicate key 'title'")


def test_a_warehouse_path_at_a_file_that_is_no_duckdb_file_is_refused_naming_it(project: Project) -> None:
    notes = project.root / "notes.db"
    notes.write_text("my notes\n", encoding="utf-8")
    env = {**run_env(project), "FIGURES_DUCKDB_PATH": str(notes)}

    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run"], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300
    )

    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert errors == [f"error: {notes}: is not a DuckDB database file; point FIGURES_DUCKDB_PATH at the warehouse"]
    assert notes.read_text(encoding="utf-8") == "my notes\n"


def test_a_list_as_a_provenance_key_is_refused_naming_the_file(project: Project) -> None:
    path = provenance_path(project.sources / SEED)
    path.write_text(path.read_text(encoding="utf-8") + "? [a, b]\n: {}\n", encoding="utf-8")

    result = project.materialise()

    assert not result.success
    assert any(f"{path}: not valid YAML" in m for m in failure_messages(result)), failure_messages(result)


def test_a_control_character_in_a_file_name_cannot_forge_an_error_line(project: Project) -> None:
    (project.sources / "a\nerror: fake.txt").write_text("In 2023, 1,000 people arrived.", encoding="utf-8")

    result = project.materialise()

    messages = failure_messages(result)
    assert not result.success
    named = "a\\nerror: fake.txt: document has no provenance file ("  # in the problem, the newline reads as a space
    assert any(named in m and m.endswith("fake.txt.provenance.yaml); add it with add-source") for m in messages), (
        messages
    )
    assert all("\n" not in m for m in messages)


def test_curated_files_that_are_links_are_refused(project: Project, tmp_path: Path) -> None:
    outside = tmp_path / "claims.yaml"
    outside.write_bytes((project.sources / "claims.yaml").read_bytes())
    (project.sources / "claims.yaml").unlink()
    (project.sources / "claims.yaml").symlink_to(outside)

    result = project.materialise()

    assert not result.success
    assert any("claims.yaml: is a symbolic link" in m for m in failure_messages(result)), failure_messages(result)


def test_extract_refuses_a_fifo_instead_of_waiting_forever(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(fifo)], cwd=REPO_ROOT, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip

    assert done.returncode == 1
    assert f"extract: {fifo}: not a regular file" in done.stderr


def test_a_missing_sources_folder_is_named_in_one_line(project: Project) -> None:
    missing = project.root / "nowhere"
    result = _materialise_with_sources(project, missing)

    assert not result.success
    assert failure_messages(result)[0] == f"{missing}: the sources folder does not exist or is not a folder"


def test_a_document_with_too_many_numbers_is_refused_before_the_work(project: Project) -> None:
    import time

    _add_document(project, "numbers.txt", b"1 " * 1_000_001)
    started = time.monotonic()

    result = project.materialise()

    assert not result.success
    assert any("numbers.txt: holds 1,000,001 numbers, over the limit" in m for m in failure_messages(result))
    assert time.monotonic() - started < 120


def _materialise_with_sources(project: Project, sources: Path) -> dg.ExecuteInProcessResult:
    resources = {
        "duckdb": WarehouseResource(database=str(project.database)),
        "paths": ProjectPaths(sources_dir=str(sources), exports_dir=str(project.exports)),
    }
    return materialise_all(make_definitions(resources), dg.DagsterInstance.ephemeral())


def test_a_users_folder_beside_the_release_is_left_alone(project: Project) -> None:
    assert project.materialise().success
    mine = project.exports.with_name(".exports-new-mine")
    mine.mkdir()
    (mine / "notes.txt").write_text("mine\n", encoding="utf-8")

    assert project.materialise().success

    assert (mine / "notes.txt").read_text(encoding="utf-8") == "mine\n"


def test_a_locator_that_is_no_mapping_is_named_as_the_locator(project: Project) -> None:
    path = project.sources / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("    locator:")
    path.write_text(text[:at] + "    locator: just text" + text[text.index("\n", at) :], encoding="utf-8")

    result = project.materialise()

    assert not result.success
    assert any(": locator: must be a mapping of fields" in m for m in failure_messages(result)), failure_messages(
        result
    )
