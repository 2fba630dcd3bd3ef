"""Build every file of the release, in memory, from the tables, their models and the release description.

Order matters only where one file states another's size or hash: data files
first, then ``datapackage.json`` (their sizes and hashes), the dictionary,
citation and changelog, the page (every file's size), and ``SHA256SUMS`` last
(every other file's hash). Nothing here reads a clock, a random source or the
file system, so equal inputs give equal bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pandera.pandas as pa

from pipeline.release.changelog import CHANGELOG_FILE, changelog
from pipeline.release.checksums import CHECKSUMS_FILE, sha256sums
from pipeline.release.citation import CITATION_FILE, citation_cff
from pipeline.release.datapackage import datapackage, to_json_bytes
from pipeline.release.dictionary import DICTIONARY_FILE, data_dictionary
from pipeline.release.frames import release_frame
from pipeline.release.info import ReleaseError, ReleaseInfo
from pipeline.release.licences import source_licences
from pipeline.release.page import CLAIMS_TABLE, PAGE_FILE, index_html
from pipeline.release.spec import table_spec
from pipeline.release.writers import arrow_table, table_csv_bytes, table_parquet_bytes

DATAPACKAGE_FILE = "datapackage.json"
DOCUMENTS_TABLE = "documents"
OTHER_FILES = {
    DATAPACKAGE_FILE: "Frictionless Data Package: licences, sources, and every data file's schema, size and SHA-256.",
    DICTIONARY_FILE: "Data dictionary: every table and column, its type, unit, constraints and licence.",
    CITATION_FILE: "How to cite the dataset (Citation File Format), with the source documents as references.",
    CHANGELOG_FILE: "What changed in each version of the data, dated.",
    PAGE_FILE: "The release's page: what the dataset is, downloads, sources, licence, citation.",
    CHECKSUMS_FILE: "SHA-256 of every other file; check a download with sha256sum -c SHA256SUMS.",
}


#: The columns of a large table that the page reads (its charts); other large tables are kept as no rows.
PAGE_COLUMNS = {"mentions": ["doc_id", "kind"]}
#: Tables kept whole for the page and metadata (the sources, and the claims the page charts).
KEPT_TABLES = (DOCUMENTS_TABLE, CLAIMS_TABLE)


def _kept_for_page(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """What the page and the metadata files read of a published table."""
    if name in KEPT_TABLES:
        return frame
    if name in PAGE_COLUMNS:
        return frame[PAGE_COLUMNS[name]]
    return frame.iloc[0:0].copy()  # a copy: a slice would keep the whole table alive


def build_release(
    tables: Mapping[str, pd.DataFrame], models: Mapping[str, type[pa.DataFrameModel]], info: ReleaseInfo
) -> dict[str, bytes]:
    """File name → bytes of every file of the release; ReleaseError names a table that cannot be published.

    ``tables`` may read each table only when it is asked for (as the ``exports`` asset's does): the tables are
    published one at a time, so that only one of them is in memory at once.
    """
    if DOCUMENTS_TABLE not in models:
        raise ReleaseError("release", f"the '{DOCUMENTS_TABLE}' table (sources and their provenance) is required")
    missing = sorted(set(models) - set(tables))
    if missing:
        raise ReleaseError("release", f"table(s) not read from the warehouse: {', '.join(missing)}")
    specs = [table_spec(name, model) for name, model in models.items()]
    frames: dict[str, pd.DataFrame] = {}  # what the page and metadata read of each table, nothing more
    rows: dict[str, int] = {}
    files: dict[str, bytes] = {}
    with ThreadPoolExecutor(max_workers=2) as writers:  # Arrow and Parquet release the GIL: both on their core
        for spec in specs:  # one table at a time: each is read, written and let go before the next
            frame = release_frame(spec, models[spec.name], tables[spec.name])
            rows[spec.name] = len(frame)
            frames[spec.name] = _kept_for_page(spec.name, frame)
            table = arrow_table(frame, spec)  # one Arrow copy for both files; the pandas rows go first
            del frame
            csv_file = writers.submit(table_csv_bytes, table, spec)
            parquet_file = writers.submit(table_parquet_bytes, table)
            files[f"{spec.name}.csv"] = csv_file.result()
            files[f"{spec.name}.parquet"] = parquet_file.result()
            del table, csv_file, parquet_file
    documents = frames[DOCUMENTS_TABLE]
    licences = source_licences(documents)
    files[DATAPACKAGE_FILE] = to_json_bytes(datapackage(info, specs, rows, files, documents, licences))
    files[DICTIONARY_FILE] = data_dictionary(info, specs, rows, licences, OTHER_FILES)
    files[CITATION_FILE] = citation_cff(info, documents)
    files[CHANGELOG_FILE] = changelog(info)
    sizes = {name: len(data) for name, data in files.items()}
    files[PAGE_FILE] = index_html(info, specs, frames, rows, sizes, licences, OTHER_FILES)
    files[CHECKSUMS_FILE] = sha256sums(files)
    return files
