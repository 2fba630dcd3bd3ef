"""One text model: extraction and enrichment read a document against one date and cut it into the same sentences."""

from __future__ import annotations

import csv
import hashlib
import io
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from pipeline.common.settings import REPO_ROOT
from pipeline.curation.regions import load_gazetteer
from pipeline.enrichment.rows import mention_rows
from pipeline.extraction import extract, extract_with_date
from pipeline.places.gazetteer import Gazetteer
from pipeline.text.document_date import DocumentDate, document_date, published_date
from pipeline.text.sentences import SentenceFinder, sentence_starts_before
from tests.conftest import SEED_SOURCES

UNDATED = "Officials said 4,100 people crossed on Sept. 30.\nArrivals rose 12 percent last year.\n"
DATELINED = (
    "PANAMA CITY, Jan. 5, 2024 — Officials said 4,100 people crossed on Sept. 30. Arrivals rose 12 percent last year."
)


@cache
def gazetteer() -> Gazetteer:
    return load_gazetteer(SEED_SOURCES)


def _row(rows: list[dict[str, object]], text: str) -> dict[str, object]:
    (row,) = [r for r in rows if r["text"] == text]
    return row


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2024-06-26", DocumentDate(2024, 6, 26, source="published")),
        ("2021-11", DocumentDate(2021, 11, source="published")),
        ("2021", DocumentDate(2021, source="published")),
        (None, None),
    ],
)
def test_a_published_value_is_a_day_a_month_or_a_year(published: str | None, expected: DocumentDate | None) -> None:
    assert published_date(published) == expected


def test_a_month_or_year_stands_for_its_last_day() -> None:
    assert DocumentDate(2024, 2).today == "2024-02-29"
    assert DocumentDate(2023).today == "2023-12-31"


def test_the_publication_date_wins_over_the_dateline() -> None:
    dateline = DocumentDate(2023, 3, 1, start=0)
    assert document_date("2024-06-26", dateline) == DocumentDate(2024, 6, 26, source="published")


def test_a_dateline_inside_a_published_month_gives_the_day() -> None:
    dateline = DocumentDate(2021, 11, 16, start=12)
    assert document_date("2021-11", dateline) == DocumentDate(2021, 11, 16, 12, "published")


def test_without_a_publication_date_the_dateline_is_the_document_date() -> None:
    _, date = extract_with_date(DATELINED)
    assert (date.year, date.month, date.day, date.source) == (2024, 1, 5, "dateline")


def test_extraction_reads_a_yearless_day_against_the_publication_date() -> None:
    (day,) = [m for m in extract(UNDATED, published="2024-10-15") if m.kind == "date"]
    assert day.value == "2024-09-30"


def test_a_day_after_the_publication_date_is_last_years() -> None:
    (day,) = [m for m in extract(UNDATED, published="2024-09-01") if m.kind == "date"]
    assert day.value == "2023-09-30"


def test_enrichment_reads_last_year_against_the_same_date() -> None:
    rows = mention_rows("doc", UNDATED, gazetteer(), published="2024-10-15")
    assert (_row(rows, "12 percent")["period_start"], _row(rows, "12 percent")["period_end"]) == (
        "2023-01-01",
        "2023-12-31",
    )


def test_without_any_date_nothing_is_read_as_relative_time() -> None:
    rows = mention_rows("doc", UNDATED, gazetteer())
    assert _row(rows, "12 percent")["period_start"] is None


def test_the_dateline_serves_both_extraction_and_enrichment() -> None:
    rows = mention_rows("doc", DATELINED, gazetteer())
    assert _row(rows, "Sept. 30")["value"] == "2023-09-30"
    assert _row(rows, "12 percent")["period_end"] == "2023-12-31"


def test_sentences_before_are_the_mentions_sentences() -> None:
    text = "First one has 1 figure. Second has 2. Third has 3."
    third = text.index("Third")
    second = text.index("Second")
    assert sentence_starts_before(text, third, 1) == second
    assert sentence_starts_before(text, third, 2) == 0
    assert sentence_starts_before(text, third, 5) == 0
    assert SentenceFinder(text).around(second, second + 6) == (second, text.index(" Third"))


def test_the_command_line_reads_a_source_file_against_its_recorded_date(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "regions.yaml").write_bytes((SEED_SOURCES / "regions.yaml").read_bytes())
    doc = sources / "note.txt"
    doc.write_text(UNDATED, encoding="utf-8")
    data = doc.read_bytes()
    (sources / "note.txt.provenance.yaml").write_text(
        "title: A note\npublisher: Tests\npublished: 2024-10-15\n"
        f"url: null\nlicense: unknown\nbytes: {len(data)}\n"
        f"sha256: {hashlib.sha256(data).hexdigest()}\n",
        encoding="utf-8",
    )

    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", "--enrich", str(doc)],
        capture_output=True,
        text=True,
        env={"FIGURES_SOURCES_DIR": str(sources), "PATH": "/usr/bin:/bin"},
        cwd=REPO_ROOT,
        timeout=120,
    )

    assert done.returncode == 0, done.stderr
    rows = {r["text"]: r for r in csv.DictReader(io.StringIO(done.stdout))}
    assert rows["Sept. 30"]["value"] == "2024-09-30"
    assert rows["12 percent"]["period_end"] == "2023-12-31"
