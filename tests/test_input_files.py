"""The one YAML loader and the one ISO-date validator every input file goes through."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.common.errors import InputError
from pipeline.common.isodates import iso_date
from pipeline.common.yamlfile import load_mapping, load_yaml
from pipeline.curation.errors import CurationError


def test_a_key_written_twice_is_refused_naming_file_key_and_line(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("documents:\n  a.txt: 1\n  b.txt: 2\n  a.txt: 3\n", encoding="utf-8")

    with pytest.raises(InputError) as caught:
        load_yaml(path)

    assert caught.value.path == str(path)
    assert caught.value.problem == "not valid YAML: duplicate key 'a.txt' (line 4, column 3)"


def test_a_syntax_error_names_its_line_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("claims:\n  a: [1, 2\n  b: 3\n", encoding="utf-8")

    with pytest.raises(InputError) as caught:
        load_yaml(path)

    assert "\n" not in str(caught.value) and "(line " in caught.value.problem


def test_the_loader_raises_the_callers_error_class(tmp_path: Path) -> None:
    with pytest.raises(CurationError, match="file is missing"):
        load_mapping(tmp_path / "missing.yaml", "claims", CurationError)


def test_tags_are_never_constructed(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a: !!python/object/apply:os.system ['true']\n", encoding="utf-8")

    with pytest.raises(InputError, match="not valid YAML"):
        load_yaml(path)


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        ("2024-06-26", "day", "2024-06-26"),
        (dt.date(2024, 6, 26), "day", "2024-06-26"),
        ("2024-06", "month", "2024-06"),
        ("2024", "year", "2024"),
        (" 2024-02-29 ", "year", "2024-02-29"),
        (2024, "year", "2024"),
    ],
)
def test_iso_dates_accepted(value: object, precision: str, expected: str) -> None:
    assert iso_date(value, precision) == expected


@pytest.mark.parametrize(
    ("value", "precision"),
    [
        ("2024-06", "day"),
        ("2024", "month"),
        ("2023-02-29", "day"),
        ("2024-13", "year"),
        ("June 2024", "year"),
        (dt.datetime(2024, 6, 26, 10, 30), "year"),
        (2024, "month"),
        (True, "year"),
        (None, "day"),
    ],
)
def test_iso_dates_refused(value: object, precision: str) -> None:
    with pytest.raises(ValueError, match="must be an ISO 8601 date"):
        iso_date(value, precision)
