"""The PDF converter reads a page as a person does and says plainly when it cannot.

Each test writes its own PDF (reportlab, or a few objects by hand) and checks the
text or one property of what ``pdf_text`` gives back.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from pipeline.convert.model import REPLACEMENT, ConversionError, ConvertedText
from pipeline.convert.pdf import CONVERTER, pdf_text
from pipeline.extraction import extract
from tests.pdf_fixtures import (
    FONT,
    LEADING,
    LEFT,
    SIZE,
    TOP,
    WIDTH,
    Page,
    draw_lines,
    image_page,
    lines,
    no_pages_pdf,
    text_page,
    unmapped_glyph_pdf,
    write_pdf,
)

ROOT = Path(__file__).resolve().parents[1]

LEFT_COLUMN = (
    "Arrivals by sea fell sharply in the first half of the year, as departures from the central coast were "
    "disrupted by storms and by new patrols along the shore. Most of those who still crossed were young men "
    "travelling alone, and fewer families made the journey than in any year since records began."
)
RIGHT_COLUMN = (
    "Applications for asylum rose at the same time in the northern countries, where processing queues grew "
    "longer every month. Officials there expect the backlog to last until the end of next year, even with "
    "the extra staff hired in the spring to decide the oldest cases first."
)


def convert(path: Path) -> ConvertedText:
    """The converted text of the PDF at ``path``."""
    return pdf_text(path.read_bytes(), path)


def two_columns(sheet: Canvas) -> None:
    """A full-width title over two columns, drawn row by row across both columns (the file's order interleaves)."""
    sheet.setFont(FONT, 16)
    sheet.drawString(LEFT, TOP, "Mixed migration in the region")
    width = (WIDTH - 24) / 2
    left, right = lines(LEFT_COLUMN, width), lines(RIGHT_COLUMN, width)
    sheet.setFont(FONT, SIZE)
    for k in range(max(len(left), len(right))):
        y = TOP - 40 - k * LEADING
        if k < len(left):
            sheet.drawString(LEFT, y, left[k])
        if k < len(right):
            sheet.drawString(LEFT + width + 24, y, right[k])


def test_two_columns_are_read_column_by_column_under_their_title(tmp_path: Path) -> None:
    result = convert(write_pdf(tmp_path / "columns.pdf", [two_columns]))
    assert result.text == f"Mixed migration in the region\n\n{LEFT_COLUMN}\n\n{RIGHT_COLUMN}"


def report_page(number: int, body: str) -> Page:
    """A page with a running header, a body paragraph and a footer with the page number."""

    def draw(sheet: Canvas) -> None:
        sheet.setFont(FONT, 9)
        sheet.drawString(LEFT, 800, "Regional Migration Outlook 2024")
        sheet.drawRightString(LEFT + WIDTH, 800, "UNHCR")
        draw_lines(sheet, lines(body))
        sheet.setFont(FONT, 9)
        sheet.drawCentredString(297, 40, f"Page {number} of 3")

    return draw


def test_running_headers_footers_and_page_numbers_are_left_out_and_counted(tmp_path: Path) -> None:
    bodies = [
        "The first chapter describes the routes taken by people on the move.",
        "The second chapter counts the arrivals recorded at each border post.",
        "The third chapter sets out what the governments of the region agreed.",
    ]
    pages = [report_page(k, body) for k, body in enumerate(bodies, start=1)]
    result = convert(write_pdf(tmp_path / "report.pdf", pages))
    assert result.text == "\n\n".join(bodies)
    assert result.dropped_lines == 6  # a header and a footer on each of the three pages


def test_a_watermark_written_up_the_margin_is_left_out_and_counted(tmp_path: Path) -> None:
    def page(sheet: Canvas) -> None:
        draw_lines(sheet, ["In 2023, 12,400 people applied for asylum."])
        sheet.saveState()
        sheet.translate(560, 300)
        sheet.rotate(90)
        sheet.setFont(FONT, 8)
        sheet.drawString(0, 0, "Downloaded from https://example.org on 11 May 2022")
        sheet.restoreState()

    result = convert(write_pdf(tmp_path / "watermark.pdf", [page]))
    assert (result.text, result.dropped_lines) == ("In 2023, 12,400 people applied for asylum.", 1)


def test_a_stamp_standing_in_the_side_margin_is_left_out_and_counted(tmp_path: Path) -> None:
    def page(sheet: Canvas) -> None:
        draw_lines(sheet, lines(LEFT_COLUMN))
        sheet.setFont(FONT, 8)
        sheet.drawString(LEFT + WIDTH + 20, TOP - 20, "DRAFT 3")

    result = convert(write_pdf(tmp_path / "stamp.pdf", [page]))
    assert (result.text, result.dropped_lines) == (LEFT_COLUMN, 1)


def test_a_page_whose_text_all_runs_up_the_page_is_read_in_its_own_direction(tmp_path: Path) -> None:
    def page(sheet: Canvas) -> None:
        sheet.saveState()
        sheet.translate(100, 50)
        sheet.rotate(90)  # a landscape page set on a portrait one
        for k, row in enumerate(lines(LEFT_COLUMN, 600)):
            sheet.setFont(FONT, SIZE)
            sheet.drawString(0, -k * LEADING, row)
        sheet.restoreState()

    result = convert(write_pdf(tmp_path / "turned.pdf", [page]))
    assert (result.text, result.dropped_lines) == (LEFT_COLUMN, 0)


def test_a_footnote_marker_after_a_year_is_left_out_not_glued_to_it(tmp_path: Path) -> None:
    def page(sheet: Canvas) -> None:
        text = sheet.beginText(LEFT, TOP)
        text.setFont(FONT, SIZE)
        text.textOut("Arrivals peaked in 2016")
        text.setFont(FONT, 7)
        text.setRise(4)
        text.textOut("2")
        text.setRise(0)
        text.setFont(FONT, SIZE)
        text.textOut(" and fell by 40% after.")
        sheet.drawText(text)

    result = convert(write_pdf(tmp_path / "footnote.pdf", [page]))
    assert result.text == "Arrivals peaked in 2016 and fell by 40% after."


def test_a_soft_line_end_hyphen_is_joined_while_ranges_and_names_keep_theirs(tmp_path: Path) -> None:
    rows = [
        "The survey collected infor-",
        "mation on arrivals between 2010-",
        "2015 and during the COVID-",
        "19 pandemic.",
    ]
    result = convert(write_pdf(tmp_path / "hyphens.pdf", [lambda sheet: draw_lines(sheet, rows)]))
    assert (
        result.text
        == "The survey collected information on arrivals between 2010-2015 and during the COVID-19 pandemic."
    )


def test_a_table_is_written_one_row_a_line_with_tab_separated_cells(tmp_path: Path) -> None:
    table = [("Country", "Arrivals", "Share (%)"), ("Italy", "157,651", "41.2"), ("Spain", "56,852", "14.9")]

    def page(sheet: Canvas) -> None:
        draw_lines(sheet, ["Arrivals by country of first landing:"])
        sheet.setFont(FONT, SIZE)
        for k, (country, arrivals, share) in enumerate(table):
            y = TOP - 30 - k * 18
            sheet.drawString(LEFT, y, country)
            sheet.drawRightString(LEFT + 220, y, arrivals)
            sheet.drawRightString(LEFT + 330, y, share)

    result = convert(write_pdf(tmp_path / "table.pdf", [page]))
    rows = "\n".join("\t".join(row) for row in table)
    assert result.text == f"Arrivals by country of first landing:\n\n{rows}"


def test_a_table_of_contents_keeps_its_leaders_so_page_references_are_no_figures(tmp_path: Path) -> None:
    entries = [("Executive summary", "4"), ("1. Introduction", "14"), ("2. Methodology", "20")]

    def page(sheet: Canvas) -> None:
        draw_lines(sheet, ["Table of Contents"])
        sheet.setFont(FONT, SIZE)
        for k, (title, number) in enumerate(entries):
            y = TOP - 30 - k * 18
            sheet.drawString(LEFT, y, title + " " + "." * (60 - 2 * len(title)))
            sheet.drawRightString(LEFT + 400, y, number)

    result = convert(write_pdf(tmp_path / "contents.pdf", [page]))
    assert result.text == "Table of Contents\n\n" + "\n".join(f"{t} ...\t{n}" for t, n in entries)
    assert extract(result.text) == [], "page references and section numbers are no figures"


def test_a_sentence_over_a_page_break_stays_one_sentence_and_pages_start_where_they_begin(tmp_path: Path) -> None:
    pages = [
        text_page("Registration opened in March.", "By June the number of asylum applications in the"),
        text_page("second quarter had risen by 12 percent.", "A new centre opened in July."),
    ]
    result = convert(write_pdf(tmp_path / "pages.pdf", pages))
    assert result.text == (
        "Registration opened in March.\n\n"
        "By June the number of asylum applications in the second quarter had risen by 12 percent.\n\n"
        "A new centre opened in July."
    )
    assert result.page_starts == (0, result.text.index("second quarter"))


def test_pages_that_do_not_continue_a_sentence_are_separated_by_a_blank_line(tmp_path: Path) -> None:
    pages = [text_page("The first page ends here."), text_page("The second page starts here.")]
    result = convert(write_pdf(tmp_path / "two.pdf", pages))
    assert result.text == "The first page ends here.\n\nThe second page starts here."
    assert [result.page_of(0), result.page_of(result.text.index("second"))] == [1, 2]


def _varied_environment_result(path: Path) -> dict[str, object]:
    """The conversion of ``path`` in a fresh interpreter with another hash seed, time zone and locale."""
    code = (
        "import json, sys; from pathlib import Path; from pipeline.convert.pdf import pdf_text; "
        "r = pdf_text(Path(sys.argv[1]).read_bytes(), Path(sys.argv[1])); "
        "print(json.dumps([r.text, r.page_starts, r.dropped_lines, r.replacement_chars, r.published, r.title]))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "4242", "TZ": "Pacific/Kiritimati", "LC_ALL": "C", "LANG": "C"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], env=env, capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(done.stdout)


def test_the_same_bytes_give_the_same_text_whatever_the_run_or_environment(tmp_path: Path) -> None:
    pages = [two_columns, report_page(2, LEFT_COLUMN), report_page(3, RIGHT_COLUMN)]
    path = write_pdf(tmp_path / "same.pdf", pages, title="Mixed migration in the region")
    first, second = convert(path), convert(path)
    assert first == second
    here = [first.text, list(first.page_starts), first.dropped_lines, first.replacement_chars]
    assert _varied_environment_result(path) == [*here, first.published, first.title]


def test_a_glyph_without_a_unicode_mapping_becomes_a_counted_replacement_character(tmp_path: Path) -> None:
    path = tmp_path / "minus.pdf"
    path.write_bytes(unmapped_glyph_pdf())
    result = convert(path)
    assert result.text == f"Change: {REPLACEMENT}0.229"
    assert result.replacement_chars == 1


def test_title_and_creation_date_come_from_the_metadata(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "meta.pdf", [text_page("Text.")], title="Asylum trends in Europe")
    result = convert(path)
    assert (result.title, result.published) == ("Asylum trends in Europe", "2000-01-01")  # reportlab's invariant date


def test_a_file_name_as_title_is_not_proposed(tmp_path: Path) -> None:
    result = convert(write_pdf(tmp_path / "named.pdf", [text_page("Text.")], title="Microsoft Word - draft_v3.docx"))
    assert result.title is None


def test_the_converter_names_pypdfium2_and_pdfium_with_their_versions(tmp_path: Path) -> None:
    result = convert(write_pdf(tmp_path / "any.pdf", [text_page("Text.")]))
    assert result.converter == CONVERTER
    assert result.converter.startswith("pypdfium2 5.") and " (PDFium " in result.converter
    assert (result.format, result.n_pages) == ("pdf", 1)


def test_a_page_without_text_is_listed_as_empty(tmp_path: Path) -> None:
    result = convert(write_pdf(tmp_path / "mixed.pdf", [text_page("Only the first page has text."), image_page]))
    assert (result.text, result.empty_pages, result.page_starts) == ("Only the first page has text.", (2,), (0, 29))


def _error(path: Path, data: bytes) -> str:
    """The one-line message ``pdf_text`` raises for ``data``."""
    with pytest.raises(ConversionError) as caught:
        pdf_text(data, path)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_an_encrypted_pdf_is_refused_as_needing_a_password(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "locked.pdf", [text_page("Secret figures: 1,234.")], encrypt="secret")
    assert _error(path, path.read_bytes()) == f"{path}: is encrypted (it needs a password); decrypt it first"


def test_a_truncated_pdf_is_refused_as_truncated(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "cut.pdf", [text_page("Some text.")])
    data = path.read_bytes()
    assert _error(path, data[: len(data) // 2]) == f"{path}: is truncated or corrupt (no %%EOF marker at its end)"


def test_a_corrupt_pdf_is_refused_with_pdfium_s_reason(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    message = _error(path, b"%PDF-1.7\n" + b"\x00garbage" * 50 + b"\n%%EOF\n")
    assert message.startswith(f"{path}: is corrupt or truncated (PDFium: ")


def test_bytes_that_are_not_a_pdf_are_refused_as_such(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    assert _error(path, b"Meeting notes, 3 May 2024\n") == f"{path}: is not a PDF (no %PDF- header)"


def test_a_pdf_without_pages_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "hollow.pdf"
    assert _error(path, no_pages_pdf()) == f"{path}: has no pages"


def test_a_pdf_whose_only_page_is_a_picture_asks_for_ocr(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "scan.pdf", [image_page])
    assert _error(path, path.read_bytes()) == f"{path}: has no text layer (a scanned document?); OCR it first"
