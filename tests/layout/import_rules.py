"""The import rules of the layout (DESIGN.md, contract 3), read from the source with ``ast``, nothing imported.

- only ``pipeline.defs`` imports Dagster;
- the pure packages (``common``, ``extraction``, ``enrichment``, ``curation``, ``research``) import no
  orchestration, storage, command-line or release code, and no DuckDB;
- each package imports only the packages it is allowed to (``ALLOWED``), so there is no cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ORCHESTRATION = ("dagster", "dagster_duckdb", "dagster_webserver")
STORAGE = ("duckdb",)
PURE = ("common", "places", "text", "extraction", "enrichment", "curation", "convert", "research")

#: For each package of ``pipeline`` (or ``schemas``), the project packages it may import.
ALLOWED: dict[str, frozenset[str]] = {
    "common": frozenset(),
    "places": frozenset({"text"}),
    "text": frozenset(),
    "extraction": frozenset({"common", "text"}),
    "enrichment": frozenset({"common", "places", "text", "extraction"}),
    "curation": frozenset({"common", "places"}),
    "research": frozenset({"common"}),
    "schemas": frozenset({"common"}),
    "convert": frozenset({"common"}),
    "sources": frozenset({"common", "convert"}),
    "store": frozenset({"common", "places", "sources", "schemas", "research"}),
    "release": frozenset({"common", "store"}),
    "defs": frozenset(
        {
            "common",
            "places",
            "text",
            "extraction",
            "enrichment",
            "curation",
            "convert",
            "research",
            "sources",
            "store",
            "release",
            "schemas",
        }
    ),
    "cli": frozenset(
        {"common", "places", "text", "extraction", "enrichment", "curation", "convert", "sources", "defs"}
    ),
    "": frozenset({"cli"}),  # pipeline/__init__.py and __main__.py
}


@dataclass(frozen=True)
class Violation:
    """One import that breaks a rule."""

    file: Path
    line: int
    imported: str
    rule: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: imports {self.imported}: {self.rule}"


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module


def _package_of(root: Path, path: Path) -> tuple[str, str]:
    """(top-level package, its sub-package) of a file: ('pipeline', 'store') or ('schemas', 'schemas')."""
    parts = path.relative_to(root).parts
    if parts[0] == "schemas":
        return "schemas", "schemas"
    return "pipeline", parts[1] if len(parts) > 2 else ""


def _imported_package(name: str) -> str | None:
    parts = name.split(".")
    if parts[0] == "schemas":
        return "schemas"
    if parts[0] == "pipeline":
        return parts[1] if len(parts) > 1 else ""
    return None


def violations(root: Path) -> list[Violation]:
    """Every import under ``root/pipeline`` and ``root/schemas`` that breaks a rule."""
    found = []
    files = sorted([*(root / "pipeline").rglob("*.py"), *(root / "schemas").rglob("*.py")])
    for path in files:
        _, package = _package_of(root, path)
        for line, name in _imports(path):
            top = name.split(".")[0]
            target = _imported_package(name)
            if top in ORCHESTRATION and package != "defs":
                found.append(Violation(path, line, name, "only pipeline.defs imports Dagster"))
            elif top in STORAGE and package in PURE:
                found.append(Violation(path, line, name, f"pipeline.{package} is pure: no storage"))
            elif target is not None and target != package and target not in ALLOWED.get(package, frozenset()):
                allowed = ", ".join(sorted(ALLOWED.get(package, frozenset()))) or "no other package"
                found.append(Violation(path, line, name, f"pipeline.{package or '(top)'} may import {allowed}"))
    return found


def has_cycle(graph: dict[str, frozenset[str]]) -> list[str] | None:
    """A cycle of ``graph`` (package → packages it may import), or None."""
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(graph.get(node, frozenset())):
            if state.get(nxt) == 1:
                return [*path, node, nxt]
            if nxt not in state and (cycle := visit(nxt, [*path, node])):
                return cycle
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node, [])):
            return cycle
    return None
