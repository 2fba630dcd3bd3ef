"""Digits that are not mentions (guide, rule 6).

Reference-list sections (``References``, ``Bibliography``, ``Sources``; under
``Notes``/``Endnotes`` only bibliographic lines), digits inside URLs, e-mail
addresses, DOIs, file names, handles and hashtags, codes and names with digits
(``COVID-19``, ``H-2B``, ``SDG 17``, ``Title 42``, ``No. 5``, ``8 U.S.C. 1158``),
list enumerators, section and table-of-contents page numbers, pagination,
footnote markers, telephone numbers, times, street addresses, ZIP codes and
file sizes, and the bibliographic parts of author-year citations.
"""

from __future__ import annotations

import re

from pipeline.extraction.dates import MONTH_NAMES
from pipeline.extraction.lexicon import CURRENCY_CODES, LABEL_WORDS, REFERENCE_HEADINGS
from pipeline.extraction.lexicon import words as _words

# --- reference sections -------------------------------------------------------------------

_HEADING_RE = re.compile(
    r"(?:Reference|REFERENCE|Bibliograph|BIBLIOGRAPH|Works C|WORKS C|Literature C|LITERATURE C"
    r"|Selected B|SELECTED B|Select B|Sources|SOURCES|Notes|NOTES|Endnotes|ENDNOTES|Footnotes|FOOTNOTES)"
)
#: Under "Notes"/"Endnotes" a line is skipped only if it is bibliographic; explanatory notes
#: with figures of their own stay in.
_NOTES_HEADINGS = frozenset(("notes", "endnotes", "footnotes"))
# A bibliographic line holds one of these anywhere, or a quoted title ending in a comma (see _quoted_title).
_BIBLIOGRAPHIC_RE = re.compile(
    r"https?://|www\.|doi|available (?:online|at)|accessed|retrieved|\bibid\b|\bop\. cit|et al\."
    r"|[.,][ \t]+(?:19|20)\d\d[a-z]?[.,]|\((?:19|20)\d\d[a-z]?\)",
    re.I,
)
_QUOTE_EVENT_RE = re.compile('[\u201c\u201d"]|,(?=[\u201d"])')
_HEADING_LINE_RE = re.compile(r"[ \t#*_>]*([A-Za-z][A-Za-z ]*?)[ \t*_:]*")
_REF_LINE_RE = re.compile(
    r"[ \t]*(?:[-\u2022*\u00b7]|\[?\d{1,3}[.)\]]|<?https?:|<?www\.|doi)"
    r"|.*(?:https?://|www\.|doi\.org|\bdoi:)"
    r"|.{0,150}?(?:\(|[.,][ \t]+)(?:19|20)\d\d[a-z]?(?:\)|[.,;:])"
    r"|[ \t]*[A-Z][\w'\u2019\u00c0-\u024f-]+,[ \t]+(?:[A-Z]|and\b|et\b)"
)


# "Sources: CBP Nationwide Encounters (accessed Feb. 5, 2024); ..." : a line of citations
_SOURCE_LINE_RE = re.compile(r"^[ \t*_>]*(?:Sources?|SOURCES?)[ \t*_]*:[^\n]*", re.M)
# "¹ Migration and Development Brief 39, December 2023. Available at www...": a footnote citing
# a publication (a marker, then a line with a web address or an access note)
_FOOTNOTE_CITATION_RE = re.compile(
    r"^[ \t]*(?:[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+|\[?\d{1,2}[\].)]?)[ \t]+[A-Z\u201c\"]"
    r"[^\n%]{0,300}?(?:https?://|www\.|[Aa]vailable (?:at|online)|[Aa]ccessed|[Rr]etrieved)[^\n]*",
    re.M,
)


def citation_lines(text: str) -> list[tuple[int, int]]:
    """Spans of single lines that only cite: ``Source:``/``Sources:`` lines, and footnotes
    that cite a publication (a footnote marker opening a line with a web address, "Available
    at" or an access date, and no percentage)."""
    spans = [(m.start(), m.end()) for m in _SOURCE_LINE_RE.finditer(text)]
    if "Available" in text or "available" in text or "ccessed" in text or "www." in text or "://" in text:
        spans.extend((m.start(), m.end()) for m in _FOOTNOTE_CITATION_RE.finditer(text))
    return spans


def reference_sections(text: str) -> list[tuple[int, int]]:
    """Spans of reference lists: from a heading line such as ``References`` to the first
    non-blank line that does not look like a reference entry."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = _HEADING_RE.search(text, pos)
        if m is None:
            return spans
        line_start = text.rfind("\n", max(0, m.start() - 40), m.start()) + 1
        line_end = text.find("\n", m.start(), m.start() + 60)
        if line_end < 0:
            line_end = len(text) if len(text) - m.start() < 60 else m.start() + 60
        pos = max(line_end, m.end())
        head = _HEADING_LINE_RE.fullmatch(text, line_start, line_end)
        name = " ".join(head.group(1).lower().split()) if head is not None else ""
        if name not in REFERENCE_HEADINGS and name not in _NOTES_HEADINGS:
            continue
        is_entry = _is_bibliographic if name in _NOTES_HEADINGS else _is_reference
        end = line_end
        i = line_end + 1
        while i < len(text):
            j = text.find("\n", i)
            if j < 0:
                j = len(text)
            line = text[i:j]
            if line.strip() and not is_entry(line):
                break
            end = j
            i = j + 1
        spans.append((line_start, end))
        pos = end


def _is_reference(line: str) -> bool:
    """Whether a line under a ``References`` heading looks like a reference entry."""
    return _REF_LINE_RE.match(line) is not None


def _is_bibliographic(line: str) -> bool:
    """Whether a line under a ``Notes`` heading is bibliographic: an address, an access note, a year
    as a citation writes it, or a quoted title."""
    return _BIBLIOGRAPHIC_RE.search(line) is not None or _quoted_title(line)


def _quoted_title(line: str) -> bool:
    """Whether ``line`` holds what ``[\u201c"][^\u201d"]{3,},[\u201d"]`` finds (``\u201cMigration Trends,\u201d``),
    in one pass: that pattern, tried at each opening quote, reads on to the next closing one,
    which on a line of opening quotes is quadratic."""
    opening = -1  # the first opening quote since the last closing one: the earliest a title there can start
    for m in _QUOTE_EVENT_RE.finditer(line):
        c = m.group()
        if c == ",":
            if 0 <= opening <= m.start() - 4:
                return True
        elif c == "\u201c":
            if opening < 0:
                opening = m.start()
        else:  # a closing quote; a straight one may also open the next title
            opening = m.start() if c == '"' else -1
    return False


# --- web addresses, e-mail, DOIs, file names ----------------------------------------------

# Every branch starts only where its run of characters starts (look-behind) and
# reads runs possessively, so a long token without spaces costs linear time.
_FILE_EXTENSIONS = r"(?:pdf|docx?|xlsx?|csv|pptx?|txt|html?|jpe?g|png|gif|zip|json|xml|aspx|php)(?![\w-])"
_FILE_NAME = r"[\w-]++(?:\.[\w-]++)*?\." + _FILE_EXTENSIONS
_WEB_RE = re.compile(
    r"(?:https?://|ftp://|www\.|doi:|(?<![\w.])10\.\d{4,9}/)\S*+"
    r"|(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+"
    r"|(?<![\w.-])(?:[\w-]++\.)+(?:org|com|net|gov|int|edu|info|io|mx|ca|uk|us|es|fr|de|co|ch|gt|hn|sv|pa|cr"
    r"|br|ar)(?![\w-])(?:/\S*+)?"
    # a file name starts where its chain of dotted parts starts, not at each part (``1.1.1.1...``)
    rf"|(?<![\w-])(?<![\w-]\.){_FILE_NAME}"
    r"|\]\([^)\s]*+\)"
    r"|(?<![\w@#])[@#]\w++",  # handles and hashtags
    re.I,
)
# A file name may also start at the first part after a match that ended inside a chain
# (``a.org.b.pdf``): the one part :data:`_WEB_RE` does not try.
_FILE_NAME_RE = re.compile(_FILE_NAME, re.I)
_NEXT_PART_RE = re.compile(r"[\w-]*+\.(?=[\w-])")
_CHAIN_CHAR_RE = re.compile(r"[\w-]")


def web_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    r"""The spans of ``_WEB_RE`` matches in ``text[lo:hi]``, in linear time.

    The same spans as a ``finditer`` of the pattern with a file-name branch allowed
    to start at every dotted part (``(?<![\w-])``), which tried again at each part
    of a long chain such as ``1.1.1.1...`` and took quadratic time: a part inside
    a chain the scan entered at its start can only fail where the start failed.
    """
    spans: list[tuple[int, int]] = []
    pos = lo
    while pos < hi:
        m = _WEB_RE.search(text, pos, hi)
        part = _part_after(text, pos, hi) if pos > 0 else -1
        if part >= 0 and (m is None or m.start() > part):
            f = _FILE_NAME_RE.match(text, part, hi)
            if f is not None:
                spans.append((part, f.end()))
                pos = f.end()
                continue
        if m is None:
            break
        spans.append(m.span())
        pos = m.end()
    return spans


def _part_after(text: str, pos: int, hi: int) -> int:
    """Where the next dotted part starts when ``pos`` (the end of a match) lies inside a chain, else -1."""
    if _CHAIN_CHAR_RE.match(text, pos - 1) is None:
        dot = pos - 1
        if text[dot] != "." or dot == 0 or _CHAIN_CHAR_RE.match(text, dot - 1) is None:
            return -1
        return pos if _CHAIN_CHAR_RE.match(text, pos, hi) is not None else -1
    m = _NEXT_PART_RE.match(text, pos, hi)
    return -1 if m is None else m.end()


_MAX_TOKEN = 2000
_HINTS = ("/", "@", ".", "](")


class WebTokens:
    """Finds whether digits lie inside a URL, e-mail address, DOI, file name or link
    target, reading each white-space delimited token of one text once."""

    __slots__ = ("_text", "_token", "_spans")

    def __init__(self, text: str) -> None:
        self._text = text
        self._token = (-1, -1)
        self._spans: list[tuple[int, int]] = []

    def covers(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` lies inside such an address or name.

        A token longer than 2,000 characters is not prose: all of it is covered.
        """
        text = self._text
        lo, hi = self._token
        if not (lo <= start and end <= hi):
            floor = max(0, start - _MAX_TOKEN)
            lo = max(text.rfind(" ", floor, start), text.rfind("\n", floor, start), text.rfind("\t", floor, start)) + 1
            if lo == 0 and floor > 0:
                return True
            ceil = min(len(text), end + _MAX_TOKEN)
            hi = ceil
            for ws in (" ", "\n", "\t"):
                k = text.find(ws, end, hi)
                if k >= 0:
                    hi = k
            if hi == ceil and ceil < len(text):
                return True
            token = text[lo:hi]
            if any(h in token for h in _HINTS):
                self._spans = web_spans(text, lo, hi)
            else:
                self._spans = []
            self._token = (lo, hi)
        return any(s < end and start < e for s, e in self._spans)


# --- codes and names with digits ----------------------------------------------------------

_ALLOWED_LOWER_PREFIXES = frozenset(
    ["mid", "pre", "post", "early", "late", "end", "non", "over", "under", "sub", "mid-to-late", "fy"]
)
_LABEL_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)[ \t\u00a0]*$")
_NUMBER_SIGN_BEFORE_RE = re.compile(
    r"(?<![A-Za-z])(?:No|no|Nos|nos|Vol|vol|p|pp|Nr|nr)\.[ \t\u00a0]*$|#[ \t\u00a0]*$|(?<![A-Za-z])No[ \t\u00a0]+$"
)  # "No. 5", "#3", "No 10 Downing Street"
_ACRONYM_BEFORE_RE = re.compile(r"(?<![A-Za-z])([A-Z]{2,}[0-9]*)[ \t\u00a0]+$")
_PHONE_RE = re.compile(
    r"(?<![\d,.])\d{3}[ .\u00a0]\d{3}[ .\u00a0]\d{4}(?![\d,])"
    r"|\(\d{1,4}\)[ \u00a0]?\d{2,4}[-. \u00a0]?\d{3,4}|\+?\d{1,4}[-.]\d{3}[-.]\d{4}"
    r"|\+\d{1,3}(?:[ \u00a0.-]\d{1,4}){2,4}(?![\d])"
    r"|\+\d{1,3}[ \u00a0]?\(\d{1,4}\)[ \u00a0]?\d{2,4}[-. \u00a0]?\d{3,4}"  # +1 (202) 458-7336
)
# 8 U.S.C. 1158, 8 CFR 208.13, § 212, 88 Fed. Reg. 31314
_LEGAL_BEFORE_RE = re.compile(r"(?:U\.S\.C\.|C\.F\.R\.|\bCFR|\bUSC|Fed\.[ \t]Reg\.|\bStat\.|§)[ \t\u00a0§]*$")
_LEGAL_AFTER_RE = re.compile(
    r"[ \t\u00a0]*(?:U\.S\.C\.|C\.F\.R\.|CFR\b|USC\b|Fed\.[ \t]Reg\.|Stat\.|FR[ \t\u00a0]+\d)"
)  # 88 FR 80394: a Federal Register volume
_FILE_SIZE_AFTER_RE = re.compile(r"[ \t\u00a0]?(?:[KMGT]B|kB|MiB|KiB|GiB)(?![A-Za-z])")
_STREET_AFTER_RE = re.compile(
    r"(?:[ \t\u00a0]+[A-Z0-9][\w.]*){0,3}[ \t\u00a0]+(?:St|Street|Ave|Avenue|Blvd|Boulevard|Road|Rd|Drive|Lane|Ln"
    r"|Way|Place|Pl|Court|Ct|Plaza|Square|Sq|Calle|Avenida|Av)\.?(?![A-Za-z])"
)
_STATE_BEFORE_RE = re.compile(r"(?<![A-Za-z])(?:[A-Z]{2}|D\.C\.)[ \t\u00a0\n]+$")
_NOT_COUNTING_AFTER_RE = re.compile(r"(?![ \t\u00a0]*(?:%|[a-z]|\d))")
_PLAIN_ACRONYMS = (
    frozenset(_words("FY AND OR THE IN OF TO BY ON AT FOR US USA UK EU UN UAE DRC NGO NGOS AS IS IT WE"))
    | CURRENCY_CODES
)
_LOWER_LABELS = frozenset(
    _words(
        "phase section article chapter title step stage tier level page paragraph item wave round annex "
        "appendix grade category route highway table figure vol volume clause note footnote endnote suite"
    )
)
#: Names that a number completes: stock indices, rankings, product lines and models, and
#: disease names written with a space before the hyphen ("COVID -19").
_NAMED_SERIES_BEFORE_RE = re.compile(
    r"(?:(?<![A-Za-z])(?:S&P(?:/ASX|/TSX)?|FTSE(?:[ \t\u00a0]AIM)?|Nikkei|NIKKEI|Russell"
    r"|(?:Euro[ \t\u00a0])?Stoxx|STOXX|CAC|DAX|IBEX|Ibex|Nifty|NIFTY|ASX|TSX"
    r"|KOSPI|Kospi|MSCI|Nasdaq|NASDAQ|OMX|AEX|SMI|BIST|Bovespa|IPC|Fortune|Forbes"
    r"|Group[ \t\u00a0]of|Formula|Apollo|Boeing|Windows|iPhone|iPad|PlayStation|Xbox|Pixel|Galaxy|Model"
    r"|[A-Z][a-z]+[ \t\u00a0][A-Z](?<![AIQ]))[ \t\u00a0]+"
    r"|(?<![A-Za-z])(?:COVID|Covid|covid|SARS|MERS)[ \t\u00a0]*[-\u2010\u2011\u2013][ \t\u00a0]*"
    r"|(?<![A-Za-z])(?:COVID|Covid|SARS|MERS)[ \t\u00a0]+)$"
)
_NAME_GAP = frozenset(" \t\u00a0-\u2010\u2011\u2013")  # what separates a name from its number
_ESTIMATED_YEAR_RE = re.compile(r"(?:19|20)\d\d[efp](?![\w-])")
_TIME_RE = re.compile(r"\d{1,2}(?::\d{2}|[ \t\u00a0]?(?:a\.m\.|p\.m\.|am\b|pm\b|hrs\b|h\d\d))", re.I)


def is_code(text: str, start: int, end: int, allow_suffix: bool, allow_prefix: bool = False) -> bool:
    """Whether the digits ``text[start:end]`` are part of a name or code (``COVID-19``,
    ``H-2B``, ``G20``, ``SDG 17``, ``Title 42``, ``No. 5``, ``#3``), a phone number or a time.

    ``allow_suffix`` tells that a letter right after the digits was already read as
    part of the mention (a scale, ``%``-word or unit); ``allow_prefix`` that the
    letters right before them are a currency code (``USD2.3 billion``).
    """
    before = text[start - 1] if start > 0 else ""
    if (before.isalpha() and not allow_prefix) or before == "#" or before == "_":
        return not fiscal_prefix(text, start)
    if text[start] == "0" and end - start >= 2 and text[start + 1].isdigit():
        return True  # "USDL-21-0158", "007": a leading zero writes a code, not a quantity
    window = text[max(0, start - 24) : start]
    if before in _NAME_GAP and _NAMED_SERIES_BEFORE_RE.search(window):
        return True  # S&P 500, FTSE 100, Fortune 500, Boeing 737, Model Y 7, COVID -19
    if _hyphenated_to_word(text, start):
        return True
    if not allow_suffix and end < len(text):
        verdict = _verdict_after(text, start, end)
        if verdict is not None:
            return verdict
    return (
        _label_before(window)
        or _legal_or_address(text, window, start, end)
        or _acronym_before(text, window, start, end)
        or _in_phone_or_time(text, start, end)
    )


def _hyphenated_to_word(text: str, start: int) -> bool:
    """``COVID-19``, ``H-2B``: the digits hang by a hyphen on a word that is no allowed
    lower-case prefix (``pre-2020``, ``mid-2023``)."""
    if not (text[start - 1 : start] in "-\u2010\u2011" and start >= 2 and text[start - 2].isalpha()):
        return False
    i = start - 2
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    word = text[i : start - 1]
    return not (word.islower() and word in _ALLOWED_LOWER_PREFIXES) or word in ("covid", "sars")


def _verdict_after(text: str, start: int, end: int) -> bool | None:
    """What the characters right after the digits decide: False for an estimated year
    (``2023e``), True for a letter or ``_`` (``19A``) or a further hyphenated group
    (``1-800-...``, ``2-2B``), None when they decide nothing."""
    if _ESTIMATED_YEAR_RE.match(text, start) and end - start == 4:
        return False  # 2023e, 2024f, 2022p: an estimated, forecast or provisional year
    after = text[end]
    if after.isalpha() or after == "_":
        return True
    if (
        after in "-\u2010\u2011"
        and end + 1 < len(text)
        and text[end + 1].isdigit()
        and _joined_by_hyphens(text, end + 1)
    ):
        return True
    return None


def _joined_by_hyphens(text: str, j: int) -> bool:
    """Whether the digit group starting at ``j`` (after a hyphen) is followed by another
    hyphenated group (``1-800-...``, ``12-34-56``) or a letter (``2-2B``, ``1-9A``)."""
    while j < len(text) and text[j].isdigit():
        j += 1
    if j < len(text) and text[j] in "-\u2010\u2011" and j + 1 < len(text) and text[j + 1].isdigit():
        return True
    return j < len(text) and text[j].isalpha() and text[j] not in "s"  # 2-2B, 1-9A


def _label_before(window: str) -> bool:
    """``Title 42``, ``Phase 2``, ``table 3``: a label word right before the digits (not a month)."""
    m = _LABEL_BEFORE_RE.search(window)
    if m is None:
        return False
    word = m.group(1)
    low = word.rstrip(".").lower()
    return (word[0].isupper() or low in _LOWER_LABELS) and low in LABEL_WORDS and word not in MONTH_NAMES


def _legal_or_address(text: str, window: str, start: int, end: int) -> bool:
    """``No. 5``, ``#3``, ``8 U.S.C. 1158``, ``88 FR 80394``, a file size, a street number or
    a ZIP code (``Washington, DC 20005``)."""
    if _NUMBER_SIGN_BEFORE_RE.search(window) or _LEGAL_BEFORE_RE.search(window):
        return True
    if _LEGAL_AFTER_RE.match(text, end) or _FILE_SIZE_AFTER_RE.match(text, end) or _STREET_AFTER_RE.match(text, end):
        return True
    return end - start == 5 and _STATE_BEFORE_RE.search(window) is not None  # a ZIP code: "Washington, DC 20005"


def _acronym_before(text: str, window: str, start: int, end: int) -> bool:
    """``SDG 17``: a number of up to three digits after an acronym that is no plain word, month
    or currency code, and not followed by ``%``, a lower-case word or more digits."""
    m = _ACRONYM_BEFORE_RE.search(window)
    if m is None or end - start > 3 or not _NOT_COUNTING_AFTER_RE.match(text, end):
        return False
    acr = m.group(1)
    return acr not in _PLAIN_ACRONYMS and acr not in MONTH_NAMES


def _in_phone_or_time(text: str, start: int, end: int) -> bool:
    """Whether the digits at ``start`` lie inside a telephone number or a time of day."""
    lo = max(0, start - 16)
    for rx in (_PHONE_RE, _TIME_RE):
        for pm in rx.finditer(text, lo, min(len(text), end + 16)):
            if pm.start() <= start < pm.end():
                return True
    return False


def fiscal_prefix(text: str, start: int) -> bool:
    """``FY2023``, ``FY23``: a fiscal-year prefix, not a code."""
    return text[max(0, start - 2) : start] == "FY" and (start < 3 or not text[start - 3].isalpha())


# --- list enumerators and footnote markers -----------------------------------------------

_LINE_PREFIX_RE = re.compile(
    r"[ \t\u00a0]*(?:<(?:p|li|td|th)[^>]*>[ \t]*)*(?:[-\u2022*\u00b7>#]+[ \t\u00a0]+)?(?:\(?)$"
)
_NOTE_WORDS = frozenset(
    _words(
        "in the see for this data source sources according author authors note notes as available figures "
        "we it these cf ibid interview based on from here calculations estimates authors' unless"
    )
)


def is_enumerator(text: str, start: int, end: int) -> bool:
    """``1.`` or ``2)`` opening a list item, ``(3)`` in a run-in list, ``[4]`` reference marker,
    or page numbers of a pagination line (``1 2 3 Next ›``)."""
    nxt = text[end : end + 2]
    if end - start > 3:
        return False
    line_start = text.rfind("\n", max(0, start - 200), start) + 1
    at_line_start = line_start > 0 or start <= 200
    if at_line_start and _PAGINATION_RE.fullmatch(text, line_start, _line_end(text, end)):
        return True
    if _LEADER_BEFORE_RE.search(text, max(0, start - 12), start):
        return True  # a page number after a dotted leader: "Executive Summary ...... 4"
    if at_line_start and not text[line_start:start].strip() and _SECTION_GAP_RE.match(text, end):
        return True  # a section number: "1       Introduction"
    if (
        at_line_start  # else line_start may be 0: slicing from it would copy the text so far
        and nxt[:1] in (".", ")")
        and (len(nxt) < 2 or nxt[1] in " \t\u00a0\n")
        and _LINE_PREFIX_RE.match(text[line_start:start])
    ):
        return True
    before = text[start - 1] if start > 0 else ""
    if before == "(" and nxt[:1] == ")" and end - start <= 2:
        after = text[end + 1 : end + 2]
        return after in (" ", "\t", "\u00a0") or after == ""
    return before == "[" and nxt[:1] == "]"


_PAGINATION_RE = re.compile(
    r"[ \t]*(?:(?:\d{1,3}|\u2026|\.\.\.|[\u2039\u203a\u00ab\u00bb<>|]|Next|Previous|Prev|Last|First|next|previous)"
    r"[ \t]*){2,}\r?"
)


_LEADER_BEFORE_RE = re.compile(r"(?:\.{3,}|\u2026+|_{3,})[ \t\u00a0]*$")
_SECTION_GAP_RE = re.compile(r"(?:\.\d+)*(?:[ \t]{2,}|\t)[A-Z]")


def _line_end(text: str, pos: int) -> int:
    k = text.find("\n", pos, pos + 200)
    return k if k >= 0 else min(len(text), pos + 200)


def is_footnote_marker(text: str, start: int, end: int) -> bool:
    """A footnote number: one opening a footnote line (``2 In the most recent...``), or
    one glued after punctuation at a word's end (``week.12 The``)."""
    if end - start > 2:
        return False
    before = text[start - 1] if start > 0 else "\n"
    glued = start >= 2 and (text[start - 2].isalpha() or text[start - 2] in ')"\u201d*')
    if before in '.,;:"\u201d\u2019)' and glued:
        after = text[end : end + 1]
        if after == "" or after.isspace() or after in ".,;:)":
            return True
    line_start = text.rfind("\n", max(0, start - 10), start) + 1
    if (line_start or start <= 10) and not text[line_start:start].strip():
        m = re.match(r"[ \t\u00a0]+([A-Z][a-z']*)", text[end : end + 40])
        if m is not None and m.group(1).lower() in _NOTE_WORDS:
            return True
    return False


# --- author-year citations ---------------------------------------------------------------

_ET_AL_BEFORE_RE = re.compile(r"et[ \t\u00a0]+al\.?,?[ \t\u00a0]*\(?$")
_NARRATIVE_BEFORE_RE = re.compile(
    r"(?<![A-Za-z])(?:[Aa]ccording to|[Aa]s|[Ss]ee|[Cc]f\.)[ \t\u00a0]+"
    r"[A-Z][\w.&'\u2019-]*(?:[ \t\u00a0]+(?:and|&)[ \t\u00a0]+[A-Z][\w'\u2019-]*)?(?:'s|\u2019s)?[ \t\u00a0]*\($"
)
_SEGMENT_RE = re.compile(
    r"(?:(?:e\.g\.|i\.e\.|see(?:[ \t]+also)?|cf\.|for example|quoted in|cited in),?[ \t\u00a0]+)?"
    r"[A-Z\u00c0-\u00de][\w'\u2019.&\u00c0-\u024f-]*(?:[ \t\u00a0,]+[\w'\u2019.&\u00c0-\u024f-]+)*?,?[ \t\u00a0]*$"
)
_YEAR_TAIL_RE = re.compile(r"[a-z]?(?=[ \t\u00a0]*[;,:)\]]|[ \t\u00a0]+and[ \t\u00a0]+(?:19|20)\d\d)")
_NOT_AUTHORS = frozenset(
    ["FY", "Fiscal", "Year", "Since", "In", "Until", "From", "By", "Before", "After", "As", "The", "Census"]
)


def citation_end(text: str, start: int, end: int) -> int | None:
    """If the year at ``text[start:end]`` dates an author-year citation, the offset where
    the citation ends (its page numbers included); otherwise None."""
    if _YEAR_TAIL_RE.match(text, end) is None and not _ET_AL_BEFORE_RE.search(text, max(0, start - 12), start):
        return None
    if _ET_AL_BEFORE_RE.search(text, max(0, start - 12), start):
        return _segment_end(text, end)
    if _NARRATIVE_BEFORE_RE.search(text, max(0, start - 60), start) and text[end : end + 1] in (")", ","):
        return _segment_end(text, end)  # "According to IOM (2023)", "as Clemens (2021a) shows"
    lo = max(0, start - 200)
    opening = text.rfind("(", lo, start)
    if opening < 0 or text.find(")", opening, start) >= 0 or "\n" in text[opening:start]:
        return None
    seg = max(opening, text.rfind(";", opening, start)) + 1
    chunk = text[seg:start]
    if any(c.isdigit() for c in chunk):
        return None
    m = _SEGMENT_RE.match(chunk.lstrip())
    if m is None or m.end() != len(chunk.lstrip()):
        return None
    words = chunk.replace(",", " ").split()
    if not words or words[-1] in _NOT_AUTHORS or words[-1] in MONTH_NAMES or words[-1].rstrip(".") in MONTH_NAMES:
        return None
    return _segment_end(text, end)


_PAGES_RE = re.compile(r"[a-z]?(?:[ \t\u00a0]*[,:][ \t\u00a0]*(?:pp?\.[ \t\u00a0]*)?\d+(?:[-\u2013]\d+)?(?![\d,.]))*")


def _segment_end(text: str, end: int) -> int:
    """End of a citation: the year's letter suffix and any page numbers after it."""
    m = _PAGES_RE.match(text, end)
    return m.end() if m is not None else end
