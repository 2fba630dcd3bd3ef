"""The release page in a real headless Chromium: links resolve to release files, the chart is drawn."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlparse

import pandas as pd
import pytest

from tests.browser import Browser, ensure_chromium
from tests.conftest import Project


@pytest.fixture(scope="module")
def page(seeded_project: Project, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """What the browser sees of index.html: links, chart bars, resources fetched, and a screenshot."""
    screenshot = tmp_path_factory.mktemp("page") / "index.png"
    with Browser(ensure_chromium(), width=1100, height=900) as browser:
        browser.open((seeded_project.exports / "index.html").as_uri())
        seen = browser.evaluate(
            """({
              links: [...document.querySelectorAll('a[href]')].map(a => ({href: a.href, raw: a.getAttribute('href')})),
              ids: [...document.querySelectorAll('[id]')].map(e => e.id),
              bars: [...document.querySelectorAll('#chart-mentions rect.bar')].map(r => {
                const box = r.getBoundingClientRect();
                return {doc: r.dataset.doc, kind: r.dataset.kind, count: Number(r.dataset.count),
                        width: box.width, height: box.height};
              }),
              chart: (() => { const b = document.querySelector('#chart-mentions').getBoundingClientRect();
                              return {width: b.width, height: b.height}; })(),
              fetched: performance.getEntriesByType('resource').map(e => e.name),
              title: document.title,
              text: document.body.innerText,
            })"""
        )
        browser.screenshot(screenshot)
    seen["screenshot"] = screenshot
    return seen


def test_every_link_resolves_to_a_file_of_the_release(seeded_project: Project, page: dict) -> None:
    release = {p.name for p in seeded_project.exports.iterdir()}
    package = json.loads((seeded_project.exports / "datapackage.json").read_text(encoding="utf-8"))
    licence_addresses = {lic["path"] for lic in package["licenses"] if "path" in lic}
    licence_addresses |= {s["licensePath"] for s in package["sources"] if "licensePath" in s}
    local = [link for link in page["links"] if urlparse(link["href"]).scheme == "file"]
    assert local, "the page links to no file"
    for link in page["links"]:
        url = urlparse(link["href"])
        if url.scheme == "file":
            path = Path(unquote(url.path))
            assert path.parent == seeded_project.exports and path.name in release, link
            assert path.is_file(), link
        else:
            assert link["href"] in licence_addresses, f"link outside the release that is not a licence: {link}"
    linked = {Path(unquote(urlparse(link["href"]).path)).name for link in local}
    assert linked == release  # every file is offered for download, the page itself included


def test_chart_draws_one_bar_per_document_and_kind(seeded_project: Project, page: dict) -> None:
    mentions = pd.read_csv(seeded_project.exports / "mentions.csv", usecols=["doc_id", "kind"])
    expected = Counter(zip(mentions["doc_id"], mentions["kind"], strict=True))
    drawn = {(bar["doc"], bar["kind"]): bar for bar in page["bars"]}

    assert {key: bar["count"] for key, bar in drawn.items()} == dict(expected)
    assert page["chart"]["width"] > 300 and page["chart"]["height"] > 100
    for bar in page["bars"]:
        assert bar["width"] > 0 and bar["height"] > 0, bar
    widest = max(page["bars"], key=lambda b: b["count"])
    narrowest = min(page["bars"], key=lambda b: b["count"])
    ratio = widest["width"] / narrowest["width"]
    assert ratio == pytest.approx(widest["count"] / narrowest["count"], rel=0.05)


def test_page_fetches_nothing(page: dict) -> None:
    assert page["fetched"] == []


def test_page_says_what_the_dataset_is_how_to_cite_it_and_its_licence(page: dict) -> None:
    text = page["text"]
    for heading in ("What this is", "Tables", "Figures by document", "Sources", "Licence", "How to cite"):
        assert heading in text
    assert "Creative Commons Attribution 4.0 International" in text
    assert "CC BY-NC-ND 4.0" in text
    assert "sha256sum -c SHA256SUMS" in text


def test_screenshot_is_saved(page: dict) -> None:
    data = page["screenshot"].read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
