"""Render the Brief: Jinja2 -> HTML, WeasyPrint -> PDF.  Files are written then renamed.

Template search path: the user's --template-dir first, then the packaged defaults;
`default:NAME` always names the packaged template, so a user's brief.html can
`{% extends "default:brief.html" %}` and change one block.

Same input, same bytes: the HTML carries no clock time, and the PDF's creation and
modification dates come from the brief's as-of date (or SOURCE_DATE_EPOCH when set).
Article text is untrusted: autoescape is on, and the PDF build fetches nothing but
files inside the template folders (see `restricted_fetcher`).
"""

from __future__ import annotations

import base64
import mimetypes
import os
import tempfile
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, time
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import jinja2
from markupsafe import Markup

from briefgen.config import BriefSettings
from briefgen.errors import RenderError
from briefgen.model import Brief

PAPERS = {"A4": "A4", "LETTER": "Letter"}
PDF_VARIANTS = ("pdf/ua-1", "pdf/ua-2", "pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/a-3u")
GENERATOR = "briefgen"


def default_template_dir() -> Path:
    """The packaged templates (top-level `templates/`, shipped inside the wheel too)."""
    return Path(str(resources.files("briefgen") / "templates"))


def _template_roots(template_dir: str | Path | None) -> list[Path]:
    """Folders assets may come from, user's first."""
    roots = [Path(template_dir)] if template_dir else []
    return [*roots, default_template_dir()]


def _inside(path: Path, roots: Iterable[Path]) -> bool:
    p = path.resolve()
    return any(p == r.resolve() or r.resolve() in p.parents for r in roots)


def _longdate(d: Any) -> str:
    return f"{d.day} {d.strftime('%B %Y')}" if d else "undated"


def _css_string(value: Any) -> Markup:
    """A CSS string literal body: everything but plain ASCII letters, digits and a few
    marks becomes a CSS escape, so no value can end the string or the <style> element."""
    out = []
    for ch in str(value):
        if ch.isascii() and (ch.isalnum() or ch in " ./,-_:()"):
            out.append(ch)
        else:
            out.append(f"\\{ord(ch):x} ")
    return Markup("".join(out))


def _is_web_url(url: Any) -> bool:
    """Only http(s) links are made clickable; file:, javascript: and the like stay text."""
    try:
        return urlparse(str(url)).scheme in ("http", "https")
    except ValueError:
        return False


def _country_name(code: Any) -> str:
    from briefgen.knowledge.countries import country_name

    return country_name(str(code))


@jinja2.pass_context
def _source_number(ctx: jinja2.runtime.Context, article_id: str) -> int | None:
    brief = ctx.get("brief")
    return brief.source_number(article_id) if isinstance(brief, Brief) else None


@jinja2.pass_context
def _stat(ctx: jinja2.runtime.Context, name: str, default: Any = 0) -> Any:
    """brief.stats[name], or `default` when assemble did not count it."""
    brief = ctx.get("brief")
    stats = brief.stats if isinstance(brief, Brief) else {}
    value = stats.get(name)
    return default if value is None else value


def _asset_function(roots: list[Path]) -> Callable[[str], str]:
    """asset("logo.svg") -> a data: URI, so a logo keeps the HTML one self-contained file."""

    def asset(name: str) -> str:
        for root in roots:
            p = root / name
            if p.is_file() and _inside(p, [root]):
                mime = mimetypes.guess_type(p.name)[0] or "application/octet-stream"
                data = base64.b64encode(p.read_bytes()).decode("ascii")
                return f"data:{mime};base64,{data}"
        raise RenderError(
            f"template asset {name!r} not found in {', '.join(map(str, roots))}; "
            "put the file in your --template-dir"
        )

    return asset


def make_environment(template_dir: str | Path | None = None) -> jinja2.Environment:
    """Jinja environment: user folder first, packaged defaults after, `default:` prefix."""
    default = jinja2.FileSystemLoader(str(default_template_dir()))
    loaders: list[jinja2.BaseLoader] = []
    if template_dir:
        d = Path(template_dir)
        if not d.is_dir():
            raise RenderError(
                f"template folder {d} does not exist; create it with `briefgen templates init {d}`"
            )
        loaders.append(jinja2.FileSystemLoader(str(d)))
    loaders.append(default)
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [jinja2.PrefixLoader({"default": default}, delimiter=":"), *loaders]
        ),
        autoescape=jinja2.select_autoescape(
            ["html", "htm", "xml", "j2", "css"], default_for_string=True
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["longdate"] = _longdate
    env.filters["isodate"] = lambda d: d.isoformat() if d else ""
    env.filters["source_number"] = _source_number
    env.filters["country_name"] = _country_name
    env.filters["css_string"] = _css_string
    env.tests["web_url"] = _is_web_url
    env.filters["is_web_url"] = _is_web_url
    env.globals["stat"] = _stat
    env.globals["asset"] = _asset_function(_template_roots(template_dir))
    return env


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
    from briefgen.svgchart import chart_series, render_chart

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


def restricted_fetcher(allowed_root: Iterable[Path]) -> Any:
    """A WeasyPrint URL fetcher that serves only files under the template folders.

    Article text is untrusted: nothing it names (file://, http://, ...) is ever read;
    such a resource simply does not load.  data: URIs (inline assets) are decoded in
    memory.  Every URL asked for is kept in `.requested` and every refusal in
    `.blocked`, so tests can prove nothing else was read.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    roots = [p.resolve() for p in allowed_root]

    class RestrictedFetcher(URLFetcher):
        def __init__(self) -> None:
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
            self.requested: list[str] = []
            self.blocked: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            from urllib.parse import unquote

            self.requested.append(url)
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                path = Path(unquote(urlparse(url).path))
                if _inside(path, roots) and path.resolve().is_file():
                    return URLFetcherResponse(path.resolve().as_uri(), path.resolve().read_bytes())
            self.blocked.append(url)
            raise ValueError(f"blocked resource: {url[:80]}")

    return RestrictedFetcher()


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temp file beside `path`, then rename: a good earlier file is never half-replaced."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a brief is meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render_pdf(
    html: str,
    brief: Brief,
    template_dir: str | Path | None = None,
    *,
    pdf_variant: str | None = None,
    fetcher: Any = None,
) -> bytes:
    """HTML to PDF bytes with only template assets reachable; same input, same bytes.

    The dates in the PDF come from the HTML's dcterms.created/modified (set from the
    brief's fixed stamp), so nothing depends on the clock or the environment.
    """
    import logging

    from weasyprint import HTML

    if pdf_variant and pdf_variant not in PDF_VARIANTS:
        raise RenderError(
            f"PDF variant {pdf_variant!r} is not supported; use one of {', '.join(PDF_VARIANTS)}"
        )
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    roots = _template_roots(template_dir)
    base = roots[0].resolve().as_uri() + "/"
    fetch = fetcher if fetcher is not None else restricted_fetcher(roots)
    try:
        doc = HTML(string=html, base_url=base, url_fetcher=fetch, media_type="print")
        pdf = doc.write_pdf(
            pdf_variant=pdf_variant,
            # A stable file identifier (hash of the content), not a random one.
            pdf_identifier=None,
            uncompressed_pdf=False,
        )
    except RenderError:
        raise
    except Exception as e:  # WeasyPrint layout/font failure: one line, not a traceback
        raise RenderError(f"PDF rendering failed: {type(e).__name__}: {e}") from None
    return pdf or b""


def output_stem(brief: Brief) -> str:
    return f"korea-brief-{brief.as_of.isoformat()}"


def write_outputs(brief: Brief, settings: BriefSettings) -> list[Path]:
    """Render and write the formats `settings` asks for; returns the paths written.

    Everything is rendered before anything is written, so a failure leaves earlier files alone.
    """
    out = Path(settings.output_dir)
    template_dir = settings.template_dir
    marking = getattr(settings, "marking", None)
    html = render_html(brief, template_dir, paper=settings.paper, marking=marking)
    stem = output_stem(brief)
    fmts = list(settings.formats)
    rendered: list[tuple[Path, bytes]] = []
    if "pdf" in fmts:
        pdf = render_pdf(html, brief, template_dir, pdf_variant=settings.pdf_variant)
        rendered.append((out / f"{stem}.pdf", pdf))
    if "html" in fmts:
        rendered.append((out / f"{stem}.html", html.encode("utf-8")))
    for path, data in rendered:
        atomic_write(path, data)
    return [p for p, _ in rendered]


def init_templates(directory: Path, force: bool = False) -> list[Path]:
    """Copy the packaged templates into `directory` as a starting point for a user's own."""
    import shutil

    src = default_template_dir()
    files = [
        f for f in sorted(src.rglob("*")) if f.is_file() and not f.name.startswith((".", "__"))
    ]
    clashes = [directory / f.relative_to(src) for f in files]
    existing = [d for d in clashes if d.exists()]
    if existing and not force:
        raise RenderError(f"{existing[0]} already exists; pass --force to overwrite it")
    written: list[Path] = []
    for f in files:
        dest = directory / f.relative_to(src)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, dest)
        written.append(dest)
    return written
