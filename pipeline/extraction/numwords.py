"""Numbers written in words: ``twenty-five``, ``two dozen``, ``one hundred and twelve thousand``."""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.extraction.lexicon import SCALES, TENS, UNITS

_WORDS = sorted([*UNITS, *TENS, *SCALES, "dozen"], key=len, reverse=True)
_WORD = "(?:" + "|".join(_WORDS) + r")\b"
_SEP = r"(?:[ \t\u00a0]+and[ \t\u00a0]+|[ \t\u00a0]*[-\u2010\u2011][ \t\u00a0]*|[ \t\u00a0]+)"
#: A run of number words, matched case-insensitively from a given position.
NUMBER_WORDS_RE = re.compile(rf"(?i:{_WORD}(?:{_SEP}{_WORD}){{0,11}})")  # bounded: no number needs more
_TOKEN_RE = re.compile(r"[A-Za-z]+")


def read_number_words(text: str, pos: int, start_at_one: bool = False) -> tuple[Decimal, int] | None:
    """Read the number spelled in words at ``pos``; return its value and the end offset.

    Only the longest well-formed prefix is read: ``two two`` reads ``two``. With
    ``start_at_one`` the run is read as if preceded by "one" (for "a hundred",
    "a dozen").
    """
    m = NUMBER_WORDS_RE.match(text, pos)
    if m is None:
        return None
    total = 0
    current = 1 if start_at_one else 0
    last = "unit" if start_at_one else ""
    last_scale = 10**18
    end = -1
    for tok in _TOKEN_RE.finditer(m.group()):
        word = tok.group().lower()
        if word == "and":
            if last != "hundred":
                break
            continue
        if word in UNITS:
            v = UNITS[word]
            if last in ("", "hundred", "scale") or last == "tens" and 1 <= v <= 9:
                current += v
            else:
                break
            last = "unit"
        elif word in TENS:
            if last not in ("", "hundred", "scale"):
                break
            current += TENS[word]
            last = "tens"
        elif word == "hundred":
            if last not in ("unit", "tens") or not 0 < current % 1000 < 100:
                break
            current = current - current % 1000 + (current % 1000) * 100
            last = "hundred"
        elif word == "dozen":
            if last not in ("unit", "tens") or current == 0 or current >= 100:
                break
            current *= 12
            end = m.start() + tok.end()
            break
        else:  # thousand, million, billion, trillion
            scale = SCALES[word]
            if last not in ("unit", "tens", "hundred") or current == 0 or scale >= last_scale:
                break
            total += current * scale
            current = 0
            last_scale = scale
            last = "scale"
        end = m.start() + tok.end()
    if end < 0:
        return None
    return Decimal(total + current), end
