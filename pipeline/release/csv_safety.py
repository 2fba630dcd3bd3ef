"""Spreadsheet safety for CSV: neutralise text cells a spreadsheet would run as a formula.

Following OWASP's advice on CSV injection, a text cell that begins with ``=``,
``+``, ``-`` or ``@`` (or a tab or carriage return, which some spreadsheets
skip before reading a formula) is written with one apostrophe in front, which
spreadsheets show as text. So that the exact text can always be recovered, a
cell whose leading apostrophes are followed by one of those characters gets
one more apostrophe too; removing one leading apostrophe from such a cell
gives the exact text back. Only the CSV files are changed: Parquet keeps the
exact text, and the data dictionary says so.
"""

from __future__ import annotations

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISER = "'"
RULE = (
    "In the CSV files only, a text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return "
    "(possibly after apostrophes) has one apostrophe (`'`) put in front of it, so that spreadsheets show it as "
    "text instead of running it as a formula (OWASP's advice on CSV injection). To recover the exact text, "
    "remove one leading apostrophe from such a cell. The Parquet files hold the exact text."
)


def _needs_neutralising(text: str) -> bool:
    return text.lstrip(NEUTRALISER).startswith(FORMULA_PREFIXES)


def neutralise(text: str) -> str:
    """``text`` with an apostrophe in front if it starts like a spreadsheet formula; otherwise unchanged."""
    return NEUTRALISER + text if _needs_neutralising(text) else text
