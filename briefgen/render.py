"""Render the Brief: Jinja2 -> HTML, WeasyPrint -> PDF.  Files are written then renamed.

Template search path: the user's --template-dir first, then the packaged defaults;
`default:NAME` always names the packaged template, so a user's brief.html can
`{% extends "default:brief.html" %}` and change one block.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, time
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from briefgen.config import BriefSettings
from briefgen.errors import RenderError
from briefgen.model import Brief


def default_template_dir() -> Path:
    """The packaged templates (top-level `templates/`, shipped inside the wheel too)."""
    return Path(str(resources.files("briefgen") / "templates"))


def make_environment(template_dir: str | Path | None = None) -> jinja2.Environment:
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
        autoescape=jinja2.select_autoescape(["html", "xml", "j2"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["longdate"] = lambda d: d.strftime("%-d %B %Y") if d else "undated"
    env.filters["isodate"] = lambda d: d.isoformat() if d else ""
    return env


def render_html(brief: Brief, template_dir: str | Path | None = None, **extra: Any) -> str:
    env = make_environment(template_dir)
    try:
        tpl = env.get_template("brief.html")
        return tpl.render(brief=brief, **extra)
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


def restricted_fetcher(allowed_root: Iterable[Path]) -> Callable[..., dict[str, Any]]:
    """A WeasyPrint URL fetcher that serves only files under the template folders.

    Article text is untrusted: nothing it names (file://, http://, data from elsewhere)
    is ever read; such a resource simply does not load.
    """
    roots = [p.resolve() for p in allowed_root]

    def fetch(url: str, timeout: int = 10, ssl_context: Any = None) -> dict[str, Any]:
        from urllib.parse import unquote, urlparse

        parsed = urlparse(url)
        if parsed.scheme == "file":
            path = Path(unquote(parsed.path)).resolve()
            if any(path == r or r in path.parents for r in roots) and path.is_file():
                return {"string": path.read_bytes(), "filename": path.name}
        if parsed.scheme == "data":
            from weasyprint.urls import default_url_fetcher

            return default_url_fetcher(url)
        raise ValueError(f"blocked resource: {url[:80]}")

    return fetch


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


def render_pdf(html: str, brief: Brief, template_dir: str | Path | None = None) -> bytes:
    """HTML to PDF bytes with only template assets reachable; same input, same bytes."""
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    roots = [default_template_dir()] + ([Path(template_dir)] if template_dir else [])
    base = (Path(template_dir) if template_dir else default_template_dir()).resolve().as_uri() + "/"
    stamp = datetime.combine(brief.as_of, time(0, 0), tzinfo=UTC)
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(stamp.timestamp())))
    doc = HTML(string=html, base_url=base, url_fetcher=restricted_fetcher(roots))
    return doc.write_pdf(uncompressed_pdf=False) or b""


def output_stem(brief: Brief) -> str:
    return f"korea-brief-{brief.as_of.isoformat()}"


def write_outputs(brief: Brief, settings: BriefSettings) -> list[Path]:
    """Render and write the formats `settings` asks for; returns the paths written.

    Everything is rendered before anything is written, so a failure leaves earlier files alone.
    """
    out = Path(settings.output_dir)
    template_dir = settings.template_dir
    html = render_html(brief, template_dir)
    written: list[Path] = []
    stem = output_stem(brief)
    fmts = list(settings.formats)
    if "pdf" in fmts:
        p = out / f"{stem}.pdf"
        atomic_write(p, render_pdf(html, brief, template_dir))
        written.append(p)
    if "html" in fmts:
        p = out / f"{stem}.html"
        atomic_write(p, html.encode("utf-8"))
        written.append(p)
    return written


def init_templates(directory: Path, force: bool = False) -> list[Path]:
    """Copy the packaged templates into `directory` as a starting point for a user's own."""
    import shutil

    src = default_template_dir()
    written: list[Path] = []
    for f in sorted(src.rglob("*")):
        if not f.is_file() or f.name.startswith((".", "__")):
            continue
        dest = directory / f.relative_to(src)
        if dest.exists() and not force:
            raise RenderError(f"{dest} already exists; pass --force to overwrite it")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, dest)
        written.append(dest)
    return written
