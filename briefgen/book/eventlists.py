"""A user's lists of dated events (CSV or JSON) for the timeline.

The lists have the shape of ../shared/data/events/*.csv: one row per event with a date,
a line saying what happened and, optionally, a type and a link.  Column names differ from
list to list, so the config names them ([events] columns: date, text, kind, url); `text`
may also be a template over several columns ("{Missile Name} ({Missile Type}) from
{Facility Name}").  Without a setting the usual names are tried.  Listed events merge into
the timeline, marked as from the list, and date developments the articles leave undated.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from briefgen.book.textsim import cosine, tokens
from briefgen.errors import ConfigError
from briefgen.knowledge.events import classify
from briefgen.model import Development
from briefgen.periods import Period

# Column names tried, in order, when the config names none.
USUAL = {
    "date": ("date", "Date", "DATE", "day", "when", "event_date"),
    "text": ("event", "Event", "title", "Title", "headline", "text", "summary", "description"),
    "kind": ("type", "Type", "kind", "category", "Missile Type"),
    "url": ("url", "link", "source", "resources", "Source(s)"),
}
_FIELD_RE = re.compile(r"\{([^{}]+)\}")
_DAY_RE = re.compile(r"\b\d{1,2}\b.*\b\d{2,4}\b|\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class ListedEvent:
    when: date
    text: str
    origin: str  # the list's file name
    kind: str = ""  # the list's own type column, as given
    url: str = ""


@dataclass
class ListReport:
    """What reading the lists found: events, and rows left out (one line each)."""

    events: list[ListedEvent]
    problems: list[str]


def _decode(raw: bytes) -> str:
    """UTF-8 when it is, else the encoding charset-normalizer finds (lists exported from
    spreadsheets are often cp1252)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        return str(best) if best is not None else raw.decode("latin-1")


def _rows(path: Path) -> list[dict[str, Any]]:
    text = _decode(path.read_bytes())
    if path.suffix.lower() == ".json":
        data = json.loads(text)
        if isinstance(data, dict):
            data = next((v for v in data.values() if isinstance(v, list)), [])
        return [r for r in data if isinstance(r, dict)]
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _column(name: str, given: Mapping[str, str], header: Sequence[str], path: Path) -> str | None:
    if name in given:
        col = given[name]
        if "{" not in col and col not in header:
            raise ConfigError(
                f"events list {path.name} has no column {col!r} for {name}; "
                f"its columns are: {', '.join(header[:12])}"
            )
        return col
    return next((c for c in USUAL[name] if c in header), None)


def _parse_date(value: str, fmt: str | None) -> date | None:
    v = value.strip()
    if not v:
        return None
    if fmt:
        try:
            return datetime.strptime(v, fmt).date()
        except ValueError:
            return None
    try:
        return date.fromisoformat(v[:10])
    except ValueError:
        pass
    if not _DAY_RE.search(v):
        return None  # a month or a year only: not placeable in a week
    from dateutil import parser

    try:
        return parser.parse(v, default=datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def _text(row: Mapping[str, Any], col: str) -> str:
    if "{" in col:
        return " ".join(_FIELD_RE.sub(lambda m: str(row.get(m.group(1)) or ""), col).split())
    return " ".join(str(row.get(col) or "").split())


def read_list(path: Path, columns: Mapping[str, str], date_format: str | None = None) -> ListReport:
    """One list's events; rows without a usable date or text are counted, not fatal."""
    if not path.is_file():
        raise ConfigError(f"events list {path} not found; check [events] files in the config")
    try:
        rows = _rows(path)
    except (OSError, ValueError, csv.Error) as e:
        raise ConfigError(f"events list {path} cannot be read ({e}); use CSV or JSON") from None
    header = list(rows[0]) if rows else []
    date_col = _column("date", columns, header, path)
    text_col = _column("text", columns, header, path)
    if rows and (date_col is None or text_col is None):
        missing = "date" if date_col is None else "text"
        raise ConfigError(
            f"events list {path.name}: no {missing} column found; set [events] "
            f"columns.{missing} to one of: {', '.join(header[:12])}"
        )
    kind_col = _column("kind", columns, header, path)
    url_col = _column("url", columns, header, path)
    events, skipped = [], 0
    for row in rows:
        when = _parse_date(str(row.get(date_col or "") or ""), date_format)
        text = _text(row, text_col or "")
        if when is None or not text:
            skipped += 1
            continue
        kind = _text(row, kind_col) if kind_col else ""
        url = _text(row, url_col).split(";")[0].strip() if url_col else ""
        events.append(ListedEvent(when, text, path.name, kind, url))
    problems = (
        [f"{path.name}: {skipped} rows without a full date or text left out"] if skipped else []
    )
    return ListReport(events, problems)


def read_lists(
    paths: Iterable[str | Path], columns: Mapping[str, str], date_format: str | None = None
) -> ListReport:
    out = ListReport([], [])
    for p in paths:
        r = read_list(Path(p).expanduser(), columns, date_format)
        out.events += r.events
        out.problems += r.problems
    return out


def in_period(events: Iterable[ListedEvent], period: Period) -> list[ListedEvent]:
    return sorted((e for e in events if period.contains(e.when)), key=lambda e: (e.when, e.text))


def same_event(text: str, e: ListedEvent) -> bool:
    """A line of the articles and a listed event tell the same thing (kind or words)."""
    a, b = classify(text), classify(f"{e.kind} {e.text}")
    if a is not None and b is not None and a.kind == b.kind:
        return True
    va, vb = tokens(text), tokens(f"{e.kind} {e.text}")
    shared = set(va) & set(vb)
    return len(shared) >= 3 or (bool(va) and bool(vb) and cosine(_tf(va), _tf(vb)) >= 0.3)


def _tf(toks: Sequence[str]) -> dict[str, float]:
    n = len(toks) or 1
    v: dict[str, float] = {}
    for t in toks:
        v[t] = v.get(t, 0.0) + 1.0 / n
    norm = sum(x * x for x in v.values()) ** 0.5 or 1.0
    return {t: x / norm for t, x in v.items()}


def date_developments(
    devs: Sequence[Development], events: Sequence[ListedEvent], period: Period, window: int = 3
) -> None:
    """Give an undated development (only 'first reported') the date of a listed event of
    the same kind up to `window` days before it was first reported."""
    for d in devs:
        if d.date_basis not in ("first reported", "") or d.when is None:
            continue
        lo = d.when - timedelta(days=window)
        near = [e for e in events if lo <= e.when <= d.when and same_event(d.text, e)]
        if period.start:
            near = [e for e in near if e.when >= period.start - timedelta(days=1)]
        if near:
            e = max(near, key=lambda e: e.when)
            d.when, d.date_basis, d.date_is_estimate = e.when, f"events list {e.origin}", False
