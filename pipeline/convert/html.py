"""Web pages (press releases, news articles): the article's main text, its title and publication date.

trafilatura finds the main content and drops share buttons, bylines and the like;
menus, footers, asides, cookie banners and the site's header are removed before
it reads the page, because its fallback for a short article is the whole page's
text. Title and date come from trafilatura's metadata and htmldate, read on the
whole page. The bytes are decoded here, not by trafilatura's guesser, so that a
page decodes the same way every time or is refused with a clear message. The
text is written from trafilatura's XML tree rather than its ``txt`` output, to
control the layout the extractor reads: a blank line between paragraphs
(headings are paragraphs), one line per list item, one line per table row with
tab-separated cells, ``\\n`` line ends, no markup, entities decoded once, every
run of white space (``&nbsp;`` included) one space.

The output depends on the bytes only: htmldate's latest plausible date is fixed
(not today) and trafilatura's order-dependent deduplication cache is off.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.convert.model import REPLACEMENT, ConversionError, ConvertedText, code_mark

if TYPE_CHECKING:
    from lxml.etree import XPath, _Element
    from trafilatura.settings import Extractor

CONVERTER = f"trafilatura {version('trafilatura')} (layout {code_mark(__file__)})"

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
#: Links and controls: a text made only of their words is navigation, not main content.
_LINKS = "//a|//button|//select|//label"
#: Page chrome left out before extraction (trafilatura's fallbacks, which read the whole page, would keep it):
#: menus, footers, asides, cookie and consent banners, the site's header (an article's header, with the
#: article's heading, stays). An element holding an article, the main content or a top heading is a
#: mislabelled wrapper, and stays.
_CHROME = (
    "(//nav|//menu|//footer|//aside|//header[not(ancestor::article or ancestor::main)]"
    "|//*[@role='navigation' or @role='contentinfo' or @role='complementary' or @role='banner']"
    "|//*[self::div or self::section or self::dialog or self::form or self::p]"
    "[re:test(@id, 'cookie|consent|gdpr', 'i') or re:test(@class, 'cookie|consent|gdpr', 'i')])"
    "[not(.//article or .//main or .//h1)]"
)
#: Chrome holding more text than this is a page wrapper with a misleading name, and stays.
_CHROME_MAX = 5000
#: htmldate's settings: markup first (meta tags, ``<time>``, structured data); free text only when that finds none.
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": MAX_DATE}
_ISO_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def html_text(data: bytes, path: Path) -> ConvertedText:
    """The main text of the web page whose bytes are ``data``, with its title and publication date.

    Raises ConversionError naming ``path`` when the bytes cannot be decoded (undeclared non-UTF-8,
    unknown charset) or when the page has no main content (only navigation, or an empty body).
    """
    from trafilatura import bare_extraction, extract_metadata, load_html

    html = _XML_DECL_TEXT_RE.sub("", decode_html(data, path), count=1)
    tree = load_html(html) if html.strip() else None
    if tree is None:
        raise ConversionError(path, "has no main content (an empty page, or no HTML)")
    meta = extract_metadata(tree, None, dict(_DATE_PARAMS))  # before the chrome goes: a date may be in a footer
    published = _published(meta.date, tree, meta.url)
    _drop_chrome(tree)
    _keep_preformatted_lines(tree)
    document = bare_extraction(tree, options=_extractor())
    text = _render(document.body) if document is not None and document.body is not None else ""
    if not text or _only_links(text, tree):
        raise ConversionError(path, "has no main content (only navigation, links or boilerplate, or an empty body)")
    title = " ".join((meta.title or "").translate(_INVISIBLE).split()) or None
    return ConvertedText(
        text=text,
        format="html",
        converter=CONVERTER,
        title=title,
        published=published,
        replacement_chars=text.count(REPLACEMENT),
    )


def _published(found: str | None, tree: _Element, url: str | None) -> str | None:
    """The publication day: as the page's markup gives it, else as htmldate's search of its text finds it.

    A 1 January from the text search is dropped: it is what htmldate makes of a bare year ("© 2023",
    "in 2022"), not a day the page states.
    """
    if not found:
        from htmldate import find_date

        found = find_date(tree, **{**_DATE_PARAMS, "extensive_search": True, "url": url})
        if found and found.endswith("-01-01"):
            found = None
    return found if found and _ISO_DAY_RE.fullmatch(found) else None


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
def _xpaths() -> tuple[XPath, XPath]:
    """The compiled XPaths of links and page chrome (lxml imported when first needed)."""
    from lxml import etree

    return etree.XPath(_LINKS), etree.XPath(_CHROME, namespaces={"re": "http://exslt.org/regular-expressions"})


@lru_cache(maxsize=1)
def _extractor() -> Extractor:
    """trafilatura's options: main text with tables; no comments, links, images or deduplication."""
    from trafilatura import settings

    return settings.Extractor(
        output_format="python",
        comments=False,
        tables=True,
        links=False,
        images=False,
        formatting=False,
        dedup=False,
        with_metadata=False,  # read by extract_metadata from the whole page
        date_params=dict(_DATE_PARAMS),
    )


def _drop_chrome(tree: _Element) -> None:
    """Remove the page's chrome (``_CHROME``) from ``tree``.

    trafilatura leaves it out of an article it finds, but when the article is short (under 250 characters)
    it falls back to the whole page's text, menus included.
    """
    for element in _xpaths()[1](tree):
        if element.getparent() is not None and len(element.text_content()) <= _CHROME_MAX:
            element.drop_tree()  # one inside an element already removed goes from that detached copy: harmless


def _keep_preformatted_lines(tree: _Element) -> None:
    """Write the line ends of ``<pre>`` blocks as ``<br>``: trafilatura keeps a ``<br>``, not a line end."""
    from lxml.html import Element

    for pre in list(tree.iter("pre")):
        for node in list(pre.iter()):
            if node.text and "\n" in node.text:
                node.text, *lines = node.text.split("\n")
                for at, line in enumerate(lines):
                    node.insert(at, _br(Element, line))
            if node is not pre and node.tail and "\n" in node.tail:
                node.tail, *lines = node.tail.split("\n")
                parent, start = node.getparent(), node.getparent().index(node) + 1
                for at, line in enumerate(lines, start):
                    parent.insert(at, _br(Element, line))


def _br(make: Callable[[str], _Element], tail: str) -> _Element:
    """A new ``<br>`` (made by ``make``) followed by ``tail``."""
    br = make("br")
    br.tail = tail
    return br


def _only_links(text: str, tree: _Element) -> bool:
    """Whether every word of ``text`` is a word of the page's links and controls (a menu, a list of links)."""
    words = set(_WORD_RE.findall(text.casefold()))
    linked: set[str] = set()
    for element in _xpaths()[0](tree):
        linked.update(_WORD_RE.findall(element.text_content().casefold()))
        if words <= linked:
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
    if not isinstance(element.tag, str):
        return ""  # a comment or processing instruction
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
