"""The one decorator every table asset is declared with: name, description, grain and code version derived.

A table asset's name is its pandera model's ``Config.name`` (= DuckDB table =
export file); its description in the UI is the model's ``Config.description``
and grain, written once in ``schemas/``, followed by the function's docstring
saying how the asset builds the table; its code version is the fingerprint of
the code (and SQL) it runs. Every step that opens the warehouse is in the
``duckdb`` pool.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import dagster as dg
import pandera.pandas as pa

from pipeline.common.fingerprints import code_version


def table_description(model: type[pa.DataFrameModel], how: str | None = None) -> str:
    """``Config.description`` of ``model``, its grain, and ``how`` the asset builds it."""
    config = model.Config
    parts = [str(config.description), f"Grain: {config.metadata['grain']}."]
    if how:
        parts.append(inspect.cleandoc(how))
    return "\n\n".join(parts)


def table_asset(
    model: type[pa.DataFrameModel],
    *,
    group: str,
    deps: Iterable[str] = (),
    kinds: Sequence[str] = ("duckdb", "pandas"),
    sql: Path | None = None,
    how: str | None = None,
) -> Callable[[Callable[..., Any]], dg.AssetsDefinition]:
    """Declare the function it decorates as the asset building ``model``'s table.

    ``how`` (default: the function's docstring) says how the table is built;
    ``sql`` is the SQL file the asset runs, if any.
    """

    def decorate(fn: Callable[..., Any]) -> dg.AssetsDefinition:
        text = how or fn.__doc__ or ""
        if sql is not None:
            text = f"{inspect.cleandoc(text)}\n\nSQL: {sql.parent.name}/{sql.name}."
        return dg.asset(
            name=str(model.Config.name),
            group_name=group,
            kinds=set(kinds),
            pool="duckdb",
            code_version=code_version(fn.__module__, *([sql] if sql else [])),
            deps=sorted(deps),
            description=table_description(model, text),
        )(fn)

    return decorate
