"""Whether number words quantify (guide, rules 1 and 2).

``Five Difficult but Necessary Proposals`` is a title, ``one of the`` and
``one-sided`` are no counts, ``one country`` and ``only one`` are.
"""

from __future__ import annotations

import re

from pipeline.extraction.lexicon import ONE_COUNTED_NOUNS
from pipeline.extraction.lexicon import words as _words
from pipeline.extraction.patterns import NEXT_WORD_RE, RANGE_LINK_RE, SP
from pipeline.extraction.quantities import Quantity

_LABEL_BEFORE_RE = re.compile(
    r"(?<![A-Za-z])(?i:version|phase|stage|level|tier|chapter|season|episode|title|article|section|part|round|annex"
    rf"|formula|apollo|model|step|wave|category|grade|volume|book|act|v\.){SP}+$"
)
_NEXT_CAP_WORD_RE = re.compile(rf"{SP}+[A-Z]")
_ONE_QUALIFIER_RE = re.compile(
    r"(?:^|[^a-z])(?:just|only|exactly|at least|more than|less than|fewer than|than|over|under|nearly|almost|"
    r"about|around|roughly|approximately|some|by|with|to|from)[\s*_]*$"
)
_NOT_NOUNS = frozenset(
    _words(
        "of another other the a an and or but to in on at by for from with who that which whom whose is "
        "was are were be been has have had can could would will may might should must shall more such way "
        "thing day side hand time point another more less"
    )
)
_ANOTHER_AFTER_RE = re.compile(r"[^.;\n]{0,40}?(?<![A-Za-z])(?:another|the other|the next)(?![A-Za-z])")
_HYPHEN_WORD_RE = re.compile(r"[-\u2010\u2011]([A-Za-z]+)")
_HYPHEN_OK = frozenset(["member", "person", "nation", "country", "state", "party"])
_SENTENCE_OPENERS = frozenset('.!?:;"\u201c\u2018(\n\u2014\u2013-\u2022*>[|')


def word_counts(text: str, q: Quantity, in_range: bool = False) -> bool:
    """Whether the number words of ``q`` quantify."""
    s = q.num_start
    first = text[s]
    if first.isupper() and not sentence_opening(text, s, q.end):
        return False  # part of a title or a name: "Five Difficult but Necessary Proposals"
    if q.kind in ("ratio", "percent", "money", "duration", "multiplier") or q.scale != 1:
        return True
    if _LABEL_BEFORE_RE.search(text, max(0, s - 12), s):
        return False  # "version three", "Phase Two", "season four": a name, not a count
    h = _HYPHEN_WORD_RE.match(text, q.num_end)
    if h is not None and h.group(1).lower() not in _HYPHEN_OK:
        return False
    if q.raw == 1 and q.first_word == "one" and q.num_end - s == 3:
        return in_range or _one_counts(text, q)
    if q.raw == 0:
        nw = NEXT_WORD_RE.match(text, q.end)
        return nw is not None and nw.group(1) not in ("tolerance", "sum", "hour", "point")
    return True


def _one_counts(text: str, q: Quantity) -> bool:
    """Whether a bare ``one`` counts: before a range link or a counted noun, or after a qualifier."""
    if RANGE_LINK_RE.match(text, q.end):
        return True
    nw = NEXT_WORD_RE.match(text, q.end)
    if nw is None:
        return False
    noun = nw.group(1)
    if noun in _NOT_NOUNS or _ANOTHER_AFTER_RE.match(text, nw.end()):
        return False  # "one of the", "from one country to another"
    if noun in ONE_COUNTED_NOUNS:
        return True
    s = q.num_start
    before = text[max(0, s - 30) : s].lower()
    return _ONE_QUALIFIER_RE.search(before) is not None


def sentence_opening(text: str, s: int, e: int = -1) -> bool:
    """Whether the word at ``s`` opens a sentence, a line or a quotation.

    After a colon, only when the word (ending at ``e``) is not followed by a capitalised
    word, as in a title: ``: Five Difficult...``.
    """
    i = s
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    if i == 0:
        return True
    c = text[i - 1]
    if c == ":" and e >= 0:
        nw = _NEXT_CAP_WORD_RE.match(text, e)
        return nw is None
    return c in _SENTENCE_OPENERS or c == "\n"
