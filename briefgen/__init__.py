"""briefgen: news articles about the Korean peninsula in, a dated briefing book (PDF, HTML) out.

The small public API:

    from briefgen import Settings, build_brief
    result = build_brief(["seeds"], as_of=date(2017, 12, 20))
    result.paths      # the files written
    result.brief      # the Brief record the templates rendered

Heavy libraries (spaCy, torch, WeasyPrint) load only when a brief is built.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.config import Settings, load_settings
from briefgen.model import Actor, Article, Brief, Keyphrase, Position, Quote

if TYPE_CHECKING:
    from briefgen.pipeline import BuildResult
    from briefgen.progress import Reporter

__version__ = "0.2.0"

__all__ = [
    "Actor",
    "Article",
    "Brief",
    "Keyphrase",
    "Position",
    "Quote",
    "Settings",
    "build_brief",
    "load_settings",
]


def build_brief(
    paths: Sequence[str | Path] | None = None,
    as_of: date | None = None,
    settings: Settings | None = None,
    since: str | None = None,
    until: str | None = None,
    week: str | None = None,
    last: str | None = None,
    reporter: Reporter | None = None,
) -> BuildResult:
    """Build one brief, as `briefgen build` does; returns the Brief and the paths written."""
    from briefgen.periods import brief_date, resolve_period
    from briefgen.pipeline import build

    s = settings or load_settings()
    today = date.today()
    period = resolve_period(as_of or today, since=since, until=until, week=week, last=last)
    return build(s, brief_date(period, as_of, today), period, reporter=reporter, paths=paths)
