"""Blocking integrity checks written as SQL: references resolve, values agree, codes are known.

Each check is a query in ``warehouse/checks/<name>.sql`` that returns one row
per problem; no rows means the check passes. The rows become the check's
failure cases in the UI, so each query selects the ids a person needs to fix
the problem.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import dagster as dg
import pandas as pd
from dagster_duckdb import DuckDBResource

from pipeline.defs.metadata import preview_markdown
from pipeline.enrichment.gazetteer import COUNTRY_NAMES
from pipeline.store.tables import read_sql
from pipeline.store.validation import MAX_FAILURE_CASES


def failure_metadata(cases: pd.DataFrame) -> dict[str, object]:
    """Metadata of a failed check: how many failure cases, and the first of them as a table."""
    return {
        "failure_count": dg.MetadataValue.int(len(cases)),
        "failure_cases": dg.MetadataValue.md(preview_markdown(cases, MAX_FAILURE_CASES)),
    }


@dataclass(frozen=True)
class SqlCheck:
    """A blocking check of ``asset`` whose query ``warehouse/checks/<name>.sql`` lists the problems."""

    asset: str
    name: str
    deps: tuple[str, ...]
    description: str
    passed: str  # description when there is no problem
    problem: str  # "<n> <problem>" when there are some
    params: Callable[[], list[object]] = field(default=list)


def sql_check(spec: SqlCheck) -> dg.AssetChecksDefinition:
    """The Dagster check that runs ``spec``'s query and fails with its rows as failure cases."""
    sql = read_sql(f"checks/{spec.name}")

    @dg.asset_check(
        asset=spec.asset,
        name=spec.name,
        blocking=True,
        pool="duckdb",
        additional_deps=list(spec.deps),
        description=spec.description,
    )
    def _check(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with duckdb.get_connection() as conn:
            bad = conn.execute(sql, spec.params()).df()
        return dg.AssetCheckResult(
            passed=bad.empty,
            metadata=failure_metadata(bad) if len(bad) else {},
            description=spec.passed if bad.empty else f"{len(bad)} {spec.problem}",
        )

    return _check


SQL_CHECKS = [
    SqlCheck(
        "mentions", "mentions_offsets", ("documents",),
        "Every mention's text (and sentence) equals its document's text at its offsets.",
        "all offsets resolve", "mention(s) do not match their offsets",
    ),
    SqlCheck(
        "indicators", "indicators_resolve_to_mentions", ("mentions",),
        "Every indicator's locator resolved to exactly one mention, whose document, value and text it carries.",
        "every indicator matches its mention", "indicator(s) do not match their mention",
    ),
    SqlCheck(
        "claim_checks", "claims_match_mentions", ("mentions",),
        "Every claim's stated value and statement are those of its mention.",
        "every claim matches its mention", "claim(s) do not match their mention",
    ),
    SqlCheck(
        "corroboration", "corroboration_matches_mentions", ("mentions",),
        "Every mention of a corroborated figure exists and has the figure's kind and value.",
        "every corroborated mention matches its figure", "corroborated mention(s) do not match",
    ),
    SqlCheck(
        "mentions", "mentions_geography_known", ("regions",),
        "Every geography code is an ISO 3166-1 alpha-3 country code or a region of the regions table.",
        "every geography code is known", "mention(s) with unknown geography codes",
        params=lambda: [sorted(COUNTRY_NAMES)],
    ),
]  # fmt: skip

INTEGRITY_CHECKS = [sql_check(spec) for spec in SQL_CHECKS]
