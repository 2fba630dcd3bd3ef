"""Sentence boundaries, computed lazily around a span: the one splitter of extraction and enrichment.

A sentence ends at ``.``, ``!`` or ``?`` (with closing quotes or brackets)
followed by white space and a character that can open a sentence, unless the
word before the stop is an abbreviation (``U.S.``, ``Dr.``, ``et al.``, ``Oct.``);
at a blank line; and at a line break, unless the break only wraps a sentence
(lower-case or comma before it, lower-case letter after it). A line that starts
with a bullet therefore always starts a new sentence.
"""

from __future__ import annotations

import re

_BOUNDARY_RE = re.compile(r"[.!?\u2026]+[\"\u201d\u2019')\]*_\u00b9\u00b2\u00b3\u2070-\u2079]*(?=\s)|\n")
_ABBREVIATIONS = frozenset(
    str.split(
        "mr mrs ms dr prof sr jr st mt ft gen gov sen rep rev fr lic hon col lt sgt capt cmdr adm pres "
        "supt insp al vs v no nos vol vols p pp fig figs ch art sec para approx ca c inc corp co ltd jan "
        "feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun univ "
        "tech dept est ave blvd rd op cit ibid ed eds trans min max dir assn natl intl govt cf viz resp"
    )
)
_DOTTED_RE = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z]\.")
_LEAD_RE = re.compile(r"[\s\u00a0]*(?:[-\u2022*\u00b7\u25aa\u25e6\u2023>][ \t\u00a0]+)?")
_MAX_REACH = 1500
_OPENERS = frozenset("\"'\u201c\u2018([*_#\u2022-\u00bf\u00a1")


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the ``.`` at ``stop`` closes an abbreviation rather than a sentence."""
    i = stop
    lo = max(0, stop - 20)
    while i > lo and not text[i - 1].isspace():
        i -= 1
    word = text[i : stop + 1].lstrip("(\"'\u201c\u2018[")
    if not word or word == ".":
        return False
    if _DOTTED_RE.fullmatch(word):
        return True
    return word[:-1].lower() in _ABBREVIATIONS


def _valid(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """For a candidate boundary, (end of the sentence before, start of the next) or None."""
    n = len(text)
    if m.group() == "\n":
        i = m.start()
        j = i
        while j > 0 and text[j - 1] in " \t\u00a0\r":
            j -= 1
        k = m.end()
        while k < n and text[k] in " \t\u00a0\r":
            k += 1
        if j > 0 and k < n and text[k].islower() and (text[j - 1].islower() or text[j - 1] == ","):
            return None  # a line wrapped inside a sentence
        return j, k
    end = m.end()
    k = end
    while k < n and text[k].isspace():
        k += 1
    if k < n:
        c = text[k]
        if c.islower() or c in ",;:)":
            return None
        if not (c.isupper() or c.isdigit() or c in _OPENERS or "\n" in text[end:k]):
            return None
    dot = text.rfind(".", m.start(), end)
    if dot == m.start() and m.group()[0] == "." and _is_abbreviation(text, dot) and "\n\n" not in text[end:k]:
        return None
    return end, k


class SentenceFinder:
    """Finds the sentence around spans of one text, caching the last sentence found."""

    __slots__ = ("_text", "_last")

    def __init__(self, text: str) -> None:
        self._text = text
        self._last = (0, 0)

    def around(self, start: int, end: int) -> tuple[int, int]:
        """Offsets (start, end) of the sentence holding ``text[start:end]``."""
        ls, le = self._last
        if ls <= start and end <= le:
            return self._last
        text = self._text
        floor = max(0, start - _MAX_REACH)
        s = -1
        hi, reach = start, 64
        while s < 0:  # look back in growing windows: the nearest boundary is usually close
            lo = max(floor, start - reach)
            for m in reversed(list(_BOUNDARY_RE.finditer(text, lo, hi))):
                v = _valid(text, m)
                if v is not None and v[1] <= start:
                    s = v[1]
                    break
            if s >= 0 or lo == floor:
                break
            hi, reach = lo + 16, reach * 4  # overlap: a stop run cut at the window edge
        if s < 0:
            s = floor
            if floor > 0:  # no boundary within reach: cut at white space
                ws = text.find(" ", floor, start)
                s = ws + 1 if ws >= 0 else floor
        hi = min(len(text), end + _MAX_REACH)
        e = hi
        for m in _BOUNDARY_RE.finditer(text, end, hi):
            v = _valid(text, m)
            if v is not None:
                e = v[0]
                break
        else:
            if hi < len(text):
                ws = text.rfind(" ", end, hi)
                e = ws if ws >= 0 else hi
        lead = _LEAD_RE.match(text, s, start)
        if lead is not None:
            s = lead.end()
        while e > end and text[e - 1].isspace():
            e -= 1
        s, e = min(s, start), max(e, end)
        self._last = (s, e)
        return s, e


def sentence_starts_before(text: str, pos: int, count: int, limit: int = 2000) -> int:
    """Where the ``count``-th sentence before the one starting at ``pos`` starts (at most ``limit`` characters back).

    Sentences are those of ``SentenceFinder``, the ones every mention's sentence columns give.
    """
    finder = SentenceFinder(text)
    lo = max(0, pos - limit)
    start = pos
    for _ in range(count):
        j = start - 1
        while j >= lo and text[j].isspace():
            j -= 1
        if j < lo:
            return lo
        start = max(lo, finder.around(j, j + 1)[0])
    return start
