"""Numbers as written in digits, and values as written in the output (plain decimals)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

_SIX_PLACES = Decimal("0.000001")


def parse_digits(token: str) -> Decimal | None:
    """Value of a digit string such as ``"1,520"`` or ``"8.3"``; None if it is not a number."""
    try:
        return Decimal(token.replace(",", ""))
    except InvalidOperation:
        return None


def plain(value: Decimal) -> str:
    """Write ``value`` as a plain decimal without exponent or trailing zeros (``8300000``, ``0.5``)."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def ratio(numerator: Decimal, denominator: Decimal) -> str:
    """A ratio rounded to six decimals, written plainly (``0.666667``, ``0.02``)."""
    if denominator == 0:
        return "0"
    with localcontext() as ctx:
        ctx.prec = 120  # room for six decimals after any number written in a document
        try:
            return plain((numerator / denominator).quantize(_SIX_PLACES, rounding=ROUND_HALF_UP))
        except InvalidOperation:
            return plain(numerator / denominator)
