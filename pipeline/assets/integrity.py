"""Blocking integrity checks of the research tables: references resolve, values agree, codes are known."""

import dagster as dg
import pandas as pd
from dagster_duckdb import DuckDBResource

from pipeline.assets.metadata import preview_markdown
from pipeline.enrichment.gazetteer import COUNTRY_NAMES
from pipeline.validation import MAX_FAILURE_CASES


def _result(bad: pd.DataFrame, ok: str, problem: str) -> dg.AssetCheckResult:
    metadata: dict[str, object] = {}
    if len(bad):
        metadata = {
            "failure_count": dg.MetadataValue.int(len(bad)),
            "failure_cases": dg.MetadataValue.md(preview_markdown(bad, MAX_FAILURE_CASES)),
        }
    return dg.AssetCheckResult(
        passed=bad.empty, metadata=metadata, description=ok if bad.empty else f"{len(bad)} {problem}"
    )


INDICATORS_SQL = """
select i.indicator_id, i.mention_id, i.value, m.number, i.text, m.text as mention_text
from indicators i left join mentions m using (mention_id)
where m.mention_id is null or m.doc_id <> i.doc_id or m.number <> i.value or m.text <> i.text
order by i.indicator_id
"""


@dg.asset_check(
    asset="indicators",
    blocking=True,
    pool="duckdb",
    additional_deps=["mentions"],
    description="Every indicator's locator resolved to exactly one mention, whose document, value and text it carries.",
)
def indicators_resolve_to_mentions(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    with duckdb.get_connection() as conn:
        bad = conn.execute(INDICATORS_SQL).df()
    return _result(bad, "every indicator matches its mention", "indicator(s) do not match their mention")


CLAIMS_SQL = """
select c.claim_id, c.mention_id, c.stated_value, m.number
from claim_checks c left join mentions m using (mention_id)
where m.mention_id is null or m.doc_id <> c.doc_id or m.number <> c.stated_value or m.sentence <> c.statement
order by c.claim_id
"""


@dg.asset_check(
    asset="claim_checks",
    blocking=True,
    pool="duckdb",
    additional_deps=["mentions"],
    description="Every claim's stated value and statement are those of its mention.",
)
def claims_match_mentions(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    with duckdb.get_connection() as conn:
        bad = conn.execute(CLAIMS_SQL).df()
    return _result(bad, "every claim matches its mention", "claim(s) do not match their mention")


CORROBORATION_SQL = """
with members as (
    select figure_id, kind, value, n_documents, unnest(string_split(mention_ids, ';')) as mention_id
    from corroboration
)
select members.figure_id, members.mention_id, members.kind, m.kind as mention_kind, members.value, m.number
from members left join mentions m using (mention_id)
where m.mention_id is null or m.kind <> members.kind or m.number <> members.value
order by members.figure_id, members.mention_id
"""


@dg.asset_check(
    asset="corroboration",
    blocking=True,
    pool="duckdb",
    additional_deps=["mentions"],
    description="Every mention of a corroborated figure exists and has the figure's kind and value.",
)
def corroboration_matches_mentions(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    with duckdb.get_connection() as conn:
        bad = conn.execute(CORROBORATION_SQL).df()
    return _result(bad, "every corroborated mention matches its figure", "corroborated mention(s) do not match")


GEOGRAPHY_SQL = """
select distinct code, mention_id from (
    select mention_id, unnest(string_split(geography, ';')) as code from mentions where geography is not null
)
where code not in (select region_code from regions) and not list_contains(?, code)
order by code, mention_id
"""


@dg.asset_check(
    asset="mentions",
    blocking=True,
    pool="duckdb",
    additional_deps=["regions"],
    description="Every geography code is an ISO 3166-1 alpha-3 country code or a region of the regions table.",
)
def mentions_geography_known(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    with duckdb.get_connection() as conn:
        bad = conn.execute(GEOGRAPHY_SQL, [sorted(COUNTRY_NAMES)]).df()
    return _result(bad, "every geography code is known", "mention(s) with unknown geography codes")


INTEGRITY_CHECKS = [
    indicators_resolve_to_mentions,
    claims_match_mentions,
    corroboration_matches_mentions,
    mentions_geography_known,
]
