"""Publications: news agencies, newspapers, broadcasters and news sites, one home.

Read from briefgen/data/outlets.yaml plus the user's `outlets_files`.  The corpus uses
it to spell each source one way (metadata, mastheads, wire datelines, URLs); the speaker
resolution uses it to tell a publication that speaks ("Rodong Sinmun said in a
commentary", a state voice) from a wire service that merely reports (a source).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from briefgen.errors import ConfigError
from briefgen.knowledge.datafiles import entry_lists, str_list

SETTING = "[corpus] outlets_files"


@dataclass(frozen=True)
class Outlet:
    name: str  # how the source list spells it
    aliases: tuple[str, ...] = ()
    speaker: str = ""  # its name as a speaker; `name` when empty
    role: str = ""  # "Workers' Party newspaper"; by default from state and wire
    country: str | None = None
    state: bool = False  # state media: speaks for its state
    wire: bool = False  # a news agency: reporting, it is a source, not a speaker
    korea: bool = False  # based on or devoted to the peninsula
    credit: tuple[str, ...] = ()  # how photo credits write it
    dateline: tuple[str, ...] = ()

    @property
    def speaker_name(self) -> str:
        return self.speaker or self.name


def outlet_key(s: str) -> str:
    """The form names are compared in: lower case, punctuation to single spaces."""
    return re.sub(r"[^\w]+", " ", s.lower()).strip()


class Outlets:
    """Every publication by each of its names."""

    def __init__(self, entries: Sequence[Outlet]) -> None:
        by_name: dict[str, Outlet] = {}
        for e in entries:
            by_name[e.name] = e  # a later file replaces an entry of the same name
        self.entries: tuple[Outlet, ...] = tuple(by_name.values())
        self._by_key: dict[str, Outlet] = {}
        for e in self.entries:
            for a in (e.name, e.speaker_name, *e.aliases, *e.dateline):
                self._by_key.setdefault(outlet_key(a), e)
        self._names = {k: e.name for k, e in self._by_key.items()}

    def lookup(self, name: str) -> Outlet | None:
        """The publication `name` is a spelling of (case- and punctuation-blind)."""
        k = outlet_key(name)
        hit = self._by_key.get(k)
        if hit is None and k.startswith("the "):
            hit = self._by_key.get(k[4:])
        return hit

    def names(self) -> dict[str, str]:
        """{compared form: canonical name} for every spelling (shared: do not change it)."""
        return self._names

    def credits(self) -> list[str]:
        """How photo credits write the agencies ("REUTERS", "Getty Images")."""
        return [c for e in self.entries for c in e.credit]

    def korean(self) -> frozenset[str]:
        """Outlets based on or devoted to the peninsula, by canonical name."""
        return frozenset(e.name for e in self.entries if e.korea)


def _entry(item: object, where: str, i: int) -> Outlet:
    if not isinstance(item, dict) or not item.get("name"):
        raise ConfigError(f"outlet file {where}: entry {i} has no name; every entry needs `name:`")
    country = item.get("country")
    return Outlet(
        name=str(item["name"]),
        aliases=tuple(str_list(item.get("aliases"))),
        speaker=str(item.get("speaker") or ""),
        role=str(item.get("role") or ""),
        country=str(country).upper() if country else None,
        state=bool(item.get("state")),
        wire=bool(item.get("wire")),
        korea=bool(item.get("korea")),
        credit=tuple(str_list(item.get("credit"))),
        dateline=tuple(str_list(item.get("dateline"))),
    )


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> Outlets:
    found = entry_lists("outlets.yaml", extra, SETTING, "outlet", "name, aliases, country")
    return Outlets([_entry(item, where, i) for where, i, item in found])


def load_outlets(extra_files: Sequence[str | Path] = ()) -> Outlets:
    """The packaged outlets.yaml, then each user file (read once per set of files)."""
    return _load(tuple(str(f) for f in extra_files))
