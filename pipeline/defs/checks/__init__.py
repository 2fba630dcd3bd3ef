"""Blocking asset checks: each table against its pandera model, the SQL checks under
``warehouse/checks/<table>/``, and the sources folder against the warehouse."""

import dagster as dg

from pipeline.defs.checks.schema import schema_check
from pipeline.defs.checks.sources import documents_match_sources
from pipeline.defs.checks.sql import SQL_CHECKS
from schemas import SCHEMAS


def all_checks() -> list[dg.AssetChecksDefinition]:
    """Every check of the pipeline."""
    return [*(schema_check(t) for t in SCHEMAS), documents_match_sources, *SQL_CHECKS]
