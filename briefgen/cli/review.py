"""`briefgen review` and `briefgen corrections`: the analyst in the loop.

review             the period's items most worth a human look, worst first, with an
                   empty "correction" column (table, JSON, CSV or XLSX)
corrections import a filled-in review sheet -> entries appended to the corrections file
corrections check  which entries apply to a period, which are stale
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from briefgen.cli.console import emit
from briefgen.cli.exports import analysis_for
from briefgen.cli.options import (
    corpus_argument,
    export_options,
    period_options,
    settings_of,
    top_option,
)

REVIEW_TABLE = ["rank", "check", "speaker", "country", "quote", "issue", "stance", "title"]
# The instructions sheet of the review workbook: what to write, on which rows.
HOW_TO = [
    ("speaker: NAME", "quotation", "the quotation was said by NAME"),
    ("country: CODE", "quotation", "said for this country or body (USA, PRK, KOR, CHN, UN...)"),
    ("role: TEXT", "quotation, actor", "the speaker's role"),
    ("drop", "quotation", "not a quotation: drop it"),
    ("pin / ban", "quotation", "put it first among the key quotes / keep it out of the brief"),
    ("country: CODE", "actor", "whom the actor speaks for"),
    (
        "kind: KIND",
        "actor",
        "government, international, legislator, state-media, expert, defector, media, other",
    ),
    ("name: NAME / alias: NAME", "actor", "the actor's proper name / another name it goes by"),
    ("merge into: NAME", "actor, actor pair", "the actor (pair) is NAME"),
    ("merge", "actor pair", "the second actor is the first"),
    ("flip / remove", "position", "the stance is the other side / there is none (give a reason)"),
    ("stance: +1 or -1", "position, stance", "the stance on the row's issue (give a reason)"),
    ("drop article", "any row", "leave the row's article out of the brief"),
    ("date: YYYY-MM-DD / outlet: NAME / relevance: low", "any row", "fix the row's article"),
    ("ok", "any row", "looked at: nothing to change"),
    ("a; b", "any row", "several corrections in one cell"),
]


@click.command()
@corpus_argument
@period_options
@top_option(100_000, 200, "Items to list, worst first.")
@export_options
def review(
    ctx: click.Context,
    corpus: tuple[str, ...],
    top_n: int,
    fmt: str,
    output: str | None,
    **period: Any,
) -> None:
    """The items of CORPUS's period most worth a human look, worst first.

    Unknown and low-confidence speakers, low-confidence stances, speakers that are
    descriptions, actors without a country, positions resting on one sentence, possible
    duplicate actors.  Fill in the "correction" column (XLSX or CSV) and run
    `briefgen corrections import FILE`.
    """
    from briefgen.corrections.review import (
        COLUMN_NOTES,
        COLUMNS,
        EDITABLE,
        quote_prominence,
        review_items,
    )
    from briefgen.render.sheets import Table

    an = analysis_for(ctx, corpus, fmt, period, keyphrases="none", output=output)
    att = an.attribution
    prominence = quote_prominence(att.quotes, att.actors, an.articles)
    rows = review_items(an.articles, att, prominence)[:top_n]
    how = [{"write": w, "on rows of": on, "to say": does} for w, on, does in HOW_TO]
    tables = [
        Table("review", COLUMNS, rows, editable=EDITABLE, notes=COLUMN_NOTES),
        Table("how to fill in", ["write", "on rows of", "to say"], how),
    ]
    if fmt == "table":  # an actor pair shows its second name where a quotation would be
        rows = [
            {**r, "quote": f"≈ {r['other_actor']}"} if r["item"] == "actor pair" else r
            for r in rows
        ]
    emit(rows, fmt, REVIEW_TABLE, output, tables)


@click.group()
def corrections() -> None:
    """The desk's corrections: import a filled-in review sheet; check a file against a period."""


@corrections.command("import")
@click.argument("sheet", type=click.Path(dir_okay=False))
@click.option(
    "--to",
    "target",
    type=click.Path(dir_okay=False),
    help="Corrections file to append to (default: the first of [corrections] files, else ./corrections.yaml).",
)
@click.option("--by", metavar="NAME", help="Who made the corrections (kept with each entry).")
@click.pass_context
def import_sheet(ctx: click.Context, sheet: str, target: str | None, by: str | None) -> None:
    """Append the filled-in rows of a review SHEET (.xlsx or .csv) to the corrections file.

    Your own entries, comments and order are left as they are; a row imported twice is
    added once.
    """
    from briefgen.corrections import DEFAULT_FILE
    from briefgen.corrections.sheet import import_sheet as run_import

    s = settings_of(ctx)
    dest = Path(target or (s.corrections.files or [DEFAULT_FILE])[0])
    result = run_import(Path(sheet), dest, by=by)
    click.echo(result.summary())
    for e in result.added:
        click.echo(f"  {e.key}  {e.describe()}")


@corrections.command("check")
@corpus_argument
@period_options
@export_options
def check(
    ctx: click.Context, corpus: tuple[str, ...], fmt: str, output: str | None, **period: Any
) -> None:
    """Each correction and what it does for CORPUS's period: applied, stale (needs you),
    for another period, or not needed."""
    an = analysis_for(ctx, corpus, fmt, period, keyphrases="brief", output=output)
    rows = an.desk.status() if an.desk is not None else []
    emit(rows, fmt, ["entry", "do", "state", "what", "detail"], output)
