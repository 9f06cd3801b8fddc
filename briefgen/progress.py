"""How the library reports progress: a Reporter the CLI fills with a bar, silent for library use."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Bar(Protocol):
    def update(self, n: int = 1) -> None: ...


class _NoBar:
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
        yield _NoBar()


class ConsoleReporter(Reporter):
    """Lines on stderr; a tqdm bar for long steps when stderr is a terminal."""

    def __init__(
        self, quiet: bool = False, min_for_bar: int = 20, bars: bool | None = None
    ) -> None:
        self.quiet = quiet
        self.bars = (not quiet) if bars is None else bars
        self.min_for_bar = min_for_bar
        self.warnings: list[str] = []

    def step(self, message: str) -> None:
        if not self.quiet:
            print(message, file=sys.stderr, flush=True)

    def warn(self, message: str) -> None:
        self.warnings.append(message)
        print(f"warning: {message}", file=sys.stderr, flush=True)

    @contextmanager
    def bar(self, total: int | None, label: str) -> Iterator[Bar]:
        small = total is not None and total < self.min_for_bar
        if not self.bars or small or not sys.stderr.isatty():
            yield _NoBar()
            return
        from tqdm import tqdm

        with tqdm(total=total, desc=label, unit="", leave=False, file=sys.stderr) as t:
            yield t
