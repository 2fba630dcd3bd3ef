"""Tiny helper for the table-driven extraction tests."""

from __future__ import annotations

from pipeline.extraction import extract

Row = tuple[str, str, str, str, str]


def found(text: str) -> list[Row]:
    """(text, kind, value, unit, approx) of every mention of ``text``, in order."""
    return [(m.text, m.kind, m.value, m.unit, m.approx) for m in extract(text)]
