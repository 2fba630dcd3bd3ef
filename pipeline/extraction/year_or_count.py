"""Whether four bare digits are a year or a count.

``2000`` is read as a year from 1900 to 2099 unless it plainly counts something
(``ship 2000 units``, ``about 2000 people``); outside that span four digits are
a count unless they are plainly a year (``in 1848``, ``by 2150``, ``AD 1200``,
``the 1500s``).
"""

from __future__ import annotations

import re

from pipeline.extraction.lexicon import words as _words
from pipeline.extraction.patterns import SP

_NEXT_WORD_RE = re.compile(rf"{SP}+([a-z][a-z-]*)(?![A-Za-z])")
#: Plural nouns a number counts and a year rarely qualifies ("2000 units", not "the 2020 elections").
COUNTED_NOUNS: frozenset[str] = frozenset(
    _words(
        "people persons migrants refugees immigrants asylum-seekers units jobs hires workers employees staff "
        "children minors families homes houses cars vehicles troops soldiers officers agents beds tonnes tons "
        "barrels kilometres kilometers km miles metres meters hectares acres shares doses students patients "
        "visas applicants victims passengers flights boats trucks containers items copies signatures votes "
        "residents inhabitants households individuals users customers members participants men women "
        "deaths cases arrests detainees prisoners pupils teachers nurses doctors volunteers protesters "
        "troops pilgrims tourists visitors fans spectators words pages calories steps feet pounds animals"
    )
)
#: Nouns a year qualifies: "over 2019 levels", "about 2021 figures".
_YEAR_NOUNS: frozenset[str] = frozenset(
    _words(
        "levels level figures figure numbers number totals total rates rate budget budgets census election "
        "elections season average averages peak peaks record records data estimates estimate values prices "
        "values edition report survey and or to through"
    )
)
# a determiner or time preposition before the digits keeps them a year: "the 2020 elections", "in 2021 arrivals"
_YEAR_DETERMINER_BEFORE_RE = re.compile(
    rf"(?<![A-Za-z])(?i:the|its|their|his|her|our|your|this|that|these|those|in|since|during|until|till|by|from"
    rf"|before|after|fiscal|calendar|year|FY|of[ \t]the){SP}+$|['\u2019]s{SP}+$"
)
# a qualifier before the digits makes them a count whatever follows: "about 2000 people", "some 1900 more"
_COUNT_QUALIFIER_BEFORE_RE = re.compile(
    rf"(?<![A-Za-z])(?i:about|around|some|nearly|almost|roughly|approximately|over|more{SP}+than|fewer{SP}+than"
    rf"|less{SP}+than|at{SP}+least|up{SP}+to|estimated|another|additional|extra|total{SP}+of|only|just){SP}+$"
)
_YEAR_PREPOSITION_BEFORE_RE = re.compile(
    rf"(?<![A-Za-z])(?:in|In|since|Since|by|By|until|till|before|after|circa|c\.|year|AD|A\.D\.){SP}+$"
)
_ERA_AFTER_RE = re.compile(rf"{SP}*(?:BC|BCE|B\.C\.|AD|A\.D\.|CE)(?![A-Za-z])")
_DECADE_AFTER_RE = re.compile(r"(?:'|\u2019)?s(?![A-Za-z])")
_ENDS_CLAUSE_AFTER_RE = re.compile(
    rf"{SP}*(?:[,.;:)!?\]\u2014\u2013]|$)|{SP}+(?:and|or|when|while|until|to|the|a|an|it|he|she|they|we|was|were|is"
    rf"|had|has|that|which|[A-Z])(?![a-z])|{SP}+[A-Z]"
)


def counts_not_year(text: str, start: int, end: int) -> bool:
    """Whether four digits from 1900 to 2099 at ``text[start:end]`` count (``ship 2000 units``)."""
    window = text[max(0, start - 24) : start]
    nxt = _NEXT_WORD_RE.match(text, end)
    if _COUNT_QUALIFIER_BEFORE_RE.search(window):
        return nxt is not None and nxt.group(1) not in _YEAR_NOUNS
    if nxt is None or nxt.group(1) not in COUNTED_NOUNS:
        return False
    return _YEAR_DETERMINER_BEFORE_RE.search(window) is None


def year_outside_span(text: str, start: int, end: int) -> bool:
    """Whether four digits outside 1900-2099 (``1848``, ``2150``) are plainly a year: after ``in``,
    ``since``, ``by``, ``AD`` and closing the clause, or before an era or a decade ``s``."""
    if end - start != 4 or not text[start:end].isdigit() or text[start] not in "12":
        return False
    if _ERA_AFTER_RE.match(text, end) or _DECADE_AFTER_RE.match(text, end):
        return True
    window = text[max(0, start - 12) : start]
    if _YEAR_PREPOSITION_BEFORE_RE.search(window) is None:
        return False
    if _ENDS_CLAUSE_AFTER_RE.match(text, end) is not None:
        return True
    nxt = _NEXT_WORD_RE.match(text, end)  # "by 2150 sea levels": not "in 1500 cases", "by 1200 votes"
    return nxt is not None and nxt.group(1) not in COUNTED_NOUNS and not nxt.group(1).endswith("s")
