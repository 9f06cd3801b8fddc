"""The exports: articles, quotes, actors and keyphrases, as a table, JSON or CSV.

Each takes the period options of `build` and runs the same analysis the brief does
(`pipeline.analyse`), so an export shows what the brief of that period would use.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from briefgen.cli.console import ConsoleReporter, emit
from briefgen.cli.options import (
    corpus_argument,
    corpus_paths,
    format_option,
    period_of,
    period_options,
    settings_of,
    store_option,
)

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


def _reporter(fmt: str) -> ConsoleReporter:
    # stdout stays clean for JSON/CSV; step lines only for the table, bars on a terminal
    return ConsoleReporter(quiet=fmt != "table", bars=True)


def _analysis(
    ctx: click.Context, corpus: Sequence[str], fmt: str, period_args: dict[str, Any], **kw: Any
) -> Any:
    from briefgen.config import override
    from briefgen.pipeline import analyse

    s = settings_of(ctx)
    s.store = override(s.store, path=period_args.pop("store_path", None))
    period, _ = period_of(**period_args)
    return analyse(s, period, _reporter(fmt), corpus_paths(s, corpus), **kw)


@click.command()
@corpus_argument
@period_options
@format_option()
@store_option
@click.pass_context
def articles(ctx: click.Context, corpus: tuple[str, ...], fmt: str, **period: Any) -> None:
    """List the cleaned articles read from CORPUS (default: seeds/)."""
    from briefgen.config import override
    from briefgen.pipeline import read, select

    s = settings_of(ctx)
    s.store = override(s.store, path=period.pop("store_path", None))
    c = read(corpus_paths(s, corpus), s, _reporter(fmt))
    p, _ = period_of(**period)
    emit([a.to_dict() for a in select(c.articles, p)], fmt, ARTICLE_COLUMNS)


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
@format_option()
@store_option
@click.pass_context
def quotes(ctx: click.Context, corpus: tuple[str, ...], fmt: str, **period: Any) -> None:
    """List the quotations in CORPUS (direct, mixed and reported) with speaker and country."""
    an = _analysis(ctx, corpus, fmt, period, keyphrases="none")
    emit(quote_rows(an.articles, an.attribution.quotes), fmt, QUOTE_COLUMNS)


@click.command()
@corpus_argument
@period_options
@format_option()
@store_option
@click.pass_context
def actors(ctx: click.Context, corpus: tuple[str, ...], fmt: str, **period: Any) -> None:
    """List the actors who speak in CORPUS, whom they speak for, and their positions."""
    an = _analysis(ctx, corpus, fmt, period, keyphrases="none")
    by_holder: dict[str, list[dict[str, Any]]] = {}
    for p in an.attribution.positions:
        if p.holder_kind == "actor":
            by_holder.setdefault(p.holder, []).append(p.to_dict())
    rows = []
    for a in an.attribution.actors:
        d = a.to_dict()
        d["positions"] = by_holder.get(a.actor_id, [])
        rows.append(d)
    if fmt == "table":
        for r in rows:
            r["positions"] = [p["label"] for p in r["positions"]]
    emit(rows, fmt, ACTOR_COLUMNS)


@click.command()
@corpus_argument
@period_options
@click.option(
    "--scope",
    type=click.Choice(["article", "country", "corpus"]),
    default="corpus",
    show_default=True,
)
@click.option(
    "--top",
    "top_n",
    type=click.IntRange(1, 100),
    default=10,
    show_default=True,
    help="Phrases per scope.",
)
@format_option()
@store_option
@click.pass_context
def keyphrases(
    ctx: click.Context, corpus: tuple[str, ...], scope: str, top_n: int, fmt: str, **period: Any
) -> None:
    """Keyphrases of CORPUS per article, per country section, or for the whole corpus."""
    an = _analysis(ctx, corpus, fmt, period, keyphrases=scope, top_keyphrases=top_n)
    rows = [k.to_dict() for ks in an.keyphrases.values() for k in ks]
    emit(rows, fmt, ["scope_id", "phrase", "score", "variants"])
