"""How a reader gets the exact text back from a CSV cell of the release (README, "Spreadsheet safety")."""

from __future__ import annotations

from pipeline.release.csv_safety import FORMULA_PREFIXES, NEUTRALISER


def restore(cell: str) -> str:
    """The exact text of a CSV cell the release neutralised: drop the one apostrophe put before a formula."""
    if cell.startswith(NEUTRALISER) and cell.lstrip(NEUTRALISER).startswith(FORMULA_PREFIXES):
        return cell[1:]
    return cell
