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
    return ConvertedText(text=text, format=fmt, converter=CONVERTER, title=first_line_title(text, fmt))


def first_line_title(text: str, fmt: str) -> str | None:
    """The title a plain text proposes: its first non-empty line (a Markdown heading without its ``#``), if it is
    short enough to be a title (at most 200 characters) and does not end like a sentence of the body."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if fmt == "markdown":
            line = line.lstrip("#").strip()
        if 0 < len(line) <= 200 and not line.endswith((",", ";", ":")):
            return line
        return None
    return None
