"""Dagster definitions: assembles assets, checks, sensors, schedules and resources; nothing else lives here."""

from __future__ import annotations

from collections.abc import Mapping

import dagster as dg

from pipeline.defs.assets.claim_checks import claim_checks
from pipeline.defs.assets.documents import documents
from pipeline.defs.assets.exports import exports
from pipeline.defs.assets.indicators import indicators
from pipeline.defs.assets.marts import SQL_MARTS
from pipeline.defs.assets.mention_shards import SHARDS, SHARDS_JOB, mention_shards
from pipeline.defs.assets.mentions import mentions
from pipeline.defs.assets.regions import regions
from pipeline.defs.automation import ALL_ASSETS_JOB, daily_refresh, sources_sensor
from pipeline.defs.checks import all_checks
from pipeline.defs.resources import default_resources, with_reader

ASSETS = [documents, regions, mentions, indicators, claim_checks, *SQL_MARTS, exports]
#: Assets outside the job that materialises everything (partitioned: a backfill runs them, see mention_shards).
PARTITIONED_ASSETS = [mention_shards]
#: Assets that only read the warehouse (the published file, read-only): outside the one writer's "duckdb" pool,
#: so that many of their runs read it at once.
READ_ONLY_ASSETS = frozenset(key.to_user_string() for a in PARTITIONED_ASSETS for key in a.keys)


def make_definitions(resources: Mapping[str, object] | None = None) -> dg.Definitions:
    """The project's definitions, with resources from the environment unless given."""
    every_unpartitioned = dg.AssetSelection.all() - dg.AssetSelection.assets(*PARTITIONED_ASSETS)
    return dg.Definitions(
        assets=[*ASSETS, *PARTITIONED_ASSETS],
        asset_checks=all_checks(),
        jobs=[
            dg.define_asset_job(ALL_ASSETS_JOB, selection=every_unpartitioned),
            dg.define_asset_job(SHARDS_JOB, selection=[mention_shards], partitions_def=SHARDS),
        ],
        sensors=[sources_sensor],
        schedules=[daily_refresh],
        resources=with_reader(dict(resources)) if resources is not None else default_resources(),
        executor=dg.in_process_executor,
    )


defs = make_definitions()
