"""`briefgen ingest`: add files to the article store and analyse what is new."""

from __future__ import annotations

import click

from briefgen.cli.console import ConsoleReporter
from briefgen.cli.options import quiet_option, scheduler_option, settings_of, store_option
from briefgen.config import override


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_option
@scheduler_option
@click.option(
    "--no-analyse",
    is_flag=True,
    help="Only read and store the articles; builds parse and analyse them when needed.",
)
@quiet_option
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    store_path: str | None,
    scheduler: str | None,
    no_analyse: bool,
    quiet: bool,
) -> None:
    """Add PATHS (files, folders, globs) to the article store: new and changed files are
    read, cleaned, parsed and analysed; unchanged ones are skipped.

    Prints how many files and articles were new, duplicate or updated.
    """
    from briefgen.ingest import ingest as run_ingest
    from briefgen.ingest import store_path as where

    s = settings_of(ctx)
    s.store = override(s.store, path=store_path, scheduler=scheduler)
    rep = ConsoleReporter(quiet=quiet)
    report = run_ingest(s, list(paths), reporter=rep, analyse=not no_analyse)
    for note in report.notes:
        rep.step(f"duplicate: {note}")
    click.echo(f"{where(s)}: {report.summary()}")
