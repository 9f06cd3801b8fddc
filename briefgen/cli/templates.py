"""`briefgen templates`: start your own templates from the defaults."""

from __future__ import annotations

from pathlib import Path

import click


@click.group()
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
