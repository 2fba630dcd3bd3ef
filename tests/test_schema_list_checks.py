"""The list check ``sorted_items`` gives the same verdict on an Arrow list column as cell by cell in Python."""

from __future__ import annotations

import pandas as pd
import pyarrow
from hypothesis import given
from hypothesis import strategies as st

from schemas.common import CODES, IDS, _sorted_unique_matching, sorted_items

ITEMS = st.one_of(st.sampled_from(["ARG", "BRA", "MEX", "USA-SWB", "usa", "AB", "A;B", "", "ÑAN"]), st.text(max_size=4))
CELLS = st.one_of(st.none(), st.lists(st.one_of(ITEMS, st.none()), max_size=4))


@given(st.lists(CELLS, max_size=10), st.sampled_from([CODES, IDS]))
def test_arrow_lists_are_checked_as_python_checks_each_cell(cells: list[list[str | None] | None], pattern: str) -> None:
    series = pd.Series(pd.array(cells, dtype=pd.ArrowDtype(pyarrow.list_(pyarrow.string()))))
    expected = [True if c is None else _sorted_unique_matching(c, pattern) for c in cells]
    assert sorted_items(series, pattern=pattern).tolist() == expected
