"""The command line: ``python -m pipeline [--debug] run | extract | add-source``, plus ``--help`` and ``--version``.

Each command imports what it needs lazily, so ``extract`` starts without
loading Dagster, pandas or DuckDB. Bad input ends a command with one line per
problem on standard error; an unexpected exception with one line, and its
traceback only under ``--debug``.
"""

from __future__ import annotations

import argparse
import sys

from pipeline.cli.errors import report_unexpected
from pipeline.cli.parser import build_parser


def _dispatch(args: argparse.Namespace) -> int:
    """Run the command ``args`` names; return its exit status."""
    if args.command == "extract":
        from pipeline.cli.extract import load_enrichment_gazetteer, run_extract

        gazetteer = None
        if args.enrich:
            gazetteer = load_enrichment_gazetteer(sys.stderr)
            if gazetteer is None:
                return 2
        return run_extract(args.paths, args.format, sys.stdout, sys.stderr, gazetteer, args.published)
    if args.command == "run":
        from pipeline.cli.run import run_all

        return run_all(debug=args.debug, release=args.release)
    if args.command == "add-source":
        from pipeline.cli.add_source import run_add_source

        return run_add_source(args, sys.stdout, sys.stderr)
    if args.command == "migrate-sources":
        from pipeline.cli.add_source import run_migrate_sources

        return run_migrate_sources(sys.stdout, sys.stderr)
    raise AssertionError(args.command)  # argparse guarantees a known command


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen command; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except Exception as exc:  # a bug: one line, the traceback only with --debug
        return report_unexpected(args.command, exc, args.debug, sys.stderr)
