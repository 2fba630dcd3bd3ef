"""Text helpers shared by the enrichment rules: markup blanking, clause breaks, words.

Every helper keeps character offsets: blanked markup is replaced by spaces of
the same length, so a position in the cleaned text is a position in the document.
"""

from __future__ import annotations

import re

# Markdown emphasis and link syntax: `*per week*`, `[totaled 569,746](#)`, and the `\` escaping `$`.
# A `](` whose target runs into white space without `)` is no link: the run is taken whole (group 1
# unmatched) and only its markup characters are blanked, as trying the link again at each `](` in it
# would (and reading the run again each time would be quadratic).
_MARKUP = re.compile(r"\]\([^)\s]*+(\))?|[\[\]*_\\]")
_MARKUP_CHAR = re.compile(r"[\[\]*_\\]")
# Punctuation or dashes that end a clause inside a sentence.
CLAUSE_BREAK = re.compile(r"[,;:()]|\s[-–—]\s|[–—]")
# The stronger breaks: everything but the comma.
STRONG_BREAK = re.compile(r"[;:()]|\s[-–—]\s|[–—]")
WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z][A-Za-z'’-]*|\d[\d,.]*\d|\d|\S")


def blank_markup(text: str) -> str:
    """``text`` with Markdown emphasis, link targets and escapes replaced by spaces (same length)."""
    return _MARKUP.sub(_blank, text)


def _blank(m: re.Match[str]) -> str:
    found = m.group()
    if m.group(1) is not None or len(found) == 1:
        return " " * len(found)
    return _MARKUP_CHAR.sub(" ", found)  # `](` and no link target: its `]` and the markup after it


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """The words, numbers and punctuation marks of ``text[start:end]`` with their offsets in ``text``."""
    return [(m.group(), m.start(), m.end()) for m in WORD.finditer(text, start, len(text) if end is None else end)]


class Words:
    """The words of ``text[start:end]`` as :func:`words` gives them, read only as far as they are asked for.

    A rule reading the first few words after a position costs those words, not the
    rest of the sentence (``get(i)`` is the i-th word, None past the last one).
    ``reach`` is where the last word read ends; ``exhausted`` whether ``end`` was reached.
    """

    __slots__ = ("_found", "_items", "reach", "exhausted")

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        self._found = WORD.finditer(text, start, len(text) if end is None else end)
        self._items: list[tuple[str, int, int]] = []
        self.reach = start
        self.exhausted = False

    def get(self, i: int) -> tuple[str, int, int] | None:
        """The i-th word (``i >= 0``) with its offsets, or None when there are no more."""
        items = self._items
        while len(items) <= i:
            m = next(self._found, None)
            if m is None:
                self.exhausted = True
                return None
            items.append((m.group(), m.start(), m.end()))
            self.reach = m.end()
        return items[i]

    def __getitem__(self, i: int) -> tuple[str, int, int]:
        token = self.get(i)
        if token is None:
            raise IndexError(i)
        return token
