"""Web pages (press releases, news articles): the article's main text, its title and publication date.

trafilatura finds the main content and drops navigation, cookie banners, share
buttons, related links and footers; htmldate (through trafilatura) finds the
date. The bytes are decoded here, not by trafilatura's guesser, so that a page
decodes the same way every time or is refused with a clear message. The text is
written from trafilatura's XML tree rather than its ``txt`` output, to control
the layout the extractor reads: a blank line between paragraphs (headings are
paragraphs), one line per list item, one line per table row with tab-separated
cells, ``\\n`` line ends, no markup, entities decoded once, every run of white
space (``&nbsp;`` included) one space.

The output depends on the bytes only: htmldate's latest plausible date is fixed
(not today) and trafilatura's order-dependent deduplication cache is off.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.convert.model import REPLACEMENT, ConversionError, ConvertedText

if TYPE_CHECKING:
    from lxml.etree import _Element

CONVERTER = f"trafilatura {version('trafilatura')}"

#: htmldate rejects dates after this one; its default is today, which makes the result depend on the clock.
MAX_DATE = "2099-12-31"

#: Where a charset may be declared: the start of the file (browsers look at the first 1024 bytes; be lenient).
_PRESCAN = 65_536
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_XML_DECL_RE = re.compile(rb"""\A\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']\s*([^"'\s]+)""", re.IGNORECASE)
_META_CHARSET_RE = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([^\s"'/;>]+)""", re.IGNORECASE)
_XML_DECL_TEXT_RE = re.compile(r"\A\s*<\?xml\b[^>]*>")
#: Labels that browsers (WHATWG Encoding) read as a superset, so pages decode as they display.
_WHATWG_LABELS = {
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gbk",
    "gb_2312-80": "gbk",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "big5": "big5hkscs",
    "shift_jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
}

#: Elements of trafilatura's tree that make their own paragraph(s); the others (hi, ref, del...) are inline.
_BLOCKS = frozenset({"p", "head", "quote", "div", "item", "code", "pre", "list", "table", "row", "cell"})
#: Written for a line break inside a paragraph while its white space is normalised (never in an XML tree).
_BREAK = "\x00"
#: Invisible characters that only split words or numbers: soft hyphen, zero-width space, word joiner, BOM.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))
#: The longest last paragraph ending in ":" that is dropped as the lead-in to related links left out.
_LEAD_IN_MAX = 80
_WORD_RE = re.compile(r"\w+")
#: Page chrome: the elements whose words alone do not make main content.
_CHROME = "//a|//nav|//header|//footer|//menu|//button|//select|//*[@role='navigation' or @role='contentinfo']"
#: Cookie and consent banners, by their id or class; at most this many characters (larger is a page wrapper).
_BANNER = (
    "//*[self::div or self::section or self::aside or self::dialog or self::form or self::p]"
    "[re:test(@id, 'cookie|consent|gdpr', 'i') or re:test(@class, 'cookie|consent|gdpr', 'i')]"
)
_BANNER_MAX = 2000
_ISO_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def html_text(data: bytes, path: Path) -> ConvertedText:
    """The main text of the web page whose bytes are ``data``, with its title and publication date.

    Raises ConversionError naming ``path`` when the bytes cannot be decoded (undeclared non-UTF-8,
    unknown charset) or when the page has no main content (only navigation, or an empty body).
    """
    from trafilatura import bare_extraction, load_html

    html = _XML_DECL_TEXT_RE.sub("", decode_html(data, path), count=1)
    tree = load_html(html) if html.strip() else None
    if tree is not None:
        _drop_banners(tree)
    document = bare_extraction(tree, options=_extractor()) if tree is not None else None
    text = _render(document.body) if document is not None and document.body is not None else ""
    if not text or _only_navigation(text, tree):
        raise ConversionError(path, "has no main content (only navigation, links or boilerplate, or an empty body)")
    title = " ".join((document.title or "").translate(_INVISIBLE).split()) or None
    date = document.date if document.date and _ISO_DAY_RE.fullmatch(document.date) else None
    return ConvertedText(
        text=text,
        format="html",
        converter=CONVERTER,
        title=title,
        published=date,
        replacement_chars=text.count(REPLACEMENT),
    )


def decode_html(data: bytes, path: Path) -> str:
    """``data`` as text: by its byte order mark, else its declared charset (XML declaration, ``<meta>``), else UTF-8.

    An undeclared page must be UTF-8 (no guessing: a guess can change with the guesser's version). Bytes
    invalid in a declared charset become U+FFFD, as a browser shows them, and are counted in the result.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    label = declared_charset(data)
    if label is None:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ConversionError(
                path,
                f"is not UTF-8 and declares no charset (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                'declare it with <meta charset="..."> or save the page as UTF-8',
            ) from exc
    return data.decode(_codec(label, path), errors="replace")


def declared_charset(data: bytes) -> str | None:
    """The charset label the page declares in its XML declaration or first ``<meta ... charset=...>``, if any."""
    head = data[:_PRESCAN]
    match = _XML_DECL_RE.match(head) or _META_CHARSET_RE.search(head)
    return match[1].decode("ascii", errors="replace").strip().lower() if match else None


def _codec(label: str, path: Path) -> str:
    """Python's codec for the charset ``label``; a label naming no text encoding is refused."""
    label = _WHATWG_LABELS.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise ConversionError(path, f"declares an unknown charset {label!r}; declare a known one or save it as UTF-8")
    if info.name.startswith(("utf-16", "utf-32")):
        return "utf-8"  # without a BOM, browsers read such a declaration as UTF-8 (the bytes were ASCII-compatible)
    return info.name


@lru_cache(maxsize=1)
def _chrome_xpath() -> Any:
    """The compiled XPath of page chrome (lxml imported when first needed)."""
    from lxml.etree import XPath

    return XPath(_CHROME)


@lru_cache(maxsize=1)
def _banner_xpath() -> Any:
    """The compiled XPath of cookie and consent banners."""
    from lxml.etree import XPath

    return XPath(_BANNER, namespaces={"re": "http://exslt.org/regular-expressions"})


@lru_cache(maxsize=1)
def _extractor() -> Any:
    """trafilatura's options: main text with tables, no comments, links or images, no deduplication, fixed dates."""
    from trafilatura.settings import Extractor

    return Extractor(
        output_format="python",
        comments=False,
        tables=True,
        links=False,
        images=False,
        formatting=False,
        dedup=False,
        with_metadata=True,
        date_params={"original_date": True, "extensive_search": True, "max_date": MAX_DATE},
    )


def _drop_banners(tree: _Element) -> None:
    """Remove cookie and consent banners, which trafilatura's fallback (whole-page text) would keep.

    Only small elements go, so that a page wrapper whose class merely mentions cookies stays.
    """
    for element in _banner_xpath()(tree):
        if len(element.text_content()) <= _BANNER_MAX and not element.xpath(".//article|.//main"):
            element.drop_tree()


def _only_navigation(text: str, tree: _Element) -> bool:
    """Whether every word of ``text`` is a word of the page's links, menus, header or footer.

    trafilatura falls back to the whole page's text when it finds no article; on a page that is only
    navigation, that text is the menu, which is no content to read figures from.
    """
    words = set(_WORD_RE.findall(text.casefold()))
    chrome: set[str] = set()
    for element in _chrome_xpath()(tree):
        chrome.update(_WORD_RE.findall(element.text_content().casefold()))
        if words <= chrome:
            return True
    return False


def _render(body: _Element) -> str:
    """trafilatura's XML tree as text: blocks separated by a blank line."""
    blocks: list[str] = []
    _flow(body, blocks)
    while blocks and _is_lead_in(blocks[-1]):
        blocks.pop()  # "Read more:" whose related links were left out
    return "\n\n".join(blocks)


def _is_lead_in(block: str) -> bool:
    """Whether ``block`` is one short line ending in a colon: at the end of the text, it introduces nothing."""
    return len(block) <= _LEAD_IN_MAX and "\n" not in block and block.endswith(":")


def _flow(element: _Element, blocks: list[str]) -> None:
    """Append to ``blocks`` the blocks of ``element``: its loose text and inline children make paragraphs."""
    if element.tag == "list":
        _add(blocks, "\n".join(_list_lines(element)))
        return
    if element.tag == "table":
        _add(blocks, "\n".join(_table_lines(element)))
        return
    if element.tag in ("code", "pre"):
        _add(blocks, "\n".join(_code_lines(element)))
        return
    run = [element.text or ""]
    for child in element:
        if child.tag in _BLOCKS:
            _add(blocks, _paragraph("".join(run)))
            _flow(child, blocks)
            run = []
        else:
            run.append(_inline(child, _BREAK))
        run.append(child.tail or "")
    _add(blocks, _paragraph("".join(run)))


def _add(blocks: list[str], block: str) -> None:
    """Append ``block`` unless it is empty."""
    if block:
        blocks.append(block)


def _inline(element: _Element, brk: str) -> str:
    """The text of ``element`` and its descendants (not its tail); a line break or nested block becomes ``brk``."""
    if element.tag == "lb":
        return brk
    parts = [element.text or ""]
    for child in element:
        inner = _inline(child, brk)
        parts.append(f"{brk}{inner}{brk}" if child.tag in _BLOCKS else inner)
        parts.append(child.tail or "")
    return "".join(parts)


def _paragraph(raw: str) -> str:
    """``raw`` with each run of white space one space and its line breaks kept; empty lines dropped."""
    lines = (" ".join(line.translate(_INVISIBLE).split()) for line in raw.split(_BREAK))
    return "\n".join(line for line in lines if line)


def _list_lines(element: _Element) -> list[str]:
    """One line per list item (no marker); a nested list's items follow their parent's line."""
    lines: list[str] = []
    for item in element:
        blocks: list[str] = []
        _flow(item, blocks)
        lines.extend(line for block in blocks for line in block.split("\n") if line)
    if element.text and element.text.strip():
        lines.insert(0, _paragraph(element.text))
    return lines


def _table_lines(element: _Element) -> list[str]:
    """One line per table row, cells separated by a tab (a cell's own text on one line); empty rows dropped."""
    lines: list[str] = []
    for row in element.iter("row"):
        if _enclosing_table(row) is not element:
            continue  # a nested table's rows are part of its cell's text
        cells = [" ".join(_inline(cell, " ").translate(_INVISIBLE).split()) for cell in row.findall("cell")]
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def _enclosing_table(row: _Element) -> _Element | None:
    """The nearest ``table`` holding ``row``."""
    parent = row.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _code_lines(element: _Element) -> list[str]:
    """A code or preformatted block line by line, its spacing kept (an aligned table stays aligned)."""
    raw = _inline(element, "\n").translate(_INVISIBLE).replace("\r\n", "\n").replace("\r", "\n")
    return [line.rstrip() for line in raw.split("\n") if line.strip()]
