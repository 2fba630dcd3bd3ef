"""Charts for the release page, drawn as inline SVG at build time (no script, no network).

Each function takes plain frames and returns an ``<svg>`` element as text, with
a ``<title>`` on every mark so a reader can hover for the exact figure, and a
role and label for screen readers. Output depends only on the input rows.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

import pandas as pd

# Okabe & Ito's colour-blind-safe palette, in order; grey for anything beyond.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
FONT = "font-family:system-ui,sans-serif;font-size:12px"


def nice_ticks(maximum: float, count: int = 5) -> list[float]:
    """Round axis ticks from 0 to at least ``maximum`` (1, 2 or 5 times a power of ten apart)."""
    if maximum <= 0:
        return [0.0, 1.0]
    raw = maximum / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    n = math.ceil(maximum / step)
    return [i * step for i in range(n + 1)]


def _num(value: float) -> str:
    """Coordinates with two decimals at most, so output is stable and short."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _label(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def mentions_by_kind_svg(documents: pd.DataFrame, mentions: pd.DataFrame, kinds: Sequence[str]) -> str:
    """Stacked horizontal bars: for each document, its mentions by kind (``kinds`` gives order and colours)."""
    docs = documents.sort_values("doc_id")
    counts = {(str(d), str(k)): int(n) for (d, k), n in mentions.groupby(["doc_id", "kind"]).size().items()}
    kinds = list(kinds) + sorted({k for _, k in counts} - set(kinds))
    colour = {k: PALETTE[min(i, len(PALETTE) - 1)] for i, k in enumerate(kinds)}
    per_document: dict[str, int] = {}
    for (doc, _), n in counts.items():  # one pass: summing per document over every count would be quadratic
        per_document[doc] = per_document.get(doc, 0) + n
    totals = {str(d): per_document.get(str(d), 0) for d in docs["doc_id"]}
    ticks = nice_ticks(max(totals.values(), default=0))

    label_w, bar_w, right_w, row_h, bar_h = 250, 440, 60, 30, 20
    legend_h, axis_h = 30 + 20 * math.ceil(len(kinds) / 4), 30
    width = label_w + bar_w + right_w
    height = legend_h + row_h * len(docs) + axis_h
    scale = bar_w / ticks[-1]

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="chart-mentions" class="chart" role="img" '
        f'aria-labelledby="chart-mentions-title" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'style="{FONT}">',
        '<title id="chart-mentions-title">Numeric mentions by kind in each source document</title>',
    ]
    for i, kind in enumerate(kinds):  # legend, four kinds a line
        x, y = (i % 4) * 160 + label_w - 200, 10 + (i // 4) * 20
        parts.append(
            f'<g class="legend"><rect x="{x}" y="{y}" width="12" height="12" fill="{colour[kind]}"/>'
            f'<text x="{x + 18}" y="{y + 10}">{escape(kind)}</text></g>'
        )
    axis_y = legend_h + row_h * len(docs)
    for tick in ticks:
        x = label_w + tick * scale
        parts.append(
            f'<line x1="{_num(x)}" y1="{legend_h - 4}" x2="{_num(x)}" y2="{axis_y}" stroke="#ddd"/>'
            f'<text x="{_num(x)}" y="{axis_y + 16}" text-anchor="middle">{_label(tick)}</text>'
        )
    parts.append(f'<text x="{label_w + bar_w / 2}" y="{axis_y + 29}" text-anchor="middle">mentions</text>')
    for row, doc in enumerate(docs.itertuples(index=False)):
        y = legend_h + row * row_h + (row_h - bar_h) / 2
        title = str(doc.title)
        short = title if len(title) <= 34 else title[:33] + "…"
        parts.append(
            f'<text x="{label_w - 8}" y="{_num(y + bar_h / 2 - 2)}" text-anchor="end">{escape(str(doc.doc_id))}</text>'
            f'<text x="{label_w - 8}" y="{_num(y + bar_h / 2 + 10)}" text-anchor="end" fill="#555" '
            f'font-size="10">{escape(short)}</text>'
        )
        x = float(label_w)
        for kind in kinds:
            n = counts.get((str(doc.doc_id), kind), 0)
            if n == 0:
                continue
            w = n * scale
            parts.append(
                f'<rect class="bar" data-doc="{escape(str(doc.doc_id))}" data-kind="{escape(kind)}" data-count="{n}" '
                f'x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{bar_h}" fill="{colour[kind]}">'
                f"<title>{escape(str(doc.doc_id))}: {n} {escape(kind)}</title></rect>"
            )
            x += w
        parts.append(f'<text x="{_num(x + 6)}" y="{_num(y + bar_h / 2 + 4)}">{totals[str(doc.doc_id)]}</text>')
    parts.append("</svg>")
    return "".join(parts)


def claim_columns(df: pd.DataFrame) -> tuple[str, str] | None:
    """The (stated, computed) value columns of a claim-checks table (issue-defined names), or None if absent."""
    names = ("stated_value", "computed_value")
    return names if all(n in df.columns for n in names) else None


def claim_checks_svg(df: pd.DataFrame, id_column: str, stated: str, recomputed: str) -> str | None:
    """Bars of each claim's recomputed value against its stated one, as a relative difference (%).

    A claim whose stated value is 0 or missing, or whose recomputed value is
    missing, is left out; None if no claim remains.
    """
    rows = df[[id_column, stated, recomputed]].dropna()
    rows = rows[rows[stated] != 0].sort_values(id_column)
    if rows.empty:
        return None
    diffs = [
        (str(r[0]), float(r[1]), float(r[2]), (float(r[2]) - float(r[1])) / abs(float(r[1])) * 100)
        for r in rows.itertuples(index=False)
    ]
    extent = nice_ticks(max(abs(d[3]) for d in diffs) or 1.0, 4)[-1]
    label_w, half_w, row_h, bar_h, axis_h = 250, 220, 26, 16, 34
    width, height = label_w + 2 * half_w + 70, row_h * len(diffs) + axis_h
    zero = label_w + half_w
    scale = half_w / extent
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="chart-claims" class="chart" role="img" '
        f'aria-labelledby="chart-claims-title" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'style="{FONT}">',
        '<title id="chart-claims-title">Each claim: recomputed value against the stated value, '
        "relative difference</title>",
    ]
    for tick in (-extent, -extent / 2, 0.0, extent / 2, extent):
        x = zero + tick * scale
        stroke = "#888" if tick == 0 else "#ddd"
        parts.append(
            f'<line x1="{_num(x)}" y1="0" x2="{_num(x)}" y2="{row_h * len(diffs)}" stroke="{stroke}"/>'
            f'<text x="{_num(x)}" y="{row_h * len(diffs) + 16}" text-anchor="middle">{_num(tick)}%</text>'
        )
    parts.append(
        f'<text x="{zero}" y="{row_h * len(diffs) + 30}" text-anchor="middle">(recomputed − stated) / stated</text>'
    )
    for i, (claim, s, r, d) in enumerate(diffs):
        y = i * row_h + (row_h - bar_h) / 2
        x0, x1 = sorted((zero, zero + d * scale))
        parts.append(
            f'<text x="{label_w - 8}" y="{_num(y + bar_h - 4)}" text-anchor="end">{escape(claim)}</text>'
            f'<rect class="bar" data-claim="{escape(claim)}" x="{_num(x0)}" y="{_num(y)}" '
            f'width="{_num(max(x1 - x0, 1.0))}" height="{bar_h}" fill="{PALETTE[4] if d >= 0 else PALETTE[5]}">'
            f"<title>{escape(claim)}: stated {_label(s)}, recomputed {_label(r)} ({d:+.1f}%)</title></rect>"
            f'<text x="{width - 4}" y="{_num(y + bar_h - 4)}" text-anchor="end" fill="#555">{d:+.1f}%</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
