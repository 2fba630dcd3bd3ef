"""What a converter gives back: a document's text, its pages, and what the conversion saw.

Every converter (``pdf``, ``html``, ``plain``) is a pure function from the
file's bytes to a ``ConvertedText``; offsets of mentions index ``text``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from pipeline.common.errors import InputError

#: The character written for a glyph the file maps to no Unicode character (never dropped silently).
REPLACEMENT = "\ufffd"


class ConversionError(InputError):
    """A file cannot be turned into text (encrypted, corrupt, no text layer, no main content...)."""


@dataclass(frozen=True, slots=True)
class ConvertedText:
    """A document's text as the pipeline reads it, with its page map and what the converter found.

    ``text`` has ``\\n`` line ends. ``page_starts[i]`` is the offset in ``text``
    where page ``i + 1`` begins (``page_starts[0] == 0``); it is empty for
    formats without pages (HTML, plain text).
    """

    text: str
    format: str  # pdf, html, markdown, text
    converter: str  # name and version, e.g. "pypdfium2 5.15.2 (PDFium 7350)", "trafilatura 2.3.1", "utf-8"
    page_starts: tuple[int, ...] = ()
    title: str | None = None  # from the file's metadata, to propose in add-source
    published: str | None = None  # ISO 8601 date from the file's metadata, to propose in add-source
    replacement_chars: int = 0  # U+FFFD written for glyphs without a Unicode mapping
    dropped_lines: int = 0  # running headers and footers, page numbers, watermarks left out
    empty_pages: tuple[int, ...] = ()  # 1-based numbers of pages without a text layer (scans)

    @property
    def n_pages(self) -> int | None:
        """Number of pages, or None for a format without pages."""
        return len(self.page_starts) or None

    def page_of(self, offset: int) -> int | None:
        """The 1-based page holding character ``offset``, or None for a format without pages."""
        if not self.page_starts:
            return None
        return bisect.bisect_right(self.page_starts, offset)


def code_mark(module_file: str) -> str:
    """The first 8 hex digits of the SHA-256 of a converter's own source file: named in its ``converter`` string,
    so that a change of how the project lays text out counts as a new converter version (and the drift check
    sees it), not only an upgrade of the library."""
    import hashlib
    from pathlib import Path

    return hashlib.sha256(Path(module_file).read_bytes()).hexdigest()[:8]
