"""Column types, patterns and value lists shared by several schemas.

Dates and lists are Arrow-backed pandas columns (``DATE``, ``TEXT_LIST``), so
that they reach DuckDB as ``DATE`` and ``VARCHAR[]`` and Parquet as ``date32``
and ``list<string>`` without conversion; only the CSV writer joins a list's
items with ``;``.
"""

from __future__ import annotations

import re
from typing import Annotated

import numpy as np
import pandas as pd
import pyarrow
import pyarrow.compute as pc
from pandera import extensions

from pipeline.common.vocabulary import (
    DURATION_UNITS,
    ENRICHMENT_COLUMNS,
    KINDS,
    QUALIFIERS,
    RATE_UNITS,
    STATISTICAL_KINDS,
    VERDICTS,
)

__all__ = [
    "DATE",
    "DATE_PRECISIONS",
    "DURATION_UNITS",
    "ENRICHMENT_COLUMNS",
    "KINDS",
    "QUALIFIERS",
    "RATE_UNITS",
    "STATISTICAL_KINDS",
    "TEXT_LIST",
    "VERDICTS",
    "CODES",
    "IDS",
    "INT_LIST",
]

#: A calendar day (DuckDB DATE, Parquet date32, ISO 8601 in CSV).
DATE = Annotated[pd.ArrowDtype, pyarrow.date32()]
#: A list of strings (DuckDB VARCHAR[], Parquet list<string>, items joined by ';' in CSV).
TEXT_LIST = Annotated[pd.ArrowDtype, pyarrow.list_(pyarrow.string())]
#: A list of integers (DuckDB BIGINT[]); kept in the warehouse only.
INT_LIST = Annotated[pd.ArrowDtype, pyarrow.list_(pyarrow.int64())]

CODE_PATTERN = r"[A-Z]{3}(-[A-Z]{3})?"
GEOGRAPHY_DESCRIPTION = (
    "ISO 3166-1 alpha-3 country codes and region codes (see the regions table), sorted, without repeats "
    "(a list; joined by ';' in CSV)"
)
#: How precise a stated date is (``documents.published_precision``).
DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year")
ISO_MONTH_OR_DAY_PATTERN = r"^\d{4}-\d{2}(-\d{2})?$"


def _sorted_unique_matching(values: object, pattern: str) -> bool:
    """Whether a list cell is non-empty, sorted, without repeats, each item matching ``pattern``."""
    items = list(values)  # type: ignore[call-overload]
    return (
        bool(items)
        and all(isinstance(i, str) and re.fullmatch(pattern, i) for i in items)
        and items == sorted(set(items))
    )


@extensions.register_check_method(statistics=["pattern"], supported_types=pd.Series)
def sorted_items(series: pd.Series, *, pattern: str) -> pd.Series:
    """List check (``pa.Field(sorted_items=PATTERN)``): each list is non-empty, sorted, without repeats, and
    every item matches ``PATTERN``; missing cells pass. An Arrow list column is checked a column at a time."""
    if isinstance(series.dtype, pd.ArrowDtype) and pyarrow.types.is_list(series.dtype.pyarrow_dtype):
        return pd.Series(_sorted_items_arrow(pyarrow.array(series), pattern), index=series.index)
    return series.map(lambda v: True if v is None or v is pd.NA else _sorted_unique_matching(v, pattern))


def _sorted_items_arrow(lists: pyarrow.ListArray, pattern: str) -> np.ndarray:
    """``sorted_items`` on an Arrow list array: non-empty, strictly increasing, every item matching."""
    ok = pc.fill_null(pc.greater(pc.list_value_length(lists), 0), True).to_numpy(zero_copy_only=False).copy()
    items = pc.list_flatten(lists)
    if len(items) == 0:
        return ok
    parents = pc.list_parent_indices(lists).to_numpy()
    bad_item = ~pc.fill_null(pc.match_substring_regex(items, f"^(?:{pattern})$"), False).to_numpy(zero_copy_only=False)
    same_list = parents[1:] == parents[:-1]
    increasing = pc.fill_null(pc.less(items[:-1], items[1:]), False).to_numpy(zero_copy_only=False)
    ok[parents[bad_item]] = False
    ok[parents[1:][same_list & ~increasing]] = False
    return ok


#: ``sorted_items`` pattern of a geography list: country and region codes.
CODES = CODE_PATTERN
#: ``sorted_items`` pattern of an id list: no ';' (the CSV delimiter of lists).
IDS = r"[^;]+"
