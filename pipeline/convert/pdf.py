"""PDF files turned into the text the pipeline reads, from PDFium's per-character boxes (pypdfium2).

PDFium's own plain-text call keeps running headers, page numbers and margin
watermarks, and writes columns in the file's internal order; so the text is
rebuilt here from each glyph's box, baseline and size:

- glyphs become words (a run on one baseline with no space), words become rows
  (one baseline across the page) and rows are read in the page's geometry:
  gutters between text columns are found from the words' x positions (in each
  band between rules drawn across the page), columns are read one after the
  other and full-width rows (titles, wide tables) stay in place between them;
  a text box beside the running text is read after the paragraph it interrupts;
- rows near the top or bottom repeated on several pages (the page number
  allowed to change), lone page numbers (``3``, ``Page 3``, ``3 of 49``,
  ``- 3 -``) and text written at an angle (margin watermarks) are left out and
  counted in ``dropped_lines``; so are small raised digits after a word
  (footnote markers), so that ``2016`` and its marker ``2`` never read ``20162``;
- a line-end hyphen PDFium flags as soft is removed before a lower-case
  continuation (``interna-`` ``tional``); other hyphens and dashes stay
  (``2010-2015``, ``COVID-19``); the other line ends of a paragraph become a
  space and paragraphs are separated by a blank line; footnotes at the bottom
  of a column move to the end of their page;
- rows whose words fall into cells separated by wide gaps (or dot leaders) aligned
  with the rows above or below are table rows: written one per line, cells
  separated by a tab, empty cells kept so that every row has as many;
- a glyph the file maps to no character is written as U+FFFD and counted, never
  dropped (a dropped minus turns ``−0.229`` into ``0.229``); private-use codes of
  the Symbol and Wingdings fonts are mapped to the characters they draw, and
  accents drawn as glyphs of their own are put on their letter (``Lu¨histe``
  reads ``Lühiste``).

The result depends on the bytes only (no clock, locale or hash order enters it);
PDFium is not thread-safe, so conversions are serialised by a lock.
"""

from __future__ import annotations

import ctypes
import math
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.convert.model import REPLACEMENT, ConversionError, ConvertedText, code_mark

CONVERTER = (
    f"pypdfium2 {pdfium.PYPDFIUM_INFO.version} (PDFium {pdfium.PDFIUM_INFO.build}; layout {code_mark(__file__)})"
)

_LOCK = threading.Lock()

# Characters PDFium reports between words and lines (its own or the file's).
_BREAKS = frozenset(" \t\r\n\x0b\x0c\xa0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200C))))
# Characters that need a closer look: hyphens (soft or not), control codes, PDFium's hyphen mark
# (U+0002 / U+FFFE), non-characters, surrogates and the private-use area.
_SUSPECT = frozenset(
    [chr(c) for c in range(0x20)]
    + ["-", "\xad", "\u2010", "\u2011", "\ufffe", "\uffff", "\x7f"]
    + [chr(c) for c in range(0xD800, 0xE000)]
    + [chr(c) for c in range(0xE000, 0xF900)]
)
_HYPHENS = frozenset("-\xad\u2010\u2011\x02\ufffe")

#: Private-use codes of the Symbol font (U+F0xx, xx its own encoding) to the characters they draw.
_SYMBOL = dict(
    zip(
        range(0x20, 0x7F),
        " !∀#∃%&∋()∗+,−./0123456789:;<=>?≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_‾αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼",
        strict=True,
    )
)
_SYMBOL.update(zip(range(0xA1, 0xBD), "ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…", strict=True))
_SYMBOL.update({0xD7: "⋅", 0xD8: "¬", 0xE0: "◊", 0xE5: "∑"})
#: Private-use codes of the Wingdings font that are list bullets or marks.
_WINGDINGS = {0x6C: "●", 0x6E: "■", 0x71: "❑", 0x76: "❖", 0x9F: "•", 0xA7: "▪", 0xD8: "➢", 0xFC: "✓", 0xFB: "✗"}

# Layout thresholds, as fractions of the font size unless said otherwise.
_SAME_BASELINE = 0.2  # a glyph continues a word if its baseline is this close...
_GLYPH_GAP = 0.3  # ...and it starts at most this far after the word's end
_ROW_BASELINE = 0.3  # words are on one row if their baselines are this close
_SPACE_GAP = 0.12  # words closer than this are one word (a font change inside a word)...
_MADE_UP_GAP = 0.08  # ...or this, where PDFium put a space of its own between them
_MARKER_SIZE = 0.85  # a footnote marker is at most this size of the word it follows...
_MARKER_RISE = (0.12, 0.8)  # ...and its baseline this much higher
_CELL_GAP = 1.5  # a gap this wide between two words of a row may separate table cells
_FURNITURE_ZONE = 0.12  # running headers and footers sit in this fraction of the page height...
_FURNITURE_ROWS = 3  # ...among the first or last rows of the page...
_FURNITURE_GAP = 1.5  # ...this far (in row heights) from the body
_SMALL = 0.88  # text at most this size of the body text is small (footnotes)
_TURNED_PAGE = 4  # a page is read turned when its text turned outweighs its upright text this many times
_MAX_PATHS = 5000  # drawn paths looked at for rules on a multi-column page

_PAGE_NUMBER_RE = re.compile(
    r"(?:(?:page|p\.|pg\.?|seite|página|pagina)\s*)?[-–—]?\s*(?:\d{1,5}|[ivxlcdm]{1,7})\s*[-–—]?"
    r"(?:\s*(?:of|/|von|de|sur|di)\s*\d{1,4})?",
    re.IGNORECASE,
)
_MARKER_RE = re.compile(r"(?:\d{1,3}(?:[,\-–]\d{1,3})*|[*†‡§¶#]{1,3}|[a-z])[,.;]?")
_ORDINAL_RE = re.compile(r"st|nd|rd|th|er|re|ème|ª|º")  # 1st, 20th, 1er (a lone raised ``a`` is a marker)
_BULLET_RE = re.compile(r"[•◦▪▫■□●○►▶➢✓✗❑❖\u2043\u2219\u00b7*–—-]|\ufffd")
_LIST_MARK_RE = re.compile(r"[•◦▪▫■□●○►▶➢✓✗❑❖\u2043\u2219\u00b7*–—-]|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)]|\ufffd")
_SENTENCE_END_RE = re.compile(r"[.!?:…][\"'”’)\]]*$")
_FULL_STOP_RE = re.compile(r"[.!?…][\"'”’)\]]*$")
_DIGIT_RUN_RE = re.compile(r"\d+")
_LEADER_RE = re.compile(r"[.·…_]{2,}")
#: Accents a font may draw as glyphs of their own, and the combining marks they stand for.
_COMBINING = dict(
    zip("˘¸¨´ˆ˜ˇ˚˙˝˛¯`", "\u0306\u0327\u0308\u0301\u0302\u0303\u030c\u030a\u0307\u030b\u0328\u0304\u0300", strict=True)
)
_ACCENT_RE = re.compile("[" + "".join(_COMBINING) + "]")
_LEADER_SPLIT_RE = re.compile(r"\.{4,}|(?:(?!\.{4}).)+")
_ACRONYM_END_RE = re.compile(r"(?<![^\W\d_])[A-Z]{2,}-$")
_LABEL_RE = re.compile(r"(?:[A-Z][A-Z&/-]+ ){0,3}[A-Z][A-Z&/-]+:")
_SUPERSCRIPTS = str.maketrans("0123456789+-−=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ")
_PDF_DATE_RE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")
_TITLE_JUNK_RE = re.compile(
    r"(?:untitled|title|document\d*|slide \d+|layout \d+|mise en page \d+|powerpoint presentation"
    r"|microsoft (?:word|powerpoint|excel) - .*|.*\.(?:docx?|pdf|indd|qxd|qxp|tex|rtf|odt|pptx?|xlsx?|ps|dvi))",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Word:
    """Glyphs on one baseline with no space between them, in the page's upright frame."""

    text: str
    x0: float
    x1: float
    y: float  # baseline
    size: float  # font size in points, text matrix included
    order: int  # position among the page's words in the file
    spaced: int  # what came just before it in the file: 0 nothing, 1 a space PDFium made up, 2 the file's space
    soft: bool = False  # ends with a line-end hyphen PDFium flags as soft
    quarter: int | None = 0  # orientation in quarter turns (None: at another angle)
    first: int = 0  # PDFium's index of its first glyph


@dataclass(slots=True)
class _Row:
    """Words on one baseline, left to right (the whole page's width, or one column's)."""

    words: list[_Word]
    y: float
    size: float
    x0: float
    x1: float
    chars: int
    big: float  # the largest font size in the row
    joined: str | None = None

    @property
    def text(self) -> str:
        """The row's words joined as they are spaced on the page."""
        if self.joined is None:
            self.joined = _join_words(self.words)
        return self.joined


@dataclass(slots=True)
class _Block:
    """Rows read together: one column of a stretch of the page, or consecutive full-width rows."""

    rows: list[_Row]
    footnotes: bool = False


@dataclass(slots=True)
class _Page:
    """What one page gave: its rows in the upright frame, the frame's box, what was left out."""

    rows: list[_Row]
    top: float
    bottom: float
    dropped: int
    columns: bool = False  # whether the page seemed to have columns when read
    rules: list[float] = field(default_factory=list)  # heights of horizontal rules across the text (multi-column pages)
    furniture: list[tuple[int, str]] = field(default_factory=list)  # (row index, key) of header/footer candidates


# --------------------------------------------------------------------------- glyphs to words


_BOX = tuple(ctypes.c_double() for _ in range(6))  # left, right, bottom, top, origin x, origin y of a glyph
_BOX_REFS = tuple(ctypes.c_void_p(ctypes.addressof(v)) for v in _BOX)
_MATRIX = pdfium_c.FS_MATRIX()
_MATRIX_REF = ctypes.c_void_p(ctypes.addressof(_MATRIX))


def _untyped(function: object, restype: type, *argtypes: type) -> Callable[..., Any]:
    """``function`` of pypdfium2.raw called with plain pointers: the same PDFium entry point, ctypes checking less.

    The per-glyph calls are most of a conversion's time; with ``c_void_p`` arguments
    they cost about half as much. The signatures are those of PDFium's public ``fpdf_text.h``.
    """
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)


_P, _I = ctypes.c_void_p, ctypes.c_int
_GET_CHAR_BOX = _untyped(pdfium_c.FPDFText_GetCharBox, _I, _P, _I, _P, _P, _P, _P)
_GET_CHAR_ORIGIN = _untyped(pdfium_c.FPDFText_GetCharOrigin, _I, _P, _I, _P, _P)
_HAS_UNICODE_MAP_ERROR = _untyped(pdfium_c.FPDFText_HasUnicodeMapError, _I, _P, _I)
_IS_GENERATED = _untyped(pdfium_c.FPDFText_IsGenerated, _I, _P, _I)
_GET_MATRIX = _untyped(pdfium_c.FPDFText_GetMatrix, _I, _P, _I, _P)
_GET_FONT_SIZE = _untyped(pdfium_c.FPDFText_GetFontSize, ctypes.c_double, _P, _I)


def _page_string(raw: pdfium_c.FPDF_TEXTPAGE, n: int) -> str:
    """The page's characters, one per PDFium character (PDFium's text call when it keeps that alignment)."""
    if n <= 0:
        return ""
    buffer = (ctypes.c_ushort * (n + 1))()
    written = pdfium_c.FPDFText_GetText(raw, 0, n, buffer)
    text = bytes(memoryview(buffer)[: max(written - 1, 0)]).decode("utf-16-le", "surrogatepass")
    if len(text) == n:
        return text
    return "".join(_char(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(n))


def _char(code: int) -> str:
    """The character of a code PDFium reports (U+FFFD for one outside Unicode)."""
    return chr(code) if 0 <= code <= 0x10FFFF else REPLACEMENT


def _font_name(raw: pdfium_c.FPDF_TEXTPAGE, index: int) -> str:
    """The name of the font of character ``index`` (empty when PDFium does not know it)."""
    flags = ctypes.c_int()
    size = pdfium_c.FPDFText_GetFontInfo(raw, index, None, 0, ctypes.byref(flags))
    if size <= 0:
        return ""
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFText_GetFontInfo(raw, index, buffer, size, ctypes.byref(flags))
    return buffer.value.decode("latin-1")


def _fix_char(raw: pdfium_c.FPDF_TEXTPAGE, index: int, ch: str, unmapped: bool) -> str:
    """What to write for a suspect character: a hyphen, its Symbol/Wingdings meaning, or U+FFFD."""
    if (ch in _HYPHENS or ord(ch) < 0x20) and pdfium_c.FPDFText_IsHyphen(raw, index) == 1:
        return "\xad"  # PDFium's line-end soft hyphen
    if unmapped:
        return REPLACEMENT
    if ch in "-\xad\u2010\u2011":
        return ch
    code = ord(ch)
    if 0xE000 <= code < 0xF900:
        font = _font_name(raw, index).lower()
        table = _SYMBOL if "symbol" in font else _WINGDINGS if "wingding" in font else {}
        return table.get(code & 0xFF, REPLACEMENT) if code & 0xFF00 == 0xF000 else REPLACEMENT
    return REPLACEMENT


def _frame(
    quarter: int, left: float, bottom: float, right: float, top: float, ox: float, oy: float
) -> tuple[float, float, float]:
    """A glyph's (start, end, baseline) along a text direction turned by ``quarter`` quarter turns."""
    if quarter == 1:
        return bottom, top, -ox
    if quarter == 2:
        return -right, -left, -oy
    if quarter == 3:
        return -top, -bottom, ox
    return left, right, oy


def _start_word(page: ctypes.c_void_p, index: int, order: int, spaced: int) -> _Word:
    """A new word at character ``index`` (its box and origin read): size and orientation from its text matrix."""
    _GET_MATRIX(page, index, _MATRIX_REF)
    m = _MATRIX
    a, b = m.a, m.b
    size = _GET_FONT_SIZE(page, index) * abs(a * m.d - b * m.c) ** 0.5
    box = _BOX
    if size <= 0:
        size = max(box[3].value - box[2].value, 1.0)
    if b == 0 and a > 0:
        return _Word("", box[0].value, box[1].value, box[5].value, size, order, spaced, False, 0)
    left, right, bottom, top, ox, oy = (v.value for v in box)
    angle = math.degrees(math.atan2(m.b, m.a)) % 360
    quarter: int | None = round(angle / 90) % 4
    if abs(angle - round(angle / 90) * 90) > 3:
        quarter = None
    x0, x1, y = _frame(quarter or 0, left, bottom, right, top, ox, oy)
    return _Word("", x0, x1, y, size, order, spaced, False, quarter)


def _page_words(raw: pdfium_c.FPDF_TEXTPAGE) -> list[_Word]:
    """The page's words in the file's order, each glyph's box (and baseline, where it may move) read from PDFium."""
    n = pdfium_c.FPDFText_CountChars(raw)
    text = _page_string(raw, n)
    page = ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)
    get_box, get_origin, unmapped, generated = _GET_CHAR_BOX, _GET_CHAR_ORIGIN, _HAS_UNICODE_MAP_ERROR, _IS_GENERATED
    rl, rr, rb, rt, rox, roy = _BOX_REFS
    vl, vr, vb, vt, vox, voy = _BOX
    words: list[_Word] = []
    chars: list[str] = []
    word: _Word | None = None
    spaced = 2
    last_left = tol = reach = mid = 0.0
    for i in range(n):
        ch = text[i]
        if ch in _BREAKS:
            if word is not None:
                word.text = "".join(chars)
                words.append(word)
                word = None
            spaced = max(spaced, 1 if generated(page, i) else 2)
            continue
        get_box(page, i, rl, rr, rb, rt)
        bad = unmapped(page, i) == 1
        if bad or ch in _SUSPECT:
            ch = _fix_char(raw, i, ch, bad)
        origin = False
        if word is not None:
            if word.quarter == 0:
                x0, x1 = vl.value, vr.value
                same = x0 >= last_left - tol and x0 - word.x1 <= reach
                if same and (vb.value > mid or vt.value < mid):  # the glyph may be raised or lowered
                    get_origin(page, i, rox, roy)
                    origin = True
                    same = abs(voy.value - word.y) <= tol
            else:
                get_origin(page, i, rox, roy)
                origin = True
                x0, x1, y = _frame(word.quarter or 0, vl.value, vb.value, vr.value, vt.value, vox.value, voy.value)
                same = abs(y - word.y) <= tol and x0 >= last_left - tol and x0 - word.x1 <= reach
            if same:
                chars.append(ch)
                last_left = x0
                if x1 > word.x1:
                    word.x1 = x1
                word.soft = ch == "\xad"
                continue
            word.text = "".join(chars)
            words.append(word)
        if not origin:
            get_origin(page, i, rox, roy)
        word = _start_word(page, i, len(words), spaced)
        word.first = i
        word.soft = ch == "\xad"
        spaced = 0
        chars = [ch]
        last_left = word.x0
        tol = _SAME_BASELINE * word.size
        reach = _GLYPH_GAP * word.size
        mid = word.y + 0.15 * word.size
    if word is not None:
        word.text = "".join(chars)
        words.append(word)
    return words


def _split_leaders(raw: pdfium_c.FPDF_TEXTPAGE, words: list[_Word]) -> list[_Word]:
    """``words`` with dot leaders glued to a word (``summary.......4``) cut out as words of their own."""
    out: list[_Word] = []
    page = ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)
    left, right = _BOX_REFS[:2], _BOX_REFS[2:4]
    for word in words:
        if "...." not in word.text or word.quarter != 0:
            out.append(word)
            continue
        start = 0
        for piece in _LEADER_SPLIT_RE.findall(word.text):
            first, last = word.first + start, word.first + start + len(piece) - 1
            _GET_CHAR_BOX(page, first, *left, *right)
            x0 = _BOX[0].value
            _GET_CHAR_BOX(page, last, *left, *right)
            spaced = word.spaced if start == 0 else 0
            start += len(piece)
            soft = word.soft and start == len(word.text)
            out.append(_Word(piece, x0, _BOX[1].value, word.y, word.size, word.order, spaced, soft, 0, first))
    return out


def _centre(page: ctypes.c_void_p, index: int) -> tuple[float, float, float]:
    """The left, centre and right of glyph ``index``'s box."""
    _GET_CHAR_BOX(page, index, *_BOX_REFS[:4])
    left, right = _BOX[0].value, _BOX[1].value
    return left, (left + right) / 2, right


def _combine_accents(raw: pdfium_c.FPDF_TEXTPAGE, words: list[_Word]) -> None:
    """Accents drawn as glyphs of their own over a letter (``a˘``, ``u¨``) joined to it (``ă``, ``ü``)."""
    page = ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)
    for word in words:
        if not _ACCENT_RE.search(word.text) or len(word.text) < 2:
            continue
        chars = list(word.text)
        for k, ch in enumerate(word.text):
            if ch not in _COMBINING:
                continue
            _, mid, _ = _centre(page, word.first + k)
            for j in (k - 1, k + 1):
                if 0 <= j < len(chars) and chars[j].isalpha():
                    left, _, right = _centre(page, word.first + j)
                    if left <= mid <= right:
                        chars[j] += _COMBINING[ch]
                        chars[k] = ""
                        break
        word.text = unicodedata.normalize("NFC", "".join(chars))


# --------------------------------------------------------------------------- footnote markers


def _raised(mark: _Word, base: _Word) -> bool:
    """Whether ``mark`` is smaller than ``base`` and written above its baseline (a superscript)."""
    rise = mark.y - base.y
    return mark.size <= _MARKER_SIZE * base.size and _MARKER_RISE[0] * base.size <= rise <= _MARKER_RISE[1] * base.size


def _lowered(mark: _Word, base: _Word) -> bool:
    """Whether ``mark`` is smaller than ``base`` and written below its baseline (a subscript)."""
    drop = base.y - mark.y
    return mark.size <= _MARKER_SIZE * base.size and 0.08 * base.size <= drop <= 0.5 * base.size


def _after(mark: _Word, base: _Word) -> bool:
    """Whether ``mark`` starts where ``base`` ends (glued, or a space away)."""
    return -0.3 * base.size <= mark.x0 - base.x1 <= 0.6 * base.size


def _before(mark: _Word, base: _Word) -> bool:
    """Whether ``mark`` ends where ``base`` starts."""
    return -0.3 * base.size <= base.x0 - mark.x1 <= 0.8 * base.size


def _superscript_kind(mark: _Word, base: _Word, following: _Word | None) -> str:
    """What a superscript after ``base`` is: ``marker`` (left out), ``ordinal``/``math`` (kept), or ``text``."""
    text = mark.text
    if base.text[-1:].isdigit() and _ORDINAL_RE.fullmatch(text):
        return "ordinal"  # 1st, 20th
    math_like = (len(base.text) == 1 and base.text.isalpha()) or base.text.lstrip("(×x·*") == "10"  # R², x², 10⁶
    if following is not None and abs(following.y - base.y) <= _SAME_BASELINE * base.size:
        glued = following.x0 - mark.x1 <= _SPACE_GAP * base.size
        math_like = math_like or (glued and following.text[:1] not in ".,;:)]")  # Age²/100
    if math_like and all(c in "0123456789+-−=()ni" for c in text):
        return "math"
    if _MARKER_RE.fullmatch(text):
        return "marker"
    return "text"


def _strip_markers(words: list[_Word]) -> list[_Word]:
    """Words without footnote markers; other small raised or lowered words moved onto their line."""
    kept: list[_Word] = []
    n = len(words)
    for k, word in enumerate(words):
        prev = words[k - 1] if k else None
        after = words[k + 1] if k + 1 < n else None
        if prev is not None and prev.quarter == word.quarter and _after(word, prev):
            if _raised(word, prev):
                kind = _superscript_kind(word, prev, after)
                if kind == "marker":
                    prev.x1 = max(prev.x1, word.x1)  # the gap after a marker is the gap after its word
                    continue
                if kind == "math":
                    word.text = word.text.translate(_SUPERSCRIPTS)
                word.y = prev.y
            elif _lowered(word, prev):
                word.y = prev.y
        elif after is not None and after.quarter == word.quarter and _before(word, after):
            word.y = after.y if _raised(word, after) or _lowered(word, after) else word.y  # opening a footnote: kept
        kept.append(word)
    return kept


# --------------------------------------------------------------------------- words to rows


def _join_words(words: list[_Word]) -> str:
    """Words of one row joined: a space where the page has one, none where a word is cut by a font change."""
    parts: list[str] = []
    prev: _Word | None = None
    for word in words:
        if prev is not None:
            gap = (word.x0 - prev.x1) / max(word.size, prev.size)
            spaced = word.spaced if word.order == prev.order + 1 else 0
            if spaced == 2 or (spaced == 1 and gap > _MADE_UP_GAP) or gap > _SPACE_GAP:
                parts.append(" ")
        parts.append(word.text)
        prev = word
    return "".join(parts)


def _make_row(words: list[_Word]) -> _Row:
    """A row of ``words`` sorted left to right, glyphs printed twice (fake bold) kept once."""
    words.sort(key=lambda w: (w.x0, w.order))
    kept: list[_Word] = []
    for word in words:
        if kept and word.text == kept[-1].text and abs(word.x0 - kept[-1].x0) < 0.5 * word.size:
            continue
        kept.append(word)
    return _sub_row(None, kept)


def _rows(words: list[_Word]) -> list[_Row]:
    """``words`` grouped into rows by baseline, top to bottom."""
    rows: list[_Row] = []
    group: list[_Word] = []
    base = size = 0.0
    for word in sorted(words, key=lambda w: (-w.y, w.x0, w.order)):
        if group and base - word.y <= _ROW_BASELINE * min(size, word.size):
            group.append(word)
            continue
        if group:
            rows.append(_make_row(group))
        group, base, size = [word], word.y, word.size
    if group:
        rows.append(_make_row(group))
    return rows


def _sub_row(y: float | None, words: list[_Word]) -> _Row:
    """A row of ``words`` (left to right) on baseline ``y``, its size the one most of its characters have."""
    first = words[0]
    x1 = max(w.x1 for w in words)
    chars = sum(len(w.text) for w in words)
    if all(w.size == first.size for w in words):
        return _Row(words, first.y if y is None else y, first.size, first.x0, x1, chars, first.size)
    by_size: dict[float, int] = {}
    for word in words:
        key = round(word.size, 1)
        by_size[key] = by_size.get(key, 0) + len(word.text)
    size = max(by_size, key=lambda s: (by_size[s], s))
    main = next(w for w in words if round(w.size, 1) == size)
    return _Row(words, main.y if y is None else y, size, first.x0, x1, chars, max(by_size))


def _read_page(page: pdfium.PdfPage) -> _Page:
    """Pass one over a page: its upright rows (the orientation most of its text has) and what was left out."""
    textpage = page.get_textpage()
    try:
        words = _split_leaders(textpage.raw, _page_words(textpage.raw))
        _combine_accents(textpage.raw, words)
        words = _strip_markers(words)
    finally:
        textpage.close()
    by_quarter: Counter[int | None] = Counter()
    for word in words:
        by_quarter[word.quarter] += len(word.text)
    upright = max((q for q in by_quarter if q is not None), key=lambda q: (by_quarter[q], -q), default=0)
    if by_quarter[upright] < _TURNED_PAGE * by_quarter[0]:
        upright = 0  # a page is read turned only when nearly all its text is turned
    left, bottom, right, top = page.get_bbox()
    x0, x1, y_low = _frame(upright, left, bottom, right, top, left, bottom)
    _, _, y_high = _frame(upright, left, bottom, right, top, right, top)
    low, high = min(y_low, y_high), max(y_low, y_high)
    span = (min(x0, x1) - 1, max(x0, x1) + 1)
    inside = [w for w in words if w.quarter == upright and w.x1 >= span[0] and w.x0 <= span[1]]
    inside = [w for w in inside if low - w.size <= w.y <= high + w.size]
    aside = [w for w in words if w.quarter != upright]
    outside = len(words) - len(aside) - len(inside)
    dropped = len(_rows(aside)) if aside else 0
    if outside:
        kept_ids = {id(w) for w in inside}
        dropped += len(_rows([w for w in words if w.quarter == upright and id(w) not in kept_ids]))
    rows = _rows(inside)
    zone = _FURNITURE_ZONE * (high - low)
    body = [r for r in rows if low + zone < r.y < high - zone]  # headers and footers would cross the gutters
    columns = bool(body) and bool(_gutters(body, _median([r.size for r in body])))
    return _Page(rows, high, low, dropped, columns, _rules(page, upright, rows) if columns else [])


def _rules(page: pdfium.PdfPage, upright: int, rows: list[_Row]) -> list[float]:
    """The heights of the thin horizontal lines drawn across most of the text's width (they bound columns)."""
    low, high = min(r.x0 for r in rows), max(r.x1 for r in rows)
    heights = []
    for k, obj in enumerate(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=2)):
        if k >= _MAX_PATHS:
            break
        left, bottom, right, top = obj.get_bounds()
        x0, x1, y0 = _frame(upright, left, bottom, right, top, left, bottom)
        _, _, y1 = _frame(upright, left, bottom, right, top, right, top)
        if abs(y1 - y0) < 3 and abs(x1 - x0) >= 0.5 * (high - low):
            heights.append((y0 + y1) / 2)
    return sorted(set(heights), reverse=True)


# --------------------------------------------------------------------------- running headers and footers


def _furniture_key(text: str) -> str:
    """What a header or footer row says whatever page it is on: digits as ``#``, no case, no spaces."""
    return _DIGIT_RUN_RE.sub("#", "".join(text.lower().split()))


def _find_furniture(page: _Page) -> None:
    """Note the rows of ``page`` that may be running headers, footers or page numbers."""
    rows = page.rows
    zone = _FURNITURE_ZONE * (page.top - page.bottom)
    n = len(rows)
    candidates = [i for i in range(min(_FURNITURE_ROWS, n)) if rows[i].y >= page.top - zone]
    candidates += [i for i in range(max(n - _FURNITURE_ROWS, 0), n) if rows[i].y <= page.bottom + zone]
    chosen = sorted(set(candidates))
    for i in chosen:
        row = rows[i]
        neighbours = [rows[j] for j in (i - 1, i + 1) if 0 <= j < n and j not in chosen]
        if all(abs(other.y - row.y) >= _FURNITURE_GAP * max(row.size, other.size) for other in neighbours):
            page.furniture.append((i, _furniture_key(row.text)))


def _drop_furniture(pages: list[_Page]) -> None:
    """Remove running headers and footers (repeated on two pages or more) and page numbers from ``pages``."""
    seen: Counter[str] = Counter()
    for page in pages:
        _find_furniture(page)
        seen.update({key for _, key in page.furniture})
    for page in pages:
        drop = set()
        for i, key in page.furniture:
            if seen[key] >= 2 or _PAGE_NUMBER_RE.fullmatch(page.rows[i].text.strip()):
                drop.add(i)
        if drop:
            page.rows = [row for i, row in enumerate(page.rows) if i not in drop]
            page.dropped += len(drop)


# --------------------------------------------------------------------------- columns


def _coverage(words: list[_Word], low: float, bins: int) -> list[int]:
    """How many words cover each point-wide bin from ``low``."""
    diff = [0] * (bins + 2)
    for word in words:
        start = max(int(word.x0 - low), 0)
        end = min(int(word.x1 - low), bins - 1)
        if end >= start:
            diff[start] += 1
            diff[end + 1] -= 1
    cover: list[int] = []
    total = 0
    for k in range(bins):
        total += diff[k]
        cover.append(total)
    return cover


def _runs(cover: list[int], limit: int, min_width: float) -> list[tuple[int, int]]:
    """Maximal interior runs of bins covered at most ``limit`` times, at least ``min_width`` bins wide."""
    runs: list[tuple[int, int]] = []
    start = None
    for k, count in enumerate(cover + [limit + 1]):
        if count <= limit:
            if start is None:
                start = k
        elif start is not None:
            if start > 0 and k < len(cover) and k - start >= min_width:
                runs.append((start, k))
            start = None
    return runs


def _core(cover: list[int], start: int, end: int) -> tuple[int, int]:
    """The widest stretch of ``cover[start:end]`` at its lowest count."""
    lowest = min(cover[start:end])
    best = (start, start)
    k = start
    while k < end:
        if cover[k] == lowest:
            j = k
            while j < end and cover[j] == lowest:
                j += 1
            if j - k > best[1] - best[0]:
                best = (k, j)
            k = j
        else:
            k += 1
    return best


def _median(values: list[float]) -> float:
    """The median of ``values`` (0 when empty)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _piece(words: list[_Word]) -> tuple[int, float, float, int]:
    """A row's words on one side of a gap as (characters, x0, x1, words): no characters if they look like cells."""
    cells = any(b.x0 - a.x1 >= _CELL_GAP * a.size for a, b in zip(words, words[1:], strict=False))
    chars = 0 if cells or any(_LEADER_RE.fullmatch(w.text) for w in words) else sum(len(w.text) for w in words)
    return chars, words[0].x0, words[-1].x1, len(words)


def _prose_side(pieces: list[tuple[int, float, float, int]], edge: float | None) -> bool:
    """Whether row pieces ``(chars, x0, x1, words)`` beside a gap read like a column of text: long lines filling it."""
    if len(pieces) < 2 or _median([p[0] for p in pieces]) < 12 or _median([p[3] for p in pieces]) < 4:
        return False
    left = min(p[1] for p in pieces)
    right = edge if edge is not None else max(p[2] for p in pieces)
    if right - left <= 0:
        return False
    return _median([(p[2] - left) / (right - left) for p in pieces]) >= 0.7


def _is_gutter(rows: list[_Row], core: tuple[float, float], bounds: tuple[float, float]) -> bool:
    """Whether the gap ``core`` separates two columns of text (not two columns of a table)."""
    left_pieces: list[tuple[int, float, float, int]] = []
    right_pieces: list[tuple[int, float, float, int]] = []
    for row in rows:
        if any(w.x0 < core[1] and w.x1 > core[0] for w in row.words):
            continue
        for side, pieces in ((True, left_pieces), (False, right_pieces)):
            words = [w for w in row.words if (w.x1 <= core[0] and w.x0 >= bounds[0] if side else w.x0 >= core[1])]
            words = [w for w in words if w.x1 <= bounds[1]] if not side else words
            if words:
                pieces.append(_piece(words))
    return _prose_side(left_pieces, core[0]) and _prose_side(right_pieces, None)


def _gutters(rows: list[_Row], body: float) -> list[tuple[float, float]]:
    """The x ranges of the gaps between text columns on a page (empty for a single column)."""
    words = [w for row in rows for w in row.words]
    if len(rows) < 2 or not words:
        return []
    low = min(w.x0 for w in words)
    bins = int(max(w.x1 for w in words) - low) + 1
    cover = _coverage(words, low, bins)
    runs = _runs(cover, max(1, int(0.3 * len(rows))), max(3.0, 0.4 * body))
    cores = [_core(cover, a, b) for a, b in runs]
    gutters: list[tuple[float, float]] = []
    for k, (a, b) in enumerate(cores):
        crossed = cover[a] > 0  # rows crossing part of a gutter (titles) narrow its emptiest stretch
        if b - a < (1 if crossed else max(2.0, 0.5 * body)):  # an uncrossed gutter is wider than a word space
            continue
        core = (low + a, low + b)
        bounds = (gutters[-1][1] if gutters else -math.inf, low + runs[k + 1][0] if k + 1 < len(runs) else math.inf)
        if _is_gutter(rows, core, bounds):
            gutters.append(core)
    return gutters


def _flow(rows: list[_Row], gutters: list[tuple[float, float]]) -> list[_Block]:
    """The page's rows in reading order: column by column, full-width rows in place between the columns."""
    if not gutters:
        return [_Block(rows)] if rows else []
    blocks: list[_Block] = []
    columns: list[list[_Row]] = [[] for _ in range(len(gutters) + 1)]
    full: list[_Row] = []
    above: _Row | None = None
    for row in rows:
        if above is not None and above.y - row.y > 2.5 * max(above.size, row.size) and any(columns):
            blocks.extend(_Block(col) for col in columns if col)  # a band of white across the page
            columns = [[] for _ in columns]
        above = row
        if any(w.x0 < b and w.x1 > a for w in row.words for a, b in gutters):
            if any(columns):
                blocks.extend(_Block(col) for col in columns if col)
                columns = [[] for _ in columns]
            full.append(row)
            continue
        if full:
            blocks.append(_Block(full))
            full = []
        parts: list[list[_Word]] = [[] for _ in columns]
        for word in row.words:
            parts[sum(1 for a, _ in gutters if word.x0 >= a)].append(word)
        for col, part in zip(columns, parts, strict=True):
            if part:
                col.append(_sub_row(row.y, part))
    if full:
        blocks.append(_Block(full))
    blocks.extend(_Block(col) for col in columns if col)
    return blocks


def _footnote_start(rows: list[_Row], body: float) -> int | None:
    """Where the small rows after a column's last body-size row begin, if there are any."""
    last_body = max((i for i, r in enumerate(rows) if r.size > _SMALL * body), default=None)
    if last_body is None or last_body + 1 >= len(rows):
        return None
    return last_body + 1


def _bands(rows: list[_Row], rules: list[float]) -> list[list[_Row]]:
    """``rows`` cut into horizontal bands at the ``rules`` drawn across the page (top to bottom)."""
    bands: list[list[_Row]] = [[]]
    cuts = iter(rules)
    cut = next(cuts, None)
    for row in rows:
        while cut is not None and row.y < cut:
            if bands[-1]:
                bands.append([])
            cut = next(cuts, None)
        bands[-1].append(row)
    return [band for band in bands if band]


def _banded_flow(page: _Page, body: float) -> list[_Block]:
    """The page's blocks in reading order, columns found in each band between rules across the page."""
    blocks: list[_Block] = []
    plain: list[_Row] = []  # consecutive bands without columns, read as one
    for band in _bands(page.rows, page.rules):
        gutters = _gutters(band, body) if page.columns else []
        if gutters:
            blocks.extend(_flow(plain, []))
            plain = []
            blocks.extend(_flow(band, gutters))
        else:
            plain.extend(band)
    blocks.extend(_flow(plain, []))
    return blocks


def _move_footnotes(blocks: list[_Block], body: float) -> list[_Block]:
    """The blocks with the footnotes at the bottom of each column moved to the end of the page.

    Footnotes are the small rows after a column's last body-size row, when the first of
    them opens with a footnote number, or when they sit no higher than a footnote that
    does on the same page (a footnote continued from the previous column).
    """
    starts = [_footnote_start(block.rows, body) for block in blocks]
    tops = [
        block.rows[start].y
        for block, start in zip(blocks, starts, strict=True)
        if start is not None and _MARKER_RE.fullmatch(block.rows[start].words[0].text)
    ]
    if not tops:
        return blocks
    zone = max(tops) + body
    main: list[_Block] = []
    notes: list[_Block] = []
    for block, start in zip(blocks, starts, strict=True):
        if start is not None and block.rows[start].y <= zone:
            main.append(_Block(block.rows[:start]))
            notes.append(_Block(block.rows[start:], footnotes=True))
        else:
            main.append(block)
    return main + notes


# --------------------------------------------------------------------------- tables


def _solid(words: list[_Word]) -> list[_Word]:
    """``words`` without dot leaders (``......`` or ``. . . .`` between a table's cells)."""
    dots = [w.text in (".", "·") for w in words]
    spaced = [dots[k] and sum(dots[max(k - 2, 0) : k + 3]) >= 3 for k in range(len(words))]  # . . . leaders
    return [w for w, leader in zip(words, spaced, strict=True) if not leader and not _LEADER_RE.fullmatch(w.text)]


def _cell_gaps(row: _Row) -> list[tuple[float, float]]:
    """The wide gaps (dot leaders count as gaps) between words of ``row`` that may separate table cells.

    Not the gap after a bullet or an item number opening the row.
    """
    gaps = []
    words = _solid(row.words)
    for k in range(1, len(words)):
        prev, word = words[k - 1], words[k]
        if word.x0 - prev.x1 >= _CELL_GAP * max(prev.size, word.size):
            if k == 1 and _LIST_MARK_RE.fullmatch(prev.text):
                continue
            gaps.append((prev.x1, word.x0))
    return gaps


def _separators(rows: list[_Row]) -> list[float]:
    """The x positions of the column separators of table ``rows``: gaps that stay empty in (nearly) all rows."""
    words = _solid([w for row in rows for w in row.words])
    if not words:
        return []
    low = min(w.x0 for w in words)
    bins = int(max(w.x1 for w in words) - low) + 1
    cover = _coverage(words, low, bins)
    size = _median([r.size for r in rows])
    separators = []
    for a, b in _runs(cover, len(rows) // 10, 0.8 * size):
        x_a, x_b = low + a, low + b
        both = sum(1 for r in rows if any(w.x1 <= x_a for w in r.words) and any(w.x0 >= x_b for w in _solid(r.words)))
        if both >= 2:
            separators.append((x_a + x_b) / 2)
    return separators


def _tables(rows: list[_Row]) -> list[tuple[int, int, list[float]]]:
    """The tables among a block's ``rows``: (first row, end row, column separators)."""
    gapped = [i for i, row in enumerate(rows) if _cell_gaps(row)]
    tables: list[tuple[int, int, list[float]]] = []
    k = 0
    while k < len(gapped):
        start = end = gapped[k]
        while k + 1 < len(gapped) and gapped[k + 1] - end <= 4 and _close(rows, end, gapped[k + 1]):
            k += 1
            end = gapped[k]
        k += 1
        if end > start:
            separators = _separators(rows[start : end + 1])
            if separators:
                tables.append((start, end + 1, separators))
    return tables


def _close(rows: list[_Row], first: int, last: int) -> bool:
    """Whether rows ``first`` to ``last`` follow each other without a wide vertical gap (one table)."""
    return all(rows[j].y - rows[j + 1].y <= 3.5 * max(rows[j].size, rows[j + 1].size) for j in range(first, last))


def _table_text(rows: list[_Row], separators: list[float]) -> str:
    """Table rows one per line, cells separated by a tab (empty cells kept, so every row has them all).

    A cell that ended in a dot leader keeps a short one (``Executive summary ...``): what follows it is a page
    reference of a table of contents, which the extractor leaves out, not a figure.
    """
    cells = (_cells(row, separators) for row in rows)
    return "\n".join("\t".join(_cell_text(cell) for cell in row) for row in cells)


def _cell_text(cell: list[_Word]) -> str:
    """The text of one table cell, with `` ...`` where its words ended in a dot leader."""
    solid = _solid(cell)
    text = _clean(_join_words(solid))
    if cell and solid and cell[-1] is not solid[-1] and text:
        return f"{text} ..."
    return text


# --------------------------------------------------------------------------- paragraphs


def _clean(text: str) -> str:
    """``text`` without soft hyphens inside it, single spaces."""
    return " ".join(text.replace("\xad", "").split())


def _ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with sentence punctuation (closing quotes or brackets allowed)."""
    return bool(_SENTENCE_END_RE.search(text))


def _starts_lower(text: str) -> bool:
    """Whether ``text`` starts with a lower-case letter."""
    return text[:1].islower()


def _indented(prev: _Row, row: _Row, nxt: _Row | None, spacing: float) -> bool:
    """Whether ``row`` is the indented first line of a paragraph (``nxt``, the row after it, is not).

    Not when ``prev`` opens a list item whose text ``row`` continues (a hanging indent).
    """
    size = max(row.size, prev.size)
    if nxt is None or row.x0 - prev.x0 <= 0.8 * size or _hangs(prev, row):
        return False
    return row.x0 - nxt.x0 > 0.8 * size and row.y - nxt.y < 2 * spacing


def _hangs(prev: _Row, row: _Row) -> bool:
    """Whether ``row`` continues the list item ``prev`` opens, aligned with its text (a hanging indent)."""
    if len(prev.words) < 2 or not _LIST_MARK_RE.fullmatch(prev.words[0].text):
        return False
    return abs(row.x0 - prev.words[1].x0) <= 0.5 * max(row.size, prev.size)


def _new_paragraph(prev: _Row, rows: list[_Row], i: int, started: bool, right: float, spacing: float) -> bool:
    """Whether row ``i`` of a block starts a paragraph after row ``prev`` (``started``: ``prev`` started one).

    ``right`` is the block's right edge, ``spacing`` its usual line spacing in font sizes.
    """
    row = rows[i]
    size = max(prev.size, row.size)
    gap, spacing = prev.y - row.y, spacing * size
    if gap > 1.45 * spacing or abs(prev.big - row.big) > 0.15 * max(prev.big, row.big):
        return True  # a wider gap, or a heading's size
    if _BULLET_RE.fullmatch(row.words[0].text):
        return True
    nxt = rows[i + 1] if i + 1 < len(rows) else None
    short = prev.x1 < right - 2.5 * size
    if _indent_break(prev, row, nxt, started, short, right, spacing / size):
        return True
    if not _FULL_STOP_RE.search(prev.text.rstrip("\xad")):
        return False
    if short or gap > 1.2 * spacing or _LABEL_RE.match(row.text):
        return True  # after a short last line or a wider gap, or before a label such as ``DATES:``
    heading = not _ends_sentence(row.text) and row.text[:1].isupper()
    return heading and i + 2 < len(rows) and _indented(row, rows[i + 1], rows[i + 2], spacing / size * row.size)


def _indent_break(
    prev: _Row, row: _Row, nxt: _Row | None, started: bool, short: bool, right: float, spacing: float
) -> bool:
    """Whether the indentation of ``row`` between ``prev`` and ``nxt`` says that a paragraph starts with it."""
    size = max(prev.size, row.size)
    if _indented(prev, row, nxt, spacing * row.size) and (short or _ends_sentence(prev.text)):
        return True  # an indented first line (a hanging indent's first line runs on)
    if row.x0 < prev.x0 - 0.8 * size and not started:
        return True  # outdented: a numbered paragraph or a new item
    item = len(row.words) > 1 and _LIST_MARK_RE.fullmatch(row.words[0].text) and prev.text[-1:] in ":;."
    if item and (abs(row.x0 - prev.x0) > 0.8 * size or short):
        return True  # an item of a list: ``a)``, ``(ii)``, ``3.``
    if not started or nxt is None or row.x0 - prev.x0 <= 0.8 * size or abs(nxt.x0 - prev.x0) > 0.5 * size:
        return False
    item = _hangs(prev, row) and bool(_LIST_MARK_RE.fullmatch(nxt.words[0].text))  # a two-line item, then the next
    runs_on = _ends_sentence(prev.text) or _ends_sentence(row.text) or item
    return not runs_on and row.x1 >= right - 2.5 * size  # a heading, then a paragraph's indented first line


def _spacing(rows: list[_Row]) -> float:
    """The usual distance between the baselines of consecutive lines of a block, in font sizes.

    The lower quartile of the distances, so that the gaps between paragraphs do not count;
    a block of one or two lines has too few to tell, so it is taken as at most 1.3.
    """
    steps = sorted(
        (rows[j].y - rows[j + 1].y) / rows[j].size
        for j in range(len(rows) - 1)
        if abs(rows[j].size - rows[j + 1].size) <= 0.15 * rows[j].size and rows[j].y > rows[j + 1].y
    )
    usual = steps[len(steps) // 4] if len(steps) >= 3 else min(steps + [1.3])
    return min(max(usual, 1.0), 2.5)


def _join_lines(lines: list[_Row]) -> str:
    """A paragraph's lines joined: soft hyphens removed before a lower-case continuation, else a space."""
    text = ""
    for line in lines:
        part = line.text
        if not text:
            text = part
        elif text.endswith("\xad"):
            acronym = _ACRONYM_END_RE.search(text[:-1] + "-")  # ``FAA-approved``: a real hyphen
            text = text[:-1] + ("" if _starts_lower(part) and not acronym else "-") + part
        elif text[-1:] in "-–/@" and len(text) > 1 and not text[-2].isspace():
            text += part
        else:
            text += " " + part
    if text.endswith("\xad"):
        text = text[:-1] + "-"  # a hyphen at the end of a column or page: the joins there decide
    return _clean(text)


def _hyphen_join(text: str, part: str) -> str | None:
    """``text`` ending with a hyphen after a letter joined to ``part`` over a column or page break, or None.

    The hyphen goes before a lower-case continuation (``interna-`` ``tional``), unless
    it follows an acronym (``FAA-approved``); it stays before a capital or a digit
    (``Soekarno-Hatta``, ``COVID-19``).
    """
    if not (text.endswith("-") and len(text) > 1 and text[-2].isalpha() and part[:1].isalnum()):
        return None
    if _starts_lower(part) and not _ACRONYM_END_RE.search(text):
        return text[:-1] + part
    return text + part


def _glue(text: str, part: str) -> str:
    """``part`` following ``text`` across a column break: a word hyphenated over it is joined."""
    joined = _hyphen_join(text, part)
    if joined is not None:
        return joined
    if text.endswith(("-", "/", "@")) and len(text) > 1 and not text[-2].isspace():
        return text + part
    return text + " " + part


def _cells(row: _Row, separators: list[float]) -> list[list[_Word]]:
    """The words of ``row`` in the columns that ``separators`` make (by each word's centre)."""
    cells: list[list[_Word]] = [[] for _ in range(len(separators) + 1)]
    for word in row.words:
        centre = (word.x0 + word.x1) / 2
        cells[sum(1 for s in separators if centre > s)].append(word)
    return cells


def _free(row: _Row, low: float, high: float, width: float) -> list[tuple[float, float]]:
    """The stretches of ``[low, high]`` that no word of ``row`` covers, at least ``width`` wide."""
    free = []
    left = low
    for word in row.words:
        if word.x0 - left >= width:
            free.append((left, word.x0))
        left = max(left, word.x1)
    if high - left >= width:
        free.append((left, high))
    return free


def _text_gutter(rows: list[_Row], gap: tuple[float, float]) -> bool:
    """Whether ``rows`` (none crossing ``gap``) are running text on both sides of it."""
    left: list[tuple[int, float, float, int]] = []
    right: list[tuple[int, float, float, int]] = []
    for row in rows:
        before = [w for w in row.words if w.x1 <= gap[0]]
        after = [w for w in row.words if w.x0 >= gap[1]]
        if before:
            left.append(_piece(before))
        if after:
            right.append(_piece(after))
    return _prose_side(left, gap[0]) and _prose_side(right, None)


def _local_gutters(rows: list[_Row], body: float) -> list[tuple[int, int, float]]:
    """Stretches of a block where two columns of text stand side by side (a text box beside the text).

    Each is (first row, end row, x of the gap): a gap that no row of the stretch
    crosses, with running text on both sides of it. Gaps are followed down the rows,
    each narrowed to what the rows leave free, until a row crosses it.
    """
    if len(rows) < 3:
        return []
    low, high = min(r.x0 for r in rows), max(r.x1 for r in rows)
    width = max(3.0, 0.8 * body)
    tracked: list[tuple[float, float, int]] = []
    found: list[tuple[int, int, float]] = []

    def close(a: float, b: float, first: int, end: int) -> None:
        while end > first and not any(w.x0 >= b for w in rows[end - 1].words):
            end -= 1  # rows under the left-hand column only belong after the text box
        if end - first >= 3 and a > low + 1 and b < high - 1 and _text_gutter(rows[first:end], (a, b)):
            found.append((first, end, (a + b) / 2))

    for i, row in enumerate([*rows, None]):
        free = _free(row, low, high, width) if row is not None else []
        kept: list[tuple[float, float, int]] = []
        for a, b, first in tracked:
            parts = [(max(a, fa), min(b, fb)) for fa, fb in free if min(b, fb) - max(a, fa) >= width]
            if not parts:
                close(a, b, first, i)
            kept.extend((x, y, first) for x, y in parts)
        tracked = []
        for a, b, first in kept + [(fa, fb, i) for fa, fb in free]:  # the oldest of equal gaps kept
            if not any(abs(a - x) <= 1 and abs(b - y) <= 1 for x, y, _ in tracked):
                tracked.append((a, b, first))
    chosen: list[tuple[int, int, float]] = []
    for first, end, x in sorted(found, key=lambda f: (f[0], f[0] - f[1], f[2])):
        if all(end <= f or first >= e for f, e, _ in chosen):
            chosen.append((first, end, x))
    return sorted(chosen)


def _regions(rows: list[_Row], body: float, nested: bool) -> dict[int, tuple[int, list[float], bool]]:
    """The tables and text boxes of a block by first row: (end row, separators, whether columns of text)."""
    regions: dict[int, tuple[int, list[float], bool]] = {}
    taken: list[tuple[int, int]] = []
    if not nested:
        for start, end, x in _local_gutters(rows, body):
            regions[start] = (end, [x], True)
            taken.append((start, end))
    for start, end, separators in _tables(rows):
        if all(end <= s or start >= e for s, e in taken):
            regions[start] = (end, separators, False)
            taken.append((start, end))
    return regions


_Unit = tuple[str, str, _Row, _Row]  # (kind, text, first row, last row); kind ``para`` or ``table``


def _column_rows(rows: list[_Row], separators: list[float]) -> list[list[_Row]]:
    """The rows of columns of text side by side, column by column."""
    columns: list[list[_Row]] = [[] for _ in range(len(separators) + 1)]
    for row in rows:
        for column, cell in zip(columns, _cells(row, separators), strict=True):
            if cell:
                column.append(_sub_row(row.y, cell))
    return [column for column in columns if column]


class _Writer:
    """A block's units as its rows come: paragraphs row by row, tables and text boxes whole."""

    def __init__(self, body: float) -> None:
        self.body = body
        self.units: list[_Unit] = []
        self.para: list[_Row] = []
        self.deferred: list[_Unit] = []  # a text box, written once the paragraph it interrupts ends

    def close(self) -> None:
        """End the paragraph in progress (and write a text box that waited for it)."""
        if self.para:
            self.units.append(("para", _join_lines(self.para), self.para[0], self.para[-1]))
            self.para = []
        self.units.extend(self.deferred)
        self.deferred = []

    def table(self, rows: list[_Row], separators: list[float]) -> None:
        """Write table ``rows``."""
        self.close()
        self.units.append(("table", _table_text(rows, separators), rows[0], rows[-1]))

    def columns(self, rows: list[_Row], separators: list[float], after: _Row | None) -> None:
        """Write columns of text side by side, one after the other.

        When the column that the row ``after`` them lines up with ends in the middle of a
        paragraph, the columns after it wait until that paragraph ends (a text box).
        """
        self.close()
        columns = _column_rows(rows, separators)
        main = -1
        if after is not None:
            main = min(range(len(columns)), key=lambda k: (abs(columns[k][0].x0 - after.x0), k))
        for k, column in enumerate(columns):
            units = _block_units(_Block(column), max(r.x1 for r in column), self.body, nested=True)
            last = units[-1]
            if k == main and k + 1 < len(columns) and last[0] == "para" and not _ends_sentence(last[1]):
                self.units.extend(units[:-1])
                self.para = column[column.index(last[2]) :]
                self.deferred = [u for c in columns[k + 1 :] for u in _block_units(_Block(c), 0.0, self.body, True)]
                return
            self.units.extend(units)


def _block_units(block: _Block, right: float, body: float, nested: bool = False) -> list[_Unit]:
    """A block as units: paragraphs (``para``) and tables (``table``), text boxes read in place."""
    rows = block.rows
    regions = _regions(rows, body, nested)
    spacing = _spacing(rows)
    out = _Writer(body)
    started = False
    i = 0
    while i < len(rows):
        if i in regions:
            end, separators, text = regions[i]
            if text:
                out.columns(rows[i:end], separators, rows[end] if end < len(rows) else None)
            else:
                out.table(rows[i:end], separators)
            started = bool(out.para)
            i = end
            continue
        if out.para and _new_paragraph(out.para[-1], rows, i, started, right, spacing):
            out.close()
        started = not out.para
        out.para.append(rows[i])
        i += 1
    out.close()
    return out.units


def _continues(prev: _Unit, unit: _Unit, full: bool) -> bool:
    """Whether a paragraph at the top of a column continues the one at the bottom of the previous column.

    It does when that one ends without a full stop and this one starts in lower case,
    or when that one's last line is ``full`` (it has more lines, and the last runs to the column's edge).
    """
    if prev[0] != "para" or unit[0] != "para" or _ends_sentence(prev[1]):
        return False
    last, first = prev[3], unit[2]
    if abs(last.size - first.size) > 0.15 * max(last.size, first.size) or _BULLET_RE.fullmatch(first.words[0].text):
        return False
    return full or _starts_lower(unit[1]) or prev[1].endswith((",", "-", "\xad"))


def _drop_margin_text(page: _Page) -> None:
    """Remove (and count) the rows standing wholly in the side margins, outside the page's text block.

    The text block runs from where the first tenth of the page's characters have started
    to where the last tenth end: a stamp or line numbers in the margin are too small to
    move it. A margin is left out only if all it holds is short (stamps, numbers, at most
    four words a row), so that a short last column of text is not mistaken for one.
    """
    if not page.rows:
        return
    total = sum(r.chars for r in page.rows)
    starts = sorted((r.x0, r.chars) for r in page.rows)
    ends = sorted(((r.x1, r.chars) for r in page.rows), reverse=True)
    left, right = _quantile(starts, 0.1 * total), _quantile(ends, 0.1 * total)
    drop: set[int] = set()
    for side in ([r for r in page.rows if r.x1 < left - r.size], [r for r in page.rows if r.x0 > right + r.size]):
        if side and all(len(r.words) <= 4 for r in side):
            drop.update(id(r) for r in side)
    if drop:
        page.rows = [r for r in page.rows if id(r) not in drop]
        page.dropped += len(drop)


def _quantile(points: list[tuple[float, int]], weight: float) -> float:
    """The first position of ``points`` (position, weight) by which ``weight`` has been passed."""
    seen = 0
    for position, count in points:
        seen += count
        if seen > weight:
            return position
    return points[-1][0]


def _page_text(page: _Page, body: float) -> str:
    """The text of one page: blocks in reading order, paragraphs separated by a blank line."""
    _drop_margin_text(page)
    blocks = _move_footnotes(_banded_flow(page, body), body)
    out: list[str] = []
    prev: _Unit | None = None
    notes = False
    edge = 0.0  # the right edge of the block the last unit is in
    for block in blocks:
        right = max(r.x1 for r in block.rows)
        for k, unit in enumerate(_block_units(block, right, body)):
            full = prev is not None and prev[2] is not prev[3] and prev[3].x1 >= edge - 2.5 * prev[3].size
            if k == 0 and prev is not None and block.footnotes == notes and _continues(prev, unit, full):
                out[-1] = _glue(out[-1], unit[1])
                prev = (prev[0], out[-1], prev[2], unit[3])
                continue
            out.append(unit[1])
            prev = unit
        notes, edge = block.footnotes, right
    return "\n\n".join(part for part in out if part)


# --------------------------------------------------------------------------- document


def _open(data: bytes, path: Path) -> pdfium.PdfDocument:
    """The PDF document of ``data``; ConversionError naming what is wrong with the file."""
    if b"%PDF-" not in data[:1024]:
        raise ConversionError(path, "is not a PDF (no %PDF- header)")
    if b"%%EOF" not in data.rstrip(b"\x00\t\n\x0c\r ")[-2048:]:
        raise ConversionError(path, "is truncated or corrupt (no %%EOF marker at its end)")
    raw = pdfium_c.FPDF_LoadMemDocument64(data, len(data), None)
    if not raw:
        code = pdfium_c.FPDF_GetLastError()
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise ConversionError(path, "is encrypted (it needs a password); decrypt it first")
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise ConversionError(path, "is encrypted with an unsupported security handler")
        reason = {pdfium_c.FPDF_ERR_FORMAT: "not a valid PDF structure", pdfium_c.FPDF_ERR_FILE: "unreadable"}
        raise ConversionError(path, f"is corrupt or truncated (PDFium: {reason.get(code, f'error {code}')})")
    doc = pdfium.PdfDocument(raw)  # closes the handle when closed; ``data`` outlives it
    if len(doc) == 0:
        doc.close()
        raise ConversionError(path, "has no pages")
    return doc


def _title(doc: pdfium.PdfDocument) -> str | None:
    """The document's Title metadata, if it reads like a title (not a file name, job code or ``Untitled``)."""
    title = " ".join(doc.get_metadata_value("Title").split())
    if not title or len(title) > 300 or _TITLE_JUNK_RE.fullmatch(title):
        return None
    words = [w for w in re.findall(r"[^\W\d_]+", title) if len(w) >= 3]
    if len(words) < 2 or ("_" in title and " " not in title):
        return None
    return title


def _published(doc: pdfium.PdfDocument) -> str | None:
    """The CreationDate metadata as an ISO date (the date as written, no time zone conversion), if plausible."""
    match = _PDF_DATE_RE.match(doc.get_metadata_value("CreationDate").strip())
    if not match or not match.group(2) or not match.group(3):
        return None
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    if not (1993 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= days[month - 1]):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _read_pages(doc: pdfium.PdfDocument, path: Path) -> list[_Page]:
    """Pass one over every page of ``doc``; ConversionError naming a page PDFium cannot load."""
    pages = []
    for index in range(len(doc)):
        try:
            page = doc[index]
        except pdfium.PdfiumError:
            raise ConversionError(path, f"is corrupt: page {index + 1} cannot be read") from None
        try:
            pages.append(_read_page(page))
        except pdfium.PdfiumError:
            raise ConversionError(path, f"is corrupt: the text of page {index + 1} cannot be read") from None
        finally:
            page.close()
    return pages


def _body_size(pages: list[_Page]) -> float:
    """The font size most of the document's characters have (its body text)."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for row in page.rows:
            for word in row.words:
                sizes[round(word.size * 2) / 2] += len(word.text)
    return max(sizes, key=lambda s: (sizes[s], -s)) if sizes else 10.0


def _join_page(text: str, page: str) -> tuple[str, str]:
    """``text`` (the pages so far) and what goes between it and the next page's ``page``.

    A blank line, but a space where a sentence runs over the break (the last paragraph
    ends with no full stop, the next page starts in lower case), nothing where a word does.
    """
    tail = text.rsplit("\n\n", 1)[-1]
    joined = _hyphen_join(tail, page[:1])
    if joined is not None and "\t" not in tail:
        return text[: len(text) - len(tail)] + joined[:-1], ""
    if "\t" not in tail and not _ends_sentence(tail) and _starts_lower(page):
        return text, " "
    return text, "\n\n"


def pdf_text(data: bytes, path: Path) -> ConvertedText:
    """The text of the PDF ``data`` (the file ``path``), read in page order with its page map and metadata.

    Deterministic: the same bytes give the same text. Raises ConversionError for
    an encrypted, corrupt, truncated or empty file, or one with no text layer.
    """
    with _LOCK:
        doc = _open(data, path)
        try:
            pages = _read_pages(doc, path)
            title, published = _title(doc), _published(doc)
        finally:
            doc.close()
    _drop_furniture(pages)
    body = _body_size(pages)
    text = ""
    starts: list[int] = []
    empty: list[int] = []
    for number, page in enumerate(pages, 1):
        page_text = _page_text(page, body) if page.rows else ""
        if not page_text:
            empty.append(number)
            starts.append(-1)  # an empty page starts where the next page with text does
            continue
        text, separator = _join_page(text, page_text) if text else ("", "")
        text += separator
        starts = [len(text) if start < 0 else start for start in starts] + [len(text)]
        text += page_text
    starts = [len(text) if start < 0 else start for start in starts]
    if not text.strip():
        raise ConversionError(path, "has no text layer (a scanned document?); OCR it first")
    return ConvertedText(
        text=text,
        format="pdf",
        converter=CONVERTER,
        page_starts=tuple(starts),
        title=title,
        published=published,
        replacement_chars=text.count(REPLACEMENT),
        dropped_lines=sum(page.dropped for page in pages),
        empty_pages=tuple(empty),
    )
