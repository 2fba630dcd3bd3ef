"""Checks of single values that several input files share: addresses, one-line texts, and bounded quoting.

Each raises ValueError with a short reason; the caller names the file and the
entry. ``brief`` quotes a value for an error message without ever expanding it
past a few hundred characters (a YAML alias bomb is a tiny file whose value
would print as gigabytes).
"""

from __future__ import annotations

import reprlib
import unicodedata
import urllib.parse

_BRIEF = reprlib.Repr()
_BRIEF.maxstring = 120
_BRIEF.maxother = 120
_BRIEF.maxlist = _BRIEF.maxtuple = _BRIEF.maxdict = _BRIEF.maxset = 4
_BRIEF.maxlevel = 2

ADDRESS_SCHEMES = ("http", "https")


def brief(value: object) -> str:
    """``repr(value)``, cut to a few hundred characters whatever the value's size or depth."""
    return _BRIEF.repr(value)


def check_address(value: object, schemes: tuple[str, ...] = ADDRESS_SCHEMES) -> str:
    """``value`` as an absolute address with one of ``schemes`` and a host (``mailto:`` needs an address)."""
    kinds = "an http(s) address" + (" or a mailto: address" if "mailto" in schemes else "")
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"must be {kinds}, got {brief(value)}")
    text = value.strip()
    parts = urllib.parse.urlparse(text)
    has_target = bool(parts.netloc) if parts.scheme != "mailto" else "@" in parts.path
    if parts.scheme not in schemes or not has_target or any(c.isspace() or ord(c) < 32 for c in text):
        raise ValueError(f"must be {kinds}, got {brief(value)}")
    return text


def check_one_line(value: object) -> str:
    """``value`` as a non-empty text of one line, without control characters, stripped."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"must be a non-empty text, got {brief(value)}")
    bad = next((c for c in value if unicodedata.category(c) == "Cc" and c != "\t"), None)
    if bad is not None:
        raise ValueError(f"must be one line of text without control characters, holds {bad!r}")
    return value.strip()


def is_missing(value: object) -> bool:
    """Whether a table cell is missing (None, NA, NaN, NaT); a list cell never is (``pd.isna`` would test its items)."""
    if value is None:
        return True
    if isinstance(value, str | int):  # the common cells, answered without pandas (bool is an int)
        return False
    if isinstance(value, float):
        return value != value  # NaN
    import numpy as np  # here, not at the top: the extract command starts without numpy and pandas
    import pandas as pd

    return not isinstance(value, list | tuple | np.ndarray) and bool(pd.isna(value))
