"""The Brief as one self-contained HTML page.

Same input, same bytes: the HTML carries no clock time; its dates come from the brief's
as-of date (or SOURCE_DATE_EPOCH when set).
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from briefgen.errors import RenderError
from briefgen.model import Brief
from briefgen.render.templates import make_environment

PAPERS = {"A4": "A4", "LETTER": "Letter"}
GENERATOR = "briefgen"


def build_stamp(brief: Brief) -> datetime:
    """The document's fixed date: SOURCE_DATE_EPOCH when set, else midnight UTC of as_of."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC)
        except (ValueError, OverflowError, OSError):
            raise RenderError(
                f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds; unset it or fix it"
            ) from None
    return datetime.combine(brief.as_of, time(0, 0), tzinfo=UTC)


def _paper(paper: str | None) -> str:
    key = (paper or "A4").strip().upper()
    if key not in PAPERS:
        raise RenderError(f"paper size {paper!r} is not supported; use A4 or Letter")
    return PAPERS[key]


def _generator() -> str:
    try:
        from importlib.metadata import version

        return f"{GENERATOR} {version('briefgen')}"
    except Exception:
        return GENERATOR


@lru_cache(maxsize=8)
def _environment(template_dir: str | None) -> jinja2.Environment:
    """One environment per template folder: compiled templates are reused across renders
    (Jinja still notices edited files by their modification time)."""
    return make_environment(template_dir)


def render_html(
    brief: Brief,
    template_dir: str | Path | None = None,
    *,
    paper: str = "A4",
    marking: str | None = None,
    stamp: datetime | None = None,
    generator: str | None = None,
    **extra: Any,
) -> str:
    """The brief as one self-contained HTML page (inline CSS and SVG, no external fetches)."""
    from briefgen.render.svgchart import chart_series, render_chart

    if template_dir and not Path(template_dir).is_dir():
        make_environment(template_dir)  # raises the one-line "does not exist" error
    env = _environment(str(Path(template_dir).resolve()) if template_dir else None)
    chart_title, rows = chart_series(brief)
    when = stamp or build_stamp(brief)
    outlets = {o for a in brief.articles for o in [*a.outlets, a.outlet] if o}
    context: dict[str, Any] = {
        "brief": brief,
        "paper": _paper(paper),
        "marking": (marking or "").strip() or None,
        "created": when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "generator": generator or _generator(),
        "author": GENERATOR,
        "chart": render_chart(chart_title, rows),
        "chart_title": chart_title,
        "outlet_count": len(outlets),
    }
    context.update(extra)
    try:
        tpl = env.get_template("brief.html")
        return tpl.render(**context)
    except jinja2.UndefinedError as e:
        raise RenderError(
            f"template uses an undefined variable: {e.message}; fix the template"
        ) from None
    except jinja2.TemplateSyntaxError as e:
        raise RenderError(f"template {e.filename or e.name}:{e.lineno}: {e.message}") from None
    except jinja2.TemplateNotFound as e:
        raise RenderError(
            f"template {e.name} not found in the template folder or the defaults"
        ) from None
