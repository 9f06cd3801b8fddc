"""One typed Settings object, read from `briefgen.toml`, overridden by CLI options only when given.

The file is optional.  Its sections mirror the dataclasses below:

    [brief]   title, paper, pdf_variant, formats, output_dir, template_dir, top_keyphrases
    [corpus]  paths, relevance_threshold, include_low_relevance, max_file_mb, field_map,
              actors_files, outlets_files, roles_files, reporting_verbs_files
    [email]   sender, subject, smtp_host, smtp_port, security, username, password_env,
              use_netrc, max_attachment_mb, timeout, to, tls_verify, ca_file, lists_as_bcc
    [email.lists]  staff = ["a@x.org", "b@y.org"]
    [store]   path, scheduler, workers
    [corrections]  files
    [events]  files, columns = { date = "Date", text = "Event", kind = "Type", url = "Link" },
              date_format (strptime, e.g. "%d-%b-%y"; default: ISO or any usual date)
"""

from __future__ import annotations

import math
import os
import tomllib
import types
import typing
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from briefgen.errors import ConfigError
from briefgen.knowledge.fields import ALIASES, FIELDS, field_role

CONFIG_NAME = "briefgen.toml"

# The values some settings may take (one home: the CLI and the renderer use these too).
PAPERS = ("A4", "Letter")
PDF_VARIANTS = ("pdf/ua-1", "pdf/ua-2", "pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/a-3u")
FORMATS = ("pdf", "html")
SECURITIES = ("starttls", "ssl", "none")


def default_cache_dir() -> Path:
    """Embeddings and parses are cached per user, so every project reuses them."""
    if os.environ.get("BRIEFGEN_CACHE"):
        return Path(os.environ["BRIEFGEN_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefgen"


@dataclass
class CorpusSettings:
    paths: list[str] = field(default_factory=lambda: ["seeds"])
    # Articles scoring below this are counted but kept out of country sections.
    relevance_threshold: float = 0.35
    include_low_relevance: bool = False
    # A file larger than this is reported and skipped (protects against dumps and binaries).
    max_file_mb: float = 200.0
    # Extra field names for JSON/JSONL input: {"title": "hed", "text": "body_html", ...}
    field_map: dict[str, str] = field(default_factory=dict)
    # Extra actor gazetteers (same format as briefgen/data/actors.yaml), read after the packaged one.
    actors_files: list[str] = field(default_factory=list)
    # Extra publications, role words and reporting verbs (the format of
    # briefgen/data/outlets.yaml, roles.yaml, reporting_verbs.yaml), added to the packaged ones.
    outlets_files: list[str] = field(default_factory=list)
    roles_files: list[str] = field(default_factory=list)
    reporting_verbs_files: list[str] = field(default_factory=list)


@dataclass
class EmailSettings:
    to: list[str] = field(default_factory=list)
    sender: str | None = None
    subject: str = "Korea brief, {date}"
    smtp_host: str = "localhost"
    smtp_port: int | None = None  # default by security: 587 starttls, 465 ssl, 25 none
    security: str = "starttls"  # starttls | ssl | none
    username: str | None = None
    password_env: str = "BRIEFGEN_SMTP_PASSWORD"
    use_netrc: bool = True
    max_attachment_mb: float = 10.0
    timeout: float = 30.0
    lists: dict[str, list[str]] = field(default_factory=dict)
    # Verify the server's TLS certificate (system CAs, or ca_file for a private CA).
    tls_verify: bool = True
    ca_file: str | None = None
    # Members of named lists go in Bcc, so a staff list is not exposed to every reader.
    lists_as_bcc: bool = True


@dataclass
class BriefSettings:
    title: str = "Korean Peninsula Briefing Book"
    paper: str = "A4"  # A4 | Letter
    pdf_variant: str | None = None  # None | "pdf/ua-1" | "pdf/a-3b" ...
    formats: list[str] = field(default_factory=lambda: ["pdf", "html"])
    output_dir: str = "output"
    template_dir: str | None = None
    top_keyphrases: int = 10
    marking: str | None = None  # handling marking printed on every page, e.g. "UNCLASSIFIED"


@dataclass
class StoreSettings:
    # The article store: a file, or a data folder that gets briefgen-store.sqlite.  When
    # set, it is an archive: `briefgen ingest` adds to it and `briefgen build` briefs
    # everything in it plus any paths given.  Unset, a store in the cache folder only
    # speeds up builds of the paths given.
    path: str | None = None
    # A dask.distributed scheduler ("tcp://host:8786") that reads, parses and analyses
    # articles on its workers; None: this machine's cores.
    scheduler: str | None = None
    # Local worker processes (None: one per core).
    workers: int | None = None


@dataclass
class CorrectionsSettings:
    # The desk's corrections (docs/corrections.md), applied by every build and export.
    # Relative paths are relative to the config file.  None: ./corrections.yaml when it
    # exists; [] turns corrections off.
    files: list[str] | None = None


@dataclass
class EventsSettings:
    # The user's lists of dated events (CSV or JSON) merged into the timeline.
    files: list[str] = field(default_factory=list)
    # Our field -> their column: date, text (or a template "{A} ({B})"), kind, url.
    columns: dict[str, str] = field(default_factory=dict)
    date_format: str | None = None


@dataclass
class Settings:
    brief: BriefSettings = field(default_factory=BriefSettings)
    corpus: CorpusSettings = field(default_factory=CorpusSettings)
    email: EmailSettings = field(default_factory=EmailSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    corrections: CorrectionsSettings = field(default_factory=CorrectionsSettings)
    events: EventsSettings = field(default_factory=EventsSettings)
    cache_dir: Path = field(default_factory=default_cache_dir)
    config_path: Path | None = None


def _merge(obj: Any, data: dict[str, Any], where: str) -> Any:
    """Return a copy of dataclass `obj` with `data` applied, refusing unknown keys."""
    known = {f.name: f for f in fields(obj)}
    updates: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            raise ConfigError(
                f"unknown setting '{where}.{key}' in config; known: {', '.join(sorted(known))}"
            )
        current = getattr(obj, key)
        if is_dataclass(current) and isinstance(value, dict):
            updates[key] = _merge(current, value, f"{where}.{key}")
        else:
            updates[key] = value
    return replace(obj, **updates)


# -- checking values against the dataclass fields -----------------------------------------

_NONE = type(None)


def _show(value: Any) -> str:
    """A value as the user wrote it in TOML (short)."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    elif isinstance(value, dict):
        text = "{" + ", ".join(f"{k} = {_show(v)}" for k, v in value.items()) + "}"
    elif isinstance(value, list):
        text = "[" + ", ".join(_show(v) for v in value) + "]"
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def _fits(value: Any, tp: Any) -> bool:
    """Does a TOML value have the type a field declares (bool is no number here)?"""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, a) for a in typing.get_args(tp))
    if tp is _NONE:
        return value is None
    if tp is Any:
        return True
    if tp is bool:
        return isinstance(value, bool)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if tp is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if tp is str or tp is Path:
        return isinstance(value, str)
    if origin is list:
        (inner,) = typing.get_args(tp) or (Any,)
        return isinstance(value, list) and all(_fits(v, inner) for v in value)
    if origin is dict:
        _, inner = typing.get_args(tp) or (str, Any)
        return isinstance(value, dict) and all(_fits(v, inner) for v in value.values())
    return isinstance(value, tp) if isinstance(tp, type) else True


def _noun(tp: Any, plural: bool = False) -> str:
    """What a type is called in a message: "number", "list of strings"."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_noun(a, plural) for a in typing.get_args(tp) if a is not _NONE)
    if origin is list:
        (inner,) = typing.get_args(tp) or (str,)
        return ("lists" if plural else "list") + f" of {_noun(inner, True)}"
    if origin is dict:
        _, inner = typing.get_args(tp) or (str, str)
        return ("tables" if plural else "table") + f" of {_noun(inner, True)}"
    if tp is bool:
        return "true or false"
    names = {int: "whole number", float: "number", str: "string", Path: "string"}
    name = names.get(tp, getattr(tp, "__name__", str(tp)))
    return name + "s" if plural else name


def _a(tp: Any) -> str:
    n = _noun(tp)
    return n if n == "true or false" else ("an " if n[0] in "aeiou" else "a ") + n


def _what(value: Any) -> str:
    """What a TOML value is: "a string", "a table"."""
    for t, name in ((bool, "a true/false value"), (int, "a whole number"), (float, "a number"),
                    (str, "a string"), (list, "a list"), (dict, "a table")):  # fmt: skip
        if isinstance(value, t):
            return name
    return "a date" if hasattr(value, "isoformat") else type(value).__name__


# Examples for settings whose default shows nothing useful.
EXAMPLES: dict[str, str] = {
    "corpus.field_map": '{ title = "hed", text = "body_html" }',
    "corpus.actors_files": '["our-actors.yaml"]',
    "email.lists": '{ staff = ["desk@example.org"] }',
    "email.to": '["desk@example.org"]',
    "email.smtp_port": "587",
    "brief.pdf_variant": '"pdf/ua-1"',
    "store.workers": "2",
}


def _example(key: str, tp: Any, value: Any, default: Any) -> str:
    if key in EXAMPLES:
        return EXAMPLES[key]
    if typing.get_origin(tp) is list and isinstance(value, str):
        return _show([value])  # paths = "/some/dir" -> paths = ["/some/dir"]
    if default is not None and _fits(default, tp) and default != []:
        return _show(default)
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        tp = next(a for a in typing.get_args(tp) if a is not _NONE)
    return {bool: "true", int: "10", float: "1.0"}.get(tp, '"..."')


def _one_of(choices: tuple[str, ...], fold: bool = True) -> Callable[[Any], str | None]:
    def check(v: Any) -> str | None:
        ok = [c.lower() for c in choices] if fold else list(choices)
        if v is not None and (str(v).lower() if fold else v) not in ok:
            return "use " + ", ".join(f'"{c}"' for c in choices[:-1]) + f' or "{choices[-1]}"'
        return None

    return check


def _between(lo: float | None, hi: float | None, what: str) -> Callable[[Any], str | None]:
    def check(v: Any) -> str | None:
        if v is None:
            return None
        if isinstance(v, float) and not math.isfinite(v):
            return f"use a finite number: {what}"
        if (lo is not None and v < lo) or (hi is not None and v > hi):
            return f"use {what}"
        return None

    return check


def _formats(v: list[str]) -> str | None:
    bad = [f for f in v if f.lower() not in FORMATS]
    if bad or not v:
        return 'use ["pdf"], ["html"] or ["pdf", "html"]'
    return None


def _field_map(v: dict[str, str]) -> str | None:
    bad = [k for k in v if field_role(k) is None]
    if bad:
        roles = ", ".join(sorted({*FIELDS, *ALIASES}))
        return f"'{bad[0]}' is no field briefgen reads; map one of: {roles}"
    if any(not x.strip() for x in v.values()):
        return "give each role the name of a field in your files"
    return None


def _not_blank(v: Any) -> str | None:
    if isinstance(v, str) and not v.strip():
        return "give a value or remove the line"
    if isinstance(v, list) and any(isinstance(x, str) and not x.strip() for x in v):
        return "remove the empty entries"
    return None


# Range and choice checks beyond the type, per "section.key"; each returns the fix or None.
RULES: dict[str, Callable[[Any], str | None]] = {
    "brief.paper": _one_of(PAPERS),
    "brief.pdf_variant": _one_of(PDF_VARIANTS),
    "brief.formats": _formats,
    "brief.top_keyphrases": _between(1, 100, "1 to 100"),
    "brief.output_dir": _not_blank,
    "corpus.paths": _not_blank,
    "corpus.relevance_threshold": _between(0, 1, "a number from 0 to 1, e.g. 0.35"),
    "corpus.max_file_mb": _between(0.001, 1_000_000, "a size in MB above 0, e.g. 200"),
    "corpus.field_map": _field_map,
    "corpus.actors_files": _not_blank,
    "email.smtp_port": _between(1, 65535, "a port from 1 to 65535, e.g. 587"),
    "email.security": _one_of(SECURITIES),
    "email.max_attachment_mb": _between(0.001, 1_000_000, "a size in MB above 0, e.g. 10"),
    "email.timeout": _between(0.1, 86400, "seconds from 0.1 to 86400, e.g. 30"),
    "email.smtp_host": _not_blank,
    "store.workers": _between(1, 4096, "a number of processes from 1 up, e.g. 2"),
}
# Values stored in one spelling whatever case the file uses.
_CANONICAL = {"brief.paper": {p.lower(): p for p in PAPERS}}


def check_section(obj: Any, where: str) -> list[str]:
    """One line per bad value of dataclass `obj` ("[where] key = value is ...; fix").

    Whole numbers given for number fields become floats, and choices get their
    canonical spelling, in place."""
    problems: list[str] = []
    hints = typing.get_type_hints(type(obj))
    for f in fields(obj):
        value = getattr(obj, f.name)
        tp = hints.get(f.name, Any)
        key = f"{where}.{f.name}"
        if is_dataclass(value):
            problems += check_section(value, key)
            continue
        if not _fits(value, tp):
            if f.default is not MISSING:
                default = f.default
            elif f.default_factory is not MISSING:
                default = f.default_factory()
            else:
                default = None
            example = _example(key, tp, value, default)
            problems.append(
                f"[{where}] {f.name} = {_show(value)} is {_what(value)}, not {_a(tp)}; "
                f"write {f.name} = {example}"
            )
            continue
        if isinstance(value, int) and not isinstance(value, bool) and _fits(1.5, tp):
            value = float(value)  # a float field given as 30
            setattr(obj, f.name, value)
        fix = RULES[key](value) if key in RULES else None
        if fix:
            problems.append(f"[{where}] {f.name} = {_show(value)}: {fix}")
            continue
        canon = _CANONICAL.get(key)
        if canon and isinstance(value, str):
            setattr(obj, f.name, canon.get(value.lower(), value))
    return problems


def load_settings(path: str | Path | None = None) -> Settings:
    """Read settings from `path`, or from ./briefgen.toml when it exists; defaults otherwise."""
    settings = Settings()
    if path is None:
        candidate = Path(CONFIG_NAME)
        if not candidate.is_file():
            return settings
        path = candidate
    p = Path(path)
    try:
        raw = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file {p} not found; check the --config path") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(
            f"config file {p} is not valid TOML ({e}); fix the line it names"
        ) from None
    sections = {
        "brief": settings.brief,
        "corpus": settings.corpus,
        "email": settings.email,
        "store": settings.store,
        "corrections": settings.corrections,
        "events": settings.events,
    }
    problems: list[str] = []
    for key, value in raw.items():
        if key == "cache_dir":
            if not isinstance(value, str) or not value.strip():
                problems.append(
                    f'cache_dir = {_show(value)} is not a folder name; write cache_dir = "~/.cache/briefgen"'
                )
            else:
                settings.cache_dir = Path(value).expanduser()
        elif key in sections and isinstance(value, dict):
            setattr(settings, key, _merge(sections[key], value, key))
        elif key in sections:
            problems.append(
                f"{key} = {_show(value)} must be a section; write [{key}] on its own line above its settings"
            )
        else:
            raise ConfigError(
                f"unknown section '{key}' in {p}; use [brief], [corpus], [email], [store], [corrections] or [events]"
            )
    for name in sections:
        problems += check_section(getattr(settings, name), name)
    if problems:
        raise ConfigError(f"{p}: {problems[0]}", more=[f"{p}: {x}" for x in problems[1:]])
    if settings.store.path is not None:
        # a relative store path is relative to the config file, not to where cron runs
        sp = Path(str(settings.store.path)).expanduser()
        settings.store.path = str(sp if sp.is_absolute() else p.parent / sp)
    if settings.corrections.files is not None:
        settings.corrections.files = _beside(settings.corrections.files, p, "[corrections] files")
    settings.events.files = _beside(settings.events.files, p, "[events] files")
    settings.config_path = p
    return settings


def _beside(paths: Any, config: Path, what: str) -> list[str]:
    """Paths from the config file, relative ones taken from the file's folder (not from
    wherever cron happens to run)."""
    if isinstance(paths, str):
        paths = [paths]
    if not isinstance(paths, list):
        raise ConfigError(f'{what} in {config} must be a list of paths, e.g. ["corrections.yaml"]')
    out = []
    for x in paths:
        f = Path(str(x)).expanduser()
        out.append(str(f if f.is_absolute() else config.parent / f))
    return out


def override(obj: Any, **given: Any) -> Any:
    """Apply CLI values that were actually given (None means 'not given')."""
    return replace(obj, **{k: v for k, v in given.items() if v is not None})
