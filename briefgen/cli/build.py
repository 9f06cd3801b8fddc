"""`briefgen build`: the brief, and optionally mail it."""

from __future__ import annotations

import re
import sys
from datetime import date

import click

from briefgen.cli.console import ConsoleReporter
from briefgen.cli.options import (
    corpus_argument,
    corpus_paths,
    corrections_options,
    period_of,
    period_options,
    quiet_option,
    settings_of,
    store_option,
)
from briefgen.config import override
from briefgen.errors import ConfigError
from briefgen.periods import Period, resolve_period


def _formats(formats: str | None) -> list[str] | None:
    if not formats:
        return None
    fmt_list = [f.strip().lower() for f in formats.split(",") if f.strip()]
    bad = [f for f in fmt_list if f not in ("pdf", "html", "xlsx")]
    if bad or not fmt_list:
        raise ConfigError(f"--format {formats!r}: use pdf, html and/or xlsx, e.g. pdf,html,xlsx")
    return fmt_list


def comparison_period(value: str | None) -> Period | None:
    """--compare-to: an ISO week ("2017-W49") or a stored label ("2017-12-01 to 2017-12-07")."""
    if value is None:
        return None
    m = re.fullmatch(r"\s*(\d{4}-\d{2}-\d{2})\s*(?:to|\.\.)\s*(\d{4}-\d{2}-\d{2})\s*", value)
    if m:
        return resolve_period(date.today(), since=m.group(1), until=m.group(2))
    if not re.fullmatch(r"\s*\d{4}-?W\d{1,2}\s*", value, re.I):
        raise ConfigError(
            f"--compare-to {value!r}: give an ISO week (2017-W49) or a period "
            "(2017-12-01..2017-12-07); `briefgen history` lists the stored briefs"
        )
    return resolve_period(date.today(), week=value)


@click.command()
@corpus_argument
@period_options
@click.option(
    "-o",
    "--output",
    "output_dir",
    type=click.Path(file_okay=False),
    help="Output folder (default: output/).",
)
@click.option(
    "--format",
    "formats",
    metavar="pdf,html,xlsx",
    help="Which files to write (default: pdf,html; xlsx: a data appendix of quotes, positions and sources).",
)
@click.option(
    "--template-dir",
    type=click.Path(file_okay=False),
    help="Your templates, searched before the defaults.",
)
@click.option(
    "--paper",
    type=click.Choice(["A4", "Letter"], case_sensitive=False),
    help="Paper size (default: A4).",
)
@click.option(
    "--pdf-variant",
    type=click.Choice(["pdf/ua-1", "pdf/a-3b", "pdf/a-2b"]),
    help="Tagged (pdf/ua-1) or archival (pdf/a-*) PDF.",
)
@click.option("--title", help="Title on the cover.")
@click.option(
    "--marking",
    metavar="TEXT",
    help='Handling marking on every page, e.g. "UNCLASSIFIED // FOR OFFICIAL USE".',
)
@click.option(
    "--include-low-relevance",
    is_flag=True,
    default=None,
    help="Let articles that barely concern Korea into country sections.",
)
@click.option(
    "--email-to",
    multiple=True,
    metavar="ADDR|LIST",
    help="Mail the PDF to these addresses or named lists after building.",
)
@click.option(
    "--compare-to",
    metavar="PERIOD",
    help="The stored brief (or period) to say what changed since, e.g. 2017-W49 "
    "(default: the last stored brief, else the period just before).",
)
@store_option
@corrections_options
@quiet_option
@click.pass_context
def build(
    ctx: click.Context,
    corpus: tuple[str, ...],
    as_of: str | None,
    since: str | None,
    until: str | None,
    week: str | None,
    last: str | None,
    output_dir: str | None,
    formats: str | None,
    template_dir: str | None,
    paper: str | None,
    pdf_variant: str | None,
    title: str | None,
    marking: str | None,
    include_low_relevance: bool | None,
    email_to: tuple[str, ...],
    compare_to: str | None,
    store_path: str | None,
    quiet: bool,
) -> None:
    """Build the briefing book from CORPUS (files, folders, globs; default: seeds/, or
    with a configured store the whole store plus CORPUS).

    Writes output/korea-brief-<date>.pdf and .html, where <date> is the brief's as-of date.
    """
    from briefgen.pipeline import build as build_brief

    s = settings_of(ctx)
    fmt_list = _formats(formats)
    s.brief = override(
        s.brief,
        output_dir=output_dir,
        formats=fmt_list,
        template_dir=template_dir,
        paper=paper.upper()
        if paper and paper.lower() == "a4"
        else (paper.capitalize() if paper else None),
        pdf_variant=pdf_variant,
        title=title,
        marking=marking,
    )
    s.corpus = override(s.corpus, include_low_relevance=include_low_relevance)
    s.store = override(s.store, path=store_path)
    rep = ConsoleReporter(quiet=quiet)
    period, day = period_of(as_of, since, until, week, last)
    paths, compare = corpus_paths(s, corpus), comparison_period(compare_to)
    result = build_brief(s, day, period, reporter=rep, paths=paths, compare_to=compare)
    for p in result.paths:
        click.echo(str(p))
    if email_to:
        from briefgen.deliver import send_brief

        pdf = next((p for p in result.paths if p.suffix == ".pdf"), None)
        if pdf is None:
            raise ConfigError("--email-to needs the PDF; add pdf to --format")
        report = send_brief(pdf, result.brief, s.email, list(email_to), reporter=rep)
        click.echo(report.summary())
        if not report.ok:
            sys.exit(3)
