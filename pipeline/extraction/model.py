"""The row the extractor produces: one numeric mention and the sentence it stands in."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.common.vocabulary import KINDS, STATISTICAL_KINDS, TEMPORAL_KINDS

__all__ = ["FIELDS", "KINDS", "STATISTICAL_KINDS", "TEMPORAL_KINDS", "Mention"]

FIELDS: tuple[str, ...] = (
    "start",
    "end",
    "text",
    "kind",
    "value",
    "unit",
    "approx",
    "sentence_start",
    "sentence_end",
    "sentence",
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One numeric mention: ``text == document[start:end]`` and ``sentence ==
    document[sentence_start:sentence_end]``; see the extraction guide for kinds and values."""

    start: int
    end: int
    text: str
    kind: str
    value: str
    unit: str
    approx: str
    sentence_start: int
    sentence_end: int
    sentence: str
