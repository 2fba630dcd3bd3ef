"""Claim formulas: a small safe language over indicator ids, parsed without eval."""

from __future__ import annotations

import pytest

from pipeline.curation.formula import FormulaError, NotComputable, Operand, evaluate, parse, references, render

OPERANDS = {
    "visas": Operand(8641),
    "asylum": Operand(1520),
    "apprehended": Operand(478000),
    "encounters": Operand(569746, "2021-01-01", "2021-08-31"),
    "open_ended": Operand(51, "2000-01-01", None),
    "zero": Operand(0),
}


def value(formula: str) -> float:
    return evaluate(parse(formula), OPERANDS)


def test_one_in_50_is_recomputed_from_its_three_figures() -> None:
    assert value("(visas + asylum) / apprehended") == pytest.approx(10161 / 478000)


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        ("1 + 2 * 3", 7),
        ("(1 + 2) * 3", 9),
        ("8 / 4 / 2", 1),
        ("10 - 4 - 3", 3),
        ("-2 * -3", 6),
        ("50 - 50 * 0.5", 25),
        ("  1\n  + 2 ", 3),
    ],
)
def test_arithmetic_follows_the_usual_precedence(formula: str, expected: float) -> None:
    assert value(formula) == pytest.approx(expected)


def test_period_functions_measure_an_indicators_period() -> None:
    assert value("days(encounters)") == 243
    assert value("weeks(encounters)") == pytest.approx(243 / 7)
    assert value("months(encounters)") == 8
    assert value("years(encounters)") == pytest.approx(8 / 12)


@pytest.mark.parametrize(
    "formula",
    [
        "__import__('os').system('true')",
        "visas ** 2",
        "visas.real",
        "open('x')",
        "1,000 + visas",
        "visas +",
        "(visas",
        "visas asylum",
        "",
        "weeks(3)",
        "lambda: 1",
    ],
)
def test_anything_outside_the_grammar_is_refused(formula: str) -> None:
    with pytest.raises(FormulaError):
        parse(formula)


def test_references_lists_every_indicator_read() -> None:
    assert references(parse("(visas + asylum) / weeks(encounters) * 2")) == {"visas", "asylum", "encounters"}


def test_division_by_zero_is_not_computable() -> None:
    with pytest.raises(NotComputable, match="division by zero: the divisor zero is 0"):
        value("visas / zero")


def test_length_of_an_open_period_is_not_computable() -> None:
    with pytest.raises(NotComputable, match="open_ended has no closed period"):
        value("open_ended / years(open_ended)")


def test_render_shows_values_with_the_formulas_parentheses() -> None:
    assert render(parse("(visas + asylum) / apprehended"), OPERANDS) == "(8,641 + 1,520) / 478,000"
    assert render(parse("50 - 50 * (visas + asylum) / apprehended"), OPERANDS) == "50 - 50 * (8,641 + 1,520) / 478,000"
    assert render(parse("visas - (asylum - zero)"), OPERANDS) == "8,641 - (1,520 - 0)"
