"""Anchored patterns shared by several readers of the scan.

Kept apart so that the readers that share them (ranges, number words, the
recording of years) need not import one another.
"""

from __future__ import annotations

import re

SP = r"[ \t\u00a0]"
# the link between the two numbers of a range: "2010-2015", "15 and 29", "two to three"
RANGE_LINK_RE = re.compile(
    rf"(?:{SP}*[-\u2010\u2011\u2013\u2014]{SP}*|{SP}+(?:to|and|or|through|until){SP}+)"
    r"(?=[0-9$\u20ac\u00a3\\]|[A-Za-z])"
)
# the plural or possessive of a year: "1990s", "2020's"
YEAR_SUFFIX_RE = re.compile(r"(?:'|\u2019)?s(?![A-Za-z])")
# the lower-case word after a number word: "one country", "double digits"
NEXT_WORD_RE = re.compile(rf"{SP}+([a-z][a-z'-]*)")
