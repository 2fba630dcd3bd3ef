"""``python -m pipeline extract``: CSV and JSONL output, and unreadable paths."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from extraction_helpers import ROOT

from pipeline.cli.extract import COLUMNS, run_extract
from pipeline.extraction import extract

TEXT = "Nearly 1 in 4 encounters in March 2024 involved families.\r\nAbout 520,000 crossed.\n"


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "note_01.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    return path


def run(paths: list[str], fmt: str = "csv") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run_extract(paths, fmt, out, err)
    return status, out.getvalue(), err.getvalue()


def test_csv_has_the_agreed_header(doc: Path) -> None:
    _, out, _ = run([str(doc)])
    assert out.splitlines()[0].split(",") == [
        "doc",
        "start",
        "end",
        "text",
        "kind",
        "value",
        "unit",
        "approx",
        "sentence_start",
        "sentence_end",
        "sentence",
        "page",
    ]
    assert list(COLUMNS) == out.splitlines()[0].split(",")


def test_page_is_empty_for_a_text_file_which_has_no_pages(doc: Path) -> None:
    _, out, _ = run([str(doc)])
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 3 and all(r["page"] == "" for r in rows)


def test_csv_rows_are_the_mentions_with_the_file_stem(doc: Path) -> None:
    status, out, err = run([str(doc)])
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0 and err == ""
    expected = extract(TEXT)
    got = [(r["doc"], int(r["start"]), int(r["end"]), r["text"], r["kind"], r["value"], r["approx"]) for r in rows]
    assert got == [("note_01", m.start, m.end, m.text, m.kind, m.value, m.approx) for m in expected]
    assert [r["text"] for r in rows] == ["1 in 4", "March 2024", "520,000"]


def test_offsets_index_the_file_with_its_own_line_endings(doc: Path) -> None:
    _, out, _ = run([str(doc)])
    raw = doc.read_bytes().decode("utf-8")
    for r in csv.DictReader(io.StringIO(out)):
        assert raw[int(r["start"]) : int(r["end"])] == r["text"]
        assert raw[int(r["sentence_start"]) : int(r["sentence_end"])] == r["sentence"]


def test_jsonl_has_one_object_per_mention_with_the_same_keys(doc: Path) -> None:
    status, out, _ = run([str(doc)], "jsonl")
    objects = [json.loads(line) for line in out.splitlines()]
    assert status == 0
    assert [list(o) for o in objects] == [list(COLUMNS)] * 3
    assert objects[0]["text"] == "1 in 4" and objects[0]["value"] == "0.25" and objects[0]["start"] == 7


def test_missing_path_is_reported_and_others_still_written(doc: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    status, out, err = run([str(missing), str(doc)])
    assert status == 1
    assert err.count("\n") == 1 and str(missing) in err
    assert len(list(csv.DictReader(io.StringIO(out)))) == 3


def test_non_utf8_file_is_reported(doc: Path, tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Se registraron 1.500 migrantes en Darién".encode("latin-1"))
    status, out, err = run([str(latin), str(doc)])
    assert status == 1
    assert str(latin) in err and "UTF-8" in err
    assert len(list(csv.DictReader(io.StringIO(out)))) == 3


def test_command_line_runs_as_a_module(doc: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", "--format", "jsonl", str(doc)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == 3
