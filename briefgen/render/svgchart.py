"""Draw the brief's small chart as inline SVG: one row per country, a panel per measure.

Vector, inline and font-independent enough to look the same in the HTML file (phones
included: it scales with its container) and in the PDF.  The data comes from
`Brief.chart` (built by assemble / briefgen.book.chart); when that is empty the chart is
derived from the country sections.  Every label is XML-escaped here because the result
is inserted into the page as markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape

from markupsafe import Markup

from briefgen.model import Brief

# Measures the chart knows how to title, in drawing order.
MEASURES: dict[str, str] = {
    "mentions": "Times named",
    "quotes": "Quotes from its speakers",
    "articles": "Articles",
}
# Colour per measure: navy and a muted red, readable in greyscale print too.
COLOURS = {"mentions": "#1f3a5f", "quotes": "#a23b2a", "articles": "#4d6b53"}

ROW_H = 22
BAR_H = 13
LABEL_W = 150
PANEL_W = 215
GAP = 24
TOP = 30
FONT = "'Noto Sans CJK KR', 'Noto Sans', 'Helvetica Neue', Arial, sans-serif"


def chart_series(brief: Brief) -> tuple[str, list[Mapping[str, Any]]]:
    """(title, rows) from Brief.chart, or from the country sections when it is empty."""
    chart = brief.chart or {}
    rows = chart.get("series")
    title = str(chart.get("title") or "Mentions and quotes per country")
    if not rows:
        rows = [
            {
                "code": c.code,
                "label": c.name,
                "mentions": c.mentions,
                "quotes": len(c.quotes),
            }
            for c in brief.countries
        ]
    return title, [r for r in rows if isinstance(r, Mapping)]


def _num(v: Any) -> float:
    try:
        return max(0.0, float(v))
    except (TypeError, ValueError):
        return 0.0


def _fmt(v: float) -> str:
    """Coordinates with at most one decimal, so the same data gives the same bytes."""
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s


def render_chart(title: str, rows: Sequence[Mapping[str, Any]]) -> Markup | None:
    """The SVG markup, or None when there is nothing to draw (no rows, or all zero)."""
    measures = [m for m in MEASURES if any(m in r for r in rows)]
    if not rows or not measures or not any(_num(r.get(m)) for r in rows for m in measures):
        return None
    width = LABEL_W + len(measures) * (PANEL_W + GAP)
    height = TOP + len(rows) * ROW_H + 8
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'preserveAspectRatio="xMinYMin meet" font-family="{escape(FONT)}" font-size="11">',
        f"<title>{escape(title)}</title>",
    ]
    for i, m in enumerate(measures):
        x0 = LABEL_W + i * (PANEL_W + GAP)
        top = max(_num(r.get(m)) for r in rows) or 1.0
        out.append(
            f'<text x="{x0}" y="14" font-weight="bold" fill="#333">{escape(MEASURES[m])}</text>'
        )
        out.append(
            f'<line x1="{x0}" y1="{TOP - 6}" x2="{x0}" y2="{height - 4}" '
            f'stroke="#999" stroke-width="0.75"/>'
        )
        for j, r in enumerate(rows):
            v = _num(r.get(m))
            y = TOP + j * ROW_H
            w = (PANEL_W - 40) * v / top
            label = f"{r.get('label') or r.get('code') or ''}: {_fmt(v)}"
            out.append(
                f'<rect x="{x0}" y="{y}" width="{_fmt(w)}" height="{BAR_H}" '
                f'fill="{COLOURS[m]}"><title>{escape(label)}</title></rect>'
            )
            out.append(
                f'<text x="{_fmt(x0 + w + 4)}" y="{y + BAR_H - 2}" fill="#222">{_fmt(v)}</text>'
            )
    for j, r in enumerate(rows):
        y = TOP + j * ROW_H + BAR_H - 2
        name = str(r.get("label") or r.get("code") or "")
        if len(name) > 22:
            name = name[:21] + "…"
        out.append(
            f'<text x="{LABEL_W - 8}" y="{y}" text-anchor="end" fill="#222">{escape(name)}</text>'
        )
    out.append("</svg>")
    return Markup("\n".join(out))


def chart_svg(brief: Brief) -> Markup | None:
    """The brief's chart as inline SVG markup (None when there is no data to draw)."""
    title, rows = chart_series(brief)
    return render_chart(title, rows)
