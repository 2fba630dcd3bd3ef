"""Bounded work per document: doubling a hostile text at most roughly doubles the CPU time it costs.

One test per finding of the review of what one document can make extraction,
enrichment and the offsets check do: repeated ``three times as many`` (cubic in
enrichment), a long dotted chain ``1.1.1...`` (quadratic in extraction), many
figures in one sentence, one enormous sentence without a stop, non-ASCII text,
the seeds repeated (super-linear in extraction), a chain of day ranges
``5 - 5 - 5`` (recursion), unclosed link targets ``](`` and a notes line of
opening quotes (quadratic regular expressions); a 400-digit number (an
``OverflowError`` in enrichment); and ``warehouse/checks/mentions/offsets.sql``
on a long non-ASCII document (quadratic ``substring``).

Each timing is the best of three runs of ``time.process_time`` at a size where
one run takes about 0.2 s, found by doubling, then at twice that size; the
second may cost at most ``FACTOR`` times the first (2 for linear work, 4 for
quadratic): generous, as the machine is shared.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import duckdb
import pandas as pd
import pytest

from pipeline.common.settings import REPO_ROOT
from pipeline.curation.regions import load_gazetteer
from pipeline.enrichment import Gazetteer, enrich
from pipeline.enrichment.rows import mention_rows
from pipeline.extraction import extract, extract_with_date
from tests.conftest import SEED_SOURCES

FACTOR = 3.5
MIN_SECONDS = 0.2
MAX_CHARS = 16_000_000
OFFSETS_SQL = REPO_ROOT / "warehouse" / "checks" / "mentions" / "offsets.sql"
T = TypeVar("T")
NON_ASCII = "Über 3.000 Menschen flohen nach Bogotá — 12 % mehr als 2019, según la OIM. "


def _seeds() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((SEED_SOURCES).glob("*.txt"))) + "\n\n"


def _repeat(unit: str) -> Callable[[int], str]:
    """Texts of about ``n`` characters: ``unit`` repeated."""
    return lambda n: unit * max(1, n // len(unit))


def _figures_in_one_sentence(n: int) -> str:
    figures, size, i = [], 0, 1
    while size < n:
        figures.append(str(i))
        size += len(figures[-1]) + 2
        i += 1
    return ", ".join(figures) + " people were displaced."


def _one_enormous_sentence(n: int) -> str:
    return " ".join(f"about {i} people moved to the city and" for i in range(max(1, n // 40)))


def _seeds_repeated(n: int) -> str:
    seeds = _seeds()
    return (seeds * (n // len(seeds) + 1))[:n]


def _best_of_three(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        work()
        best = min(best, time.process_time() - t0)
    return best


def _doubling(build: Callable[[int], T], work: Callable[[T], object], start: int) -> tuple[int, float, float]:
    """The size (doubling from ``start``) where one run of ``work`` on ``build(size)`` takes about
    ``MIN_SECONDS``, and the best CPU times at that size and at twice it."""
    size = start
    while size < MAX_CHARS:
        data = build(size)
        t0 = time.process_time()
        work(data)
        if time.process_time() - t0 >= MIN_SECONDS * 0.75:
            break
        size *= 2
    small, big = build(size), build(2 * size)
    return size, _best_of_three(lambda: work(small)), _best_of_three(lambda: work(big))


def _assert_linear(size: int, small: float, big: float) -> None:
    assert big <= FACTOR * small, f"{size:,} -> {2 * size:,} characters: {small:.3f} s -> {big:.3f} s of CPU"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer(SEED_SOURCES)


HOSTILE_TEXTS: dict[str, Callable[[int], str]] = {
    "three times as many people": _repeat("three times as many people "),
    "three times as many ...": _repeat("three times as many \u2026 "),  # no stop, no noun: a clause per figure
    "a dotted chain 1.1.1.1...": _repeat("1."),
    "many figures in one sentence": _figures_in_one_sentence,
    "one enormous sentence without stops": _one_enormous_sentence,
    "non-ASCII text with numbers": _repeat(NON_ASCII),
    "realistic text: the seeds repeated": _seeds_repeated,
    "a chain of day ranges 5 - 5 - 5": _repeat(" - 5"),
    "unclosed link targets ](](": lambda n: "In 2023, 5 people " + "](" * (n // 2),
    "a notes line of opening quotes": lambda n: "Notes\n" + "\u201c" * n + "\n5 people arrived in 2023.",
}


@pytest.mark.parametrize("name", list(HOSTILE_TEXTS))
def test_doubling_a_hostile_text_at_most_roughly_doubles_extraction_and_enrichment(
    name: str, gazetteer: Gazetteer
) -> None:
    make = HOSTILE_TEXTS[name]

    size, small, big = _doubling(make, lambda text: mention_rows("doc", text, gazetteer), 2_000)

    _assert_linear(size, small, big)


HUGE = "9" * 400


@pytest.mark.parametrize(
    "text",
    [
        f"There were {HUGE} people in 2020.",
        f"Some {HUGE} people aged {HUGE} arrived, {HUGE}% of them over the age of {HUGE}.",
        f"It cost ${HUGE} billion, between {HUGE} and {HUGE} times as many, one in {HUGE}.",
        f"About 1e400 people, 1E+400 euros and {HUGE}.{HUGE} percent, {'1,000' * 100} a day.",
        f"{'9' * 5000} people",
    ],
    ids=["400 digits", "ages and percents", "money, ranges, ratios", "1e400 and decimals", "5000 digits"],
)
def test_a_huge_number_is_read_without_overflow(text: str, gazetteer: Gazetteer) -> None:
    mentions, document_date = extract_with_date(text)
    enrichments = enrich(text, mentions, gazetteer, document_date)
    rows = mention_rows("doc", text, gazetteer)

    assert any(len(m.text) >= 400 for m in mentions)
    assert len(enrichments) == len(mentions) == len(rows)
    assert extract(text) == mentions


def _offsets_database(path: Path, units: int) -> duckdb.DuckDBPyConnection:
    """A DuckDB with one long non-ASCII document (``NON_ASCII`` ``units`` times) and its mentions' rows."""
    block = NON_ASCII * 10
    found = extract(block)
    rows = [
        (f"doc:{off + m.start}-{off + m.end}", "doc", off + m.start, off + m.end, m.text)
        + (off + m.sentence_start, off + m.sentence_end, m.sentence)
        for off in range(0, units // 10 * len(block), len(block))
        for m in found
    ]
    text = block * (units // 10)
    conn = duckdb.connect(str(path))
    conn.execute("set threads = 1")  # one thread: CPU time without the scheduling of others
    conn.execute("create or replace table documents (doc_id varchar, text varchar, n_chars bigint)")
    conn.execute("insert into documents values (?, ?, ?)", ["doc", text, len(text)])
    conn.execute(
        "create or replace table mentions (mention_id varchar, doc_id varchar, char_start bigint, char_end bigint, "
        "text varchar, sentence_start bigint, sentence_end bigint, sentence varchar)"
    )
    conn.register("found", pd.DataFrame(rows))
    conn.execute("insert into mentions select * from found")
    conn.unregister("found")
    return conn


def test_the_offsets_check_is_linear_on_a_long_non_ascii_document(tmp_path: Path) -> None:
    sql = OFFSETS_SQL.read_text(encoding="utf-8")
    databases: dict[int, duckdb.DuckDBPyConnection] = {}

    def build(units: int) -> duckdb.DuckDBPyConnection:
        if units not in databases:
            databases[units] = _offsets_database(tmp_path / f"{units}.duckdb", units)
        return databases[units]

    try:
        size, small, big = _doubling(build, lambda conn: conn.execute(sql).fetchall(), 2_000)
        conn = databases[2 * size]
        assert conn.execute(sql).fetchall() == []  # every offset of the extractor's rows resolves
        mention_id, text = conn.execute(
            "select mention_id, text from mentions order by char_start desc limit 1"
        ).fetchone()
        conn.execute("update mentions set text = 'x' where mention_id = ?", [mention_id])
        assert [(row[0], row[4], row[5]) for row in conn.execute(sql).fetchall()] == [(mention_id, "x", text)]
    finally:
        for conn in databases.values():
            conn.close()

    _assert_linear(size * len(NON_ASCII), small, big)
