"""Options several commands share, declared once (as sqlite-utils does)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

import click

from briefgen.config import Settings

F = TypeVar("F", bound=Callable[..., Any])

EXPORT_FORMATS = ["table", "json", "csv", "xlsx"]


def corpus_argument(f: F) -> F:
    return click.argument("corpus", nargs=-1, type=click.Path())(f)


def period_options(f: F) -> F:
    """--date, --since/--until, --week, --last: the period a command covers."""
    for opt in reversed(
        [
            click.option(
                "--date",
                "as_of",
                metavar="YYYY-MM-DD",
                help="The 'as of' date (default: today, or the period's end).",
            ),
            click.option("--since", metavar="YYYY-MM-DD", help="First day of the period."),
            click.option("--until", metavar="YYYY-MM-DD", help="Last day of the period."),
            click.option("--week", metavar="YYYY-Www", help="One ISO week, e.g. 2017-W50."),
            click.option(
                "--last", metavar="N[d|w|m]", help="The N days/weeks/months up to --date, e.g. 7d."
            ),
        ]
    ):
        f = opt(f)
    return f


def format_option(
    choices: Sequence[str] = EXPORT_FORMATS, default: str = "table"
) -> Callable[[F], F]:
    def deco(f: F) -> F:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(list(choices)),
            default=default,
            show_default=True,
            help="Output format.",
        )(f)

    return deco


def output_option(f: F) -> F:
    """-o FILE: write the export there instead of to the terminal (needed for xlsx)."""
    return click.option(
        "-o",
        "--output",
        "output",
        type=click.Path(dir_okay=False),
        help="Write to FILE instead of the terminal (required with --format xlsx).",
    )(f)


def corrections_options(f: F) -> F:
    """--corrections FILE (repeatable) and --no-corrections: which desk corrections apply
    (default: [corrections] files in the config, else ./corrections.yaml when present)."""

    def use(ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> None:
        if value and not ctx.meta.get("briefgen.no_corrections"):
            settings_of(ctx).corrections.files = list(value)

    def off(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
        if value:
            ctx.meta["briefgen.no_corrections"] = True
            settings_of(ctx).corrections.files = []

    f = click.option(
        "--no-corrections",
        is_flag=True,
        expose_value=False,
        callback=off,
        help="Apply no corrections: what the extraction alone found.",
    )(f)
    return click.option(
        "--corrections",
        "corrections_files",
        multiple=True,
        metavar="FILE",
        type=click.Path(dir_okay=False),
        expose_value=False,
        callback=use,
        help="Corrections file to apply (repeatable; default: [corrections] files, else ./corrections.yaml).",
    )(f)


def export_options(f: F) -> F:
    """What every export takes after its own options: --format, -o FILE, --store,
    --corrections/--no-corrections; and the click context."""
    decos: list[Callable[[Any], Any]] = [
        format_option(),
        output_option,
        store_option,
        corrections_options,
        click.pass_context,
    ]
    for deco in reversed(decos):
        f = deco(f)
    return f


def top_option(most: int, default: int, help: str) -> Callable[[F], F]:
    """--top N: how many rows an export lists (1 to `most`)."""
    return click.option(
        "--top",
        "top_n",
        type=click.IntRange(1, most),
        default=default,
        show_default=True,
        help=help,
    )


def quiet_option(f: F) -> F:
    return click.option("-q", "--quiet", is_flag=True, help="Print only results and errors.")(f)


def settings_of(ctx: click.Context) -> Settings:
    obj = ctx.find_root().obj
    assert isinstance(obj, Settings)
    return obj


def corpus_paths(settings: Settings, given: Sequence[str]) -> list[str] | None:
    """The paths given, or None: the library then reads the settings' paths (or, with a
    configured store, the whole store)."""
    return list(given) if given else None


def scheduler_option(f: F) -> F:
    return click.option(
        "--scheduler",
        metavar="tcp://HOST:8786",
        help="A dask.distributed scheduler to read, parse and analyse on (default: [store] scheduler, else this machine's cores).",
    )(f)


def store_option(f: F) -> F:
    return click.option(
        "--store",
        "store_path",
        type=click.Path(),
        help="The article store: a file or data folder (default: [store] path).",
    )(f)


def period_of(
    as_of: str | None,
    since: str | None,
    until: str | None,
    week: str | None,
    last: str | None,
) -> tuple[Any, date]:
    """(Period, as-of date) from the period options."""
    from briefgen.periods import brief_date, parse_date, resolve_period

    given = parse_date(as_of, "--date") if as_of else None
    period = resolve_period(given or date.today(), since=since, until=until, week=week, last=last)
    return period, brief_date(period, given, date.today())
