"""Bad PDF and HTML sources: each stops the run with one line naming the file, and nothing stored changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.defs.runs import failure_messages
from tests.conftest import Project
from tests.pdf_fixtures import image_page, no_pages_pdf, text_page, write_pdf

MiB = 1024 * 1024


def _encrypted(tmp: Path) -> tuple[str, bytes]:
    data = write_pdf(tmp / "x.pdf", [text_page("In 2023, 500 people arrived.")], encrypt="secret").read_bytes()
    return "locked.pdf", data


def _truncated(tmp: Path) -> tuple[str, bytes]:
    data = write_pdf(tmp / "x.pdf", [text_page("In 2023, 500 people arrived.")]).read_bytes()
    return "truncated.pdf", data[: len(data) // 2]


def _scanned(tmp: Path) -> tuple[str, bytes]:
    return "scan.pdf", write_pdf(tmp / "x.pdf", [image_page]).read_bytes()


def _no_pages(tmp: Path) -> tuple[str, bytes]:
    return "empty.pdf", no_pages_pdf()


def _navigation_only(tmp: Path) -> tuple[str, bytes]:
    page = "<html><body><nav><a href='/'>Home</a> <a href='/about'>About us</a></nav></body></html>"
    return "menu.html", page.encode()


def _undeclared_charset(tmp: Path) -> tuple[str, bytes]:
    body = "<html><body><article><p>" + "Según la OIM, 3.000 personas cruzaron la frontera el año pasado. " * 5
    return "latin1.html", (body + "</p></article></body></html>").encode("latin-1")


def _pdf_named_txt(tmp: Path) -> tuple[str, bytes]:
    return "report.txt", write_pdf(tmp / "x.pdf", [text_page("In 2023, 500 people arrived.")]).read_bytes()


def _html_named_pdf(tmp: Path) -> tuple[str, bytes]:
    return "page.pdf", b"<!doctype html><html><body><p>500 people</p></body></html>"


def _huge_text(tmp: Path) -> tuple[str, bytes]:
    return "huge.txt", b"In 2023, 500 people arrived.\n" * (50 * MiB // 29 + 1)


CASES: dict[str, tuple[Callable[[Path], tuple[str, bytes]], str]] = {
    "encrypted PDF": (_encrypted, "password"),
    "truncated PDF": (_truncated, "corrupt"),
    "scanned PDF": (_scanned, "no text layer"),
    "PDF without pages": (_no_pages, "no pages"),
    "HTML without main content": (_navigation_only, "no main content"),
    "HTML in an undeclared charset": (_undeclared_charset, "declares no charset"),
    "PDF bytes named .txt": (_pdf_named_txt, "its bytes are a PDF"),
    "HTML bytes named .pdf": (_html_named_pdf, "an HTML page"),
    "50 MB file": (_huge_text, "over the limit"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_source_stops_the_run_naming_it_and_changes_nothing(project: Project, tmp_path: Path, case: str) -> None:
    assert project.materialise().success
    before = project.state()
    make, problem = CASES[case]
    name, data = make(tmp_path)
    (project.sources / name).write_bytes(data)
    project.record_provenance(name, data)

    result = project.materialise()

    assert not result.success
    messages = failure_messages(result)
    lines = [m for m in messages if name in m]
    assert len(lines) == 1 and "\n" not in lines[0], messages
    assert problem in lines[0].lower() or problem in lines[0], lines[0]
    assert project.state() == before
