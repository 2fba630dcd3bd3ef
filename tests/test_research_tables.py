"""The research tables, materialised on the seed documents: enrichment, indicators, claims, corroboration, stats."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pyarrow.parquet as pq
import pytest

from tests.conftest import SEED_IDS, Project

RESEARCH_TABLES = ("regions", "indicators", "claim_checks", "corroboration", "document_stats")
REPORT, RELEASE = "004_2e8b6a177bdcb179", "003_4ebfceb60d0020d1"


def test_mentions_carry_subject_geography_period_and_rate(seeded_project: Project) -> None:
    rows = seeded_project.query(
        "select subject, geography, period_start, period_end, rate_per from mentions "
        "where doc_id = ? and text in ('478,000', '17,805')",
        [REPORT],
    )
    assert sorted(rows) == [
        ("average apprehensions of NCA citizens", ["NCA", "USA-SWB"], date(2021, 1, 1), date(2021, 12, 31), "week"),
        ("citizens of Northern Central America", ["NCA", "USA"], date(2021, 1, 1), date(2021, 7, 31), None),
    ]


def test_at_least_nine_in_ten_statistical_mentions_have_a_subject(seeded_project: Project) -> None:
    ((share, n),) = seeded_project.query(
        "select avg(case when subject is not null then 1.0 else 0.0 end), count(*) from mentions "
        "where kind in ('count', 'percent', 'money', 'ratio', 'multiplier')"
    )
    assert n > 50 and share >= 0.9


def test_temporal_mentions_are_not_enriched(seeded_project: Project) -> None:
    ((n,),) = seeded_project.query(
        "select count(*) from mentions where kind in ('year', 'date', 'duration') "
        "and (subject is not null or geography is not null or period_start is not null or rate_per is not null)"
    )
    assert n == 0


def test_regions_list_their_member_countries(seeded_project: Project) -> None:
    rows = seeded_project.query("select country_code from regions where region_code = 'NCA' order by 1")
    assert [r[0] for r in rows] == ["GTM", "HND", "SLV"]
    ((n,),) = seeded_project.query("select count(*) from regions where region_code = 'AMR'")
    assert n == 35


def test_indicators_resolve_each_to_its_mention(seeded_project: Project) -> None:
    rows = seeded_project.query(
        "select i.indicator_id, i.value, m.value, i.doc_id, m.doc_id from indicators i join mentions m using "
        "(mention_id)"
    )
    assert len(rows) >= 15
    assert all(value == number and doc == mention_doc for _, value, number, doc, mention_doc in rows)
    assert seeded_project.query(
        "select value, unit, geography, period_start, period_end, text from indicators "
        "where indicator_id = 'nca_apprehensions_2021_jan_jul'"
    ) == [(478000.0, "persons", ["NCA", "USA"], date(2021, 1, 1), date(2021, 7, 31), "478,000")]


def test_claim_one_in_50_is_recomputed_from_the_three_figures(seeded_project: Project) -> None:
    ((stated, computed, difference, tolerance, verdict, explanation, statement),) = seeded_project.query(
        "select stated_value, computed_value, relative_difference, tolerance, verdict, explanation, statement "
        "from claim_checks where claim_id = 'lawful_channel_one_in_50'"
    )
    assert stated == 0.02
    assert computed == pytest.approx((8641 + 1520) / 478000)
    assert difference == pytest.approx((8641 + 1520) / 478000 / 0.02 - 1)
    assert tolerance == pytest.approx(50 / 45 - 1)
    assert verdict == "consistent"
    assert explanation.startswith("(8,641 + 1,520) / 478,000 = 0.02126, i.e. one in 47.0")
    assert "one in 50 people apprehended at the border" in statement


def test_every_claim_has_a_verdict_and_an_explanation(seeded_project: Project) -> None:
    rows = seeded_project.query("select claim_id, doc_id, verdict, explanation from claim_checks")
    assert len(rows) >= 6
    assert {doc for _, doc, _, _ in rows} >= {REPORT, RELEASE, "001_6e00856a45348657"}
    assert all(
        verdict in ("consistent", "inconsistent") and len(explanation) > 40 for _, _, verdict, explanation in rows
    )


def test_the_weekly_average_is_flagged_against_eight_calendar_months(seeded_project: Project) -> None:
    ((computed, verdict, explanation),) = seeded_project.query(
        "select computed_value, verdict, explanation from claim_checks where claim_id = 'apprehensions_17805_per_week'"
    )
    assert computed == pytest.approx(569746 / (243 / 7))
    assert verdict == "inconsistent"
    assert "569,746 / 34.714 weeks (2021-01-01 to 2021-08-31)" in explanation


def test_corroboration_lists_figures_cited_by_two_documents(seeded_project: Project) -> None:
    rows = seeded_project.query("select kind, value, subject, n_documents, doc_ids from corroboration order by value")
    by_value = {(kind, value): (subject, n, docs) for kind, value, subject, n, docs in rows}
    both = [RELEASE, REPORT]
    assert by_value[("count", 478000.0)] == ("citizens of Northern Central America", 2, both)
    assert by_value[("count", 8641.0)] == ("work visas", 2, both)
    assert by_value[("count", 1520.0)] == ("grants of asylum", 2, both)
    assert by_value[("ratio", 0.02)] == ("people", 2, both)


def test_corroboration_requires_compatible_subjects(seeded_project: Project) -> None:
    # 'four pillars' (002) and 'four southern states' (004) are the same number, not the same figure.
    assert seeded_project.query("select * from corroboration where value = 4") == []


def test_document_stats_count_mentions_and_coverage_per_document(seeded_project: Project) -> None:
    stats = {
        row[0]: row[1:]
        for row in seeded_project.query(
            "select doc_id, n_mentions, n_statistical + n_temporal, share_with_subject, n_indicators, n_claims, "
            "n_corroborated, license from document_stats"
        )
    }
    assert sorted(stats) == SEED_IDS
    counts = dict(seeded_project.query("select doc_id, count(*) from mentions group by doc_id"))
    for doc_id, (n_mentions, n_by_kind, share, *_rest) in stats.items():
        assert n_mentions == n_by_kind == counts.get(doc_id, 0)
        assert share is None or 0 <= share <= 1
    assert stats[REPORT][3:] == (22, 5, 5, "CC BY-NC-ND 4.0")
    assert stats[RELEASE][3:6] == (6, 3, 5)


def test_research_tables_are_exported_as_csv_and_parquet(seeded_project: Project) -> None:
    for table in RESEARCH_TABLES:
        ((n_rows,),) = seeded_project.query(f"select count(*) from {table}")
        csv = pd.read_csv(seeded_project.exports / f"{table}.csv", keep_default_na=False)
        assert n_rows > 0
        assert len(csv) == n_rows == pq.read_table(seeded_project.exports / f"{table}.parquet").num_rows
