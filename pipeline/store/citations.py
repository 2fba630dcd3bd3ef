"""The statistical mentions that corroboration compares, and which figure each cites, kept up to date by group.

Citations are grouped by (kind, value to twelve significant digits): linking never crosses groups
(``pipeline.research.corroboration``). The warehouse keeps each group's fingerprint
(``figure_groups``) and the figure of each member (``figure_members``); a run links again only the
groups whose fingerprint changed (their citations added, removed or re-enriched) or all of them when
the linking rules changed, and keeps the rows of the others. Adding one document to 10,000 thus
links the few hundred groups its figures fall in instead of every citation of the corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.common.fingerprints import fingerprint
from pipeline.common.vocabulary import STATISTICAL_KINDS
from pipeline.research.corroboration import Citation, figure_members
from pipeline.store.ddl import column_list, create_table_sql
from pipeline.store.tables import model_of, table_exists, transaction

#: The citations: statistical mentions with a value (NaN is no value: it equals nothing) and a subject, with
#: their group's key, which DuckDB's ``{:.12g}`` writes for exactly the values ``value_key`` rounds alike.
_CITED = """
select *, format('{:.12g}', value + 0.0) as value_key
from mentions
where list_contains(?::varchar[], kind) and value is not null and not isnan(value) and subject is not null
"""
_GROUPS = f"""
select kind, value_key,
       cast(bit_xor(hash(mention_id, doc_id, char_start, lower(subject), coalesce(list_sort(geography), []),
                         period_start, period_end)) as varchar) || ':' || count(*) as fingerprint,
       ? as rules
from ({_CITED})
group by kind, value_key
"""
_CITATIONS = f"""
select mention_id, doc_id, char_start, kind, value, lower(subject), coalesce(list_sort(geography), []),
       period_start, period_end
from ({_CITED}) semi join _changed_groups using (kind, value_key)
order by kind, value, doc_id, char_start
"""
_BATCH = 50_000


def rules_fingerprint() -> str:
    """Fingerprint of the linking rules and of the queries above: a change of either links every group again."""
    return fingerprint(["pipeline.research.corroboration"], [Path(__file__)])


def citations(conn: duckdb.DuckDBPyConnection) -> Iterator[Citation]:
    """The citations of the groups listed in ``_changed_groups`` (kind, value_key), sorted by kind and value."""
    cursor = conn.execute(_CITATIONS, [list(STATISTICAL_KINDS)])
    while rows := cursor.fetchmany(_BATCH):
        for mention_id, doc_id, start, kind, value, subject, codes, period_start, period_end in rows:
            yield Citation(mention_id, doc_id, start, kind, value, subject, tuple(codes), period_start, period_end)


def _create_missing(conn: duckdb.DuckDBPyConnection, name: str) -> None:
    if not table_exists(conn, name):
        conn.execute(create_table_sql(name, model_of(name)))


def update_figure_members(conn: duckdb.DuckDBPyConnection) -> int:
    """Bring ``figure_members`` and ``figure_groups`` up to date with ``mentions``; the number of groups linked.

    Runs in one transaction, so the two tables always describe the same mentions.
    """
    with transaction(conn):
        for name in ("figure_groups", "figure_members"):
            _create_missing(conn, name)
        conn.execute(
            f"create or replace temporary table _groups as {_GROUPS}",
            [rules_fingerprint(), list(STATISTICAL_KINDS)],  # in the order of their ? marks
        )
        conn.execute(
            "create or replace temporary table _changed_groups as "
            "select kind, value_key from _groups g full outer join figure_groups s using (kind, value_key) "
            "where g.fingerprint is distinct from s.fingerprint or g.rules is distinct from s.rules"
        )
        changed = conn.execute("select count(*) from _changed_groups").fetchone()[0]
        pairs = pd.DataFrame(figure_members(citations(conn)), columns=["mention_id", "figure_id"], dtype="string")
        conn.register("_new_members", pairs)
        try:
            conn.execute(
                "delete from figure_members where (kind, value_key) in (select (kind, value_key) from _changed_groups)"
            )
            conn.execute(
                f"insert into figure_members ({column_list(model_of('figure_members'))}) "
                f"select p.mention_id, p.figure_id, m.kind, m.value_key "
                f"from _new_members p join ({_CITED}) m using (mention_id)",
                [list(STATISTICAL_KINDS)],
            )
        finally:
            conn.unregister("_new_members")
        conn.execute(
            "delete from figure_groups where (kind, value_key) in (select (kind, value_key) from _changed_groups)"
        )
        conn.execute(
            f"insert into figure_groups ({column_list(model_of('figure_groups'))}) "
            "select * from _groups semi join _changed_groups using (kind, value_key)"
        )
        conn.execute("drop table _groups")
        conn.execute("drop table _changed_groups")
    return int(changed)
