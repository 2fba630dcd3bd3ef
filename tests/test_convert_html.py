"""What the HTML converter reads from a web page: the article's text, title and date, and what it refuses.

Each test writes the page it converts; the real pages used to check the converter by hand stay outside
the repository.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.convert.html import html_text
from pipeline.convert.model import REPLACEMENT, ConversionError

ROOT = Path(__file__).resolve().parents[1]

PARAGRAPHS = (
    "The ministry said on Tuesday that 12,345 asylum applications were lodged in 2022, "
    "an increase of 15 per cent on the year before and the highest number since 2016.",
    "Most applicants came from Syria, Afghanistan and Turkey; about 40% of them were granted "
    "protection at first instance, while 3,200 appeals were still pending at the end of the year.",
    "The government will spend EUR 2.5 million on new reception centres this year, the minister "
    "added, and plans to hire 150 more caseworkers to shorten the time a decision takes.",
)

SITE_HEADER = """
<header class="site-header"><a class="logo" href="/">Ministry of the Interior</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/topics">Topics</a></li>
<li><a href="/contact">Contact</a></li></ul></nav></header>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to measure how this site is used.</p>
<button>Accept all cookies</button><button>Reject</button></div>
"""

SITE_FOOTER = """
<aside class="related"><h3>Related news</h3><ul><li><a href="/a">Visa rules change in 2024</a></li>
<li><a href="/b">Minister visits border post</a></li></ul></aside>
<footer><p>&copy; 2023 Ministry of the Interior. Imprint. Privacy policy. 11 Main Street.</p></footer>
"""


def page(article: str, head: str = "", charset: str = '<meta charset="utf-8">') -> str:
    """A whole web page: site header, menu and cookie banner, then ``article``, then related links and footer."""
    return f"""<!DOCTYPE html>
<html lang="en"><head>{charset}
<title>Asylum figures for 2022 | Ministry of the Interior</title>
{head}
<style>body {{ font-family: sans-serif; }} .n::after {{ content: "99 style"; }}</style>
<script>window.dataLayer = [{{"page": "news", "count": 777}}];</script>
</head><body>{SITE_HEADER}
<main><article>{article}</article></main>
{SITE_FOOTER}<script>console.log("tracking 888");</script></body></html>"""


def paragraphs(*texts: str) -> str:
    """``texts`` as HTML paragraphs."""
    return "".join(f"<p>{text}</p>\n" for text in texts)


def write(tmp_path: Path, html: str | bytes, name: str = "page.html") -> Path:
    """``html`` written to ``tmp_path/name`` (UTF-8 when given as text)."""
    path = tmp_path / name
    path.write_bytes(html.encode("utf-8") if isinstance(html, str) else html)
    return path


def convert(path: Path) -> str:
    """The text of the page at ``path``."""
    return html_text(path.read_bytes(), path).text


def test_menu_cookie_banner_scripts_share_buttons_related_links_and_footer_are_left_out(tmp_path: Path) -> None:
    share = '<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet 12</a></div>'
    path = write(tmp_path, page("<h1>Asylum figures for 2022</h1>\n" + paragraphs(*PARAGRAPHS) + share))

    assert convert(path) == "\n\n".join(("Asylum figures for 2022", *PARAGRAPHS))


def test_headings_are_paragraphs_and_list_items_are_lines(tmp_path: Path) -> None:
    article = (
        paragraphs(PARAGRAPHS[0])
        + "<h2>Countries of origin</h2>\n"
        + paragraphs(PARAGRAPHS[1])
        + "<ul><li>Syria: 4,000 applications</li>\n<li>Afghanistan: 3,100 applications</li></ul>\n"
        + paragraphs(PARAGRAPHS[2])
    )
    path = write(tmp_path, page(article))

    assert convert(path) == "\n\n".join(
        (
            PARAGRAPHS[0],
            "Countries of origin",
            PARAGRAPHS[1],
            "Syria: 4,000 applications\nAfghanistan: 3,100 applications",
            PARAGRAPHS[2],
        )
    )


def test_white_space_of_the_source_is_one_space_and_a_line_break_a_new_line(tmp_path: Path) -> None:
    article = paragraphs(
        "In   2022 the\n   ministry counted\t12,345 applications.<br>Of these, 4,000\n came from Syria, "
        "the ministry said in a statement published on its website on Tuesday morning.",
        *PARAGRAPHS[1:],
    )
    path = write(tmp_path, page(article))

    assert convert(path).split("\n\n")[0] == (
        "In 2022 the ministry counted 12,345 applications.\n"
        "Of these, 4,000 came from Syria, the ministry said in a statement published on its website on Tuesday morning."
    )


def test_the_lines_of_a_preformatted_block_are_kept(tmp_path: Path) -> None:
    pre = "<pre>Year   Arrivals\n2021   1,000\n2022   <b>2,000</b>\n</pre>\n"
    path = write(tmp_path, page(paragraphs(*PARAGRAPHS[:2]) + pre + paragraphs(PARAGRAPHS[2])))

    assert convert(path).split("\n\n")[2] == "Year Arrivals\n2021 1,000\n2022 2,000"


def test_the_heading_and_lead_in_the_article_header_are_kept(tmp_path: Path) -> None:
    header = "<header><h1>Asylum figures for 2022</h1><p>A lead saying 9,999 people arrived last year.</p></header>"
    path = write(tmp_path, page(header + paragraphs(*PARAGRAPHS)))

    assert convert(path).split("\n\n")[:3] == [
        "Asylum figures for 2022",
        "A lead saying 9,999 people arrived last year.",
        PARAGRAPHS[0],
    ]


def test_entities_are_decoded_once_and_a_no_break_space_is_a_space(tmp_path: Path) -> None:
    article = paragraphs(
        "Between 2021 &ndash; 2022 the number rose by 15&nbsp;% to &euro;&#8239;2.5 million, "
        "a rise the ministry called &#8220;significant&#8221;; the code &amp;lt;b&amp;gt; stays as written.",
        *PARAGRAPHS[1:],
    )
    path = write(tmp_path, page(article))

    assert convert(path).split("\n\n")[0] == (
        "Between 2021 – 2022 the number rose by 15 % to € 2.5 million, "
        "a rise the ministry called “significant”; the code &lt;b&gt; stays as written."
    )


def test_a_table_is_one_line_per_row_with_tab_separated_cells(tmp_path: Path) -> None:
    table = (
        "<table><thead><tr><th>Country</th><th>Applications</th><th>Share (%)</th></tr></thead>\n"
        "<tbody><tr><td>Syria</td><td>4,000</td><td>32.4</td></tr>\n"
        "<tr><td>Afghanistan</td><td>3,100</td><td>25.1</td></tr></tbody></table>\n"
    )
    path = write(tmp_path, page(paragraphs(PARAGRAPHS[0]) + table + paragraphs(*PARAGRAPHS[1:])))

    assert (
        convert(path).split("\n\n")[1]
        == "Country\tApplications\tShare (%)\nSyria\t4,000\t32.4\nAfghanistan\t3,100\t25.1"
    )


def test_title_and_publication_date_come_from_the_meta_tags(tmp_path: Path) -> None:
    head = (
        '<meta property="og:title" content="Record number of asylum applications in 2022">\n'
        '<meta property="article:published_time" content="2023-05-16T09:30:00+02:00">'
    )
    path = write(tmp_path, page(paragraphs(*PARAGRAPHS), head=head))

    converted = html_text(path.read_bytes(), path)

    assert (converted.title, converted.published) == ("Record number of asylum applications in 2022", "2023-05-16")


def test_the_title_is_not_added_to_a_text_whose_page_body_does_not_show_it(tmp_path: Path) -> None:
    path = write(tmp_path, page(paragraphs(*PARAGRAPHS)))

    converted = html_text(path.read_bytes(), path)

    assert converted.title == "Asylum figures for 2022"
    assert converted.text == "\n\n".join(PARAGRAPHS)


def test_the_date_does_not_depend_on_today(tmp_path: Path) -> None:
    head = '<meta property="article:published_time" content="2090-03-01">'
    path = write(tmp_path, page(paragraphs(*PARAGRAPHS), head=head))

    assert html_text(path.read_bytes(), path).published == "2090-03-01"


def test_a_bare_year_is_not_taken_for_a_publication_date(tmp_path: Path) -> None:
    path = write(tmp_path, page(paragraphs(*PARAGRAPHS)))  # "in 2022" in the text, "© 2023" in the footer

    assert html_text(path.read_bytes(), path).published is None


def test_a_date_written_in_the_text_is_found_when_the_markup_has_none(tmp_path: Path) -> None:
    article = "<h1>Asylum figures for 2022</h1><p>Berlin, 16.05.2023</p>" + paragraphs(*PARAGRAPHS)
    path = write(tmp_path, page(article))

    assert html_text(path.read_bytes(), path).published == "2023-05-16"


def test_what_is_recorded_about_the_conversion(tmp_path: Path) -> None:
    path = write(tmp_path, page(paragraphs(*PARAGRAPHS)))

    converted = html_text(path.read_bytes(), path)

    assert converted.format == "html"
    assert converted.converter.startswith("trafilatura 2.")
    assert (converted.page_starts, converted.n_pages, converted.replacement_chars) == ((), None, 0)


def test_a_page_in_windows_1252_declared_by_meta_charset_is_decoded(tmp_path: Path) -> None:
    text = "Le café de la préfecture a reçu 2 500 € pour 40 réfugiés, a annoncé la préfète mardi matin."
    html = page(paragraphs(text, *PARAGRAPHS), charset='<meta charset="windows-1252">')
    path = write(tmp_path, html.encode("cp1252"))

    assert convert(path).split("\n\n")[0] == text


def test_iso_8859_1_declared_by_http_equiv_is_read_as_browsers_read_it(tmp_path: Path) -> None:
    charset = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    text = "Die Behörde zahlte 2.500 € an 40 Geflüchtete – so die Pressestelle am Dienstag in Köln."
    path = write(tmp_path, page(paragraphs(text, *PARAGRAPHS), charset=charset).encode("cp1252"))

    assert convert(path).split("\n\n")[0] == text


def test_the_charset_of_an_xml_declaration_is_used(tmp_path: Path) -> None:
    text = "Åsa Lindqvist, director of the agency, said 1 200 people had been resettled in Malmö for €4 million."
    html = '<?xml version="1.0" encoding="iso-8859-15"?>\n' + page(paragraphs(text, *PARAGRAPHS), charset="")
    path = write(tmp_path, html.encode("iso-8859-15"))

    assert convert(path).split("\n\n")[0] == text


def test_a_byte_order_mark_wins_over_a_declared_charset(tmp_path: Path) -> None:
    text = "Zürich counted 1,250 arrivals in März, the canton said in its monthly report on asylum."
    html = page(paragraphs(text, *PARAGRAPHS), charset='<meta charset="windows-1252">')
    path = write(tmp_path, b"\xef\xbb\xbf" + html.encode("utf-8"))

    assert convert(path).split("\n\n")[0] == text


def test_bytes_invalid_in_the_declared_charset_are_replacement_characters_and_counted(tmp_path: Path) -> None:
    text = "Le café a reçu 2 500 euros, a annoncé la préfecture mardi."
    path = write(tmp_path, page(paragraphs(text, *PARAGRAPHS)).encode("cp1252"))  # but declares UTF-8

    converted = html_text(path.read_bytes(), path)

    assert converted.text.split("\n\n")[0] == text.replace("é", REPLACEMENT).replace("ç", REPLACEMENT)
    assert converted.replacement_chars == 4


def test_undeclared_bytes_that_are_not_utf_8_are_refused_in_one_line(tmp_path: Path) -> None:
    html = page(paragraphs("Le café a reçu 2 500 €.", *PARAGRAPHS), charset="")
    path = write(tmp_path, html.encode("cp1252"))

    with pytest.raises(ConversionError) as error:
        convert(path)

    message = str(error.value)
    assert message.startswith(f"{path}: is not UTF-8 and declares no charset")
    assert "\n" not in message


def test_an_unknown_declared_charset_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, page(paragraphs(*PARAGRAPHS), charset='<meta charset="x-martian-7">'))

    with pytest.raises(ConversionError, match="declares an unknown charset 'x-martian-7'"):
        convert(path)


def test_a_page_with_only_navigation_is_refused(tmp_path: Path) -> None:
    html = f"<!DOCTYPE html><html><head><title>Home</title></head><body>{SITE_HEADER}{SITE_FOOTER}</body></html>"
    path = write(tmp_path, html)

    with pytest.raises(ConversionError, match="has no main content"):
        convert(path)


def test_a_page_with_an_empty_body_is_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path, '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Soon</title></head><body></body></html>'
    )

    with pytest.raises(ConversionError, match="has no main content"):
        convert(path)


def test_a_short_notice_keeps_its_text_without_the_menu(tmp_path: Path) -> None:
    path = write(tmp_path, page("<h1>Office closed</h1><p>The office is closed on 3 October.</p>"))

    assert convert(path) == "Office closed\n\nThe office is closed on 3 October."


def test_a_last_read_more_line_whose_links_were_left_out_is_dropped(tmp_path: Path) -> None:
    links = '<p><strong>Read more:</strong></p><ul><li><a href="/x">Press release of 8 November</a></li></ul>'
    path = write(tmp_path, page(paragraphs(*PARAGRAPHS) + links))

    assert convert(path) == "\n\n".join(PARAGRAPHS)


def test_the_same_page_converted_again_gives_the_same_text(tmp_path: Path) -> None:
    path = write(tmp_path, page(paragraphs(*PARAGRAPHS)))

    texts = [convert(path) for _ in range(4)]  # trafilatura's cache would drop paragraphs seen twice before

    assert texts == [texts[0]] * 4


def test_another_process_with_another_hash_seed_and_time_zone_gives_the_same_result(tmp_path: Path) -> None:
    head = '<meta name="date" content="2023-05-16">'
    article = "<h1>Asylum figures for 2022</h1>" + paragraphs(*PARAGRAPHS) + "<ul><li>one 1</li><li>two 2</li></ul>"
    path = write(tmp_path, page(article, head=head))
    here = html_text(path.read_bytes(), path)
    script = (
        "import json, sys; from pathlib import Path; from pipeline.convert.html import html_text; "
        "p = Path(sys.argv[1]); c = html_text(p.read_bytes(), p); "
        "print(json.dumps([c.text, c.title, c.published, c.converter]))"
    )
    for seed, zone in (("1", "Pacific/Kiritimati"), ("4242", "America/Adak")):
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": zone}
        done = subprocess.run(
            [sys.executable, "-c", script, str(path)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == [here.text, here.title, here.published, here.converter]
