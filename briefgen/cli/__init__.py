"""The command line: parse options, build Settings, call the library.  Nothing else lives here.

Heavy modules (spaCy, torch, WeasyPrint, pandas) are imported inside the commands, so
`briefgen --help` answers at once.  The library raises `BriefgenError`s; the group below
shows each as one `Error: ...` line with its exit code.
"""

from __future__ import annotations

from typing import Any

import click

from briefgen.cli.build import build
from briefgen.cli.email import email
from briefgen.cli.exports import actors, articles, keyphrases, quotes
from briefgen.cli.history import history
from briefgen.cli.ingest import ingest
from briefgen.cli.review import corrections, review
from briefgen.cli.templates import templates
from briefgen.config import load_settings
from briefgen.errors import BriefgenError, ConfigError


class UserError(click.ClickException):
    """A library error shown as `Error: ...`; exits 1."""


class UsageProblem(UserError):
    """A bad option or setting; exits 2, as click's own usage errors do."""

    exit_code = 2


def user_error(error: BriefgenError) -> UserError:
    """The click exception that shows `error` in one line with its exit code (a config
    file with several bad values: one `Error:` line each)."""
    lines = error.lines if isinstance(error, ConfigError) else [error.message]
    return (UsageProblem if error.exit_code == 2 else UserError)("\nError: ".join(lines))


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


for command in (
    build,
    ingest,
    history,
    articles,
    quotes,
    actors,
    keyphrases,
    review,
    corrections,
    email,
    templates,
):
    cli.add_command(command)


def main() -> None:  # pragma: no cover - console entry point alias
    cli(prog_name="briefgen")
