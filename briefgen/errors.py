"""The few exceptions a user can see.  Each message is one line: what went wrong, then the fix.

They subclass click.ClickException so the CLI prints them as `Error: ...` with a
non-zero exit and no traceback; the library raises them without knowing about the CLI.
"""

from __future__ import annotations

import click


class BriefgenError(click.ClickException):
    """Base class: one line, what went wrong and how to fix it."""

    exit_code = 1


class ConfigError(BriefgenError):
    """A bad option or config file value."""

    exit_code = 2


class CorpusError(BriefgenError):
    """No usable articles (every file skipped, empty folder, nothing in the period)."""


class ModelError(BriefgenError):
    """A model package is missing or cannot be loaded offline."""


class RenderError(BriefgenError):
    """A template is missing or broken, or the PDF could not be written."""


class DeliveryError(BriefgenError):
    """The email could not be built or sent."""
