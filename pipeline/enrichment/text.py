"""Text helpers shared by the enrichment rules: markup blanking, clause breaks, words, sentence starts.

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
# The end of a sentence in running text, or a blank line.
SENTENCE_END = re.compile(r"[.!?][”\"’)]*\s+(?=[A-Z“\"(¹²³⁴⁵⁶⁷⁸⁹])|\n[ \t]*\n")


def blank_markup(text: str) -> str:
    """``text`` with Markdown emphasis, link targets and escapes replaced by spaces (same length)."""
    return _MARKUP.sub(lambda m: " " * len(m.group()), text)


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """The words, numbers and punctuation marks of ``text[start:end]`` with their offsets in ``text``."""
    return [(m.group(), m.start(), m.end()) for m in WORD.finditer(text, start, len(text) if end is None else end)]


def has_clause_break(text: str) -> bool:
    """Whether ``text`` holds a clause break (comma, semicolon, colon, parenthesis or dash)."""
    return CLAUSE_BREAK.search(text) is not None


def first_clause_break(text: str) -> int | None:
    """Offset of the first clause break in ``text``, or None."""
    m = CLAUSE_BREAK.search(text)
    return None if m is None else m.start()


def sentence_starts_before(text: str, pos: int, count: int, limit: int = 2000) -> int:
    """Offset where the ``count``-th sentence before ``pos`` starts (looking at most ``limit`` characters back)."""
    lo = max(0, pos - limit)
    ends = [m.end() for m in SENTENCE_END.finditer(text, lo, pos) if m.end() < pos - 1]
    if len(ends) >= count:
        return ends[-count]
    return lo
