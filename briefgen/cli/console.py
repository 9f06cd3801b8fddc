"""What the command line prints: step lines and bars on stderr, tables and data on stdout.

The library reports through a `Reporter` and never prints; this is the CLI's reporter.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from briefgen.errors import ConfigError
from briefgen.progress import Bar, NoBar, Reporter

if TYPE_CHECKING:
    from briefgen.render.sheets import Table


class ConsoleReporter(Reporter):
    """Lines on stderr; a tqdm bar for long steps when stderr is a terminal."""

    def __init__(
        self, quiet: bool = False, min_for_bar: int = 20, bars: bool | None = None
    ) -> None:
        self.quiet = quiet
        self.bars = (not quiet) if bars is None else bars
        self.min_for_bar = min_for_bar
        self.warnings: list[str] = []

    def step(self, message: str) -> None:
        if not self.quiet:
            print(message, file=sys.stderr, flush=True)

    def warn(self, message: str) -> None:
        self.warnings.append(message)
        print(f"warning: {message}", file=sys.stderr, flush=True)

    @contextmanager
    def bar(self, total: int | None, label: str) -> Iterator[Bar]:
        small = total is not None and total < self.min_for_bar
        if not self.bars or small or not sys.stderr.isatty():
            yield NoBar()
            return
        from tqdm import tqdm

        with tqdm(total=total, desc=label, unit="", leave=False, file=sys.stderr) as t:
            yield t


def emit(
    rows: list[dict[str, Any]],
    fmt: str,
    columns: Sequence[str],
    output: str | None = None,
    tables: Sequence[Table] | None = None,
) -> None:
    """Print records as an aligned table of `columns`, or every field as JSON (a list of
    objects) or CSV; or write them to `output` (xlsx: `tables`, one sheet each, default
    one sheet of every field)."""
    if fmt == "xlsx":
        if not output:
            raise ConfigError("--format xlsx writes a file; add -o FILE.xlsx")
        from briefgen.render.sheets import Table as Sheet
        from briefgen.render.sheets import workbook_bytes

        every = list(columns) + [k for r in rows[:1] for k in r if k not in columns]
        sheets = tables if tables is not None else [Sheet("data", every, rows)]
        _write(output, workbook_bytes(sheets))
        return
    text = render_rows(rows, fmt, columns)
    if output:
        _write(output, text.encode("utf-8"))
    else:
        click.echo(text, nl=False)


def _write(output: str, data: bytes) -> None:
    from briefgen.files import atomic_write

    atomic_write(Path(output), data)
    click.echo(f"Wrote {output}", err=True)


def render_rows(rows: list[dict[str, Any]], fmt: str, columns: Sequence[str]) -> str:
    """The text of a table, JSON or CSV export."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n"
    import pandas as pd

    every = list(columns) + [k for k in (rows[0] if rows else {}) if k not in columns]
    df = pd.DataFrame(rows, columns=every)
    if fmt == "csv":
        for c in df.columns:
            df[c] = df[c].map(lambda v: "; ".join(map(str, v)) if isinstance(v, list) else v)
        return str(df.to_csv(index=False))
    if df.empty:
        return "(none)\n"
    view = df[[c for c in columns if c in df.columns]].copy()
    for c in view.columns:
        view[c] = view[c].map(_cell)
    with pd.option_context("display.max_colwidth", 60, "display.width", 200):
        return str(view.to_string(index=False)) + "\n"


def _cell(v: Any) -> str:
    if v is None or (isinstance(v, float) and v != v):  # None or NaN
        return "—"
    if isinstance(v, float):
        return f"{v:.2f}"
    if isinstance(v, list):
        if not v:
            return "—"
        v = ", ".join(map(str, v))
    s = " ".join(str(v).split())
    return s if len(s) <= 60 else s[:57] + "…"
