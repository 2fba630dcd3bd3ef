"""Documents in their own formats turned into the text the pipeline reads: PDF, HTML, Markdown, plain text.

``convert(path, data)`` picks the converter from the file's extension, after
checking that the bytes are what the extension says (PDF bytes named
``.txt`` are refused). Each converter is a pure function of the bytes;
``converter_name(suffix)`` names the converter and its version without
converting anything, so that stored text can be reused while both the file
and the converter are unchanged.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.convert.model import REPLACEMENT, ConversionError, ConvertedText
from pipeline.convert.sniff import check_content_matches

__all__ = [
    "FORMATS",
    "REPLACEMENT",
    "SUFFIXES",
    "ConversionError",
    "ConvertedText",
    "convert",
    "converter_name",
]

#: File extension → format name.
FORMATS: dict[str, str] = {".txt": "text", ".md": "markdown", ".pdf": "pdf", ".html": "html", ".htm": "html"}
SUFFIXES: tuple[str, ...] = tuple(FORMATS)


def converter_name(suffix: str) -> str:
    """Name and version of the converter for files ending in ``suffix`` (as ``ConvertedText.converter`` says)."""
    fmt = FORMATS[suffix.lower()]
    if fmt == "pdf":
        from pipeline.convert.pdf import CONVERTER as PDF_CONVERTER

        return PDF_CONVERTER
    if fmt == "html":
        from pipeline.convert.html import CONVERTER as HTML_CONVERTER

        return HTML_CONVERTER
    from pipeline.convert.plain import CONVERTER as PLAIN_CONVERTER

    return PLAIN_CONVERTER


def convert(path: Path, data: bytes) -> ConvertedText:
    """The text of the document ``path`` whose bytes are ``data``; ConversionError naming the file if unusable."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ConversionError(path, f"a document must be a {', '.join(SUFFIXES)} file, not {path.suffix or 'none'!r}")
    fmt = FORMATS[suffix]
    check_content_matches(path, data, fmt)
    if fmt == "pdf":
        from pipeline.convert.pdf import pdf_text

        return pdf_text(data, path)
    if fmt == "html":
        from pipeline.convert.html import html_text

        return html_text(data, path)
    from pipeline.convert.plain import plain_text

    return plain_text(data, path, fmt)
