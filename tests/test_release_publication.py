"""Publication is all or nothing, refuses bad input, and picks up every table of the registry."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import frictionless
import pandas as pd
import pandera.pandas as pa
import pytest
import yaml
from pandera.typing import Series

from pipeline.common.settings import REPO_ROOT
from pipeline.defs.runs import failure_messages
from pipeline.release.build import build_release
from pipeline.release.info import read_release_info
from pipeline.release.publish import publish, recover
from schemas import SCHEMAS
from tests.conftest import Project


def _release_yaml(project: Project) -> Path:
    return project.sources / "release.yaml"


def no_changelog_entry_for_the_version(project: Project) -> str:
    release = yaml.safe_load(_release_yaml(project).read_text(encoding="utf-8"))
    release["changes"] = [{"version": "0.0.0-old", "date": "2020-01-01", "notes": ["an older release"]}]
    _release_yaml(project).write_text(yaml.safe_dump(release), encoding="utf-8")
    return "changes has no entry for version"


def release_yaml_missing(project: Project) -> str:
    _release_yaml(project).unlink()
    return "release description is missing"


@pytest.mark.parametrize(
    "breakage", [no_changelog_entry_for_the_version, release_yaml_missing], ids=lambda f: f.__name__
)
def test_bad_release_description_stops_publication_and_keeps_the_previous_release(project: Project, breakage) -> None:
    assert project.materialise().success
    before = project.state()["exports"]

    problem = breakage(project)
    result = project.materialise()

    assert not result.success
    messages = failure_messages(result)
    assert any(str(_release_yaml(project)) in m and problem in m for m in messages), messages
    assert project.state()["exports"] == before


def _hashes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_publication_failing_midway_leaves_the_previous_release_complete(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    publish({"a.csv": b"x\r\n1\r\n", "SHA256SUMS": b"old\n"}, exports)
    before = _hashes(exports)

    with pytest.raises(ValueError, match="must be a plain file name"):
        publish({"a.csv": b"x\r\n2\r\n", "b.csv": b"y\r\n", "nested/c.csv": b"z\r\n"}, exports)

    assert _hashes(exports) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports"]  # no staging folder left behind


def test_a_release_moved_aside_by_a_killed_run_is_put_back(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    publish({"a.csv": b"x\r\n1\r\n"}, exports)
    exports.rename(tmp_path / ".exports-old")  # a run killed between its two renames
    (tmp_path / ".exports-new-release-abc").mkdir()  # and its staging folder

    recover(exports)

    assert _hashes(exports) == {"a.csv": b"x\r\n1\r\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports"]


class Regions(pa.DataFrameModel):
    """A table added later to the registry, as other engineers do."""

    region_id: Series[str] = pa.Field(unique=True, description="Region code.")
    name: Series[str] = pa.Field(description="Region name.")
    population: Series[pd.Int64Dtype] = pa.Field(
        ge=0, nullable=True, description="People.", metadata={"unit": "person"}
    )

    class Config:
        description = "One row per region."
        strict = True
        coerce = True
        metadata = {"primary_key": ["region_id"], "grain": "one row per region"}


class ClaimChecks(pa.DataFrameModel):
    """Arithmetic claims with their stated and recomputed values."""

    claim_id: Series[str] = pa.Field(unique=True, description="Claim id.")
    doc_id: Series[str] = pa.Field(description="Document making the claim.")
    stated_value: Series[float] = pa.Field(description="Value the document states.")
    computed_value: Series[float] = pa.Field(nullable=True, description="Value recomputed from indicators.")
    verdict: Series[str] = pa.Field(isin=["consistent", "inconsistent"], description="Verdict.")

    class Config:
        description = "One row per arithmetic claim."
        strict = True
        coerce = True
        metadata = {
            "primary_key": ["claim_id"],
            "foreign_keys": [{"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}],
        }


def test_new_tables_of_the_registry_are_published_and_described_without_code_changes(
    seeded_project: Project, tmp_path: Path
) -> None:
    with duckdb.connect(str(seeded_project.database), read_only=True) as conn:
        tables = {name: conn.execute(f'select * from "{name}"').df() for name in SCHEMAS}
    tables["regions"] = pd.DataFrame(
        {"region_id": ["NCA", "MX"], "name": ["Northern Central America", "Mexico"], "population": [None, 126_000_000]}
    )
    tables["claim_checks"] = pd.DataFrame(
        {
            "claim_id": ["c1", "c2"],
            "doc_id": ["004_2e8b6a177bdcb179"] * 2,
            "stated_value": [0.02, 50.0],
            "computed_value": [0.021, 50.0],
            "verdict": ["consistent", "consistent"],
        }
    )
    models = {**SCHEMAS, "regions": Regions, "claim_checks": ClaimChecks}
    info = read_release_info(seeded_project.sources, REPO_ROOT / "pyproject.toml")

    publish(build_release(tables, models, info), tmp_path / "exports")

    package = json.loads((tmp_path / "exports" / "datapackage.json").read_text(encoding="utf-8"))
    assert {"regions", "regions-parquet", "claim_checks", "claim_checks-parquet"} <= {
        r["name"] for r in package["resources"]
    }
    report = frictionless.Package(str(tmp_path / "exports" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    dictionary = (tmp_path / "exports" / "DATA_DICTIONARY.md").read_text(encoding="utf-8")
    assert "### `regions`" in dictionary and "| `population` | integer | person |" in dictionary
    page = (tmp_path / "exports" / "index.html").read_text(encoding="utf-8")
    assert 'href="regions.parquet"' in page and 'id="chart-claims"' in page
    assert page.count('class="bar" data-claim=') == 2
