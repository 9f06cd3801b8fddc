"""The command line: parse options, build Settings, call the library.  Nothing else lives here.

Heavy modules (spaCy, torch, WeasyPrint, pandas) are imported inside the commands, so
`briefgen --help` answers at once.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import click

from briefgen.config import Settings, load_settings, override
from briefgen.errors import BriefgenError, ConfigError

FORMATS = click.Choice(["table", "json", "csv"])


def _settings(ctx: click.Context) -> Settings:
    obj = ctx.find_root().obj
    assert isinstance(obj, Settings)
    return obj


def _as_of(value: str | None) -> date:
    from briefgen.periods import parse_date

    return parse_date(value, "--date") if value else date.today()


def _corpus_paths(settings: Settings, given: Sequence[str]) -> list[str]:
    return list(given) if given else list(settings.corpus.paths)


def emit(rows: list[dict[str, Any]], fmt: str, columns: Sequence[str]) -> None:
    """Print records as an aligned table of `columns`, or every field as JSON (a list of objects) or CSV."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    import pandas as pd

    every = list(columns) + [k for k in (rows[0] if rows else {}) if k not in columns]
    df = pd.DataFrame(rows, columns=every)
    if fmt == "csv":
        for c in df.columns:
            df[c] = df[c].map(lambda v: "; ".join(map(str, v)) if isinstance(v, list) else v)
        click.echo(df.to_csv(index=False), nl=False)
        return
    if df.empty:
        click.echo("(none)")
        return
    view = df[[c for c in columns if c in df.columns]].copy()
    for c in view.columns:
        view[c] = view[c].map(_cell)
    with pd.option_context("display.max_colwidth", 60, "display.width", 200):
        click.echo(view.to_string(index=False))


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


def _reporter(quiet: bool, bars: bool | None = None) -> Any:
    from briefgen.progress import ConsoleReporter

    return ConsoleReporter(quiet=quiet, bars=bars)


class UserError(click.ClickException):
    """A library error shown as `Error: ...`; exits 1."""


class UsageProblem(UserError):
    """A bad option or setting; exits 2, as click's own usage errors do."""

    exit_code = 2


def user_error(error: BriefgenError) -> UserError:
    """The click exception that shows `error` in one line with its exit code."""
    return (UsageProblem if error.exit_code == 2 else UserError)(error.message)


class BriefgenGroup(click.Group):
    """The command group: turns the library's errors into one-line messages at the edge."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BriefgenError as e:
            raise user_error(e) from None


@click.group(cls=BriefgenGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Settings file (default: ./briefgen.toml when present).",
)
@click.version_option(package_name="briefgen")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None) -> None:
    """Turn news articles about the Korean peninsula into a dated briefing book (PDF and HTML)."""
    try:
        ctx.obj = load_settings(config_path)
    except BriefgenError as e:
        raise user_error(e) from None


corpus_argument = click.argument("corpus", nargs=-1, type=click.Path())


@cli.command()
@corpus_argument
@click.option(
    "--date",
    "as_of",
    metavar="YYYY-MM-DD",
    help="The brief's 'as of' date (default: today, or the period's end).",
)
@click.option("--since", metavar="YYYY-MM-DD", help="First day of the period covered.")
@click.option("--until", metavar="YYYY-MM-DD", help="Last day of the period covered.")
@click.option("--week", metavar="YYYY-Www", help="Cover one ISO week, e.g. 2017-W50.")
@click.option(
    "--last", metavar="N[d|w|m]", help="Cover the N days/weeks/months up to --date, e.g. 7d."
)
@click.option(
    "-o",
    "--output",
    "output_dir",
    type=click.Path(file_okay=False),
    help="Output folder (default: output/).",
)
@click.option(
    "--format", "formats", metavar="pdf,html", help="Which files to write (default: pdf,html)."
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
@click.option("-q", "--quiet", is_flag=True, help="Print only the paths written and errors.")
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
    quiet: bool,
) -> None:
    """Build the briefing book from CORPUS (files, folders, globs; default: seeds/).

    Writes output/korea-brief-<date>.pdf and .html, where <date> is the brief's as-of date.
    """
    from briefgen import build_brief

    s = _settings(ctx)
    fmt_list = None
    if formats:
        fmt_list = [f.strip().lower() for f in formats.split(",") if f.strip()]
        bad = [f for f in fmt_list if f not in ("pdf", "html")]
        if bad or not fmt_list:
            raise ConfigError(f"--format {formats!r}: use pdf, html or pdf,html")
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
    rep = _reporter(quiet)
    result = build_brief(
        _corpus_paths(s, corpus),
        as_of=_as_of(as_of) if as_of else None,
        settings=s,
        since=since,
        until=until,
        week=week,
        last=last,
        reporter=rep,
    )
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


def _load(ctx: click.Context, corpus: Sequence[str], quiet: bool = True) -> tuple[Settings, Any]:
    from briefgen.pipeline import read

    s = _settings(ctx)
    return s, read(_corpus_paths(s, corpus), s, _reporter(quiet))


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


@cli.command()
@corpus_argument
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_context
def articles(ctx: click.Context, corpus: tuple[str, ...], fmt: str) -> None:
    """List the cleaned articles read from CORPUS (default: seeds/)."""
    _, c = _load(ctx, corpus, quiet=fmt != "table")
    emit([a.to_dict() for a in c.articles], fmt, ARTICLE_COLUMNS)


def _attribution(ctx: click.Context, corpus: Sequence[str]) -> tuple[Any, Any]:
    """Read, parse and attribute CORPUS for the quotes and actors exports."""
    from briefgen.pipeline import attribute, parse

    s, c = _load(ctx, corpus)
    rep = _reporter(
        True, bars=True
    )  # stdout stays clean for JSON/CSV; bars go to a terminal's stderr
    return c, attribute(c.articles, parse(c.articles, s, rep), s, rep)


QUOTE_COLUMNS = ["speaker", "speaker_role", "country", "cue", "quote", "published", "title"]


def _quote_rows(articles: Sequence[Any], quotes: Sequence[Any]) -> list[dict[str, Any]]:
    by_id = {a.article_id: a for a in articles}
    rows = []
    for q in quotes:
        d = q.to_dict(by_id.get(q.article_id))
        d["quote"] = d.pop("text")
        rows.append(d)
    return rows


@cli.command()
@corpus_argument
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_context
def quotes(ctx: click.Context, corpus: tuple[str, ...], fmt: str) -> None:
    """List the quotations in CORPUS with speaker, role and country."""
    c, att = _attribution(ctx, corpus)
    emit(_quote_rows(c.articles, att.quotes), fmt, QUOTE_COLUMNS)


@cli.command()
@corpus_argument
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_context
def actors(ctx: click.Context, corpus: tuple[str, ...], fmt: str) -> None:
    """List the actors who speak in CORPUS, whom they speak for, and their positions."""
    _, att = _attribution(ctx, corpus)
    by_holder: dict[str, list[str]] = {}
    for p in att.positions:
        if p.holder_kind == "actor":
            by_holder.setdefault(p.holder, []).append(p.label)
    rows = []
    for a in att.actors:
        d = a.to_dict()
        d["positions"] = by_holder.get(a.actor_id, [])
        rows.append(d)
    emit(rows, fmt, ["name", "kind", "role", "country", "quote_count", "mentions", "positions"])


@cli.command()
@corpus_argument
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
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_context
def keyphrases(
    ctx: click.Context, corpus: tuple[str, ...], scope: str, top_n: int, fmt: str
) -> None:
    """Keyphrases of CORPUS per article, per country section, or for the whole corpus."""
    from briefgen.nlp.keyphrases import KeyphraseExtractor
    from briefgen.pipeline import parse

    s, c = _load(ctx, corpus)
    rep = _reporter(True)
    arts = [
        a for a in c.articles if s.corpus.include_low_relevance or not a.low_relevance
    ] or c.articles
    docs = parse(arts, s, rep)
    ex = KeyphraseExtractor(cache_dir=s.cache_dir, top_n=top_n)
    if scope == "article":
        result = ex.for_articles(arts, docs)
    elif scope == "country":
        from briefgen.book.assemble import country_groups
        from briefgen.pipeline import attribute

        result = ex.for_groups(
            country_groups(arts, attribute(arts, docs, s, rep)), docs, scope="country"
        )
    else:
        result = ex.for_groups({"corpus": arts}, docs, scope="corpus")
    rows = [k.to_dict() for ks in result.values() for k in ks]
    emit(rows, fmt, ["scope_id", "phrase", "score", "variants"])


@cli.command()
@click.argument("pdf", type=click.Path(dir_okay=False))
@click.option(
    "--to",
    "to",
    multiple=True,
    metavar="ADDR|LIST",
    help="Recipient address or a named list from the config (repeatable).",
)
@click.option("--sender", "--from", "sender", help="From address (default: from the config).")
@click.option("--subject", help="Subject; {date} is replaced by the brief's date.")
@click.option("--smtp-host", help="SMTP server host.")
@click.option("--smtp-port", type=int, help="SMTP server port.")
@click.option(
    "--security", type=click.Choice(["starttls", "ssl", "none"]), help="Connection security."
)
@click.option(
    "--username", help="SMTP login name (password from $BRIEFGEN_SMTP_PASSWORD or ~/.netrc)."
)
@click.option(
    "--eml",
    "eml",
    type=click.Path(dir_okay=False),
    help="Write the message to this .eml file instead of sending.",
)
@click.option("--dry-run", is_flag=True, help="Show what would be sent; send nothing.")
@click.pass_context
def email(
    ctx: click.Context,
    pdf: str,
    to: tuple[str, ...],
    sender: str | None,
    subject: str | None,
    smtp_host: str | None,
    smtp_port: int | None,
    security: str | None,
    username: str | None,
    eml: str | None,
    dry_run: bool,
) -> None:
    """Send a built brief (PDF) by email, or write it as an .eml file."""
    from briefgen.deliver import email_command

    s = _settings(ctx)
    s.email = override(
        s.email,
        sender=sender,
        subject=subject,
        smtp_host=smtp_host,
        smtp_port=smtp_port,
        security=security,
        username=username,
    )
    outcome = email_command(
        Path(pdf), s.email, list(to), eml=Path(eml) if eml else None, dry_run=dry_run
    )
    for line in outcome.lines:
        click.echo(line)
    if outcome.exit_code:
        sys.exit(outcome.exit_code)


@cli.group()
def templates() -> None:
    """Work with the brief's templates."""


@templates.command("init")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
def templates_init(directory: str, force: bool) -> None:
    """Copy the default templates into DIRECTORY to start your own (use with --template-dir)."""
    from briefgen.render import init_templates

    for p in init_templates(Path(directory), force=force):
        click.echo(str(p))


def main() -> None:  # pragma: no cover - console entry point alias
    cli(prog_name="briefgen")
