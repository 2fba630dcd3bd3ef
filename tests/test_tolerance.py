"""Tolerance of a claim, read from its wording; and the verdict it gives."""

from __future__ import annotations

import pytest

from pipeline.curation.tolerance import half_unit, tolerance_for


@pytest.mark.parametrize(
    ("number", "half"),
    [("8,641", 0.5), ("478,000", 500), ("50", 5), ("3.5", 0.05), ("16.3", 0.05), ("49", 0.5), ("100", 50)],
)
def test_half_a_unit_of_the_last_significant_digit(number: str, half: float) -> None:
    assert half_unit(number) == pytest.approx(half)


@pytest.mark.parametrize(
    ("kind", "text", "value", "approx", "relative", "side"),
    [
        ("ratio", "one in 50", 0.02, None, 50 / 45 - 1, "both"),
        ("ratio", "1 in 50", 0.02, None, 50 / 45 - 1, "both"),
        ("ratio", "one in eight", 0.125, None, 8 / 7.5 - 1, "both"),
        ("ratio", "3.5 for every 50", 0.07, "approx", 0.05 / 3.5 + 0.10, "both"),
        ("ratio", "two thirds", 0.666667, "approx", 0.105, "both"),
        ("multiplier", "doubled", 2, "approx", 0.105, "both"),
        ("count", "17,805", 17805, None, 0.005, "both"),
        ("count", "49", 49, None, 0.5 / 49, "both"),
        ("count", "16.3 million", 16.3e6, None, 0.005, "both"),
        ("percent", "30 percent", 30, None, 0.5 / 30, "both"),
        ("count", "100", 100, "min", 0.5, "at_least"),
        ("count", "15,000", 15000, "max", 500 / 15000, "at_most"),
    ],
)
def test_tolerance_from_wording(
    kind: str, text: str, value: float, approx: str | None, relative: float, side: str
) -> None:
    tolerance = tolerance_for(kind, text, value, approx)
    assert tolerance.relative == pytest.approx(relative)
    assert tolerance.side == side


def test_a_rounded_one_in_50_accepts_one_in_47_but_not_one_in_40() -> None:
    tolerance = tolerance_for("ratio", "one in 50", 0.02, None)
    assert tolerance.accepts((1 / 47 - 0.02) / 0.02)
    assert not tolerance.accepts((1 / 40 - 0.02) / 0.02)


def test_a_minimum_accepts_any_larger_value_and_a_maximum_any_smaller() -> None:
    over = tolerance_for("count", "100", 100, "min")
    assert over.accepts(3.0) and not over.accepts(-0.6)
    just = tolerance_for("count", "15,000", 15000, "max")
    assert just.accepts(-0.5) and not just.accepts(0.1)
