"""How the library reports progress: a Reporter the CLI fills with a bar, silent for library use."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Bar(Protocol):
    def update(self, n: int = 1) -> None: ...


class NoBar:
    def update(self, n: int = 1) -> None:
        pass


class Reporter:
    """Silent by default; subclasses print steps, warnings and bars."""

    def step(self, message: str) -> None:
        """One line per pipeline step ("Read 5 articles from 4 files")."""

    def warn(self, message: str) -> None:
        """A problem that does not stop the run (a skipped file)."""

    @contextmanager
    def bar(self, total: int | None, label: str) -> Iterator[Bar]:
        """A progress bar over `total` items (None: count without a known end)."""
        yield NoBar()
