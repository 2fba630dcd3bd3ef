"""The command line: ``python -m pipeline run | extract | add-source``.

Each command imports what it needs lazily, so ``extract`` starts without
loading Dagster, pandas or DuckDB.
"""

from __future__ import annotations

import argparse
import sys


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Migration figures: documents in, an open dataset of the figures they cite out.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    ext = sub.add_parser("extract", help="print every numeric mention of the given documents")
    ext.add_argument("paths", nargs="+", metavar="PATH")
    ext.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    ext.add_argument(
        "--enrich",
        action="store_true",
        help="add what each statistical figure counts, where and when: subject, geography, period_start, "
        "period_end, rate_per (regions from $FIGURES_SOURCES_DIR/regions.yaml)",
    )

    sub.add_parser("run", help="materialise every asset and print where the outputs are")

    add = sub.add_parser(
        "add-source",
        help="copy a document into the sources folder and record its provenance (size, SHA-256)",
        description="Copy FILE (.txt or .md, UTF-8) byte for byte into the sources folder "
        "($FIGURES_SOURCES_DIR, default sources/) and add its entry to provenance.yaml.",
    )
    add.add_argument("file", metavar="FILE", help="the document to add; its file stem becomes the document id")
    add.add_argument("--title", required=True, help="title of the document")
    add.add_argument("--publisher", required=True, help="organisation(s) that published it")
    add.add_argument(
        "--published", required=True, help="publication date, ISO 8601 (2024-06-26, 2024-06 or 2024), or 'none'"
    )
    add.add_argument("--license", required=True, help="licence as the document states it, or 'unknown'")
    add.add_argument("--url", help="address the document was retrieved from")
    add.add_argument("--license-url", help="address of the licence text")
    add.add_argument("--id", dest="doc_id", help="store the document under this id instead of its file stem")
    add.add_argument("--replace", action="store_true", help="replace the document that already has this id")

    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen command; return the exit status."""
    args = _build_parser().parse_args(argv)
    if args.command == "extract":
        from pipeline.cli.extract import load_enrichment_gazetteer, run_extract

        gazetteer = None
        if args.enrich:
            gazetteer = load_enrichment_gazetteer(sys.stderr)
            if gazetteer is None:
                return 2
        return run_extract(args.paths, args.format, sys.stdout, sys.stderr, gazetteer)
    if args.command == "run":
        from pipeline.cli.run import run_all

        return run_all()
    if args.command == "add-source":
        from pipeline.cli.add_source import run_add_source

        return run_add_source(args, sys.stdout, sys.stderr)
    raise AssertionError(args.command)  # argparse guarantees a known command
