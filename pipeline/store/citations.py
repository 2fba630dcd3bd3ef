"""The statistical mentions that corroboration compares, streamed from the warehouse in (kind, value) order."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pandas as pd

from pipeline.common.vocabulary import STATISTICAL_KINDS
from pipeline.research.corroboration import Citation, figure_members

_CITATIONS = """
select mention_id, doc_id, char_start, kind, value, lower(subject), coalesce(list_sort(geography), []),
       period_start, period_end
from mentions
where list_contains(?::varchar[], kind) and value is not null and subject is not null
order by kind, value, doc_id, char_start
"""
_BATCH = 50_000


def citations(conn: duckdb.DuckDBPyConnection) -> Iterator[Citation]:
    """Every statistical mention with a value and a subject, sorted by kind and value, a batch at a time."""
    cursor = conn.execute(_CITATIONS, [list(STATISTICAL_KINDS)])
    while rows := cursor.fetchmany(_BATCH):
        for mention_id, doc_id, start, kind, value, subject, codes, period_start, period_end in rows:
            yield Citation(mention_id, doc_id, start, kind, value, subject, tuple(codes), period_start, period_end)


def figure_members_frame(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """``figure_members``: (mention_id, figure_id) of every mention of a figure cited by several documents."""
    pairs = figure_members(citations(conn))
    return pd.DataFrame(pairs, columns=["mention_id", "figure_id"], dtype="string")
