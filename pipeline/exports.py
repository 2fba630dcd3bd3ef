"""Publish tables as CSV and Parquet, all or nothing.

Files are written into a fresh sibling folder which then replaces the export
folder, so a failed or interrupted publication leaves the previous release
complete.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq


def write_csv(df: pd.DataFrame, path: Path) -> None:
    """CSV: UTF-8, header row, ``\\n`` line ends, empty cell for missing."""
    df.to_csv(path, index=False, encoding="utf-8", lineterminator="\n", na_rep="")


def write_parquet(df: pd.DataFrame, path: Path) -> None:
    """Parquet with fixed settings (zstd, no pandas index) so equal data gives equal bytes."""
    table = pa.Table.from_pandas(df, preserve_index=False)
    table = table.replace_schema_metadata(None)
    pq.write_table(table, path, compression="zstd", use_dictionary=True, write_statistics=True)


def publish(tables: Mapping[str, pd.DataFrame], exports_dir: Path) -> list[Path]:
    """Write every table as ``<name>.csv`` and ``<name>.parquet`` and swap the folder in atomically."""
    exports_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{exports_dir.name}-new-", dir=exports_dir.parent))
    try:
        for name, df in tables.items():
            write_csv(df, staging / f"{name}.csv")
            write_parquet(df, staging / f"{name}.parquet")
        _swap_in(staging, exports_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(exports_dir.iterdir())


def _swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging``; the old folder is removed only once the new one is in place."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
    staging.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
