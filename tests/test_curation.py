"""Curated YAML: locators pin exactly one mention, and every bad entry is refused with its name."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
import yaml

from pipeline.curation.claims import check_claims, load_claim_entries
from pipeline.curation.errors import CurationError
from pipeline.curation.formula import Operand
from pipeline.curation.indicators import load_indicator_entries, resolve_indicators
from pipeline.curation.locators import resolve_locator
from pipeline.curation.regions import load_gazetteer
from pipeline.enrichment.rows import mention_rows
from pipeline.store.frames import mentions_frame
from tests.conftest import SEED_IDS, SEED_SOURCES

SOURCES = SEED_SOURCES
REPORT = "004_2e8b6a177bdcb179"
RELEASE = "003_4ebfceb60d0020d1"
FILE = Path("sources/indicators.yaml")


@cache
def seeds() -> tuple[dict[str, str], pd.DataFrame]:
    """The seed texts and their real mentions (extracted and enriched)."""
    gazetteer = load_gazetteer(SOURCES)
    texts = {doc: (SOURCES / f"{doc}.txt").read_text(encoding="utf-8") for doc in SEED_IDS}
    rows = [row for doc, text in texts.items() for row in mention_rows(doc, text, gazetteer)]
    return texts, mentions_frame(rows)


def locate(**locator: str) -> pd.Series:
    texts, mentions = seeds()
    return resolve_locator(FILE, "indicator 'x'", locator, texts, mentions)


def test_a_quote_overlapping_one_mention_resolves_to_it() -> None:
    mention = locate(doc=REPORT, quote="478,000 citizens of Northern Central America")
    assert (mention["text"], mention["value"]) == ("478,000", 478000)
    assert mention["mention_id"] == f"{REPORT}:9504-9511"


def test_kind_or_text_picks_one_of_several_mentions() -> None:
    mention = locate(doc=REPORT, quote="8,641 work visas and 1,520 grants", text="1,520")
    assert mention["value"] == 1520


@pytest.mark.parametrize(
    ("locator", "problem"),
    [
        ({"doc": REPORT, "quote": "8,641 work visas and 1,520 grants"}, "matches 2 mentions in " + REPORT),
        ({"doc": REPORT, "quote": "478,000 people"}, "quote '478,000 people' does not occur in " + REPORT),
        ({"doc": REPORT, "quote": "any lawful channel"}, "matches no mention in " + REPORT),
        ({"doc": REPORT, "quote": "478,000", "kind": "percent"}, "quote '478,000', kind 'percent' matches no mention"),
        ({"doc": "999_missing", "quote": "478,000"}, "document '999_missing', which is not among the sources"),
        ({"doc": REPORT}, "lacks field(s): quote"),
        ({"doc": REPORT, "quote": "478,000", "page": 3}, "unknown field(s): page"),
    ],
)
def test_a_bad_locator_is_refused_naming_file_and_entry(locator: dict, problem: str) -> None:
    with pytest.raises(CurationError) as raised:
        locate(**locator)
    message = str(raised.value)
    assert message.startswith("sources/indicators.yaml: indicator 'x': ")
    assert problem in message


def test_the_curated_indicators_resolve_to_one_mention_each() -> None:
    texts, mentions = seeds()
    path, entries = load_indicator_entries(SOURCES)
    rows = resolve_indicators(path, entries, texts, mentions, set(load_gazetteer(SOURCES).codes))
    assert len(rows) >= 15
    assert len({r["mention_id"] for r in rows}) == len(rows)
    by_id = {r["indicator_id"]: r for r in rows}
    assert by_id["nca_apprehensions_2021_jan_jul"]["value"] == 478000
    assert by_id["nca_apprehensions_2021_jan_jul"]["geography"] == ["NCA", "USA"]
    assert by_id["lac_migrants_2022"]["value"] == 16300000


def _indicator(**changes: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "label": "Apprehensions",
        "unit": "persons",
        "geography": ["NCA", "USA"],
        "period_start": "2021-01-01",
        "period_end": "2021-07-31",
        "locator": {"doc": REPORT, "quote": "478,000 citizens"},
    }
    entry.update(changes)
    return entry


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (_indicator(geography=["NCA", "XYZ"]), "unknown geography code(s): XYZ"),
        (_indicator(period_start="2021-08-01"), "period_start 2021-08-01 is after period_end 2021-07-31"),
        (_indicator(period_end="July 2021"), "period_end must be an ISO 8601 date"),
        (_indicator(label=""), "label must be a non-empty string"),
        ({"label": "x"}, "lacks field(s): unit, geography, period_start, period_end, locator"),
    ],
)
def test_a_bad_indicator_entry_is_refused_naming_it(entry: dict, problem: str) -> None:
    texts, mentions = seeds()
    with pytest.raises(CurationError, match="indicator 'apprehensions'") as raised:
        resolve_indicators(FILE, {"apprehensions": entry}, texts, mentions, set(load_gazetteer(SOURCES).codes))
    assert problem in str(raised.value)


def test_an_indicator_id_must_be_usable_in_formulas() -> None:
    texts, mentions = seeds()
    with pytest.raises(CurationError, match="id must be lowercase letters"):
        resolve_indicators(FILE, {"Apprehensions 2021": _indicator()}, texts, mentions, set())


def test_a_key_given_twice_is_refused(tmp_path: Path) -> None:
    (tmp_path / "indicators.yaml").write_text("indicators:\n  a: {}\n  a: {}\n", encoding="utf-8")
    with pytest.raises(CurationError, match="duplicate key 'a'"):
        load_indicator_entries(tmp_path)


def _sources_with_regions(tmp_path: Path, edit: dict) -> Path:
    shutil.copy(SOURCES / "regions.yaml", tmp_path / "regions.yaml")
    data = yaml.safe_load((tmp_path / "regions.yaml").read_text(encoding="utf-8"))
    data["regions"].update(edit)
    (tmp_path / "regions.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        ({"NAM": {"name": "North America", "aliases": [], "members": ["USA"]}}, "ISO 3166-1 code of Namibia"),
        ({"CAR": {"name": "Caribbean", "aliases": [], "members": ["JAM", "XXX"]}}, "unknown ISO 3166-1 alpha-3"),
        ({"car": {"name": "Caribbean", "aliases": [], "members": ["JAM"]}}, "code must be three capital letters"),
    ],
)
def test_a_bad_region_is_refused_naming_it(tmp_path: Path, edit: dict, problem: str) -> None:
    with pytest.raises(CurationError, match=f"region '{next(iter(edit))}'") as raised:
        load_gazetteer(_sources_with_regions(tmp_path, edit))
    assert problem in str(raised.value)


def _operands() -> dict[str, Operand]:
    texts, mentions = seeds()
    path, entries = load_indicator_entries(SOURCES)
    rows = resolve_indicators(path, entries, texts, mentions, set(load_gazetteer(SOURCES).codes))
    return {r["indicator_id"]: Operand(r["value"], r["period_start"], r["period_end"]) for r in rows}


def claim(formula: str, quote: str = "only one in 50 people apprehended") -> dict[str, object]:
    texts, mentions = seeds()
    entry = {"locator": {"doc": REPORT, "quote": quote}, "formula": formula}
    return check_claims(Path("sources/claims.yaml"), {"test_claim": entry}, texts, mentions, _operands())[0]


def test_the_curated_claims_all_get_a_verdict_and_an_explanation() -> None:
    texts, mentions = seeds()
    path, entries = load_claim_entries(SOURCES)
    rows = check_claims(path, entries, texts, mentions, _operands())
    assert len(rows) >= 6
    assert all(r["verdict"] in ("consistent", "inconsistent") and r["explanation"] for r in rows)


def test_one_in_50_is_consistent_with_its_rounding() -> None:
    row = claim("(nca_work_visas_2021_jan_jul + nca_asylum_grants_2021_jan_jul) / nca_apprehensions_2021_jan_jul")
    assert row["computed_value"] == pytest.approx((8641 + 1520) / 478000)
    assert row["stated_value"] == 0.02
    assert row["verdict"] == "consistent"
    assert "(8,641 + 1,520) / 478,000 = 0.02126, i.e. one in 47.0" in row["explanation"]
    assert "one in 45 to one in 55" in row["explanation"]


def test_a_value_outside_the_tolerance_is_inconsistent() -> None:
    row = claim("nca_asylum_grants_2021_jan_jul / nca_apprehensions_2021_jan_jul")
    assert row["verdict"] == "inconsistent"
    assert row["relative_difference"] == pytest.approx(1520 / 478000 / 0.02 - 1)


def test_division_by_zero_is_not_computable_with_an_explanation() -> None:
    row = claim("nca_work_visas_2021_jan_jul / (nca_asylum_grants_2021_jan_jul - nca_asylum_grants_2021_jan_jul)")
    assert row["verdict"] == "not_computable"
    assert row["computed_value"] is None and row["relative_difference"] is None
    assert "division by zero" in row["explanation"]


def test_a_formula_naming_an_unknown_indicator_is_refused_naming_the_claim() -> None:
    with pytest.raises(CurationError) as raised:
        claim("nca_work_visas_2021_jan_jul / nca_apprehensions_2022")
    assert str(raised.value) == (
        "sources/claims.yaml: claim 'test_claim': formula names unknown indicator(s): nca_apprehensions_2022"
    )


def test_a_formula_outside_the_grammar_is_refused_naming_the_claim() -> None:
    with pytest.raises(CurationError, match=r"claim 'test_claim': formula .* does not parse"):
        claim("__import__('os')")
