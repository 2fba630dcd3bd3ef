"""Fingerprints of code: a SHA-256 over a module, every project module it imports, and data files.

The imports are found by reading ``import`` statements, without importing
anything. An asset's code version is the fingerprint of its module and the SQL
it runs, so the UI marks stale exactly the assets a change affects: editing
``pipeline/release/page.py`` marks ``exports``, editing ``warehouse/corroboration.sql``
marks ``corroboration``, and neither marks ``mentions``. Incremental extraction
re-extracts every document when the fingerprint of the row-building code changes.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
from collections.abc import Iterable
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


def fingerprint(modules: Iterable[str], files: Iterable[Path] = ()) -> str:
    """SHA-256 (hex) over the source of ``modules`` and everything they import, and the bytes of ``files``.

    A file that does not exist counts as empty, so creating it changes the fingerprint.
    """
    digest = hashlib.sha256()
    names = sorted({name for module in modules for name in module_closure(module)})
    for name in names:
        path = _module_file(name)
        digest.update(f"{name}\0".encode())
        digest.update(path.read_bytes() if path is not None else b"")
        digest.update(b"\0")
    for path in files:
        digest.update(f"data:{path.name}\0".encode())
        digest.update(path.read_bytes() if path.is_file() else b"")
        digest.update(b"\0")
    return digest.hexdigest()


def code_version(module_name: str, *files: Path) -> str:
    """The code version of an asset defined in ``module_name`` that also runs ``files`` (SQL)."""
    return fingerprint([module_name], sorted(files))[:VERSION_LENGTH]
