"""``python -m pipeline extract --enrich``: the mentions table's enrichment columns, from the command line."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

from pipeline.sources.documents import provenance_path
from tests.conftest import Project

GOLD_COLUMNS = ["doc", "start", "end", "text", "kind", "value", "unit", "approx"]
ENRICHMENT_COLUMNS = ["subject", "geography", "period_start", "period_end", "rate_per"]


def _extract(*args: str, sources: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **({"FIGURES_SOURCES_DIR": str(sources)} if sources else {})}
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_enrich_appends_the_enrichment_columns_after_the_gold_columns(seeded_project: Project) -> None:
    done = _extract("--enrich", *map(str, sorted(seeded_project.sources.glob("*.txt"))), sources=seeded_project.sources)

    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    header = done.stdout.splitlines()[0].split(",")
    assert header[:8] == GOLD_COLUMNS and header[-5:] == ENRICHMENT_COLUMNS
    table = {
        (doc, start): (subject or "", geography or "", period_start or "", period_end or "", rate_per or "")
        for doc, start, subject, geography, period_start, period_end, rate_per in seeded_project.query(
            "select doc_id, char_start, subject, array_to_string(geography, ';'), period_start::varchar, "
            "period_end::varchar, rate_per "
            "from mentions"
        )
    }
    assert len(rows) == len(table)
    for row in rows:
        assert tuple(row[c] for c in ENRICHMENT_COLUMNS) == table[(row["doc"], int(row["start"]))], row


def test_enrich_names_an_unusable_regions_file_and_fails(project: Project) -> None:
    (project.sources / "regions.yaml").write_text("regions: [not, a, mapping]\n", encoding="utf-8")

    done = _extract("--enrich", str(project.sources / "001_6e00856a45348657.txt"), sources=project.sources)

    assert done.returncode == 2
    assert str(project.sources / "regions.yaml") in done.stderr
    assert done.stdout == ""


def test_a_source_whose_provenance_file_is_unreadable_is_read_without_its_date_after_one_warning(
    project: Project,
) -> None:
    document = project.sources / "003_4ebfceb60d0020d1.txt"
    record = provenance_path(document)
    record.write_text(record.read_text(encoding="utf-8") + "title: twice\n", encoding="utf-8")

    done = _extract("--enrich", str(document), sources=project.sources)

    assert done.returncode == 0, done.stderr
    (warning,) = done.stderr.splitlines()
    assert warning.startswith(f"extract: {record}: not valid YAML: duplicate key 'title'")
    assert warning.endswith(f"; {document} is read without its publication date")
    assert len(list(csv.DictReader(io.StringIO(done.stdout)))) > 0


RELEASE = "In May, 12,400 people applied for asylum in Mexico, 8 percent more than in April.\n"


def _periods(done: subprocess.CompletedProcess[str]) -> dict[str, tuple[str, str]]:
    assert done.returncode == 0, done.stderr
    return {r["text"]: (r["period_start"], r["period_end"]) for r in csv.DictReader(io.StringIO(done.stdout))}


def test_published_reads_the_files_against_that_date(tmp_path: Path, seeded_project: Project) -> None:
    file = tmp_path / "release.txt"
    file.write_text(RELEASE, encoding="utf-8")
    without = _periods(_extract("--enrich", str(file), sources=seeded_project.sources))
    given = _periods(_extract("--enrich", "--published", "2022-06-15", str(file), sources=seeded_project.sources))
    assert without["12,400"] == ("", "")
    assert given["12,400"] == ("2022-05-01", "2022-05-31")


def test_a_provenance_file_beside_a_document_gives_its_date(tmp_path: Path, seeded_project: Project) -> None:
    file = tmp_path / "release.txt"
    file.write_text(RELEASE, encoding="utf-8")
    provenance_path(file).write_text(
        "title: A release\npublisher: Tests\npublished: '2023-06-02'\nurl: null\nlicense: unknown\n"
        f"bytes: {len(RELEASE.encode())}\nsha256: '{'0' * 64}'\n",
        encoding="utf-8",
    )
    assert _periods(_extract("--enrich", str(file), sources=seeded_project.sources))["12,400"] == (
        "2023-05-01",
        "2023-05-31",
    )


def test_a_published_date_that_is_no_date_is_a_usage_error(tmp_path: Path) -> None:
    done = _extract("--published", "2022-13", str(tmp_path / "x.txt"))
    assert done.returncode == 2 and "--published: must be an ISO 8601 date" in done.stderr
