"""The rows a release publishes for one table: validated, only published columns, in a fixed order.

A table is validated against its pandera model once more here, right before
publication, so that no code path can publish a table that fails its checks
(the Dagster checks are blocking too; this is the last gate). Rows are sorted
by the table's unique key (else its primary key, else every column), which for
``mentions`` is reading order (document, offsets), so that file bytes never
depend on the order a query returned.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from pipeline.release.info import ReleaseError
from pipeline.release.spec import TableSpec
from pipeline.store.validation import validated_frame


def release_frame(spec: TableSpec, model: type[pa.DataFrameModel], df: pd.DataFrame) -> pd.DataFrame:
    """``df`` checked against ``model``, reduced to the published columns and sorted by key.

    Raises ReleaseError naming the table if the rows fail the model, or if a
    text cell is an empty string (in CSV it would be indistinguishable from a
    missing value).
    """
    typed, report = validated_frame(spec.name, model, df)  # also coerces every column to the model's dtype
    if typed is None:
        raise ReleaseError(f"table {spec.name}", f"not published, it fails its checks: {report.summary()}")
    out = typed[spec.field_names]
    for f in spec.fields:
        if f.type == "string":
            empty = out[f.name].notna() & (out[f.name] == "")
            if empty.any():
                raise ReleaseError(
                    f"table {spec.name}",
                    f"column {f.name} has {int(empty.sum())} empty string(s); write a missing value instead",
                )
    order = list(spec.unique_keys[0]) if spec.unique_keys else list(spec.primary_key) or spec.field_names
    return out.sort_values(order, kind="stable", na_position="last").reset_index(drop=True)
