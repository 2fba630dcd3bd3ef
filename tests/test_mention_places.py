"""``mention_places``: every country a statistical mention is about, whether named or reached through a region."""

from __future__ import annotations

import duckdb

from pipeline.common.values import is_missing
from pipeline.store.sql import mart_files, read_sql, run_query
from tests.conftest import Project

SQL = read_sql(mart_files()["mention_places"])


def _places(geographies: dict[str, list[str] | None], kind: str = "count") -> list[tuple]:
    with duckdb.connect() as conn:
        conn.execute("create table mentions (mention_id varchar, doc_id varchar, kind varchar, geography varchar[])")
        conn.execute("create table regions (region_code varchar, country_code varchar)")
        conn.execute("insert into regions values ('NCA', 'GTM'), ('NCA', 'HND'), ('NCA', 'SLV'), ('CAM', 'GTM')")
        for mention_id, geography in geographies.items():
            conn.execute("insert into mentions values (?, 'doc', ?, ?)", [mention_id, kind, geography])
        df = run_query(conn, SQL)
    return [
        (r.mention_id, r.country_code, bool(r.named), None if is_missing(r.via_regions) else list(r.via_regions))
        for r in df.itertuples()
    ]


def test_a_named_country_is_one_row_marked_named() -> None:
    assert _places({"m": ["MEX"]}) == [("m", "MEX", True, None)]


def test_a_region_gives_a_row_per_member_country() -> None:
    assert _places({"m": ["NCA"]}) == [
        ("m", "GTM", False, ["NCA"]),
        ("m", "HND", False, ["NCA"]),
        ("m", "SLV", False, ["NCA"]),
    ]


def test_a_country_named_and_in_a_named_region_is_one_row_naming_both() -> None:
    rows = _places({"m": ["CAM", "GTM", "NCA"]})
    assert ("m", "GTM", True, ["CAM", "NCA"]) in rows
    assert len([r for r in rows if r[1] == "GTM"]) == 1


def test_mentions_without_geography_and_temporal_mentions_have_no_places() -> None:
    assert _places({"m": None}) == []
    assert _places({"m": ["MEX"]}, kind="year") == []


def test_the_seeds_reach_guatemala_through_their_regions(seeded_project: Project) -> None:
    ((named, through_region),) = seeded_project.query(
        "select count(*) filter (where named), count(*) filter (where not named) from mention_places "
        "where country_code = 'GTM'"
    )
    assert through_region > named >= 0 and through_region > 0
