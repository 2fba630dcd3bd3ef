"""Validate a table against its pandera model and summarise the failures for people.

Validation is lazy (every failure is collected, not just the first) and the
failure cases come back as a small frame that an asset check shows in the UI.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

MAX_FAILURE_CASES = 20


@dataclass(frozen=True)
class ValidationReport:
    """Outcome of validating one table."""

    table: str
    n_rows: int
    n_failures: int
    failure_cases: pd.DataFrame

    @property
    def passed(self) -> bool:
        return self.n_failures == 0

    def summary(self) -> str:
        """One line for logs and check descriptions."""
        if self.passed:
            return f"{self.table}: {self.n_rows} rows valid"
        checks = sorted(set(self.failure_cases["check"].astype(str)))
        first = self.failure_cases.iloc[0]
        column = first.get("column", "")
        where = f"{column} {str(first.get('failure_case', ''))[:80]!r}" if column and column != "None" else ""
        return (
            f"{self.table}: {self.n_failures} failure case(s) in {self.n_rows} rows; checks failed: {', '.join(checks)}"
            + (f"; first: {where}" if where else "")
        )


def validate_table(table: str, model: type[pa.DataFrameModel], df: pd.DataFrame) -> ValidationReport:
    """Validate ``df`` against ``model`` lazily; never raises for invalid data."""
    return validated_frame(table, model, df)[1]


def validated_frame(
    table: str, model: type[pa.DataFrameModel], df: pd.DataFrame
) -> tuple[pd.DataFrame | None, ValidationReport]:
    """``df`` validated (and coerced to the model's dtypes) with its report, in one pass; None if it fails."""
    try:
        typed = model.validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        cols = [c for c in ("schema_context", "column", "check", "failure_case", "index") if c in cases.columns]
        cases = cases[cols].astype(str).reset_index(drop=True)
        return None, ValidationReport(table, len(df), len(cases), cases)
    return typed, ValidationReport(table, len(df), 0, pd.DataFrame())
