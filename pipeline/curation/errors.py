"""The error every curated file raises: it names the file, the entry and the problem."""

from __future__ import annotations

from pathlib import Path


class CurationError(ValueError):
    """A curated YAML file or one of its entries is unusable."""

    def __init__(self, path: Path | str, problem: str, entry: str | None = None) -> None:
        self.path = str(path)
        self.entry = entry
        self.problem = problem
        where = f"{path}: {entry}: " if entry else f"{path}: "
        super().__init__(where + problem)
