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
