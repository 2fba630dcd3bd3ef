"""Code versions that change exactly when the code or SQL an asset runs changes.

An asset's code version is a SHA-256 over the source of its module and of
every project module it imports, directly or not (found by reading ``import``
statements, without importing anything), plus the SQL files it runs. The UI
then marks stale exactly the assets a change affects: editing
``pipeline/release/page.py`` marks ``exports``, editing ``warehouse/corroboration.sql``
marks ``corroboration``, and neither marks ``mentions``.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
from functools import cache
from pathlib import Path

PROJECT_PACKAGES = ("pipeline", "schemas")
VERSION_LENGTH = 12


@cache
def _module_file(name: str) -> Path | None:
    """The source file of project module ``name`` (a package's ``__init__.py``), or None if it is none."""
    if name.split(".")[0] not in PROJECT_PACKAGES:
        return None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
        return None
    return Path(spec.origin)


def _parents(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def _imports(name: str, path: Path) -> set[str]:
    """Project modules that module ``name`` imports (``from a import b`` counts ``a.b`` when that is a module)."""
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {m for m in found if _module_file(m) is not None}


@cache
def module_closure(name: str) -> tuple[str, ...]:
    """``name`` and every project module it imports, directly or through others, with their packages; sorted."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        path = _module_file(current)
        if path is None:
            continue
        seen.add(current)
        todo.extend(_parents(current))
        todo.extend(_imports(current, path))
    return tuple(sorted(seen))


def code_version(module_name: str, *files: Path) -> str:
    """The code version of an asset defined in ``module_name`` that also runs ``files`` (SQL)."""
    digest = hashlib.sha256()
    for name in module_closure(module_name):
        path = _module_file(name)
        digest.update(f"{name}\0".encode())
        digest.update(path.read_bytes() if path is not None else b"")
        digest.update(b"\0")
    for path in sorted(files):
        digest.update(f"{path.name}\0".encode())
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:VERSION_LENGTH]
