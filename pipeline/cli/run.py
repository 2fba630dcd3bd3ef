"""``python -m pipeline run``: materialise every asset, then say where the results are.

A failed run prints one ``error:`` line per problem (every bad file, each
failed check) and one closing line on standard error; Dagster's own logs and
tracebacks appear only with ``--debug``.
"""

from __future__ import annotations

import logging
import os
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from pipeline.cli.errors import DEBUG_HINT
from pipeline.common import settings

FAILED = "run failed; the previous warehouse and exports are unchanged"


@contextmanager
def _quiet_python_output(debug: bool) -> Iterator[None]:
    """Unless ``debug``, keep Python's warnings and the records of its ``dagster`` loggers (warnings of the
    instance, the scheduler, ...) off standard error: without a handler of their own those records would reach
    ``logging.lastResort``. Levels are left alone, so Dagster still captures what it captures into the run's
    event log.
    """
    if debug:
        yield
        return
    logger, handler = logging.getLogger("dagster"), logging.NullHandler()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def run_all(debug: bool = False, release: bool = False, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Materialise the whole asset graph in process; return 0 on success, 1 on failure.

    ``debug`` lets Dagster log to the console; ``release`` sets ``FIGURES_RELEASE=1``
    for this process before anything is materialised.
    """
    out, err = out or sys.stdout, err or sys.stderr
    if release:
        os.environ[settings.RELEASE_ENV] = "1"
    from pipeline.defs.runs import run_all_assets

    with _quiet_python_output(debug):
        outcome = run_all_assets(debug=debug)
    for run_id in outcome.released_runs:
        print(
            f"note: run {run_id} was left in progress by a process that died; marked failed, its slot freed", file=out
        )
    if not outcome.success:
        for message in outcome.failures:
            print(f"error: {message}", file=err)
        print(FAILED, file=err)
        if outcome.unexpected and not debug:
            print(DEBUG_HINT, file=err)
        return 1
    print(f"DuckDB warehouse: {settings.duckdb_path()}", file=out)
    print(f"Release (CSV, Parquet, datapackage.json; open index.html): {settings.exports_dir()}", file=out)
    return 0
