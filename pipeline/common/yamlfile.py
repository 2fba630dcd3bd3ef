"""The one way the project reads YAML: UTF-8, a safe loader that refuses duplicate keys, errors naming file and line.

Provenance, the curated files and the release settings are all read here, so
every one of them refuses a key written twice (plain YAML would silently keep
the last) and reports a syntax error with the line it is on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from pipeline.common.errors import InputError


class _UniqueKeys:
    """What both loaders below add to PyYAML's safe loader: a mapping with the same key twice is refused (YAML
    would keep the last silently), and dates are read as the text they are (``2024-06-26`` stays a string): the
    project's ISO-date validator checks them, and an impossible date such as ``2024-13-45`` gets an error naming
    its entry instead of PyYAML's crash.
    """

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[attr-defined]
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc]


class _UniqueKeyLoader(_UniqueKeys, yaml.SafeLoader):
    """The pure-Python safe loader: the one whose errors (problem, line, column) the project reports."""


#: The same loader on libyaml's parser when PyYAML was built with it: ten thousand provenance files are read
#: several times faster. It only reads; whatever it refuses is read again by the Python loader for its error.
_FastLoader: type | None = (
    type("_UniqueKeyCLoader", (_UniqueKeys, yaml.CSafeLoader), {}) if getattr(yaml, "__with_libyaml__", False) else None
)


def describe_yaml_error(exc: yaml.YAMLError) -> str:
    """``<problem> (line L, column C)``: what PyYAML found, without its multi-line context dump."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
    return f"{problem}{where}"


def parse_yaml(text: str) -> Any:
    """The data of YAML ``text``; raises ``yaml.YAMLError`` (duplicate keys included)."""
    if _FastLoader is not None:
        try:
            return yaml.load(text, Loader=_FastLoader)  # noqa: S506 (a SafeLoader)
        except Exception:  # noqa: BLE001, S110 - read again below, for the error the Python loader gives
            pass
    return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 (a SafeLoader)


def load_yaml(path: Path, error: type[InputError] = InputError) -> Any:
    """The data of the YAML file ``path``; a missing file, bad UTF-8 or bad YAML raises ``error`` naming it."""
    if path.is_symlink():
        raise error(path, "is a symbolic link; keep the file itself in its folder")
    if not path.is_file():
        raise error(path, "file is missing")
    try:
        return parse_yaml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise error(path, f"not valid UTF-8 (byte {exc.start}: {exc.reason})") from exc
    except yaml.YAMLError as exc:
        raise error(path, f"not valid YAML: {describe_yaml_error(exc)}") from exc
    except (ValueError, TypeError, RecursionError) as exc:  # a value PyYAML cannot construct (a list as a key),
        # or nesting too deep
        raise error(path, f"not valid YAML: {type(exc).__name__}: {str(exc)[:200]}") from exc


def load_mapping(path: Path, required_key: str, error: type[InputError] = InputError) -> dict[str, Any]:
    """The top-level mapping of ``path``; it must hold ``required_key``."""
    data = load_yaml(path, error)
    if not isinstance(data, dict) or required_key not in data:
        raise error(path, f"expected a top-level '{required_key}:' key")
    return data
