"""The few exceptions a user can see.  Each message is one line: what went wrong, then the fix.

The library raises them and never prints; the command line (cli.py) shows them as
`Error: ...` with the exit code they carry and no traceback.
"""

from __future__ import annotations


class BriefgenError(Exception):
    """Base class: one line, what went wrong and how to fix it."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ConfigError(BriefgenError):
    """A bad option or config file value.  `more` holds further problems found at the
    same time (each one line too), so a config file is fixed in one go."""

    exit_code = 2

    def __init__(self, message: str, more: list[str] | None = None) -> None:
        super().__init__(message)
        self.more = list(more or [])

    @property
    def lines(self) -> list[str]:
        return [self.message, *self.more]


class CorpusError(BriefgenError):
    """No usable articles (every file skipped, empty folder, nothing in the period)."""


class ModelError(BriefgenError):
    """A model package is missing or cannot be loaded offline."""


class RenderError(BriefgenError):
    """A template is missing or broken, or the PDF could not be written."""


class DeliveryError(BriefgenError):
    """The email could not be built or sent."""


class OutputError(RenderError):
    """The output folder cannot take the brief (missing rights, no space, a file in the way)."""
