"""PDF reports and HTML pages go through the whole pipeline as they are: text, offsets, pages, provenance."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.defs.definitions import make_definitions
from pipeline.defs.runs import materialise_all
from pipeline.sources.add import NewSource, add_source
from tests.conftest import Project
from tests.pdf_fixtures import image_page, text_page, write_pdf

PAGE_ONE = "Irregular crossings at the southern border were reported in this survey."
PAGE_TWO = "In 2023, 12,400 people applied for asylum in Costa Rica, up 8 percent from 2022."
ARTICLE = """<!doctype html><html><head><meta charset="utf-8"><title>Arrivals rise</title>
<meta property="article:published_time" content="2024-03-05"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News 24/7</a></li><li>Top 10 stories</li></ul></nav>
<article><h1>Arrivals rise</h1>
<p>Panama recorded 37,166 crossings of the Darien jungle in January 2024, the migration service said on Monday.</p>
<p>Officials expect the numbers to keep rising through the dry season, which lasts until April.</p>
</article><footer>© 2024 News Site. 500 Main Street.</footer><script>var x = 12345;</script></body></html>
"""


def _pdf(path: Path) -> Path:
    sheet = canvas.Canvas(str(path), pagesize=A4)
    sheet.setTitle("Asylum in Central America")
    for number, line in enumerate((PAGE_ONE, PAGE_TWO), start=1):
        sheet.setFont("Helvetica", 10)
        sheet.drawString(72, 800, "Regional Migration Survey 2024")  # running header
        sheet.setFont("Helvetica", 11)
        sheet.drawString(72, 700, line)
        sheet.setFont("Helvetica", 10)
        sheet.drawString(290, 40, str(number))  # page number
        sheet.showPage()
    sheet.save()
    return path


def _add(project: Project, file: Path, title: str | None = None) -> None:
    add_source(
        project.sources,
        NewSource(file=file, title=title, publisher="Tests", published=None, license="unknown"),
    )


def test_a_pdf_report_s_figures_carry_their_page_and_a_clean_sentence(project: Project, tmp_path: Path) -> None:
    _add(project, _pdf(tmp_path / "survey.pdf"))
    assert project.materialise().success
    ((fmt, pages, converter, title),) = project.query(
        "select format, n_pages, converter, title from documents where doc_id = 'survey'"
    )
    assert (fmt, pages, title) == ("pdf", 2, "Asylum in Central America")
    assert converter.startswith("pypdfium2 ")
    rows = project.query("select text, page, sentence from mentions where doc_id = 'survey' order by char_start")
    assert ("12,400", 2, PAGE_TWO) in rows
    assert all("Regional Migration Survey" not in sentence for _, _, sentence in rows), "running header left out"
    assert [text for text, _, _ in rows if text in ("1", "2")] == [], "page numbers are no figures"


def test_an_html_page_s_figures_come_from_the_article_only(project: Project, tmp_path: Path) -> None:
    page = tmp_path / "darien.html"
    page.write_text(ARTICLE, encoding="utf-8")
    _add(project, page)
    assert project.materialise().success
    ((fmt, pages, published, title),) = project.query(
        "select format, n_pages, published::varchar, title from documents where doc_id = 'darien'"
    )
    assert (fmt, pages, published, title) == ("html", None, "2024-03-05", "Arrivals rise")
    texts = [t for (t,) in project.query("select text from mentions where doc_id = 'darien' order by char_start")]
    assert "37,166" in texts
    assert not {"12345", "24/7", "10", "500"} & set(texts), "navigation, footer and script are not the article"
    assert project.query("select distinct page from mentions where doc_id = 'darien'") == [(None,)]


def test_the_seeds_keep_their_ids_text_and_mentions(seeded_project: Project) -> None:
    rows = seeded_project.query("select doc_id, format, converter, text_sha256 = sha256 from documents order by 1")
    assert [r[0] for r in rows] == sorted(r[0] for r in rows) and len(rows) == 5
    assert all(fmt == "text" and converter == "utf-8" and same for _, fmt, converter, same in rows)


def _materialise(project: Project, accept: bool = False) -> dg.ExecuteInProcessResult:
    config = {"ops": {"documents": {"config": {"accept_converter_changes": accept}}}}
    defs = make_definitions(project.resources())
    job = defs.resolve_job_def("all_assets")
    return job.execute_in_process(instance=dg.DagsterInstance.ephemeral(), run_config=config, raise_on_error=False)


def test_a_converter_upgrade_that_changes_a_stored_text_stops_the_run(project: Project, tmp_path: Path) -> None:
    _add(project, _pdf(tmp_path / "survey.pdf"))
    assert project.materialise().success
    with duckdb.connect(str(project.database)) as conn:  # as if an older converter had made another text
        conn.execute(
            "update documents set converter = 'pypdfium2 0.0 (PDFium 1)', text_sha256 = repeat('0', 64) "
            "where doc_id = 'survey'"
        )
    refused = _materialise(project)
    assert not refused.success
    assert project.query("select converter from documents where doc_id = 'survey'") == [("pypdfium2 0.0 (PDFium 1)",)]
    accepted = _materialise(project, accept=True)
    assert accepted.success
    assert project.query("select converter like 'pypdfium2 5%' from documents where doc_id = 'survey'") == [(True,)]


def test_an_unchanged_pdf_is_not_converted_again(project: Project, tmp_path: Path) -> None:
    _add(project, _pdf(tmp_path / "survey.pdf"))
    assert project.materialise().success
    with duckdb.connect(str(project.database)) as conn:  # a stored text the converter would never make
        conn.execute("update documents set text = text || ' ' where doc_id = 'survey'")
        conn.execute("update documents set text_sha256 = sha256(text) where doc_id = 'survey'")
    assert materialise_all(make_definitions(project.resources()), dg.DagsterInstance.ephemeral()).success
    ((text,),) = project.query("select text from documents where doc_id = 'survey'")
    assert text.endswith(" "), "the stored text was reused, not converted again"


def test_pages_without_a_text_layer_are_recorded(project: Project, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "mixed.pdf", [text_page("In 2023, 12,400 people applied for asylum."), image_page])
    _add(project, pdf, title="A report with a scanned page")
    assert project.materialise().success
    assert project.query("select n_pages, pages_without_text from documents where doc_id = 'mixed'") == [(2, [2])]
