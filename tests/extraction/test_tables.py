"""A bare number in a text table means what its column header says."""

from __future__ import annotations

from extraction_cases import found

_TABLE = "Region | US$ million | Share (%) | Migrants (thousands)\nNorth | 12.5 | 40 | 310\nSouth | 8 | 60 | 95\n"


def test_number_under_a_currency_and_scale_header_is_money_at_that_scale() -> None:
    assert ("12.5", "money", "12500000", "USD", "") in found(_TABLE)


def test_number_under_a_percent_header_is_a_percent() -> None:
    assert ("60", "percent", "60", "", "") in found(_TABLE)


def test_number_under_a_scale_header_is_a_count_at_that_scale() -> None:
    assert ("310", "count", "310000", "", "") in found(_TABLE)


def test_cell_with_its_own_unit_keeps_it() -> None:
    text = "Year | Remittances (US$ billion)\n2022 | 3 percent\n"
    assert ("3 percent", "percent", "3", "", "") in found(text)


def test_tab_separated_table_reads_its_header() -> None:
    text = "Country\t% of GDP\nHonduras\t25.6\n"
    assert ("25.6", "percent", "25.6", "", "") in found(text)


def test_rule_line_under_the_header_is_skipped() -> None:
    text = "| Country | % of GDP |\n|---|---|\n| Haiti | 20.1 |\n"
    assert ("20.1", "percent", "20.1", "", "") in found(text)


def test_numbers_outside_a_table_are_not_read_from_one() -> None:
    text = "Country | % of GDP\nHaiti | 20.1\n\nSome 300 people crossed."
    assert ("300", "count", "300", "", "approx") in found(text)
