"""The README's cookbook answers the five first questions of a researcher, on a real warehouse of the seeds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from pipeline.sources.add import NewSource, add_source
from tests.conftest import Project
from tests.cookbook import cookbook_queries

QUERIES = cookbook_queries()
LARGEST, GUATEMALA, YEAR_2021, INCONSISTENT, INDEPENDENT = range(5)
#: A news item of another publisher citing a figure of the Task Force's report.
NEWS = (
    "Washington, 15 September 2021. Between January and July 2021, 478,000 citizens of Northern Central America "
    "were apprehended at the US border, an independent review found.\n"
)


def _run(database: Path, sql: str) -> list[dict[str, object]]:
    with duckdb.connect(str(database), read_only=True) as conn:
        relation = conn.sql(sql)
        return [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]


def test_the_cookbook_has_the_five_questions() -> None:
    assert len(QUERIES) == 5


def test_largest_counts_come_first_with_their_sentences(seeded_project: Project) -> None:
    rows = _run(seeded_project.database, QUERIES[LARGEST])
    values = [r["value"] for r in rows]
    assert rows and values == sorted(values, reverse=True)
    assert rows[0]["text"] in rows[0]["sentence"]


def test_everything_about_guatemala_includes_figures_about_its_regions(seeded_project: Project) -> None:
    rows = _run(seeded_project.database, QUERIES[GUATEMALA])
    assert any(r["named"] for r in rows), "a figure naming Guatemala itself"
    assert any(not r["named"] and "NCA" in r["via_regions"] for r in rows), "a figure about Northern Central America"
    like = _run(seeded_project.database, "select count(*) as n from mentions where list_contains(geography, 'GTM')")
    assert len(rows) > like[0]["n"]


def test_figures_for_2021_have_periods_within_the_year(seeded_project: Project) -> None:
    rows = _run(seeded_project.database, QUERIES[YEAR_2021])
    assert rows
    assert all(date(2021, 1, 1) <= r["period_start"] <= r["period_end"] <= date(2021, 12, 31) for r in rows)


def test_inconsistent_claims_come_with_their_explanation(seeded_project: Project) -> None:
    rows = _run(seeded_project.database, QUERIES[INCONSISTENT])
    assert rows and all(abs(r["relative_difference"]) > r["tolerance"] and r["explanation"] for r in rows)


def test_independent_corroboration_needs_a_second_publisher(project: Project, tmp_path: Path) -> None:
    assert project.materialise().success
    assert _run(project.database, QUERIES[INDEPENDENT]) == [], "the seeds' corroborations share a publisher"
    news = tmp_path / "review.txt"
    news.write_text(NEWS, encoding="utf-8")
    add_source(
        project.sources,
        NewSource(file=news, title="Review", publisher="Independent Review", published="2021-09-15", license="unknown"),
    )
    assert project.materialise().success
    (row,) = _run(project.database, QUERIES[INDEPENDENT])
    assert row["value"] == 478000 and "Independent Review" in row["publishers"]


@pytest.mark.parametrize("index", range(len(QUERIES)))
def test_every_cookbook_query_runs_on_the_release_tables_too(seeded_project: Project, index: int) -> None:
    """The same SQL runs on the Parquet release (table names bound to the files), for users without the warehouse."""
    with duckdb.connect() as conn:
        for path in sorted(seeded_project.exports.glob("*.parquet")):
            conn.execute(f"create view \"{path.stem}\" as select * from read_parquet('{path}')")
        conn.sql(QUERIES[index]).fetchall()
