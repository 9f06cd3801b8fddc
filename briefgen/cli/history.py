"""`briefgen history`: the briefs kept for "What changed since the last brief"."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import click

from briefgen.cli.console import emit
from briefgen.cli.options import format_option, settings_of, store_option
from briefgen.config import override


@click.command()
@store_option
@format_option()
@click.pass_context
def history(ctx: click.Context, store_path: str | None, fmt: str) -> None:
    """List the briefs stored in the history, latest period first.

    Each `briefgen build` of a dated period keeps what it found (developments, positions,
    actors, key quotes, keyphrases); the next brief compares with the last one, or with
    the one named by `briefgen build --compare-to PERIOD`.
    """
    from briefgen.pipeline import stored_briefs

    s = settings_of(ctx)
    s.store = override(s.store, path=store_path)
    rows: list[dict[str, Any]] = []
    for b in stored_briefs(s):
        row = asdict(b)
        row["period"] = f"{b.start} to {b.end}" if b.start and b.end else ""
        row["built"] = b.built[:16].replace("T", " ")
        rows.append(row)
    if not rows and fmt == "table":
        click.echo("No briefs stored yet; `briefgen build --week YYYY-Www` stores one.")
        return
    emit(rows, fmt, ["label", "period", "built", "developments", "positions", "headline"])
