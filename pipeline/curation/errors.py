"""The error every curated file raises: it names the file, the entry and the problem."""

from __future__ import annotations

from pipeline.common.errors import InputError


class CurationError(InputError):
    """A curated YAML file or one of its entries is unusable."""
