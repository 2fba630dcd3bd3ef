"""Whether a figure is a rate per unit of time (``rate_per``): ``17,805 per week`` → ``week``.

Read from the words right after the figure, skipping at most four words of what
it counts (``15,000 visas per year``): ``per``, ``a``, ``an``, ``each`` or
``every`` followed by ``day``, ``week``, ``month``, ``quarter``, ``year`` or
``annum``; or ``daily``, ``weekly``, ``monthly``, ``quarterly``, ``annually``, ``yearly``.
"""

from __future__ import annotations

import re

from pipeline.common.vocabulary import RATE_UNITS

__all__ = ["RATE_UNITS", "rate_per"]

_PER = re.compile(
    r"\s*(?:[A-Za-z][A-Za-z-]*\s+){0,4}?(?:(?:per|a|an|each|every)\s+(?P<unit>day|week|month|quarter|year|annum)"
    r"|(?P<adverb>daily|weekly|monthly|quarterly|annually|yearly))\b(?!-)(?!\s+(?:ago|later|earlier|before|after|old|long)\b)",
)
_ADVERBS = {"daily": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter", "annually": "year"}


def rate_per(text: str, end: int, limit: int) -> str | None:
    """The time unit the figure ending at ``end`` is a rate per, or None (looks no further than ``limit``)."""
    m = _PER.match(text, end, limit)  # anchored at ``end``: no copy of the rest of the sentence
    if m is None:
        return None
    if m.group("unit"):
        return "year" if m.group("unit") == "annum" else m.group("unit")
    return _ADVERBS.get(m.group("adverb"), "year")
