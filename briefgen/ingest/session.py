"""The store of the settings, set aside and rebuilt from its sources when damaged."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from briefgen.config import Settings
from briefgen.progress import Reporter
from briefgen.store import Store, StoreDamaged, open_store, set_aside, store_file

log = logging.getLogger(__name__)
T = TypeVar("T")


def store_path(settings: Settings) -> Path:
    """The configured store, or the cache folder's (a pure cache of the paths built)."""
    if settings.store.path:
        return store_file(settings.store.path)
    return settings.cache_dir / "store.sqlite"


def is_archive(settings: Settings) -> bool:
    """A configured store is an archive: builds brief all of it."""
    return bool(settings.store.path)


def manifest_of(path: Path) -> Path:
    """The plain-text list of the store's source files, kept beside it: what a store
    damaged beyond reading is rebuilt from."""
    return path.with_name(path.name + ".sources")


def remember(path: Path, new_files: Sequence[str]) -> None:
    if not new_files:
        return
    try:
        with manifest_of(path).open("a", encoding="utf-8") as f:
            f.writelines(p + "\n" for p in new_files)
    except OSError as e:  # the store itself still has them; only a rebuild needs this
        log.debug("cannot write %s: %s", manifest_of(path), e)


def _salvage_paths(path: Path) -> list[str]:
    """The source files a damaged store knew: from its files table when that can still
    be read, else from the manifest beside it."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return [r[0] for r in db.execute("SELECT path FROM files ORDER BY seq")]
        finally:
            db.close()
    except sqlite3.Error:
        pass
    try:
        lines = manifest_of(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return list(dict.fromkeys(line for line in lines if line.strip()))


class StoreSession:
    """Opens the store of the settings; `run(fn)` calls fn(store) and, when the store
    turns out damaged or not a store, reports one line, sets the file aside, opens a
    fresh one and calls fn again (the caller re-ingests the sources it is given,
    including `recovered`, the files the damaged store knew that still exist)."""

    def __init__(self, settings: Settings, reporter: Reporter) -> None:
        self.settings = settings
        self.reporter = reporter
        self.path = store_path(settings)
        self.recovered: list[str] = []

    def run(self, fn: Callable[[Store], T]) -> T:
        try:
            with open_store(self.path) as store:
                return fn(store)
        except StoreDamaged as e:
            self._rebuild(e)
        with open_store(self.path) as store:
            return fn(store)

    def _rebuild(self, e: StoreDamaged) -> None:
        known = _salvage_paths(self.path)
        moved = set_aside(self.path)
        manifest_of(self.path).unlink(missing_ok=True)
        self.recovered = [p for p in known if Path(p).exists()]
        lost = len(known) - len(self.recovered)
        note = f"; {lost} source files it held are gone" if lost else ""
        self.reporter.warn(f"{e.message}: moved to {moved.name}{note}")
