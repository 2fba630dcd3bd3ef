"""Materialising the real asset graph on a temporary copy of the seed documents."""

from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq
import yaml

from pipeline.common.isodates import stated_date
from pipeline.sources.documents import provenance_path
from tests.conftest import SEED_IDS, Project


def test_documents_holds_the_five_seed_documents(seeded_project: Project) -> None:
    rows = seeded_project.query("select doc_id from documents order by doc_id")
    assert [r[0] for r in rows] == SEED_IDS


def test_documents_text_is_the_file_content_unchanged(seeded_project: Project) -> None:
    for doc_id, file_name, text in seeded_project.query("select doc_id, file_name, text from documents"):
        assert text == (seeded_project.sources / file_name).read_bytes().decode("utf-8"), doc_id


def test_documents_carry_their_provenance(seeded_project: Project) -> None:
    rows = seeded_project.query(
        "select file_name, license, sha256, bytes, published, published_precision from documents"
    )
    assert sorted(r[0] for r in rows) == [f"{doc_id}.txt" for doc_id in SEED_IDS]
    for file_name, license_, sha256, size, published, precision in rows:
        entry = yaml.safe_load(provenance_path(seeded_project.sources / file_name).read_text(encoding="utf-8"))
        assert (license_, sha256, size) == (entry["license"], entry["sha256"], entry["bytes"])
        assert stated_date(published, precision) == entry["published"]
    assert seeded_project.query("select license from documents where doc_id = '004_2e8b6a177bdcb179'") == [
        ("CC BY-NC-ND 4.0",)
    ]


def test_every_mention_text_equals_its_document_at_its_offsets(seeded_project: Project) -> None:
    texts = dict(seeded_project.query("select doc_id, text from documents"))
    mentions = seeded_project.query(
        "select doc_id, char_start, char_end, text, sentence_start, sentence_end, sentence from mentions"
    )
    assert len(mentions) > 50
    for doc_id, start, end, text, s_start, s_end, sentence in mentions:
        assert texts[doc_id][start:end] == text
        assert texts[doc_id][s_start:s_end] == sentence


def test_mentions_use_only_the_guides_kinds(seeded_project: Project) -> None:
    kinds = {r[0] for r in seeded_project.query("select distinct kind from mentions")}
    assert kinds <= {"count", "percent", "money", "ratio", "multiplier", "year", "date", "duration"}
    assert {"count", "year", "date"} <= kinds


def test_exports_hold_every_table_as_csv_and_parquet(seeded_project: Project) -> None:
    for table in ("documents", "mentions"):
        (n_rows,) = seeded_project.query(f"select count(*) from {table}")[0]
        csv = pd.read_csv(seeded_project.exports / f"{table}.csv", keep_default_na=False)
        parquet = pq.read_table(seeded_project.exports / f"{table}.parquet")
        assert len(csv) == n_rows == parquet.num_rows


def test_rerunning_replaces_rows_instead_of_duplicating_them(project: Project) -> None:
    assert project.materialise().success
    first = project.state()
    assert project.materialise().success
    assert project.state() == first
