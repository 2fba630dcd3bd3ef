"""The one shape of every bad-input error: it names the file (and the entry) and says what is wrong.

Sources, curated YAML and release settings all raise subclasses of
``InputError``, so the command line and the assets report them the same way.
"""

from __future__ import annotations

from pathlib import Path

#: However large the input, a message stays readable: one line, at most about this many characters per part.
MAX_PATH, MAX_ENTRY, MAX_PROBLEM = 300, 120, 500


def _visible(text: str) -> str:
    """``text`` with control characters written as escapes, so a file name cannot forge or colour a line."""
    return "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii") for c in text)


def _bounded(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, saying how much was left out."""
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text) - limit:,} more characters)"


class InputError(ValueError):
    """An input file, or one entry of it, is unusable; ``str()`` reads ``<path>: [<entry>: ]<problem>``."""

    def __init__(self, path: Path | str, problem: str, entry: str | None = None) -> None:
        self.path = _bounded(_visible(str(path)), MAX_PATH)
        self.entry = _bounded(entry, MAX_ENTRY) if entry else entry
        self.problem = _bounded(_visible(" ".join(problem.split())), MAX_PROBLEM)
        path, problem, entry = self.path, self.problem, self.entry
        where = f"{path}: {entry}: " if entry else f"{path}: "
        super().__init__(where + problem)
