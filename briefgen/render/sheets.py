"""Tables as an Excel workbook (openpyxl): what analysts open, filter and send.

One sheet per table, a bold header row frozen in place with a filter, columns as wide as
their contents (within limits), dates as dates, numbers as numbers.  Every value comes
from articles, so every cell is written as the kind of value it is and text is never a
formula: a cell whose text starts with = + - @ (or a tab or carriage return) is stored
as text with Excel's quote prefix, so Excel shows it as typed and never evaluates it.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from briefgen.model import Brief

# Excel's limits: 31 characters in a sheet name, 32,767 in a cell.
MAX_SHEET_NAME = 31
MAX_CELL = 32_767
MIN_WIDTH = 6
MAX_WIDTH = 60
# Widths are measured on the first rows only: enough to fit, cheap on big tables.
WIDTH_SAMPLE = 500
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


@dataclass
class Table:
    """One sheet: a name, its columns in order, its rows (dicts; missing keys are blank)."""

    name: str
    columns: Sequence[str]
    rows: Sequence[Mapping[str, Any]]
    # columns to highlight as the reader's to fill in (the review sheet's "correction")
    editable: Sequence[str] = field(default_factory=tuple)
    # {column: what it holds}, shown as a comment on its header cell
    notes: Mapping[str, str] = field(default_factory=dict)


def cell_value(v: Any) -> Any:
    """A value as a cell holds it: dates, numbers and booleans as such, lists joined,
    mappings as JSON, text without characters XML cannot carry."""
    if v is None:
        return None
    if isinstance(v, float) and v != v:  # NaN
        return None
    if isinstance(v, bool | int | float | datetime | date):
        return v
    if isinstance(v, str):
        if _ISO_DAY.match(v):
            try:
                return date.fromisoformat(v)
            except ValueError:
                pass
        text = v
    elif isinstance(v, Mapping):
        text = json.dumps(v, ensure_ascii=False, default=str)
    elif isinstance(v, list | tuple | set):
        text = "; ".join(
            json.dumps(x, ensure_ascii=False, default=str) if isinstance(x, Mapping) else str(x)
            for x in v
        )
    else:
        text = str(v)
    text = _ILLEGAL.sub("", text)
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - 1] + "…"
    return text


def _sheet_name(name: str, taken: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub("-", name).strip("'") or "sheet"
    base = base[:MAX_SHEET_NAME]
    out, n = base, 2
    while out.lower() in taken:
        suffix = f" ({n})"
        out = base[: MAX_SHEET_NAME - len(suffix)] + suffix
        n += 1
    taken.add(out.lower())
    return out


def _width(v: Any) -> int:
    if v is None:
        return 0
    if isinstance(v, datetime):
        return 16
    if isinstance(v, date):
        return 10
    if isinstance(v, float):
        return len(f"{v:.3f}")
    return max((len(line) for line in str(v).splitlines()), default=0)


def workbook_bytes(tables: Iterable[Table]) -> bytes:
    """The tables as one .xlsx file, one sheet each, in order."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DCE3EC")
    edit_fill = PatternFill("solid", fgColor="FFF2CC")
    top = Alignment(vertical="top")
    for t in tables:
        ws = wb.create_sheet(_sheet_name(t.name, taken))
        cols = list(t.columns)
        widths = [len(c) + 2 for c in cols]
        for j, c in enumerate(cols, 1):
            h = ws.cell(row=1, column=j, value=c)
            h.font = bold
            h.fill = edit_fill if c in t.editable else head_fill
            if c in t.notes:
                h.comment = Comment(t.notes[c], "briefgen")
        for i, row in enumerate(t.rows, 2):
            for j, c in enumerate(cols, 1):
                v = cell_value(row.get(c))
                cell = ws.cell(row=i, column=j)
                if isinstance(v, str):
                    cell.value = v
                    cell.data_type = "s"  # never a formula, whatever it starts with
                    if v.startswith(FORMULA_START):
                        cell.quotePrefix = True
                else:
                    cell.value = v
                    if isinstance(v, datetime):
                        cell.number_format = "yyyy-mm-dd hh:mm"
                    elif isinstance(v, date):
                        cell.number_format = "yyyy-mm-dd"
                    elif isinstance(v, float):
                        cell.number_format = "0.00"
                cell.alignment = top
                if c in t.editable:
                    cell.fill = edit_fill
                if i - 2 < WIDTH_SAMPLE:
                    widths[j - 1] = max(widths[j - 1], _width(v) + 1)
        for j, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(j)].width = max(MIN_WIDTH, min(MAX_WIDTH, w))
        ws.freeze_panes = "A2"
        if cols:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{max(1, len(t.rows) + 1)}"
    if not wb.sheetnames:
        wb.create_sheet("empty")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def read_rows(data: bytes, sheet: str | None = None) -> list[dict[str, Any]]:
    """The rows of one sheet of an .xlsx file as dicts keyed by the header row (the first
    sheet when `sheet` is None or absent)."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    ws = wb[sheet] if sheet and sheet in wb.sheetnames else wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        return []
    names = [str(h).strip() if h is not None else "" for h in header]
    out = []
    for r in rows:
        if r is None or all(v is None or (isinstance(v, str) and not v.strip()) for v in r):
            continue
        out.append({n: v for n, v in zip(names, r, strict=False) if n})
    wb.close()
    return out


def brief_appendix(brief: Brief) -> list[Table]:
    """The numbers behind a brief, for staff who want them: its quotations, the positions
    its country sections state, and its numbered sources."""
    quotes = _quote_rows(brief)
    positions = _position_rows(brief)
    sources = [
        {
            "number": s.number,
            "outlet": s.outlet,
            "title": s.title,
            "published": s.published,
            "date source": s.date_source,
            "url": s.url,
            "low relevance": s.low_relevance,
            "edited by the desk": s.edited,
        }
        for s in brief.sources
    ]
    return [
        Table("quotes", list(quotes[0]) if quotes else ["quote"], quotes),
        Table("positions", list(positions[0]) if positions else ["position"], positions),
        Table("sources", list(sources[0]) if sources else ["number"], sources),
    ]


def _quote_rows(brief: Brief) -> list[dict[str, Any]]:
    """Every quotation of the brief, with where the brief shows it (if it does)."""
    shown: dict[str, str] = {q.quote_id: "key quote" for q in brief.key_quotes}
    for c in brief.countries:
        for q in c.quotes:
            shown.setdefault(q.quote_id, f"{c.name} section")
    arts = {a.article_id: a for a in brief.articles}
    quotes = []
    for q in brief.quotes:
        a = arts.get(q.article_id)
        quotes.append(
            {
                "source": brief.source_number(q.article_id),
                "speaker": q.speaker,
                "role": q.speaker_role,
                "country": q.country,
                "kind": q.kind,
                "quote": q.text,
                "in the brief": shown.get(q.quote_id, ""),
                "said on": q.said_on,
                "published": a.published if a else None,
                "outlet": a.outlet if a else None,
                "title": a.title if a else None,
                "edited by the desk": q.edited,
            }
        )
    return quotes


def _position_rows(brief: Brief) -> list[dict[str, Any]]:
    """The positions the country sections state, each holder and issue once."""
    from briefgen.knowledge.countries import country_name

    names = {a.actor_id: a.name for a in brief.actors}
    positions = []
    seen: set[tuple[str, str]] = set()
    for c in brief.countries:
        for p in c.positions:
            if (p.holder, p.issue) in seen:
                continue
            seen.add((p.holder, p.issue))
            positions.append(
                {
                    "section": c.name,
                    "holder": names.get(p.holder)
                    or (country_name(p.holder) if p.holder_kind == "country" else p.holder),
                    "holder kind": p.holder_kind,
                    "issue": p.issue,
                    "stance": p.stance,
                    "position": p.label,
                    "confidence": p.confidence,
                    "statements": len(p.evidence),
                    "sources": sorted(
                        {n for e in p.evidence if (n := brief.source_number(e.article_id))}
                    ),
                    "evidence": " / ".join(e.text for e in p.evidence),
                    "edited by the desk": p.edited,
                }
            )
    return positions
