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
from jinja2.sandbox import SecurityError

from briefgen.config import PAPERS as CONFIG_PAPERS
from briefgen.errors import RenderError
from briefgen.model import Brief
from briefgen.render.templates import make_environment

PAPERS = {p.upper(): p for p in CONFIG_PAPERS}


class UndefinedInTemplate(RenderError):
    """A template used a variable or attribute the brief does not have."""


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
        return _render(tpl, context)
    except RenderError:
        raise
    except jinja2.UndefinedError as e:
        raise UndefinedInTemplate(
            f"template uses an undefined variable{_where(e)}: {e.message}; fix the template"
        ) from None
    except jinja2.TemplateSyntaxError as e:
        raise RenderError(f"template {e.filename or e.name}:{e.lineno}: {e.message}") from None
    except jinja2.TemplateNotFound as e:
        raise RenderError(
            f"template {e.name} not found in the template folder or the defaults"
        ) from None
    except SecurityError as e:
        raise RenderError(
            f"template refused{_where(e)}: {e}; a template may only read the brief's data"
        ) from None
    except RecursionError:
        raise RenderError(
            "template extends or includes itself without end; "
            'extend "default:brief.html", not "brief.html"'
        ) from None
    except Exception as e:  # {{ 1/0 }}, a filter given the wrong type, ...
        raise RenderError(
            f"template failed{_where(e)}: {type(e).__name__}: {_one_line(e)}; fix the template"
        ) from None


# A rendered brief larger than this, or a render longer than this, means a runaway loop
# in a template; the render is stopped with an error instead of filling memory.
MAX_HTML_BYTES = 200_000_000
MAX_RENDER_SECONDS = 300.0


def _render(tpl: jinja2.Template, context: dict[str, Any]) -> str:
    """tpl.render(), with the output size and the time it takes bounded."""
    import time

    started = time.monotonic()
    parts: list[str] = []
    size = 0
    for chunk in tpl.generate(**context):
        parts.append(chunk)
        size += len(chunk)
        if size > MAX_HTML_BYTES:
            raise RenderError(
                f"template output passed {MAX_HTML_BYTES // 1_000_000} MB; look for a loop "
                "in the template that repeats without end"
            )
        if time.monotonic() - started > MAX_RENDER_SECONDS:
            raise RenderError(
                f"template still rendering after {MAX_RENDER_SECONDS:.0f} s; look for a "
                "loop in the template that repeats without end"
            )
    return "".join(parts)


def _one_line(e: BaseException) -> str:
    text = " ".join(str(e).split())
    return text if len(text) <= 160 else text[:157] + "..."


def _where(e: BaseException) -> str:
    """ " in brief.html line 12" from the template frames of a Jinja traceback."""
    tb = e.__traceback__
    found = ""
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith((".html", ".htm", ".j2", ".css", ".xml")):
            found = f" in {Path(name).name} line {tb.tb_lineno}"
        tb = tb.tb_next
    return found
