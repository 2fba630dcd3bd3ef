"""How far a recomputed value may stray from the value a document states, read from its wording.

Rules (tolerances are relative to the stated value):

- Any stated value: at least 0.5 %, which absorbs rounding in the recomputation.
- Digits are rounded to half a unit of their last significant digit: ``8,641``
  ± 0.5, ``3.5`` ± 0.05, ``16.3 million`` ± 0.05 million. A whole number ending
  in zeros is rounded to its last non-zero digit (``478,000`` ± 500, ``50`` ± 5);
  a percent to the whole percent unless it has decimals.
- ``one in N`` / ``1 in N``: that rounding applied to N (in words or digits):
  ``one in 50`` covers one in 45 to one in 55, i.e. ± 11.1 %.
- ``X for every N``: the rounding of X; N is the base and exact.
- Named fractions and multiplier words (``two thirds``, ``doubled``) are exact:
  the 0.5 % floor.
- Approximate wording (``about``, ``around``, ``nearly``, ``almost``, ``roughly``,
  ``some``: the mention's qualifier is ``approx``) adds 10 percentage points.
- ``over``, ``more than``, ``at least`` (qualifier min) make it one-sided:
  any larger value is consistent; ``under``, ``up to``, ``at most`` (qualifier
  max): any smaller value is. ``just`` alone sets no qualifier.

A claim is ``consistent`` when its relative difference is within the tolerance
(on the open side for min and max), ``inconsistent`` otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FLOOR = 0.005
APPROX_SLACK = 0.10
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_DIGITS = re.compile(r"(?P<number>\d[\d,]*(?:\.\d+)?)(?:\s*(?P<scale>thousand|million|billion|trillion))?", re.I)
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
ONE_IN = re.compile(r"^(?:one|1|a|an)\s+(?:[a-z]+\s+)?(?:in|out\s+of)\s+(?P<n>\d[\d,]*|[a-z]+)$", re.I)
FOR_EVERY = re.compile(r"^(?P<x>\d[\d,]*(?:\.\d+)?)\s+(?:for|of|in)\s+every\s+(?P<n>\d[\d,]*)", re.I)


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How much a recomputed value may differ from the stated one, and on which side."""

    relative: float
    side: str  # "both", "at_least" (stated is a floor) or "at_most" (stated is a ceiling)
    reasons: tuple[str, ...]

    def accepts(self, relative_difference: float) -> bool:
        """Whether a relative difference (computed − stated) / stated is within the tolerance."""
        slack = self.relative + 1e-12
        if self.side == "at_least":
            return relative_difference >= -slack
        if self.side == "at_most":
            return relative_difference <= slack
        return abs(relative_difference) <= slack

    def describe(self) -> str:
        """``±11.1 %`` or ``at least −0.5 %``, with the reasons."""
        bound = {"both": "±", "at_least": "no less than −", "at_most": "no more than +"}[self.side]
        return f"{bound}{self.relative:.1%} ({'; '.join(self.reasons)})"


def half_unit(number_text: str) -> float:
    """Half a unit of the last significant digit of a number written in digits (``478,000`` → 500)."""
    digits = number_text.replace(",", "")
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".")[1])
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    return 0.5 * 10**zeros


def _denominator_rounding(text: str, n_text: str) -> tuple[float, str]:
    """Tolerance of ``one in N`` from the rounding of N (``50`` → 45 to 55 → 11.1 %)."""
    digits = str(_WORD_NUMBERS[n_text.lower()]) if n_text.lower() in _WORD_NUMBERS else n_text
    if not digits[0].isdigit():
        return 0.0, f"'{text}' taken as exact"
    n, half = float(digits.replace(",", "")), half_unit(digits)
    if n <= half:
        return 0.0, f"'{text}' taken as exact"
    return n / (n - half) - 1, f"'{text}' covers one in {n - half:g} to one in {n + half:g}"


def rounding(kind: str, text: str, value: float) -> tuple[float, str]:
    """The relative tolerance implied by how the figure is written, with the reason."""
    cleaned = text.replace("\\", "").replace("$", "").strip()
    if kind == "ratio":
        one_in = ONE_IN.match(cleaned)
        if one_in:
            return _denominator_rounding(cleaned, one_in.group("n"))
        every = FOR_EVERY.match(cleaned)
        if every:
            x = every.group("x")
            return half_unit(x) / float(x.replace(",", "")), f"'{x}' is rounded to ±{half_unit(x):g}"
        return 0.0, "named fraction, taken as exact"
    m = _DIGITS.search(cleaned)
    if m is None or value == 0:
        return 0.0, "stated in words, taken as exact"
    number_text = m.group("number")
    scale = _SCALES.get((m.group("scale") or "").lower(), 1.0)
    half = 0.5 if kind == "percent" and "." not in number_text else half_unit(number_text)
    return half * scale / abs(value), f"'{cleaned}' is rounded to ±{half * scale:,g}"


def tolerance_for(kind: str, text: str, value: float, qualifier: str | None) -> Tolerance:
    """The tolerance of a stated figure: its rounding, the 0.5 % floor, and its qualifier."""
    relative, reason = rounding(kind, text, value)
    reasons = [reason] if relative > FLOOR else ["0.5 % floor"]
    relative = max(relative, FLOOR)
    side = "both"
    if qualifier == "approx":
        relative += APPROX_SLACK
        reasons.append("approximate wording (+10 points)")
    elif qualifier == "min":
        side = "at_least"
        reasons.append("stated as a minimum")
    elif qualifier == "max":
        side = "at_most"
        reasons.append("stated as a maximum")
    return Tolerance(relative, side, tuple(reasons))
