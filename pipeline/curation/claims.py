"""``sources/claims.yaml``: arithmetic claims the documents make, recomputed from indicators.

Each entry locates the mention stating the claimed value and gives a formula
over indicator ids (``formula.py``). The check compares the formula's value with
the stated one, within a tolerance read from the statement's wording
(``tolerance.py``), and explains its verdict in a sentence. A formula that does
not parse or names an unknown indicator stops the run with a message naming the
claim; a formula without a value (division by zero, a missing period) gives the
verdict ``not_computable``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.common.values import brief
from pipeline.common.yamlfile import load_mapping
from pipeline.curation.errors import CurationError
from pipeline.curation.fields import check_fields, check_identifier, text_field
from pipeline.curation.formula import FormulaError, NotComputable, Operand, evaluate, parse, references, render
from pipeline.curation.locators import resolve_locator
from pipeline.curation.tolerance import FOR_EVERY, ONE_IN, tolerance_for

CLAIMS_FILE = "claims.yaml"
FIELDS = ("locator", "formula")
OPTIONAL = ("note",)


def load_claim_entries(sources_dir: Path) -> tuple[Path, dict[str, Any]]:
    """The raw entries of the claims file, keyed by claim id."""
    path = sources_dir / CLAIMS_FILE
    raw = load_mapping(path, "claims", CurationError)["claims"]
    if not isinstance(raw, dict):
        raise CurationError(path, "'claims' must map claim ids to their definitions")
    return path, raw


def _value_text(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    if abs(value) >= 1000:
        return f"{value:,.1f}"
    return f"{value:.4g}"


def _computed_as_stated(kind: str, value: float, stated_text: str) -> str:
    """The computed value in the form the document used: ``one in 47.0``, ``3.74 for every 50``, ``58.1 %``."""
    text = _value_text(value)
    if kind == "ratio" and value > 0:
        if ONE_IN.match(stated_text):
            return f"{text}, i.e. one in {1 / value:.1f}"
        every = FOR_EVERY.match(stated_text)
        if every:
            base = float(every.group("n").replace(",", ""))
            return f"{text}, i.e. {value * base:.2f} for every {every.group('n')}"
        return f"{text}, i.e. {value:.1%}"
    if kind == "percent":
        return f"{value:.3g} percent"
    return text


def check_claim(
    path: Path,
    claim_id: str,
    data: Any,
    texts: Mapping[str, str],
    mentions: pd.DataFrame,
    operands: Mapping[str, Operand],
) -> dict[str, object]:
    """The claim_checks row of one claim; raises CurationError for a bad entry."""
    entry = f"claim {claim_id!r}"
    check_identifier(path, entry, claim_id)
    data = check_fields(path, entry, data, FIELDS, OPTIONAL)
    formula = text_field(path, entry, data, "formula") or ""
    try:
        tree = parse(formula)
    except FormulaError as exc:
        raise CurationError(path, f"formula {brief(formula)} does not parse: {exc}", entry) from None
    unknown = sorted(references(tree) - set(operands))
    if unknown:
        raise CurationError(path, f"formula names unknown indicator(s): {', '.join(unknown)}", entry)
    mention = resolve_locator(path, entry, data["locator"], texts, mentions)
    if pd.isna(mention["value"]):
        raise CurationError(path, f"locator designates {mention['text']!r}, which has no value", entry)
    stated = float(mention["value"])
    kind = str(mention["kind"])
    qualifier = None if pd.isna(mention["qualifier"]) else str(mention["qualifier"])
    tolerance = tolerance_for(kind, str(mention["text"]), stated, qualifier)
    shown = render(tree, operands)
    stated_text = str(mention["text"]).replace("\\", "")
    note = text_field(path, entry, data, "note", required=False)
    row: dict[str, object] = {
        "claim_id": claim_id,
        "doc_id": mention["doc_id"],
        "mention_id": mention["mention_id"],
        "statement": mention["sentence"],
        "stated_text": mention["text"],
        "stated_value": stated,
        "formula": formula,
        "computed_value": None,
        "relative_difference": None,
        "tolerance": tolerance.relative,
        "verdict": "not_computable",
        "explanation": "",
    }
    try:
        computed = evaluate(tree, operands)
    except NotComputable as exc:
        row["explanation"] = _with_note(f"{shown}: not computable ({exc}); stated {stated_text!r}.", note)
        return row
    row["computed_value"] = computed
    if stated == 0:
        computed_text = _computed_as_stated(kind, computed, stated_text)
        row["explanation"] = _with_note(f"{shown} = {computed_text}; a stated 0 has no relative size.", note)
        return row
    difference = (computed - stated) / stated
    verdict = "consistent" if tolerance.accepts(difference) else "inconsistent"
    row.update(relative_difference=difference, verdict=verdict)
    row["explanation"] = _with_note(
        f"{shown} = {_computed_as_stated(kind, computed, stated_text)}; stated {stated_text!r} "
        f"({_value_text(stated)}); difference {difference:+.1%}, tolerance {tolerance.describe()}: {verdict}.",
        note,
    )
    return row


def _with_note(text: str, note: str | None) -> str:
    return f"{text} {note}" if note else text


def check_claims(
    path: Path,
    entries: Mapping[str, Any],
    texts: Mapping[str, str],
    mentions: pd.DataFrame,
    operands: Mapping[str, Operand],
) -> list[dict[str, object]]:
    """One claim_checks row per claim, in file order."""
    return [check_claim(path, str(claim_id), data, texts, mentions, operands) for claim_id, data in entries.items()]
