"""The DuckDB storage format of the warehouse: chosen so that every DuckDB 1.x client opens the file.

DuckDB 2.0 (the pinned library) writes its newest storage format by default,
which DuckDB 1.x (the command-line client, DBeaver, R, older Python installs)
refuses ("Trying to read a database file with version number ..."). The
warehouse is written in storage version ``v1.0.0`` (format number 64), the
oldest one DuckDB 2.0 writes and the one every 1.x release (and 0.10) reads;
it supports every type and constraint the tables use. A warehouse file in a
newer format (left by an earlier version of this pipeline) is copied into
this format at the start of the next run.
"""

from __future__ import annotations

import struct
from pathlib import Path

import duckdb

STORAGE_VERSION = "v1.0.0"
#: The format number DuckDB writes in the file header for ``STORAGE_VERSION``.
STORAGE_NUMBER = 64
_HEADER = 20  # checksum (8 bytes), magic "DUCK" (4), format number (8)


def storage_number(path: Path) -> int | None:
    """The storage format number in a DuckDB file's header, or None if it is no DuckDB file."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEADER)
    except OSError:
        return None
    if len(head) < _HEADER or head[8:12] != b"DUCK":
        return None
    return int(struct.unpack("<Q", head[12:20])[0])


def connect(path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the warehouse file ``path``; a new file is created in ``STORAGE_VERSION``."""
    config = {"custom_user_agent": "dagster"}
    if not read_only:
        config["storage_compatibility_version"] = STORAGE_VERSION
    return duckdb.connect(str(path), read_only=read_only, config=config)


def copy_to_storage_version(source: Path, target: Path) -> None:
    """Write every table and view of ``source`` into a new file ``target`` in ``STORAGE_VERSION``."""
    with duckdb.connect() as conn:
        conn.execute(f"attach '{_literal(source)}' as old (read_only)")
        conn.execute(f"attach '{_literal(target)}' as new (storage_version '{STORAGE_VERSION}')")
        conn.execute("copy from database old to new")
        conn.execute("detach new")
        conn.execute("detach old")


def _literal(path: Path) -> str:
    return str(path).replace("'", "''")
