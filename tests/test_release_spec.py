"""Published table descriptions come from the pandera models; the release description from release.yaml."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pytest
import yaml
from pandera.typing import Series

from pipeline.common.settings import REPO_ROOT
from pipeline.release.info import ReleaseError, read_release_info
from pipeline.release.spec import table_schema_pattern, table_spec
from schemas import SCHEMAS
from tests.conftest import SEED_SOURCES

PYPROJECT = REPO_ROOT / "pyproject.toml"


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_every_table_of_the_registry_has_a_publishable_spec(table: str) -> None:
    spec = table_spec(table, SCHEMAS[table])
    assert spec.fields and spec.description
    assert all(
        f.description and f.type in {"string", "integer", "number", "boolean", "date", "datetime", "list"}
        for f in spec.fields
    )


def test_documents_text_is_withheld_and_quoted_columns_are_marked() -> None:
    documents, mentions = table_spec("documents", SCHEMAS["documents"]), table_spec("mentions", SCHEMAS["mentions"])
    assert [f.name for f in documents.withheld] == ["pages_without_text", "page_starts", "text"]
    assert "text" not in documents.field_names
    assert mentions.quoted_fields == ["text", "sentence", "subject"]


@pytest.mark.parametrize(
    ("pandera", "table_schema"),
    [(r"^[0-9a-f]{64}$", "[0-9a-f]{64}"), (r"^(a|b)$", "(a|b)"), (r"^abc", "abc.*"), (r"^cost\$", r"cost\$.*")],
)
def test_patterns_become_whole_value_table_schema_patterns(pandera: str, table_schema: str) -> None:
    assert table_schema_pattern(pandera) == table_schema


def test_a_withheld_key_column_is_refused() -> None:
    class Keyed(pa.DataFrameModel):
        """A table whose key would vanish from the release."""

        key: Series[str] = pa.Field(description="Key.", metadata={"in_release": False})

        class Config:
            metadata = {"primary_key": ["key"]}

    with pytest.raises(ReleaseError, match="table keyed: key column.s. withheld from the release: key"):
        table_spec("keyed", Keyed)


def test_a_column_without_description_is_refused() -> None:
    class Undocumented(pa.DataFrameModel):
        """A table with a column nobody described."""

        n: Series[pd.Int64Dtype] = pa.Field(ge=0)

    with pytest.raises(ReleaseError, match="table undocumented: column n has no description"):
        table_spec("undocumented", Undocumented)


def test_release_description_comes_from_release_yaml_and_pyproject() -> None:
    info = read_release_info(SEED_SOURCES, PYPROJECT)
    release = yaml.safe_load((SEED_SOURCES / "release.yaml").read_text(encoding="utf-8"))
    assert info.licence.name == "CC-BY-4.0"
    assert info.version in {c["version"] for c in release["changes"]}
    assert info.date == next(c["date"] for c in release["changes"] if c["version"] == info.version)


def _broken(tmp_path: Path, change: dict) -> Path:
    sources = tmp_path / "sources"
    sources.mkdir()
    release = yaml.safe_load((SEED_SOURCES / "release.yaml").read_text(encoding="utf-8"))
    release.update(change)
    (sources / "release.yaml").write_text(yaml.safe_dump(release), encoding="utf-8")
    return sources


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"changes": [{"version": "0.0.1", "date": "2020-01-01", "notes": ["old"]}]}, "no entry for version"),
        ({"changes": [{"version": "x", "date": "23/11/2026", "notes": ["n"]}]}, "must be an ISO 8601 day"),
        ({"license": {"title": "Some licence"}}, "license must be a mapping with a title and a name"),
        ({"creators": []}, "creators must be a non-empty list"),
        ({"released_by": "me"}, "unknown field"),
    ],
)
def test_bad_release_yaml_is_refused_naming_the_file(tmp_path: Path, change: dict, problem: str) -> None:
    sources = _broken(tmp_path, change)
    with pytest.raises(ReleaseError, match=problem) as raised:
        read_release_info(sources, PYPROJECT)
    assert raised.value.path == str(sources / "release.yaml")


def test_missing_release_yaml_is_refused(tmp_path: Path) -> None:
    shutil.copytree(SEED_SOURCES, tmp_path / "sources")
    (tmp_path / "sources" / "release.yaml").unlink()
    with pytest.raises(ReleaseError, match="release.yaml: release description is missing"):
        read_release_info(tmp_path / "sources", PYPROJECT)
