"""``datapackage.json``: the release described as a Frictionless Data Package (v2).

Generated from the release description, the table specs (pandera models) and
the ``documents`` table (provenance). Each table is two resources: the CSV
(``type: table``, which the Frictionless validator reads row by row against
its schema) and the Parquet file (``<table>-parquet``, same schema; declared
``type: file`` because the validator can check a Parquet file's size and hash
but not read its rows with their byte count). Every resource states its path,
format, media type, byte size and SHA-256.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

import pandas as pd

from pipeline.common.isodates import stated_date
from pipeline.release.info import ReleaseInfo
from pipeline.release.licences import QUOTED_TEXT_NOTE, SourceLicence, licence_summary, withheld_summary
from pipeline.release.spec import FieldSpec, TableSpec
from pipeline.release.writers import CSV_LINE_END, LIST_DELIMITER

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"


def sha256_hex(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def field_description(f: FieldSpec) -> str:
    """A column's description as published: the model's, plus the licence note for quoted text."""
    return f"{f.description} {QUOTED_TEXT_NOTE}" if f.quoted_text else f.description


def field_descriptor(f: FieldSpec) -> dict[str, Any]:
    """Table Schema field: name, type, description, unit, constraints."""
    out: dict[str, Any] = {"name": f.name, "type": f.type, "description": field_description(f)}
    if f.type == "list":  # Table Schema v2: items of one type joined by a delimiter in the CSV
        out["delimiter"] = LIST_DELIMITER
        out["itemType"] = "string"
    if f.unit:
        out["unit"] = f.unit
    if f.quoted_text:
        out["quotedText"] = True
    constraints: dict[str, Any] = {}
    if f.required:
        constraints["required"] = True
    if f.unique:
        constraints["unique"] = True
    constraints.update(f.constraints)
    if constraints:
        out["constraints"] = constraints
    return out


def table_schema(spec: TableSpec, resource_suffix: str = "") -> dict[str, Any]:
    """Table Schema of a table; foreign keys point at the sibling resource of the same format."""
    schema: dict[str, Any] = {"fields": [field_descriptor(f) for f in spec.fields], "missingValues": [""]}
    if spec.primary_key:
        schema["primaryKey"] = list(spec.primary_key)
    if spec.unique_keys:
        schema["uniqueKeys"] = [list(k) for k in spec.unique_keys]
    if spec.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": list(fk["fields"]),
                "reference": {
                    "resource": f"{fk['reference']['resource']}{resource_suffix}",
                    "fields": list(fk["reference"]["fields"]),
                },
            }
            for fk in spec.foreign_keys
        ]
    return schema


def _resource_description(spec: TableSpec, rows: int) -> str:
    parts = [spec.published_description]
    if spec.grain:
        parts.append(f"Grain: {spec.grain}.")
    parts.append(f"{rows} rows.")
    if spec.table_checks:
        parts.append("Checked: " + "; ".join(spec.table_checks) + ".")
    return " ".join(parts)


def resources(specs: list[TableSpec], rows: Mapping[str, int], files: Mapping[str, bytes]) -> list[dict[str, Any]]:
    """Two resources per table (CSV, then Parquet), in table order."""
    out: list[dict[str, Any]] = []
    for spec in specs:
        csv_data, parquet_data = files[f"{spec.name}.csv"], files[f"{spec.name}.parquet"]
        description = _resource_description(spec, rows[spec.name])
        out.append(
            {
                "name": spec.name,
                "type": "table",
                "path": f"{spec.name}.csv",
                "title": f"{spec.name} (CSV)",
                "description": description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(csv_data),
                "hash": f"sha256:{sha256_hex(csv_data)}",
                "dialect": {"header": True, "delimiter": ",", "lineTerminator": CSV_LINE_END, "quoteChar": '"'},
                "schema": table_schema(spec),
            }
        )
        out.append(
            {
                "name": f"{spec.name}-parquet",
                "type": "file",
                "path": f"{spec.name}.parquet",
                "title": f"{spec.name} (Parquet)",
                "description": f"{description} The same rows as {spec.name}.csv, with exact text.",
                "format": "parquet",
                "mediatype": PARQUET_MEDIATYPE,
                "bytes": len(parquet_data),
                "hash": f"sha256:{sha256_hex(parquet_data)}",
                "schema": table_schema(spec, "-parquet"),
            }
        )
    return out


def _optional(value: object) -> object | None:
    return None if pd.isna(value) else value


def sources(documents: pd.DataFrame) -> list[dict[str, Any]]:
    """One source per document, with its provenance as recorded in ``sources/provenance.yaml``."""
    out = []
    for row in documents.sort_values("doc_id").itertuples(index=False):
        source: dict[str, Any] = {"title": str(row.title)}
        if _optional(row.url):
            source["path"] = str(row.url)
        source.update(
            {
                "id": str(row.doc_id),
                "fileName": str(row.file_name),
                "publisher": str(row.publisher),
                "published": stated_date(row.published, row.published_precision),
                "license": str(row.license),
                "licensePath": _optional(row.license_url),
                "bytes": int(row.bytes),
                "hash": f"sha256:{row.sha256}",
            }
        )
        out.append({k: v for k, v in source.items() if v is not None})
    return out


def licenses(info: ReleaseInfo, source_licences: list[SourceLicence], specs: list[TableSpec]) -> list[dict[str, Any]]:
    """The dataset's licence first, then each known licence of the documents whose text the release quotes."""
    own: dict[str, Any] = {"title": f"{info.licence.title}: the dataset (everything but quoted source text)"}
    if info.licence.name:
        own["name"] = info.licence.name
    if info.licence.path:
        own["path"] = info.licence.path
    out = [own]
    quoted = ", ".join(f"{s.name}.{f}" for s in specs for f in s.quoted_fields)
    for lic in source_licences:
        if lic.spdx is None and lic.path is None:
            continue  # 'unknown': no licence to point at; stated per source and in the description
        entry: dict[str, Any] = {
            "title": f"{lic.stated}: text quoted ({quoted}) from document(s) {', '.join(lic.doc_ids)}",
        }
        if lic.spdx:
            entry["name"] = lic.spdx
        if lic.path:
            entry["path"] = lic.path
        out.append(entry)
    return out


def datapackage(
    info: ReleaseInfo,
    specs: list[TableSpec],
    rows: Mapping[str, int],
    files: Mapping[str, bytes],
    documents: pd.DataFrame,
    source_licences: list[SourceLicence],
) -> dict[str, Any]:
    """The Data Package descriptor of the release."""
    description = [info.description, licence_summary(info, specs)]
    withheld = withheld_summary(specs, source_licences)
    if withheld:
        description.append(withheld)
    package: dict[str, Any] = {
        "$schema": PROFILE,
        "name": info.name,
        "title": info.title,
        "description": "\n\n".join(description),
        "version": info.version,
        "created": f"{info.date}T00:00:00Z",
        "keywords": list(info.keywords),
        "contributors": [{"title": name, "roles": ["creator"]} for name in info.creators],
        "licenses": licenses(info, source_licences, specs),
        "sources": sources(documents),
        "resources": resources(specs, rows, files),
    }
    if info.homepage:
        package["homepage"] = info.homepage
    if info.sources_fingerprint:
        package["sourcesFingerprint"] = info.sources_fingerprint
    if info.base_fingerprint:
        package["baseSourcesFingerprint"] = info.base_fingerprint
    return package


def to_json_bytes(descriptor: Mapping[str, Any]) -> bytes:
    """Stable JSON: key order as built, two-space indent, UTF-8, final newline."""
    return (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
