"""Plain text and Markdown: the file's UTF-8 content, unchanged, so that offsets index the file itself."""

from __future__ import annotations

from pathlib import Path

from pipeline.convert.model import ConversionError, ConvertedText

CONVERTER = "utf-8"


def plain_text(data: bytes, path: Path, fmt: str = "text") -> ConvertedText:
    """The text of a ``.txt`` or ``.md`` file: not empty or only white space, UTF-8, no NUL character."""
    if not data.strip():
        raise ConversionError(path, "file is empty" if not data else "file holds only white space")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConversionError(path, f"not valid UTF-8 (byte {exc.start}: {exc.reason})") from exc
    if "\x00" in text:
        raise ConversionError(path, f"holds a NUL character at offset {text.index(chr(0))}: not a text document")
    return ConvertedText(text=text, format=fmt, converter=CONVERTER)
