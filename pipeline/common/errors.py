"""The one shape of every bad-input error: it names the file (and the entry) and says what is wrong.

Sources, curated YAML and release settings all raise subclasses of
``InputError``, so the command line and the assets report them the same way.
"""

from __future__ import annotations

from pathlib import Path


class InputError(ValueError):
    """An input file, or one entry of it, is unusable; ``str()`` reads ``<path>: [<entry>: ]<problem>``."""

    def __init__(self, path: Path | str, problem: str, entry: str | None = None) -> None:
        self.path = str(path)
        self.entry = entry
        self.problem = problem
        where = f"{path}: {entry}: " if entry else f"{path}: "
        super().__init__(where + problem)
