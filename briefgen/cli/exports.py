"""The exports: articles, quotes, actors and keyphrases, as a table, JSON, CSV or XLSX.

Each takes the period options of `build` and runs the same analysis the brief does
(`pipeline.analyse`, the desk's corrections applied), so an export shows what the brief
of that period would use.  XLSX (`-o FILE`) has one sheet per table: the actors' export
has its positions on a sheet of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from briefgen.cli.console import ConsoleReporter, emit
from briefgen.cli.options import (
    corpus_argument,
    corpus_paths,
    export_options,
    period_of,
    period_options,
    settings_of,
    top_option,
)
from briefgen.config import Settings
from briefgen.periods import Period

# The table view; JSON and CSV carry every field.
ARTICLE_COLUMNS = [
    "article_id",
    "published",
    "date_source",
    "outlets",
    "byline",
    "title",
    "words",
    "relevance",
    "source_path",
]
QUOTE_COLUMNS = ["speaker", "speaker_role", "country", "kind", "cue", "quote", "published", "title"]
ACTOR_COLUMNS = ["name", "kind", "role", "country", "quote_count", "mentions", "positions"]


def _reporter(fmt: str, output: str | None = None) -> ConsoleReporter:
    # stdout stays clean for JSON/CSV; step lines for the table or a file, bars on a terminal
    return ConsoleReporter(quiet=fmt != "table" and not output, bars=True)


def settings_and_period(ctx: click.Context, period_args: dict[str, Any]) -> tuple[Settings, Period]:
    """The settings with --store applied, and the period the period options name."""
    from briefgen.config import override

    s = settings_of(ctx)
    s.store = override(s.store, path=period_args.pop("store_path", None))
    period, _ = period_of(**period_args)
    return s, period


def analysis_for(
    ctx: click.Context, corpus: Sequence[str], fmt: str, period_args: dict[str, Any], **kw: Any
) -> Any:
    """The period's analysis, as the brief would see it (corrections applied)."""
    from briefgen.pipeline import analyse, report_corrections

    s, period = settings_and_period(ctx, period_args)
    output = kw.pop("output", None)
    rep = _reporter(fmt, output)
    an = analyse(s, period, rep, corpus_paths(s, corpus), **kw)
    report_corrections(an.desk, rep)
    return an


def _sheet(name: str, columns: Sequence[str], rows: list[dict[str, Any]]) -> Any:
    """One sheet of every field, `columns` first (the table view's order)."""
    from briefgen.render.sheets import Table

    every = list(columns) + [k for k in (rows[0] if rows else {}) if k not in columns]
    return Table(name, every, rows)


def _stances(stances: Sequence[dict[str, Any]]) -> str:
    return "; ".join(f"{s['issue']} {s['stance']:+d} ({s['confidence']:.2f})" for s in stances)


@click.command()
@corpus_argument
@period_options
@export_options
def articles(
    ctx: click.Context, corpus: tuple[str, ...], fmt: str, output: str | None, **period: Any
) -> None:
    """List the cleaned articles read from CORPUS (default: seeds/)."""
    from briefgen.pipeline import corrected_articles

    s, p = settings_and_period(ctx, period)
    arts = corrected_articles(s, p, _reporter(fmt, output), corpus_paths(s, corpus))
    rows = [a.to_dict() for a in arts]
    # the text last: it is long, and a sheet is for filtering by the other columns
    tables = [_sheet("articles", [*ARTICLE_COLUMNS, "outlet", "url", "edited"], rows)]
    emit(rows, fmt, ARTICLE_COLUMNS, output, tables)


def quote_rows(articles: Sequence[Any], quotes: Sequence[Any]) -> list[dict[str, Any]]:
    by_id = {a.article_id: a for a in articles}
    rows = []
    for q in quotes:
        d = q.to_dict(by_id.get(q.article_id))
        d["quote"] = d.pop("text")
        rows.append(d)
    return rows


@click.command()
@corpus_argument
@period_options
@export_options
def quotes(
    ctx: click.Context, corpus: tuple[str, ...], fmt: str, output: str | None, **period: Any
) -> None:
    """List the quotations in CORPUS (direct, mixed and reported) with speaker and country."""
    an = analysis_for(ctx, corpus, fmt, period, keyphrases="none", output=output)
    rows = quote_rows(an.articles, an.attribution.quotes)
    flat = [{**r, "stances": _stances(r["stances"])} for r in rows]
    cols = [*QUOTE_COLUMNS, "speaker_confidence", "stances", "edited", "outlet", "url"]
    emit(rows, fmt, QUOTE_COLUMNS, output, [_sheet("quotes", cols, flat)])


@click.command()
@corpus_argument
@period_options
@export_options
def actors(
    ctx: click.Context, corpus: tuple[str, ...], fmt: str, output: str | None, **period: Any
) -> None:
    """List the actors who speak in CORPUS, whom they speak for, and their positions."""
    an = analysis_for(ctx, corpus, fmt, period, keyphrases="none", output=output)
    by_holder: dict[str, list[dict[str, Any]]] = {}
    for p in an.attribution.positions:
        if p.holder_kind == "actor":
            by_holder.setdefault(p.holder, []).append(p.to_dict())
    rows = []
    for a in an.attribution.actors:
        d = a.to_dict()
        d["positions"] = by_holder.get(a.actor_id, [])
        rows.append(d)
    tables = None
    if fmt == "xlsx":
        names = {a.actor_id: a.name for a in an.attribution.actors}
        positions = [
            {
                "holder": names.get(p.holder, p.holder),
                "holder_kind": p.holder_kind,
                "country": p.country,
                "issue": p.issue,
                "stance": p.stance,
                "label": p.label,
                "confidence": p.confidence,
                "statements": len(p.evidence),
                "evidence": " / ".join(e.text for e in p.evidence),
                "edited": p.edited,
            }
            for p in an.attribution.positions
        ]
        cols = [*ACTOR_COLUMNS, "aliases", "edited"]
        tables = [
            _sheet(
                "actors",
                cols,
                [{**r, "positions": [p["label"] for p in r["positions"]]} for r in rows],
            ),
            _sheet("positions", list(positions[0]) if positions else ["holder"], positions),
        ]
    if fmt == "table":
        for r in rows:
            r["positions"] = [p["label"] for p in r["positions"]]
    emit(rows, fmt, ACTOR_COLUMNS, output, tables)


@click.command()
@corpus_argument
@period_options
@click.option(
    "--scope",
    type=click.Choice(["article", "country", "corpus"]),
    default="corpus",
    show_default=True,
)
@top_option(100, 10, "Phrases per scope.")
@export_options
def keyphrases(
    ctx: click.Context,
    corpus: tuple[str, ...],
    scope: str,
    top_n: int,
    fmt: str,
    output: str | None,
    **period: Any,
) -> None:
    """Keyphrases of CORPUS per article, per country section, or for the whole corpus."""
    an = analysis_for(
        ctx, corpus, fmt, period, keyphrases=scope, top_keyphrases=top_n, output=output
    )
    rows = [k.to_dict() for ks in an.keyphrases.values() for k in ks]
    cols = ["scope_id", "phrase", "score", "variants"]
    emit(rows, fmt, cols, output, [_sheet("keyphrases", [*cols, "article_ids", "edited"], rows)])
