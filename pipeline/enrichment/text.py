"""Text helpers shared by the enrichment rules: markup blanking, clause breaks, words.

Every helper keeps character offsets: blanked markup is replaced by spaces of
the same length, so a position in the cleaned text is a position in the document.
"""

from __future__ import annotations

import re

# Markdown emphasis and link syntax: `*per week*`, `[totaled 569,746](#)`, and the `\` escaping `$`.
_MARKUP = re.compile(r"\]\([^)\s]*\)|[\[\]*_\\]")
# Punctuation or dashes that end a clause inside a sentence.
CLAUSE_BREAK = re.compile(r"[,;:()]|\s[-–—]\s|[–—]")
# The stronger breaks: everything but the comma.
STRONG_BREAK = re.compile(r"[;:()]|\s[-–—]\s|[–—]")
WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z][A-Za-z'’-]*|\d[\d,.]*\d|\d|\S")


def blank_markup(text: str) -> str:
    """``text`` with Markdown emphasis, link targets and escapes replaced by spaces (same length)."""
    return _MARKUP.sub(lambda m: " " * len(m.group()), text)


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """The words, numbers and punctuation marks of ``text[start:end]`` with their offsets in ``text``."""
    return [(m.group(), m.start(), m.end()) for m in WORD.finditer(text, start, len(text) if end is None else end)]
