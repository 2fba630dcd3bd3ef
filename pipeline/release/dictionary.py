"""``DATA_DICTIONARY.md``: every table and column of the release, for people.

Generated from the same table specs as ``datapackage.json`` (hence from the
pandera models), with the release's licence rules and CSV conventions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pipeline.release.csv_safety import RULE as CSV_SAFETY_RULE
from pipeline.release.datapackage import field_description
from pipeline.release.info import ReleaseInfo
from pipeline.release.licences import SourceLicence, licence_summary, quoted_columns, withheld_summary
from pipeline.release.spec import FieldSpec, TableSpec
from pipeline.release.writers import LIST_DELIMITER

DICTIONARY_FILE = "DATA_DICTIONARY.md"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _value(value: Any) -> str:
    return f"`{value}`"


def constraint_text(f: FieldSpec) -> str:
    """The column's constraints in words (for the dictionary and the page)."""
    parts: list[str] = []
    if f.unique:
        parts.append("unique")
    c = f.constraints
    bounds = [("minimum", "≥"), ("exclusiveMinimum", ">"), ("maximum", "≤"), ("exclusiveMaximum", "<")]
    parts += [f"{sign} {c[key]}" for key, sign in bounds if key in c]
    if "enum" in c:
        parts.append("one of " + ", ".join(_value(v) for v in c["enum"]))
    if "pattern" in c:
        parts.append(f"matches `{c['pattern']}`")
    if "minLength" in c and c.get("minLength") == c.get("maxLength"):
        parts.append(f"length {c['minLength']}")
    else:
        if "minLength" in c:
            parts.append(f"length ≥ {c['minLength']}")
        if "maxLength" in c:
            parts.append(f"length ≤ {c['maxLength']}")
    parts += list(f.other_checks)
    return "; ".join(parts)


def _table_section(spec: TableSpec, rows: int) -> list[str]:
    lines = [f"### `{spec.name}`", "", spec.published_description, ""]
    facts = []
    if spec.grain:
        facts.append(f"- Grain: {spec.grain}.")
    facts.append(f"- Rows: {rows}.")
    facts.append(f"- Files: [`{spec.name}.csv`]({spec.name}.csv), [`{spec.name}.parquet`]({spec.name}.parquet).")
    if spec.primary_key:
        facts.append(f"- Primary key: {', '.join(f'`{c}`' for c in spec.primary_key)}.")
    for key in spec.unique_keys:
        facts.append(f"- Unique together: {', '.join(f'`{c}`' for c in key)}.")
    for fk in spec.foreign_keys:
        ref = fk["reference"]
        facts.append(
            f"- Foreign key: {', '.join(f'`{c}`' for c in fk['fields'])} → "
            f"`{ref['resource']}` ({', '.join(f'`{c}`' for c in ref['fields'])})."
        )
    for check in spec.table_checks:
        facts.append(f"- Checked on every row: {check}.")
    lines += facts + ["", "| column | type | unit | required | constraints | quoted text | description |"]
    lines.append("|---|---|---|---|---|---|---|")
    for f in spec.fields:
        lines.append(
            "| "
            + " | ".join(
                [
                    f"`{f.name}`",
                    f.type,
                    f.unit or "",
                    "yes" if f.required else "no",
                    _cell(constraint_text(f)),
                    "**yes**" if f.quoted_text else "",
                    _cell(field_description(f)),
                ]
            )
            + " |"
        )
    if spec.withheld:
        lines += ["", "Kept in the DuckDB warehouse, not published:", ""]
        lines += [f"- `{f.name}`: {f.description}" for f in spec.withheld]
    return lines + [""]


def data_dictionary(
    info: ReleaseInfo,
    specs: list[TableSpec],
    rows: Mapping[str, int],
    source_licences: list[SourceLicence],
    other_files: Mapping[str, str],
) -> bytes:
    """The data dictionary as Markdown bytes."""
    lines = [
        f"# Data dictionary: {info.title}",
        "",
        f"Version {info.version}, released {info.date}. {info.description}",
        "",
        "Generated from the pandera models that validate every table before it is published; "
        "`datapackage.json` states the same in machine-readable form.",
        "",
        "## Files",
        "",
        "| file | what |",
        "|---|---|",
    ]
    for spec in specs:
        lines.append(f"| [`{spec.name}.csv`]({spec.name}.csv) | {_cell(spec.published_description)} CSV. |")
        lines.append(f"| [`{spec.name}.parquet`]({spec.name}.parquet) | The same rows as Parquet, with exact text. |")
    lines += [f"| [`{name}`]({name}) | {_cell(what)} |" for name, what in other_files.items()]
    lines += ["", "## Licences", "", licence_summary(info, specs), ""]
    lines += ["| licence of the source document | documents |", "|---|---|"]
    for lic in source_licences:
        stated = f"[{lic.stated}]({lic.path})" if lic.path else lic.stated
        lines.append(f"| {_cell(stated)} | {', '.join(f'`{d}`' for d in lic.doc_ids)} |")
    withheld = withheld_summary(specs, source_licences)
    if withheld:
        lines += ["", withheld]
    lines += [
        "",
        "## Conventions",
        "",
        "- Column names are snake_case. Every table's columns, types, units and constraints are listed below.",
        "- CSV: UTF-8 without byte-order mark, RFC 4180 (comma separator, double quotes where needed, CRLF line "
        "ends), one header row. A missing value is an empty cell; no text value is an empty string.",
        "- Numbers are written in plain decimal notation (no exponent), with as many digits as it takes to read "
        "back the exact value; integers have no decimal point.",
        "- Dates (type date) are ISO 8601 days. Lists (type list: "
        + ", ".join(f"`{c}`" for c in sorted({f.name for spec in specs for f in spec.fields if f.type == "list"}))
        + f") are lists of strings in Parquet and DuckDB; in CSV their items are joined by `{LIST_DELIMITER}`, "
        "which no item contains.",
        f"- Spreadsheet safety: {CSV_SAFETY_RULE}",
        "- Columns with quoted text (under the source document's licence): "
        + (", ".join(f"`{c}`" for c in quoted_columns(specs)) or "none")
        + ".",
        "- Offsets are 0-based Python string indices (Unicode code points) into the source document's text, "
        "end exclusive.",
        "",
        "## Tables",
        "",
    ]
    for spec in specs:
        lines += _table_section(spec, rows[spec.name])
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")
