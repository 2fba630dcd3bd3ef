"""Command line: ``python -m pipeline COMMAND``.

Commands import their dependencies lazily so that ``extract`` starts without
loading Dagster or pandas.
"""

from __future__ import annotations

import argparse
import sys


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    ext = sub.add_parser("extract", help="print every numeric mention of the given documents")
    ext.add_argument("paths", nargs="+", metavar="PATH")
    ext.add_argument("--format", choices=("csv", "jsonl"), default="csv")

    sub.add_parser("run", help="materialise every asset and print where the outputs are")

    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen command; return the exit status."""
    args = _build_parser().parse_args(argv)
    if args.command == "extract":
        from pipeline.extraction.cli import run_extract

        return run_extract(args.paths, args.format, sys.stdout, sys.stderr)
    if args.command == "run":
        from pipeline.run import run_all

        return run_all()
    raise AssertionError(args.command)  # argparse guarantees a known command


if __name__ == "__main__":
    sys.exit(main())
