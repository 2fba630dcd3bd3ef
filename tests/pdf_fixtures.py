"""PDF files the PDF converter's tests and benchmark make for themselves (reportlab, or bytes written by hand).

Every file is reproducible: reportlab writes it with ``invariant=True`` (fixed
dates and ids), so the same fixture gives the same bytes on every run.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen.canvas import Canvas

FONT, SIZE, LEADING = "Helvetica", 11, 14
LEFT, TOP = 72, 770  # left margin and first baseline of the text block on an A4 page
WIDTH = A4[0] - 2 * LEFT  # width of the text block

Page = Callable[[Canvas], None]


def write_pdf(path: Path, pages: Sequence[Page], title: str | None = None, **options: object) -> Path:
    """Write a PDF to ``path`` with one page per function in ``pages`` (each draws on the canvas)."""
    sheet = Canvas(str(path), pagesize=A4, invariant=True, **options)
    if title:
        sheet.setTitle(title)
    for draw in pages:
        draw(sheet)
        sheet.showPage()
    sheet.save()
    return path


def lines(text: str, width: float = WIDTH, size: float = SIZE) -> list[str]:
    """``text`` broken into lines that fit ``width`` points in Helvetica of ``size``."""
    return simpleSplit(text, FONT, size, width)


def draw_lines(sheet: Canvas, rows: Sequence[str], x: float = LEFT, y: float = TOP, size: float = SIZE) -> float:
    """Draw ``rows`` one under the other from baseline ``y``; return the baseline after the last one."""
    sheet.setFont(FONT, size)
    for row in rows:
        sheet.drawString(x, y, row)
        y -= size * LEADING / SIZE
    return y


def text_page(*paragraphs: str) -> Page:
    """A page of ``paragraphs`` in one column, a blank line between them."""

    def draw(sheet: Canvas) -> None:
        y = TOP
        for paragraph in paragraphs:
            y = draw_lines(sheet, lines(paragraph), y=y) - LEADING

    return draw


def image_page(sheet: Canvas) -> None:
    """A page with a picture and no text at all (what a scan looks like)."""
    picture = Image.new("RGB", (60, 40), (200, 30, 30))
    sheet.drawImage(ImageReader(picture), LEFT, 500, width=300, height=200)


def assemble(objects: Sequence[bytes]) -> bytes:
    """A PDF file of ``objects`` (object 1 the catalogue), with a correct cross-reference table and trailer."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    start = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start))
    return out.getvalue()


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    """A compressed PDF stream object body holding ``content``."""
    data = zlib.compress(content)
    return b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def unmapped_glyph_pdf() -> bytes:
    """A one-page PDF reading ``Change: −0.229`` whose minus sign is drawn by a Type 3 glyph with no Unicode.

    The Type 3 font has no ToUnicode map and names its glyph ``/g1`` (no standard
    glyph name), so no character is known for it; the rest is in Helvetica.
    """
    minus = b"500 0 d0 0 220 m 500 220 l 500 280 l 0 280 l f"  # a bar, 500 units wide
    content = (
        b"BT /F1 12 Tf 72 700 Td (Change: ) Tj ET\n"
        b"BT /F2 12 Tf 120.0 700 Td (\\001) Tj ET\n"
        b"BT /F1 12 Tf 126.5 700 Td (0.229) Tj ET\n"
    )
    return assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
            _stream(content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 500] /FontMatrix [0.001 0 0 0.001 0 0]"
            b" /FirstChar 1 /LastChar 1 /Widths [500] /Encoding << /Type /Encoding /Differences [1 /g1] >>"
            b" /CharProcs << /g1 7 0 R >> /Resources << >> >>",
            _stream(minus),
        ]
    )


def no_pages_pdf() -> bytes:
    """A well-formed PDF whose page tree holds no page."""
    return assemble([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])
