"""The published release of the seed documents: complete, valid, self-describing, licensed, verifiable."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import frictionless
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml

from pipeline.common.settings import REPO_ROOT
from pipeline.release.info import project_version
from pipeline.sources.documents import PROVENANCE_SUFFIX
from schemas import SCHEMAS
from tests.conftest import SEED_IDS, Project
from tests.csv_cells import restore

FRICTIONLESS = Path(sys.executable).parent / "frictionless"
METADATA_FILES = {"datapackage.json", "DATA_DICTIONARY.md", "CITATION.cff", "CHANGELOG.md", "index.html", "SHA256SUMS"}


def _package(project: Project) -> dict:
    return json.loads((project.exports / "datapackage.json").read_text(encoding="utf-8"))


def _resource(package: dict, name: str) -> dict:
    return next(r for r in package["resources"] if r["name"] == name)


def _released_columns(table: str) -> list[str]:
    columns = SCHEMAS[table].to_schema().columns
    return [name for name, col in columns.items() if (col.metadata or {}).get("in_release", True)]


def test_release_holds_every_table_as_csv_and_parquet_and_the_metadata_files(seeded_project: Project) -> None:
    names = {p.name for p in seeded_project.exports.iterdir()}
    tables = {f"{t}.{ext}" for t in SCHEMAS for ext in ("csv", "parquet")}
    assert names == tables | METADATA_FILES


def test_frictionless_validator_passes_the_release(seeded_project: Project) -> None:
    done = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", "datapackage.json"],
        cwd=seeded_project.exports,
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(done.stdout)
    errors = [e["message"] for e in report.get("errors", [])]
    errors += [e["message"] for task in report["tasks"] for e in task["errors"]]
    assert report["valid"] and done.returncode == 0, errors
    assert {t["name"] for t in report["tasks"]} == {r["name"] for r in _package(seeded_project)["resources"]}


def _untyped(field: dict[str, object]) -> dict[str, object]:
    return {"name": field["name"], "type": "any"}


def _integers_with_nulls(path: Path, fields: list[dict]) -> set[str]:
    """The integer fields whose Parquet column holds nulls, each checked against its declared constraints."""
    table = pq.read_table(path)
    names = set()
    for f in fields:
        column = table.column(f["name"])
        if f["type"] != "integer" or not column.null_count:
            continue
        constraints = f.get("constraints", {})
        assert column.type == pa.int64(), (path.name, f["name"], column.type)
        assert not constraints.get("required"), (path.name, f["name"])
        values = [v for v in column.to_pylist() if v is not None]
        assert all(v >= constraints.get("minimum", v) for v in values), (path.name, f["name"])
        assert all(v > constraints.get("exclusiveMinimum", v - 1) for v in values), (path.name, f["name"])
        names.add(f["name"])
    return names


def test_parquet_rows_pass_the_same_table_schema(seeded_project: Project) -> None:
    """The validator checks the Parquet files' size and hash; here their rows are read against the schema too."""
    package = _package(seeded_project)
    for table in SCHEMAS:
        declared = _resource(package, f"{table}-parquet")
        schema = {k: v for k, v in declared["schema"].items() if k != "foreignKeys"}  # checked on the CSVs
        # Parquet holds a list column as a real list of strings (checked here), which the validator's Parquet
        # reader turns into its Python text: the list fields are left untyped for it.
        arrow = pq.read_schema(seeded_project.exports / declared["path"])
        for f in schema["fields"]:
            if f["type"] == "list":
                assert arrow.field(f["name"]).type == pa.list_(pa.string()), (table, f["name"])
        # It also reads an integer column holding nulls (documents.n_pages of a text file) as floats with NaN:
        # such columns are checked here (64-bit integers, nulls allowed, bounds kept) and left untyped for it.
        with_nulls = _integers_with_nulls(seeded_project.exports / declared["path"], schema["fields"])
        untyped = {f["name"] for f in schema["fields"] if f["type"] == "list"} | with_nulls
        schema["fields"] = [_untyped(f) if f["name"] in untyped else f for f in schema["fields"]]
        descriptor = {
            "$schema": "https://datapackage.org/profiles/2.0/dataresource.json",
            "name": declared["name"],
            "type": "table",
            "path": declared["path"],
            "format": "parquet",
            "schema": schema,
        }
        resource = frictionless.Resource.from_descriptor(descriptor, basepath=str(seeded_project.exports))
        report = resource.validate()
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
        assert report.tasks[0].stats["rows"] == pq.read_metadata(seeded_project.exports / declared["path"]).num_rows


def test_sha256sum_checks_every_other_file(seeded_project: Project) -> None:
    done = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=seeded_project.exports, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    listed = {line.split("  ", 1)[1] for line in (seeded_project.exports / "SHA256SUMS").read_text().splitlines()}
    assert listed == {p.name for p in seeded_project.exports.iterdir()} - {"SHA256SUMS"}


def test_each_resource_states_its_path_format_size_and_hash(seeded_project: Project) -> None:
    import hashlib

    for resource in _package(seeded_project)["resources"]:
        data = (seeded_project.exports / resource["path"]).read_bytes()
        assert resource["format"] == resource["path"].rsplit(".", 1)[1]
        assert resource["bytes"] == len(data)
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()


def test_every_field_is_described_from_its_pandera_model(seeded_project: Project) -> None:
    package = _package(seeded_project)
    for table, model in SCHEMAS.items():
        columns = model.to_schema().columns
        for suffix in ("", "-parquet"):
            fields = _resource(package, table + suffix)["schema"]["fields"]
            assert [f["name"] for f in fields] == _released_columns(table)
            for f in fields:
                column = columns[f["name"]]
                metadata = column.metadata or {}
                assert f["description"].startswith(column.description)
                assert f.get("unit") == metadata.get("unit")
                assert f.get("constraints", {}).get("required", False) == (not column.nullable)
                assert f.get("quotedText", False) == bool(metadata.get("quoted_text"))


def test_keys_come_from_the_model_metadata(seeded_project: Project) -> None:
    package = _package(seeded_project)
    for table, model in SCHEMAS.items():
        metadata = model.__config__.metadata or {}
        schema = _resource(package, table)["schema"]
        assert schema.get("primaryKey") == metadata.get("primary_key")
        assert schema.get("foreignKeys", []) == metadata.get("foreign_keys", [])
    mentions = _resource(package, "mentions")["schema"]
    assert mentions["foreignKeys"] == [
        {"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}
    ]


def test_mentions_fields_state_units_and_constraints(seeded_project: Project) -> None:
    fields = {f["name"]: f for f in _resource(_package(seeded_project), "mentions")["schema"]["fields"]}
    assert fields["char_start"]["unit"] == "character"
    assert fields["char_start"]["constraints"]["minimum"] == 0
    assert fields["char_end"]["constraints"]["exclusiveMinimum"] == 0
    assert fields["kind"]["constraints"]["enum"][:3] == ["count", "percent", "money"]
    assert fields["unit"]["constraints"]["pattern"] == "([A-Z]{3}|day|week|month|year)"
    assert fields["value"]["type"] == "number" and "required" not in fields["value"].get("constraints", {})
    assert fields["period_start"]["type"] == "date"
    assert fields["geography"] | {"description": ""} == {
        "name": "geography",
        "type": "list",
        "description": "",
        "delimiter": ";",
        "itemType": "string",
    }
    assert fields["mention_id"]["constraints"] == {"required": True, "unique": True}


def test_sources_carry_every_documents_provenance_and_licence(seeded_project: Project) -> None:
    provenance = {
        path.name.removesuffix(PROVENANCE_SUFFIX): yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(seeded_project.sources.glob(f"*{PROVENANCE_SUFFIX}"))
    }
    sources = {s["id"]: s for s in _package(seeded_project)["sources"]}
    assert sorted(sources) == SEED_IDS
    assert sorted(provenance) == [f"{doc_id}.txt" for doc_id in SEED_IDS]
    for file_name, entry in provenance.items():
        source = sources[Path(file_name).stem]
        assert source["title"] == entry["title"]
        assert source["publisher"] == entry["publisher"]
        assert source["license"] == entry["license"]
        assert source.get("published") == entry["published"]
        assert (source["bytes"], source["hash"]) == (entry["bytes"], "sha256:" + entry["sha256"])
    assert sources["004_2e8b6a177bdcb179"]["license"] == "CC BY-NC-ND 4.0"
    assert sources["004_2e8b6a177bdcb179"]["licensePath"] == "https://creativecommons.org/licenses/by-nc-nd/4.0/"


def test_licences_state_the_datasets_own_and_the_quoted_documents(seeded_project: Project) -> None:
    package = _package(seeded_project)
    licences = package["licenses"]
    assert licences[0]["name"] == "CC-BY-4.0"
    quoted = next(lic for lic in licences if lic.get("name") == "CC-BY-NC-ND-4.0")
    assert "004_2e8b6a177bdcb179" in quoted["title"] and "mentions.sentence" in quoted["title"]
    assert "mentions.text, mentions.sentence" in package["description"]


def test_full_document_text_stays_in_duckdb_and_out_of_the_release(seeded_project: Project) -> None:
    assert "text" not in pd.read_csv(seeded_project.exports / "documents.csv").columns
    assert "text" not in pq.read_schema(seeded_project.exports / "documents.parquet").names
    assert seeded_project.query("select count(*) from documents where length(text) > 0") == [(5,)]
    description = _package(seeded_project)["description"]
    assert "Not published: " in description
    withheld = description.split("Not published: ", 1)[1].split(". ", 1)[0].split(", ")
    assert "documents.text" in withheld, withheld


def test_csv_is_rfc4180_utf8_with_crlf_and_a_header(seeded_project: Project) -> None:
    for table in SCHEMAS:
        raw = (seeded_project.exports / f"{table}.csv").read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        text = raw.decode("utf-8")
        assert text.endswith("\r\n")
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
        assert rows[0] == _released_columns(table)
        assert len({len(r) for r in rows}) == 1
        assert len(rows) - 1 == pq.read_metadata(seeded_project.exports / f"{table}.parquet").num_rows


def test_csv_and_parquet_hold_the_same_rows(seeded_project: Project) -> None:
    for table in SCHEMAS:
        parquet = pq.read_table(seeded_project.exports / f"{table}.parquet").to_pylist()
        text = (seeded_project.exports / f"{table}.csv").read_text(encoding="utf-8")
        reader = csv.DictReader(io.StringIO(text, newline=""))
        for expected, row in zip(parquet, reader, strict=True):
            for name, value in expected.items():
                cell = row[name]
                if value is None:
                    assert cell == "", (table, name)
                elif isinstance(value, bool):
                    assert cell == str(value).lower(), (table, name)
                elif isinstance(value, list):
                    assert cell.split(";") == value, (table, name)
                elif isinstance(value, date):
                    assert cell == value.isoformat(), (table, name)
                elif isinstance(value, str):
                    assert restore(cell) == value, (table, name)
                else:
                    assert type(value)(cell) == value, (table, name)


def test_parquet_is_written_without_pandas_or_arrow_metadata(seeded_project: Project) -> None:
    for table in SCHEMAS:
        metadata = pq.read_metadata(seeded_project.exports / f"{table}.parquet")
        assert metadata.metadata is None
        assert metadata.row_group(0).column(0).compression == "ZSTD"


def test_dictionary_lists_every_published_column_and_marks_quoted_text(seeded_project: Project) -> None:
    text = (seeded_project.exports / "DATA_DICTIONARY.md").read_text(encoding="utf-8")
    for table in SCHEMAS:
        section = text.split(f"### `{table}`", 1)[1].split("\n### ", 1)[0]
        rows = [line.split(" | ") for line in section.splitlines() if line.startswith("| `")]
        assert [r[0].strip("| `") for r in rows] == _released_columns(table)
        columns = SCHEMAS[table].to_schema().columns
        for r in rows:
            name = r[0].strip("| `")
            assert (r[5] == "**yes**") == bool((columns[name].metadata or {}).get("quoted_text")), (table, name)
    assert "Quoted from the source document" in text
    assert "CC BY-NC-ND 4.0" in text and "CC-BY-4.0" in text
    assert "apostrophe" in text and "Parquet files hold the exact text" in text
    assert "`text`: The document's text" in text


def test_citation_cff_states_title_version_date_and_licence(seeded_project: Project) -> None:
    cff = yaml.safe_load((seeded_project.exports / "CITATION.cff").read_text(encoding="utf-8"))
    release = yaml.safe_load((seeded_project.sources / "release.yaml").read_text(encoding="utf-8"))
    version = project_version(REPO_ROOT / "pyproject.toml")
    entry = next(c for c in release["changes"] if c["version"] == version)
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "dataset"
    assert (cff["title"], cff["version"], cff["date-released"]) == (release["title"], version, entry["date"])
    assert cff["license"] == "CC-BY-4.0"
    assert [a["name"] for a in cff["authors"]] == [c["name"] for c in release["creators"]]
    assert len(cff["references"]) == len(SEED_IDS)
    assert {r.get("license") for r in cff["references"]} == {None, "CC-BY-NC-ND-4.0"}


def test_changelog_dates_every_version_from_release_yaml(seeded_project: Project) -> None:
    text = (seeded_project.exports / "CHANGELOG.md").read_text(encoding="utf-8")
    release = yaml.safe_load((seeded_project.sources / "release.yaml").read_text(encoding="utf-8"))
    for change in release["changes"]:
        assert f"## [{change['version']}] - {change['date']}" in text
        for note in change["notes"]:
            assert f"- {' '.join(note.split())}" in text


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_page_lists_every_table_with_its_row_count(seeded_project: Project, table: str) -> None:
    page = (seeded_project.exports / "index.html").read_text(encoding="utf-8")
    rows = pq.read_metadata(seeded_project.exports / f"{table}.parquet").num_rows
    row = page.split(f'<tr id="table-{table}">', 1)[1].split("</tr>", 1)[0]
    assert f'<td class="num">{rows:,}</td>' in row
    assert f'href="{table}.csv"' in row and f'href="{table}.parquet"' in row
