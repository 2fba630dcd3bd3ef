"""Whether a file's bytes are what its extension says: PDF bytes named ``.txt`` are refused, and so on."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.convert.model import ConversionError

_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.IGNORECASE | re.DOTALL
)
#: Magic numbers of formats that are never documents of ours, to name them in the error.
_MAGIC = {
    b"%PDF-": "a PDF",
    b"PK\x03\x04": "a ZIP archive (or a Word or OpenDocument file)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Office file",
}


def looks_like(data: bytes) -> str | None:
    """What the first bytes of ``data`` say it is (``a PDF``, ``an HTML page``...), or None for text."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf")
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            return what
    if _HTML_START.match(head):
        return "an HTML page"
    return None


def check_content_matches(path: Path, data: bytes, fmt: str) -> None:
    """Raise ConversionError when ``data`` is plainly not a ``fmt`` file (its extension lies)."""
    found = looks_like(data)
    expected = {"pdf": "a PDF", "html": "an HTML page"}.get(fmt)
    if fmt == "pdf" and found != "a PDF":
        raise ConversionError(path, f"is named .pdf but its bytes are {found or 'not a PDF'} (no %PDF- header)")
    if fmt in ("text", "markdown") and found is not None and found != expected:
        raise ConversionError(path, f"is named {path.suffix} but its bytes are {found}; give it the right extension")
    if fmt == "html" and found not in (None, "an HTML page"):
        raise ConversionError(path, f"is named {path.suffix} but its bytes are {found}")
