"""YAML is read fast (libyaml) where PyYAML has it, with exactly the data and the errors of the Python loader."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.common import yamlfile
from tests.conftest import SEED_SOURCES

FILES = sorted(SEED_SOURCES.glob("*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_fast_loader_reads_every_curated_and_provenance_file_as_the_python_loader_does(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert yamlfile.parse_yaml(text) == yaml.load(text, Loader=yamlfile._UniqueKeyLoader)  # noqa: S506


def test_libyaml_is_used_where_pyyaml_has_it() -> None:
    assert (yamlfile._FastLoader is not None) == bool(getattr(yaml, "__with_libyaml__", False))


@pytest.mark.parametrize(
    ("text", "problem"),
    [("a: 1\na: 2\n", "duplicate key 'a'"), ("a: [1, 2\nb: 3\n", "expected ',' or ']'")],
)
def test_a_refused_file_gets_the_python_loaders_error(text: str, problem: str) -> None:
    with pytest.raises(yaml.YAMLError) as refused:
        yamlfile.parse_yaml(text)
    with pytest.raises(yaml.YAMLError) as python:
        yaml.load(text, Loader=yamlfile._UniqueKeyLoader)  # noqa: S506
    assert str(refused.value) == str(python.value) and problem in yamlfile.describe_yaml_error(refused.value)


def test_dates_stay_text_with_the_fast_loader() -> None:
    assert yamlfile.parse_yaml("published: 2024-06-26\n") == {"published": "2024-06-26"}
