"""The argument parser of ``python -m pipeline``: its commands, their options, help texts and examples.

Help is plain text (no reStructuredText): descriptions and epilogs keep their
line breaks (``RawDescriptionHelpFormatter``), option help is wrapped by argparse.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import textwrap
import tomllib
from pathlib import Path

from pipeline.common.vocabulary import ENRICHMENT_COLUMNS, QUALIFIERS
from pipeline.extraction.model import FIELDS

PROG = "python -m pipeline"
DISTRIBUTION = "migration-figures"
DEBUG_HELP = "show the traceback of an unexpected error and, for run, Dagster's logs"
_PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"

_MAIN_DESCRIPTION = """\
Migration figures: documents in, an open dataset of the figures they cite out.

Settings come from the environment: FIGURES_SOURCES_DIR (default sources/),
FIGURES_DUCKDB_PATH (default warehouse/figures.duckdb), FIGURES_EXPORTS_DIR
(default warehouse/exports) and DAGSTER_HOME (the Dagster instance)."""

_MAIN_EPILOG = f"""\
examples:
  {PROG} run                  build the warehouse and the release
  {PROG} --debug run          the same, with Dagster's logs and tracebacks
  {PROG} extract report.md    print the figures a text file cites
  {PROG} add-source new.txt --title T --publisher P --published 2024 --license unknown
  {PROG} extract --help       a command's options and examples

A bad input file stops a command with one line per bad file on standard error:
"error: <file>: <problem>". Exit status: 0 done, 1 failed, 2 wrong usage."""

_RUN_DESCRIPTION = """\
Materialise every asset and check of the pipeline in this process: verify the
sources against their provenance, extract and enrich every figure, build the
DuckDB warehouse and write the release (CSV, Parquet, datapackage.json,
index.html). The run uses the Dagster instance of $DAGSTER_HOME (its run
history and the one-writer pool), or a temporary one when it is not set.

On success it prints where the warehouse and the release are. If anything fails
(a bad source file, a failed check) it prints one line per problem, each naming
its file, and leaves the previous warehouse and exports unchanged. Dagster's
own logs and the tracebacks appear only with --debug."""

_RUN_EPILOG = f"""\
examples:
  {PROG} run
  {PROG} --debug run       with Dagster's logs and tracebacks
  {PROG} run --release     the committed release (use make release)
  FIGURES_SOURCES_DIR=/tmp/my-sources {PROG} run"""

_COLUMNS_TEXT = textwrap.fill(
    f"Output columns: {', '.join(('doc', *FIELDS, 'page'))}. doc is the file stem; start and end are the "
    "character offsets of text in the file's text (sentence_start and sentence_end those of sentence); page is "
    "the PDF page, empty for other formats; value is a plain decimal, "
    f"or an ISO date for dates; approx is the figure's qualifier ({', '.join(QUALIFIERS)}: about, at least, "
    f"at most) or empty. --enrich appends "
    f"{', '.join(ENRICHMENT_COLUMNS)}.",
    width=79,
)

_EXTRACT_DESCRIPTION = f"""\
Print every numeric mention (counts, percents, money, ratios, multipliers,
years, dates, durations) of the given text files, one row per mention. It does
not touch the warehouse and starts without loading Dagster.

Files are read as the pipeline reads its sources: .txt and .md as UTF-8
exactly as stored (offsets index the file), .pdf and .html through the same
converters (same text, offsets and pages); any other file as UTF-8 text. A
file is read against its publication date: --published, else the date in its
provenance file beside it, else its metadata. A path that cannot be read
(missing, a folder, not UTF-8, a corrupt PDF) gets one line on standard error
and the exit status 1, after the other files are written.

{_COLUMNS_TEXT}"""

_EXTRACT_EPILOG = f"""\
examples:
  {PROG} extract sources/*.txt > mentions.csv
  {PROG} extract report.md --format jsonl
  {PROG} extract --enrich report.md
  {PROG} extract --enrich --published 2022-06-15 release.html"""

_ADD_SOURCE_DESCRIPTION = """\
Copy each FILE (.pdf, .html/.htm, .md or .txt; a folder stands for the
documents in it) byte for byte into the sources folder ($FIGURES_SOURCES_DIR,
default sources/) and write its own provenance file beside it
(<file>.provenance.yaml) with the size and SHA-256 of its bytes. Its file stem
becomes its id. The title and the publication date are taken from the
document's metadata (PDF information, HTML title and date) when not given. A
file whose bytes do not match its extension, or that cannot be turned into
text, is refused with one line naming it; the other files are still added.
The next run extracts the new documents (with the UI open, the sources
sensor starts that run)."""

_ADD_SOURCE_EPILOG = f"""\
examples:
  {PROG} add-source ~/Downloads/unhcr_trends_2024.txt \\
      --title "Global Trends: Forced Displacement in 2024" --publisher UNHCR \\
      --published 2025-06-12 --url https://www.unhcr.org/global-trends --license unknown
  {PROG} add-source reports/*.pdf --publisher IOM --license unknown
  {PROG} add-source fixed.txt --id 002_8cf95d8b2fb20748 --replace \\
      --title "A corrected text" --publisher Tests --published none --license unknown"""

_MIGRATE_DESCRIPTION = """\
Split the shared provenance.yaml of earlier versions into one
<file>.provenance.yaml per document, with the same fields and values; the
documents are not touched. Run it once on a sources folder made before
version 0.3."""

_MIGRATE_EPILOG = f"""\
examples:
  {PROG} migrate-sources
  FIGURES_SOURCES_DIR=~/my-sources {PROG} migrate-sources"""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions and epilogs as written; option and command help from column 22, so that every command's name
    (``add-source`` too) shares a line with its help."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=22)
        self._action_max_length = 20  # argparse measures options but not the command names listed under COMMAND


def package_version() -> str:
    """The version of the installed ``migration-figures`` distribution, else the one pyproject.toml declares."""
    try:
        return importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        pass
    try:
        with _PYPROJECT.open("rb") as handle:
            return str(tomllib.load(handle)["project"]["version"])
    except (OSError, tomllib.TOMLDecodeError, KeyError):
        return "unknown"


def _debug_option() -> argparse.ArgumentParser:
    """A parent parser giving a command ``--debug`` too, so it may follow the command's name."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,  # leaves the top-level value alone when not repeated here
        help=DEBUG_HELP,
    )
    return parent


def _command(
    sub: argparse._SubParsersAction,
    parents: list[argparse.ArgumentParser],
    name: str,
    summary: str,
    description: str,
    epilog: str,
) -> argparse.ArgumentParser:
    """A command's parser: its one-line summary, description and examples laid out as written, ``--debug``."""
    return sub.add_parser(
        name, help=summary, description=description, epilog=epilog, formatter_class=_Formatter, parents=parents
    )


def _add_run(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    run = _command(
        sub, parents, "run", "build the warehouse and the release from the sources", _RUN_DESCRIPTION, _RUN_EPILOG
    )
    run.add_argument(
        "--release",
        action="store_true",
        help="build the committed release: version without the +local suffix; use via 'make release'",
    )


def _published_date(value: str) -> str:
    """``--published``: an ISO 8601 day, month or year (argparse reports anything else as a usage error)."""
    from pipeline.common.isodates import iso_date

    try:
        return iso_date(value, "year")
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_extract(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    ext = _command(
        sub,
        parents,
        "extract",
        "print every numeric mention of the given text files",
        _EXTRACT_DESCRIPTION,
        _EXTRACT_EPILOG,
    )
    ext.add_argument("paths", nargs="+", metavar="PATH", help="a .pdf, .html, .md, .txt or other UTF-8 text file")
    ext.add_argument(
        "--format",
        choices=("csv", "jsonl"),
        default="csv",
        help="csv (the default): a header row, then one row per mention; jsonl: one JSON object per mention",
    )
    ext.add_argument(
        "--enrich",
        action="store_true",
        help="add what each statistical figure counts, where and when: " + ", ".join(ENRICHMENT_COLUMNS) + " "
        "(regions from $FIGURES_SOURCES_DIR/regions.yaml)",
    )
    ext.add_argument(
        "--published",
        metavar="DATE",
        type=_published_date,
        help="the publication date (ISO 8601 day, month or year) the files are read against, for 'last year', "
        "'in May', 'so far this year'; default: the date in a file's provenance file beside it, else in its "
        "metadata (PDF, HTML), else its dateline",
    )


def _add_add_source(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    add = _command(
        sub,
        parents,
        "add-source",
        "add a document to the sources, with its provenance",
        _ADD_SOURCE_DESCRIPTION,
        _ADD_SOURCE_EPILOG,
    )
    add.add_argument(
        "files", nargs="+", metavar="FILE", help="documents (or folders of documents); a file's stem becomes its id"
    )
    add.add_argument("--title", help="title of the document (default: from its metadata; one FILE only)")
    add.add_argument("--publisher", required=True, help="organisation(s) that published it")
    add.add_argument(
        "--published",
        help="publication date, ISO 8601 (2024-06-26, 2024-06 or 2024), or 'none' (default: from its metadata)",
    )
    add.add_argument("--license", required=True, help="licence as the document states it, or 'unknown'")
    add.add_argument("--url", help="address the document was retrieved from")
    add.add_argument("--license-url", help="address of the licence text")
    add.add_argument("--id", dest="doc_id", help="store the document under this id instead of its stem (one FILE)")
    add.add_argument("--replace", action="store_true", help="replace the document that already has this id")


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command, with ``--debug`` and ``--version`` before the command's name."""
    parser = argparse.ArgumentParser(
        prog=PROG, description=_MAIN_DESCRIPTION, epilog=_MAIN_EPILOG, formatter_class=_Formatter
    )
    parser.add_argument("--debug", action="store_true", help=DEBUG_HELP)
    parser.add_argument(
        "--version",
        action="version",
        version=f"{DISTRIBUTION} {package_version()}",
        help=f"print the version ({DISTRIBUTION} X.Y.Z) and exit",
    )
    sub = parser.add_subparsers(dest="command", required=True, title="commands", metavar="COMMAND")
    parents = [_debug_option()]
    _add_run(sub, parents)
    _add_extract(sub, parents)
    _add_add_source(sub, parents)
    _command(
        sub,
        parents,
        "migrate-sources",
        "split an old shared provenance.yaml into per-document files",
        _MIGRATE_DESCRIPTION,
        _MIGRATE_EPILOG,
    )
    return parser
