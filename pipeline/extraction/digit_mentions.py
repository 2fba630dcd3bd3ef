"""What starts at digits the scan stopped at.

Dates first, then what is no mention (web tokens, version numbers, codes and
citations), years written in short (``FY23``, ``2022/23``), slashed fractions,
and otherwise a quantity finished by :func:`~.ranges.read_quantity`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.extraction.dates import DateHit, dates_at_digit
from pipeline.extraction.digit_exclusions import excluded_digits
from pipeline.extraction.exclusions import citation_end, fiscal_prefix
from pipeline.extraction.found import ScanState
from pipeline.extraction.quantities import DOT_THOUSANDS_RE, Quantity, read_core
from pipeline.extraction.ranges import read_quantity
from pipeline.extraction.values import ratio

_YEAR_AND_NOTE_RE = re.compile(r"(?:19|20)\d\d\.\d{1,2}(?=\s+[A-Z\u201c\"]|\s*$)")
_NO_LEADING_DOT_BEFORE_RE = re.compile(r"[\w.,%)\]]")  # "2021.3", "5%.3": a dot that ends something
_ORDINAL_DAY_RE = re.compile(r"(?:st|nd|rd|th)[ \t\u00a0]")  # "07th Mar 2020", "the 3rd of May"
_SLASHED_RE = re.compile(r"(\d+)/(\d+)(?![\d/])")


def at_digits(state: ScanState, s: int, token_end: int) -> int:
    """Read whatever starts with the digits at ``s``; return where reading stopped."""
    text = state.text
    n = len(text)
    if s > 0 and text[s - 1] == "." and (s == 1 or not _NO_LEADING_DOT_BEFORE_RE.match(text, s - 2)):
        s -= 1  # ".05", ".003 per cent": a decimal written without its leading zero
    nxt = text[token_end] if token_end < n else ""
    tlen = token_end - s
    if state.web.covers(s, token_end):
        return token_end
    dots = text.count(".", s, token_end)
    if (
        (nxt in "-/" and tlen in (1, 2, 4))
        or (nxt in " \t\u00a0" and tlen <= 2)
        or dots == 2
        or (tlen <= 2 and _ORDINAL_DAY_RE.match(text, token_end))
    ):
        hits = dates_at_digit(text, s)
        if hits:
            for h in hits:
                state.add_date(h)
            return hits[-1].end
    if dots >= 2 and not DOT_THOUSANDS_RE.match(text, s, token_end):
        return token_end  # a version or section number such as 4.0.1; not 1.234.567
    if dots == 1 and _YEAR_AND_NOTE_RE.match(text, s):
        state.add(s, s + 4, "year", text[s : s + 4])  # "began in 2021.3 The next": a year, then a note
        return token_end
    if tlen == 2 and fiscal_prefix(text, s) and not nxt.isalnum():
        state.add(s, token_end, "year", str(2000 + int(text[s:token_end])))  # FY23
        return token_end
    if nxt == "/" and text[token_end + 1 : token_end + 2].isdigit():
        return slashed(state, s)
    q = read_core(text, s, False)
    if q is None:
        return token_end
    if excluded_digits(state, q):
        c = citation_end(text, q.num_start, q.num_end) if q.num_end - q.num_start == 4 else None
        return max(token_end, c or 0)
    if q.num_end - q.num_start == 4:
        c = citation_end(text, q.num_start, q.num_end)
        if c is not None:
            return max(c, token_end)
    return read_quantity(state, q)


def slashed(state: ScanState, s: int) -> int:
    """Read digits joined by a slash: years (``2022/23``), a small fraction (``1/3``), or a code (``9/11``)."""
    text = state.text
    m = _SLASHED_RE.match(text, s)
    if m is None:  # three or more parts: not a date (those were read before), so a code
        k = s
        while k < len(text) and (text[k].isdigit() or text[k] == "/"):
            k += 1
        return k
    a, b = m.group(1), m.group(2)
    if len(a) <= 2 and 1 <= int(a) <= 12 and len(b) == 4 and b[:2] in ("19", "20"):
        state.add_date(DateHit(s, m.end(), int(b), int(a), None))  # "03/2018": a month of a year
        return m.end()
    if excluded_digits(state, Quantity(s, m.end(1), Decimal(a), False, "")):
        return m.end()
    if len(a) == 4 and a[:2] in ("19", "20") and len(b) in (2, 4):
        yb = int(b) if len(b) == 4 else int(a[:2]) * 100 + int(b)
        if yb > int(a):
            state.add(s, m.end(1), "year", a)
            state.add(m.start(2), m.end(2), "year", str(yb))
            return m.end()
    if len(a) == 1 and len(b) <= 2 and 0 < int(a) < int(b) <= 10:
        state.add(s, m.end(), "ratio", ratio(Decimal(a), Decimal(b)))
    return m.end()
