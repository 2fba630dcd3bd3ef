"""A progress bar for commands that work through many files: done, total and rate, on a terminal only."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TextIO, TypeVar

T = TypeVar("T")


def progress(items: Sequence[T], err: TextIO, desc: str) -> Iterable[T]:
    """``items`` wrapped in a tqdm bar on ``err`` when there are several and ``err`` is a terminal.

    tqdm was chosen for its bar (count, total, rate, time left) that hides itself when the
    output is not a terminal (``disable=None``), so pipes and logs get no control characters.
    """
    if len(items) < 2:
        return items
    from tqdm import tqdm

    return tqdm(items, desc=desc, unit="file", file=err, disable=None, leave=False)
