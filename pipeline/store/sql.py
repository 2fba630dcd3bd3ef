"""The SQL under ``warehouse/``: derived tables, their checks, the tables each reads, and its parameters.

Layout, one place per table (as a dbt model is one ``.sql`` beside its schema):

- ``warehouse/<table>.sql`` builds derived table ``<table>``, whose pandera
  model is ``schemas/<table>.py``;
- ``warehouse/checks/<table>/<check>.sql`` is a blocking check of ``<table>``
  named ``<table>_<check>``: a query returning one row per problem. Its header
  comment says what it verifies (first lines), and ``-- passes:`` /
  ``-- fails: <n> ...`` give the check's outcome descriptions.

Both are found by globbing, never registered by hand. The closed vocabularies
(``pipeline.common.vocabulary``) reach the SQL as named parameters
(``$statistical_kinds``), bound from ``SQL_PARAMETERS``; a query names only
those it uses. What a query reads is derived from its ``from``/``join``
clauses, and becomes its asset's dependencies.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.common import vocabulary
from pipeline.common.settings import REPO_ROOT
from pipeline.places.gazetteer import COUNTRY_NAMES
from pipeline.store.tables import frame_of

SQL_DIR = REPO_ROOT / "warehouse"
CHECKS_DIR = SQL_DIR / "checks"

#: Every value a query may name as ``$name``.
SQL_PARAMETERS: dict[str, object] = {
    "statistical_kinds": list(vocabulary.STATISTICAL_KINDS),
    "temporal_kinds": list(vocabulary.TEMPORAL_KINDS),
    "kinds": list(vocabulary.KINDS),
    "verdicts": list(vocabulary.VERDICTS),
    "country_codes": sorted(COUNTRY_NAMES),
}

_COMMENT = re.compile(r"--[^\n]*")
_PARAMETER = re.compile(r"\$([a-z_][a-z0-9_]*)")
_TABLE_READ = re.compile(r"\b(?:from|join)\s+\"?([A-Za-z_][A-Za-z0-9_]*)\"?", re.IGNORECASE)
_PASSES = "passes:"
_FAILS = "fails: <n>"


def read_sql(path: Path) -> str:
    """The text of a SQL file."""
    return path.read_text(encoding="utf-8")


def _code(sql: str) -> str:
    """``sql`` without its comments."""
    return _COMMENT.sub("", sql)


def parameters_of(sql: str) -> dict[str, object]:
    """The named parameters ``sql`` uses, with their values; an unknown ``$name`` raises ValueError."""
    names = sorted(set(_PARAMETER.findall(_code(sql))))
    unknown = [n for n in names if n not in SQL_PARAMETERS]
    if unknown:
        raise ValueError(
            f"unknown SQL parameter(s) {', '.join('$' + n for n in unknown)}; known: {sorted(SQL_PARAMETERS)}"
        )
    return {n: SQL_PARAMETERS[n] for n in names}


def run_query(conn: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    """The result of ``sql`` as a frame, its named parameters bound."""
    return frame_of(conn, sql, parameters_of(sql))


def tables_read(sql: str, tables: Collection[str]) -> list[str]:
    """The tables among ``tables`` that ``sql`` reads (in ``from`` and ``join`` clauses), sorted."""
    return sorted({name for name in _TABLE_READ.findall(_code(sql)) if name in tables})


def mart_files(sql_dir: Path = SQL_DIR) -> dict[str, Path]:
    """Every derived table built by SQL: table name → ``warehouse/<table>.sql``."""
    return {path.stem: path for path in sorted(sql_dir.glob("*.sql"))}


@dataclass(frozen=True)
class SqlCheck:
    """A blocking check of ``table``, whose query lists the problems."""

    table: str
    name: str
    path: Path
    sql: str
    description: str
    passed: str  # outcome when there is no problem
    problem: str  # "<n> <problem>" when there are some

    def reads(self, tables: Collection[str]) -> list[str]:
        """The tables among ``tables``, other than its own, that the check reads."""
        return [t for t in tables_read(self.sql, tables) if t != self.table]


def _header(path: Path, sql: str) -> tuple[str, str, str]:
    """Description, pass and fail texts from the leading comment lines of a check file."""
    lines = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        lines.append(line[2:].strip())
    passed = next((line[len(_PASSES) :].strip() for line in lines if line.startswith(_PASSES)), "")
    problem = next((line[len(_FAILS) :].strip() for line in lines if line.startswith(_FAILS)), "")
    description = lines[0] if lines else ""
    if not (description and passed and problem):
        raise ValueError(f"{path}: a check opens with its description, '-- {_PASSES} ...' and '-- {_FAILS} ...'")
    return description, passed, problem


def check_files(tables: Collection[str], checks_dir: Path = CHECKS_DIR) -> list[SqlCheck]:
    """Every SQL check under ``warehouse/checks/<table>/``, in table and file order; unknown tables raise."""
    checks = []
    for folder in sorted(p for p in checks_dir.iterdir() if p.is_dir()):
        if folder.name not in tables:
            raise ValueError(f"{folder}: checks of an unknown table; known tables: {', '.join(sorted(tables))}")
        for path in sorted(folder.glob("*.sql")):
            sql = read_sql(path)
            description, passed, problem = _header(path, sql)
            checks.append(SqlCheck(folder.name, f"{folder.name}_{path.stem}", path, sql, description, passed, problem))
    return checks
