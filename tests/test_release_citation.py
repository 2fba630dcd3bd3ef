"""``CITATION.cff`` lists every source document, written as PyYAML writes the whole file, whatever the titles hold.

The references of plain texts are emitted by libyaml (PyYAML's own emitter took seconds for 10,000
documents); these tests show the bytes are those of one ``yaml.safe_dump`` of the whole citation, for
titles and publishers of any characters: astral ones, control characters, line breaks of every kind.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.release.citation import citation_cff, citation_data
from pipeline.release.info import read_release_info

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seed_sources"
ROOT = Path(__file__).resolve().parents[1]
INFO = read_release_info(SEEDS, ROOT / "pyproject.toml")

_TEXTS = st.text(st.characters(exclude_categories=("Cs",)), max_size=150) | st.sampled_from(
    ["Plain title", "Title: with a colon", "x" * 130, "line\u2028break", "next\x85line", "emoji \U0001f600", "'"]
)


def documents(titles: list[str], publishers: list[str]) -> pd.DataFrame:
    n = len(titles)
    return pd.DataFrame(
        {
            "doc_id": [f"doc_{i:03d}" for i in range(n)],
            "title": titles,
            "publisher": publishers[:n] + ["Agency"] * (n - len(publishers)),
            "published": [dt.date(2021, 1 + i % 12, 1) for i in range(n)],
            "published_precision": ["month" if i % 2 else "day" for i in range(n)],
            "url": [None if i % 3 == 0 else f"https://example.org/{i}" for i in range(n)],
            "license": ["CC-BY-4.0" if i % 2 else "stated in the document" for i in range(n)],
        }
    )


def whole_dump(data: dict[str, object]) -> bytes:
    """The citation written in one ``yaml.safe_dump`` call (PyYAML's own emitter) with the release's settings."""
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    return text.encode("utf-8")


def test_every_document_is_a_reference_in_doc_id_order() -> None:
    cff = yaml.safe_load(citation_cff(INFO, documents(["B title", "A title"], ["X", "Y"])[::-1]))
    assert [r["title"] for r in cff["references"]] == ["B title", "A title"]
    assert cff["references"][0]["notes"].startswith("Document doc_000 of the dataset")


def test_no_documents_is_an_empty_reference_list() -> None:
    assert yaml.safe_load(citation_cff(INFO, documents([], [])))["references"] == []


@settings(max_examples=150, deadline=None)
@given(titles=st.lists(_TEXTS, min_size=1, max_size=6), publishers=st.lists(_TEXTS, max_size=6))
def test_the_bytes_are_those_of_one_yaml_dump_of_the_whole_citation(titles: list[str], publishers: list[str]) -> None:
    frame = documents(titles, publishers)
    assert citation_cff(INFO, frame) == whole_dump(citation_data(INFO, frame))
