"""``index.html``: the release's landing page, static and self-contained.

One HTML file with its styles inline and its charts drawn as inline SVG at
build time: no script, no font, no image, nothing fetched from a network. It
says what the dataset is, how to cite it and under which licences, lists every
table with its description, row count and download links, and shows the
sources, the checksums' use and the latest changes. Every link but the
licence addresses points at a file of the release.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape

import pandas as pd

from pipeline.common.isodates import stated_date
from pipeline.release.charts import claim_checks_svg, claim_columns, mentions_by_kind_svg
from pipeline.release.citation import bibtex, plain_reference
from pipeline.release.csv_safety import RULE as CSV_SAFETY_RULE
from pipeline.release.info import ReleaseInfo
from pipeline.release.licences import SourceLicence, licence_summary, withheld_summary
from pipeline.release.spec import TableSpec

PAGE_FILE = "index.html"
CLAIMS_TABLE = "claim_checks"

STYLE = """
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1b1b;background:#fafafa}
header,main{max-width:1000px;margin:0 auto;padding:0 20px}
header{padding-top:28px}
h1{font-size:1.7em;line-height:1.25;margin:0 0 6px}
h2{font-size:1.25em;margin:32px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.meta{color:#555;margin:0 0 8px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.93em}
th,td{border:1px solid #ddd;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f0f0f0}
td.num{text-align:right;font-variant-numeric:tabular-nums}
pre{background:#fff;border:1px solid #ddd;padding:10px;overflow-x:auto;font-size:.88em}
code{font-size:.92em}
.chart{max-width:100%;height:auto;background:#fff;border:1px solid #ddd}
figure{margin:0}
figcaption{color:#555;font-size:.9em;margin-top:4px}
footer{max-width:1000px;margin:40px auto 30px;padding:0 20px;color:#777;font-size:.85em}
"""


def human_size(n: int) -> str:
    """Byte count for people: 1 234 567 → '1.2 MB' (decimal units)."""
    size = float(n)
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{n} B" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    raise AssertionError("unreachable")


def _inline(text: str) -> str:
    """Escaped text with Markdown `code` spans shown as code."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(text))


def _link(path: str, text: str | None = None) -> str:
    return f'<a href="{escape(path)}">{escape(text or path)}</a>'


def _tables_section(specs: list[TableSpec], rows: Mapping[str, int], sizes: Mapping[str, int]) -> list[str]:
    out = [
        '<section id="tables"><h2>Tables</h2>',
        "<table><thead><tr><th>table</th><th>what one row is</th><th>rows</th><th>CSV</th><th>Parquet</th>"
        "</tr></thead><tbody>",
    ]
    for spec in specs:
        csv_name, parquet_name = f"{spec.name}.csv", f"{spec.name}.parquet"
        out.append(
            f'<tr id="table-{escape(spec.name)}"><td><code>{escape(spec.name)}</code></td>'
            f"<td>{_inline(spec.published_description)}</td>"
            f'<td class="num">{rows[spec.name]:,}</td>'
            f"<td>{_link(csv_name)} ({human_size(sizes[csv_name])})</td>"
            f"<td>{_link(parquet_name)} ({human_size(sizes[parquet_name])})</td></tr>"
        )
    out.append("</tbody></table>")
    out.append(
        f"<p>Every column, its type, unit and constraints: {_link('DATA_DICTIONARY.md')} "
        f"(and, machine-readable, {_link('datapackage.json')}).</p></section>"
    )
    return out


def _chart_section(tables: Mapping[str, pd.DataFrame], specs: Mapping[str, TableSpec]) -> list[str]:
    kinds = (
        specs["mentions"].fields[[f.name for f in specs["mentions"].fields].index("kind")].constraints.get("enum", [])
    )
    out = [
        '<section id="charts"><h2>Figures by document</h2><figure>',
        mentions_by_kind_svg(tables["documents"], tables["mentions"], kinds),
        "<figcaption>Numeric mentions found in each source document, by kind. Hover a bar for its count.</figcaption>",
        "</figure>",
    ]
    claims = tables.get(CLAIMS_TABLE)
    columns = claim_columns(claims) if claims is not None else None
    if claims is not None and columns is not None:
        id_column = (list(specs[CLAIMS_TABLE].primary_key) or [claims.columns[0]])[0]
        svg = claim_checks_svg(claims, id_column, *columns)
        if svg is not None:
            out += [
                "<h2>Claims: stated against recomputed</h2><figure>",
                svg,
                f"<figcaption>For each claim of <code>{CLAIMS_TABLE}</code>, how far the value recomputed from the "
                "documents' own figures lies from the value the document states.</figcaption></figure>",
            ]
    out.append("</section>")
    return out


def _sources_section(documents: pd.DataFrame) -> list[str]:
    out = [
        '<section id="sources"><h2>Sources</h2>',
        "<table><thead><tr><th>document</th><th>title</th><th>publisher</th><th>published</th><th>licence</th>"
        "</tr></thead><tbody>",
    ]
    for row in documents.sort_values("doc_id").itertuples(index=False):
        licence = escape(str(row.license))
        if not pd.isna(row.license_url):
            licence = f'<a href="{escape(str(row.license_url))}">{licence}</a>'
        title = escape(str(row.title))
        if not pd.isna(row.url):
            title = f"{title} ({escape(str(row.url))})"
        published = escape(stated_date(row.published, row.published_precision) or "")
        out.append(
            f"<tr><td><code>{escape(str(row.doc_id))}</code></td><td>{title}</td>"
            f"<td>{escape(str(row.publisher))}</td><td>{published}</td><td>{licence}</td></tr>"
        )
    out.append("</tbody></table></section>")
    return out


def index_html(
    info: ReleaseInfo,
    specs: list[TableSpec],
    tables: Mapping[str, pd.DataFrame],
    rows: Mapping[str, int],
    sizes: Mapping[str, int],
    source_licences: list[SourceLicence],
    other_files: Mapping[str, str],
) -> bytes:
    """The page as UTF-8 bytes. ``tables`` are the published frames; ``sizes`` the byte size of each file."""
    by_name = {s.name: s for s in specs}
    licence = escape(info.licence.title)
    if info.licence.path:
        licence = f'<a href="{escape(info.licence.path)}">{licence}</a>'
    withheld = withheld_summary(specs, source_licences)
    latest = info.current
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(info.title)} (version {escape(info.version)})</title>",
        f"<style>{STYLE.strip()}</style></head><body>",
        f"<header><h1>{escape(info.title)}</h1>",
        f'<p class="meta">Version {escape(info.version)}, released {escape(info.date)} · licence: {licence}</p>',
        "</header><main>",
        '<section id="about"><h2>What this is</h2>',
        f"<p>{_inline(info.description)}</p>",
    ]
    if withheld:
        parts.append(f"<p>{escape(withheld)}</p>")
    parts.append("</section>")
    parts += _tables_section(specs, rows, sizes)
    parts += _chart_section(tables, by_name)
    parts += [
        '<section id="files"><h2>All files</h2><ul>',
        *(f"<li>{_link(name)}: {escape(what)}</li>" for name, what in other_files.items()),
        "</ul></section>",
    ]
    parts += _sources_section(tables["documents"])
    parts += [
        '<section id="licence"><h2>Licence</h2>',
        f"<p>{_inline(licence_summary(info, specs))}</p>",
        f"<p>{_inline(CSV_SAFETY_RULE)}</p></section>",
        '<section id="cite"><h2>How to cite</h2>',
        f"<p>{escape(plain_reference(info))}</p>",
        f"<pre>{escape(bibtex(info))}</pre>",
        f"<p>Citation File Format: {_link('CITATION.cff')}. Please also cite the documents you draw figures from "
        "(see Sources).</p></section>",
        '<section id="verify"><h2>Verify a download</h2>',
        "<p>In the folder of the files:</p>",
        "<pre>sha256sum -c SHA256SUMS\nfrictionless validate datapackage.json</pre>",
        f"<p>{_link('SHA256SUMS')} lists the SHA-256 of every file; <code>datapackage.json</code> also states each "
        "data file's size and hash.</p></section>",
        f'<section id="changes"><h2>Changes in {escape(latest.version)} ({escape(latest.date)})</h2><ul>',
        *(f"<li>{_inline(note)}</li>" for note in latest.notes),
        f"</ul><p>Every version: {_link('CHANGELOG.md')}.</p></section>",
        "</main>",
        f"<footer>{escape(info.name)} {escape(info.version)} · generated from the pipeline's schemas and the "
        "documents' provenance; this page loads nothing from the network.</footer>",
        "</body></html>",
    ]
    return ("\n".join(parts) + "\n").encode("utf-8")
