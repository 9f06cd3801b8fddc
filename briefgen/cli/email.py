"""`briefgen email`: send a built brief, or write it as an .eml file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from briefgen.cli.options import settings_of
from briefgen.config import override


@click.command()
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

    s = settings_of(ctx)
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
