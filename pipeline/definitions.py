"""Dagster definitions: assembles assets, checks, sensors, schedules and resources; nothing else lives here."""

from __future__ import annotations

from collections.abc import Mapping

import dagster as dg

from pipeline.assets.checks import all_checks
from pipeline.assets.curate import indicators
from pipeline.assets.extract import mentions
from pipeline.assets.marts import claim_checks, corroboration, document_stats
from pipeline.assets.publish import exports
from pipeline.assets.reference import regions
from pipeline.assets.sources import documents
from pipeline.automation import ALL_ASSETS_JOB, daily_refresh, sources_sensor
from pipeline.resources import default_resources

ASSETS = [documents, regions, mentions, indicators, claim_checks, corroboration, document_stats, exports]


def make_definitions(resources: Mapping[str, object] | None = None) -> dg.Definitions:
    """The project's definitions, with resources from the environment unless given."""
    return dg.Definitions(
        assets=ASSETS,
        asset_checks=all_checks(),
        jobs=[dg.define_asset_job(ALL_ASSETS_JOB, selection=dg.AssetSelection.all())],
        sensors=[sources_sensor],
        schedules=[daily_refresh],
        resources=dict(resources) if resources is not None else default_resources(),
        executor=dg.in_process_executor,
    )


defs = make_definitions()
