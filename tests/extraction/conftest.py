"""Fixtures shared by the extraction tests."""

from __future__ import annotations

from types import ModuleType

import pytest
from extraction_helpers import load_scorer


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    """The project's scorer module (tests/fixtures/score_mentions.py)."""
    return load_scorer()
