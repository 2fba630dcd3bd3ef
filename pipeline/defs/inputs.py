"""Every bad input becomes the same Dagster failure: the file, the entry, the problem, and the full list.

Sources, curated YAML and release settings all raise ``InputError``
subclasses; the assets run their loaders through ``read_input``, so a failure
looks the same in the UI and on the command line wherever it comes from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import dagster as dg

from pipeline.common.errors import InputError
from pipeline.curation.regions import load_gazetteer
from pipeline.defs.metadata import problems_markdown
from pipeline.places.gazetteer import Gazetteer

T = TypeVar("T")


def input_failure(exc: InputError, problems: Sequence[tuple[str, str]] = (), base: Path | None = None) -> dg.Failure:
    """The Dagster failure for ``exc``: description ``str(exc)``; metadata file, entry, problem and,
    when ``problems`` lists several (file, problem) pairs, their count and table (files relative to ``base``)."""
    metadata: dict[str, object] = {"file": exc.path, "problem": exc.problem}
    if exc.entry:
        metadata["entry"] = exc.entry
    if problems:
        metadata["problem_count"] = dg.MetadataValue.int(len(problems))
        metadata["problems"] = dg.MetadataValue.md(problems_markdown(list(problems), base or Path("/"), len(problems)))
    return dg.Failure(description=str(exc), metadata=metadata)


def read_input(load: Callable[[], T]) -> T:
    """Run ``load``; an ``InputError`` becomes the failure ``input_failure`` describes."""
    try:
        return load()
    except InputError as exc:
        raise input_failure(exc) from exc


def gazetteer_of(sources_dir: Path) -> Gazetteer:
    """The gazetteer of ``sources_dir/regions.yaml``, or a failure naming the bad entry."""
    return read_input(lambda: load_gazetteer(sources_dir))
