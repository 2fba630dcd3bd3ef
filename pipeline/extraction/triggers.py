"""The one compiled scan that finds where a mention may start.

It stops only at digits and at the words that can open a mention (number words,
fractions, multiplier words, month names), written as a trie so that the regex
engine rejects other text quickly. Everything else is read by anchored
patterns from those positions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.extraction.dates import LOWER_MONTH_NAMES, MONTH_NAMES, SPANISH_MONTH_NAMES
from pipeline.extraction.lexicon import ADVERB_MULTIPLIERS, FRACTIONS, MULTIPLIER_WORDS, SCALES, TENS, UNITS


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` factored by common prefixes (fast in ``re``)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        optional = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            return "(?:" + body + ")?"
        return body

    return emit(root)


def _cased(words: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for w in words:
        out.update((w, w.capitalize(), w.upper()))
    return out


_LOWER_WORDS = [*UNITS, *TENS, *SCALES, "dozen", *FRACTIONS, *MULTIPLIER_WORDS, *ADVERB_MULTIPLIERS]
#: "a year", "a decade": durations of one unit, kept only after a preposition or qualifier
ARTICLE_UNITS: tuple[str, ...] = tuple(
    f"{a} {u}" for a in ("a", "A") for u in ("year", "month", "week", "day", "decade", "century")
)
_WORDS = (
    _cased(_LOWER_WORDS) | set(MONTH_NAMES) | set(LOWER_MONTH_NAMES) | set(SPANISH_MONTH_NAMES) | set(ARTICLE_UNITS)
)
_LETTER = r"A-Za-z\u00c0-\u024f"

#: Group ``d``: a digit run (with inner ``,``/``.`` groups); group ``w``: a trigger word.
TRIGGER_RE = re.compile(
    rf"(?P<d>[0-9](?:[0-9]|[.,](?=[0-9]))*)"
    rf"|(?<![{_LETTER}])(?P<w>{trie_pattern(_WORDS)})(?![{_LETTER}])"
)
