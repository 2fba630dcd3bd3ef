"""Schema of ``source_files``: the size, modification time and SHA-256 of each source file when last read.

Internal, not exported. A document whose file and provenance file still have the recorded size and
modification time is not read or hashed again (as ``make`` and ``rsync`` decide what changed).
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series


class SourceFiles(pa.DataFrameModel):
    """One row per document file and provenance file of the sources folder, as last read and verified."""

    file_name: Series[str] = pa.Field(unique=True, description="File name in the sources folder.")
    bytes: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Size of the file when it was read, in bytes.")
    mtime_ns: Series[pd.Int64Dtype] = pa.Field(description="Modification time of the file then (ns since 1970).")
    sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the file's bytes then.")
    checked_ns: Series[pd.Int64Dtype] = pa.Field(
        description="When the file was read (ns since 1970); a file modified less than two seconds before is "
        "read again next time, since a change within the file system's time resolution could go unseen."
    )

    class Config:
        name = "source_files"
        description = "Bookkeeping of the source audit: one row per source file as last read and verified."
        strict = True
        coerce = True
        metadata = {"primary_key": ["file_name"], "grain": "one row per document or provenance file"}
