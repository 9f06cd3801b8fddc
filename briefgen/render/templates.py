"""The Jinja environment: template search path, filters and the asset() function.

Template search path: the user's --template-dir first, then the packaged defaults;
`default:NAME` always names the packaged template, so a user's brief.html can
`{% extends "default:brief.html" %}` and change one block.  Article text is untrusted:
autoescape is on.

A template folder may be shared, so a template is treated as untrusted too: it renders
in Jinja's sandbox (no attribute starting with "_", no unsafe calls, so no way to reach
Python's internals and run code), string and list repetition and powers are capped,
and the loader reads only files whose real path lies inside a template folder (a
symlink pointing elsewhere is refused, as asset() refuses it).
"""

from __future__ import annotations

import base64
import mimetypes
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markupsafe import Markup

from briefgen.errors import RenderError
from briefgen.knowledge.dates import long_date
from briefgen.model import STATE_VOICE_KINDS, Brief


def default_template_dir() -> Path:
    """The packaged templates (top-level `templates/`, shipped inside the wheel too)."""
    return Path(str(resources.files("briefgen") / "templates"))


def _template_roots(template_dir: str | Path | None) -> list[Path]:
    """Folders assets may come from, user's first."""
    roots = [Path(template_dir)] if template_dir else []
    return [*roots, default_template_dir()]


def _inside(path: Path, roots: Iterable[Path]) -> bool:
    """Does `path`, symlinks resolved, lie inside one of `roots`?  (A link loop: no.)"""
    try:
        p = path.resolve()
        return any(p == r.resolve() or r.resolve() in p.parents for r in roots)
    except (OSError, RuntimeError):
        return False


def _longdate(d: Any, precision: str = "day") -> str:
    """ "3 August 2024"; "August 2024" or "2024" for a date known only to its month or year."""
    return long_date(d, precision) if d else "undated"


def _isodate(d: Any, precision: str = "day") -> str:
    """2024-08-03, 2024-08 or 2024 (valid HTML <time> values)."""
    if not d:
        return ""
    return {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}"}.get(
        precision, d.isoformat()
    )


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


# The largest string or list a template expression may build ("x" * 10**9), and the
# largest exponent of "**": beyond them a template is stopped, not the machine.
MAX_REPEAT = 10_000_000
MAX_EXPONENT = 1_000


class ConfinedLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that serves only files whose real path (symlinks resolved) lies
    inside its folder: a link in a shared template folder cannot pull in /etc/passwd."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        from jinja2.loaders import split_template_path

        pieces = split_template_path(template)  # refuses ".." already
        for root in self.searchpath:
            path = Path(root, *pieces)
            if path.is_file():  # checked before anything is read
                if not _inside(path, [Path(root)]):
                    raise RenderError(
                        f"template {template} in {root} is a link to a file outside the "
                        "template folder; copy the file into the folder instead"
                    )
                break
        source, filename, uptodate = super().get_source(environment, template)
        return source, filename, uptodate


class BriefEnvironment(SandboxedEnvironment):
    """The sandbox, with repetition and powers capped so one expression cannot fill the
    memory (the sandbox already limits range() to 100,000 items)."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        if operator == "**" and isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
            raise SecurityError(f"a power above {MAX_EXPONENT} is not allowed in a template")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                sized = isinstance(seq, str | list | tuple) and isinstance(n, int)
                if sized and len(seq) * n > MAX_REPEAT:
                    raise SecurityError(
                        f"a repetition longer than {MAX_REPEAT:,} is not allowed in a template"
                    )
        return super().call_binop(context, operator, left, right)


def make_environment(template_dir: str | Path | None = None) -> jinja2.Environment:
    """Jinja environment: user folder first, packaged defaults after, `default:` prefix."""
    default = ConfinedLoader(str(default_template_dir()))
    loaders: list[jinja2.BaseLoader] = []
    if template_dir:
        d = Path(template_dir)
        if not d.is_dir():
            raise RenderError(
                f"template folder {d} does not exist; create it with `briefgen templates init {d}`"
            )
        loaders.append(ConfinedLoader(str(d)))
    loaders.append(default)
    env = BriefEnvironment(
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
    env.filters["isodate"] = _isodate
    env.filters["source_number"] = _source_number
    env.filters["country_name"] = _country_name
    env.filters["css_string"] = _css_string
    env.tests["web_url"] = _is_web_url
    env.filters["is_web_url"] = _is_web_url
    env.globals["stat"] = _stat
    env.globals["state_voice_kinds"] = sorted(STATE_VOICE_KINDS)
    env.globals["asset"] = _asset_function(_template_roots(template_dir))
    return env


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
