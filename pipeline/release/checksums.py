"""``SHA256SUMS``: the SHA-256 of every other file of the release, in the format ``sha256sum -c`` reads."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

CHECKSUMS_FILE = "SHA256SUMS"


def sha256sums(files: Mapping[str, bytes]) -> bytes:
    """One ``<hex>  <name>`` line per file, sorted by name (``SHA256SUMS`` itself excluded)."""
    lines = [
        f"{hashlib.sha256(data).hexdigest()}  {name}\n"
        for name, data in sorted(files.items())
        if name != CHECKSUMS_FILE
    ]
    return "".join(lines).encode("utf-8")
