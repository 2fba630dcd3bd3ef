"""``python -m pipeline --help``, each command's ``--help`` and ``--version``, read as a user reads them."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys

import pytest

COMMANDS = ("run", "extract", "add-source", "migrate-sources")
#: What each command's help must say it does (its words, however the lines are wrapped), and the options it lists.
DESCRIPTIONS = {
    "run": "Materialise every asset and check",
    "extract": "Print every numeric mention",
    "add-source": "Copy each FILE (.pdf, .html/.htm, .md or .txt; a folder stands for the documents in it) byte for "
    "byte into the sources folder ($FIGURES_SOURCES_DIR, default sources/) and write its own provenance file beside "
    "it (<file>.provenance.yaml)",
    "migrate-sources": "Split the shared provenance.yaml of earlier versions into one <file>.provenance.yaml per "
    "document, with the same fields and values; the documents are not touched.",
}
OPTIONS = {
    "run": ("--release", "--debug"),
    "extract": ("PATH", "--format {csv,jsonl}", "--enrich", "--debug"),
    "add-source": (
        "FILE [FILE ...]",
        "--title",
        "--publisher",
        "--published",
        "--license",
        "--url",
        "--license-url",
        "--id",
        "--replace",
        "--debug",
    ),
    "migrate-sources": ("--debug",),
}


def _pipeline(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.fixture(scope="module")
def help_pages() -> dict[str, str]:
    """The help of the program (key "") and of each command, as printed."""
    pages = {}
    for command in ("", *COMMANDS):
        done = _pipeline(*([command] if command else []), "--help")
        assert done.returncode == 0 and done.stderr == "", done.stderr
        pages[command] = done.stdout
    return pages


def test_top_level_help_lists_every_command_on_one_line_with_what_it_does(help_pages: dict[str, str]) -> None:
    lines = help_pages[""].splitlines()
    for command in COMMANDS:
        (line,) = [line for line in lines if line.split()[:1] == [command]]
        assert len(line.split()) > 3, line  # the name, then a sentence on the same line


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_says_what_the_command_does(help_pages: dict[str, str], command: str) -> None:
    assert DESCRIPTIONS[command] in " ".join(help_pages[command].split())


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_lists_its_options(help_pages: dict[str, str], command: str) -> None:
    missing = [option for option in OPTIONS[command] if option not in help_pages[command]]
    assert not missing, help_pages[command]


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_ends_with_examples_of_the_command(help_pages: dict[str, str], command: str) -> None:
    examples = help_pages[command].split("\nexamples:\n", 1)[1]
    assert f"python -m pipeline {command}" in examples


def test_extract_help_names_its_output_columns(help_pages: dict[str, str]) -> None:
    text = " ".join(help_pages["extract"].split())
    assert "Output columns: doc, start, end, text, kind, value, unit, approx," in text
    assert "--enrich appends subject, geography, period_start, period_end, rate_per" in text


def test_add_source_help_says_title_and_id_name_one_file_and_metadata_fills_the_rest(
    help_pages: dict[str, str],
) -> None:
    text = " ".join(help_pages["add-source"].split())
    assert "--title TITLE title of the document (default: from its metadata; one FILE only)" in text
    assert "(default: from its metadata)" in text.split("--published PUBLISHED", 2)[2]
    assert "--id DOC_ID store the document under this id instead of its stem (one FILE)" in text
    assert "the other files are still added" in text


def test_run_help_documents_the_release_option(help_pages: dict[str, str]) -> None:
    text = " ".join(help_pages["run"].split())
    assert "--release build the committed release: version without the +local suffix; use via 'make release'" in text


@pytest.mark.parametrize("command", ("", *COMMANDS), ids=lambda c: c or "top-level")
def test_help_holds_no_restructuredtext_markup(help_pages: dict[str, str], command: str) -> None:
    page = help_pages[command]
    assert "`" not in page
    assert not re.search(r":[a-z]+:(?=\S)", page), page  # :role: or :py:func:
    assert "::" not in page


def test_version_prints_the_distribution_and_its_version() -> None:
    done = _pipeline("--version")

    assert done.returncode == 0
    assert done.stdout == f"migration-figures {importlib.metadata.version('migration-figures')}\n"
