"""One typed Settings object, read from `briefgen.toml`, overridden by CLI options only when given.

The file is optional.  Its sections mirror the dataclasses below:

    [brief]   title, paper, pdf_variant, formats, output_dir, template_dir, top_keyphrases
    [corpus]  paths, relevance_threshold, include_low_relevance, max_file_mb, field_map,
              actors_files, outlets_files, roles_files, reporting_verbs_files
    [email]   sender, subject, smtp_host, smtp_port, security, username, password_env,
              use_netrc, max_attachment_mb, timeout, to, tls_verify, ca_file, lists_as_bcc
    [email.lists]  staff = ["a@x.org", "b@y.org"]
    [store]   path, scheduler, workers
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from briefgen.errors import ConfigError

CONFIG_NAME = "briefgen.toml"


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
class Settings:
    brief: BriefSettings = field(default_factory=BriefSettings)
    corpus: CorpusSettings = field(default_factory=CorpusSettings)
    email: EmailSettings = field(default_factory=EmailSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
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
    }
    for key, value in raw.items():
        if key == "cache_dir":
            settings.cache_dir = Path(str(value)).expanduser()
        elif key in sections and isinstance(value, dict):
            setattr(settings, key, _merge(sections[key], value, key))
        else:
            raise ConfigError(
                f"unknown section '{key}' in {p}; use [brief], [corpus], [email] or [store]"
            )
    if settings.store.path is not None:
        # a relative store path is relative to the config file, not to where cron runs
        sp = Path(str(settings.store.path)).expanduser()
        settings.store.path = str(sp if sp.is_absolute() else p.parent / sp)
    settings.config_path = p
    return settings


def override(obj: Any, **given: Any) -> Any:
    """Apply CLI values that were actually given (None means 'not given')."""
    return replace(obj, **{k: v for k, v in given.items() if v is not None})
