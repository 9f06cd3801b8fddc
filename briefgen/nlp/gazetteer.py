"""The gazetteer of known actors, and the lexicon the speaker resolution reads.

Known actors come from briefgen/data/actors.yaml plus the user's `actors_files`, and
every publication of briefgen/data/outlets.yaml (a publication can speak: "Rodong
Sinmun said").  A name is found in any spelling of it: case, spacing, hyphens and the
romanisation of an East Asian family name do not matter ("Kim Jong-un" = "Kim Jong Un").
`Lexicon` bundles the gazetteer with the role, reporting-verb and outlet lists, each
extended by the user's files, so one object carries all the knowledge an article needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, get_args

from briefgen.config import CorpusSettings
from briefgen.errors import ConfigError
from briefgen.knowledge.datafiles import entry_lists, str_list
from briefgen.knowledge.outlets import Outlet, Outlets, load_outlets
from briefgen.knowledge.reporting import ReportingVerbs, load_reporting_verbs
from briefgen.knowledge.roles import Roles, load_roles
from briefgen.model import ActorKind
from briefgen.nlp.names import clean_name, name_key

KINDS = frozenset(get_args(ActorKind))
EntryType = Literal["person", "body", "publication"]
SETTING = "[corpus] actors_files"


@dataclass
class GazEntry:
    name: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    country: str | None = None
    kind: str = "other"
    gender: str | None = None
    type: EntryType = "person"
    outlet: Outlet | None = None  # the publication, for type "publication"
    # a family name that alone means this person in articles of these dates (actors.yaml)
    alone: tuple[str, date | None, date | None] | None = None
    # offices held alone in its country, with their dates (actors.yaml `held`)
    held: tuple[tuple[str, date | None, date | None], ...] = ()

    @property
    def person(self) -> bool:
        return self.type == "person"


class Gazetteer:
    """Known actors by every name they go by."""

    def __init__(self, entries: Iterable[GazEntry]) -> None:
        self.entries: dict[str, GazEntry] = {}
        for e in entries:
            self.entries[e.name] = e  # a later entry replaces one of the same name
        self.by_alias: dict[str, GazEntry] = {}
        self.by_key: dict[str, GazEntry] = {}
        for e in self.entries.values():
            for a in (e.name, *e.aliases):
                self.by_alias[clean_name(a)] = e
                self.by_alias[clean_name(a).replace("’", "'")] = e
        for e in self.entries.values():  # exact spellings first, then the loose forms
            for a in (e.name, *e.aliases):
                self.by_key.setdefault(name_key(a), e)
        self._bodies_re: re.Pattern[str] | None = None
        # lookup's answer per name asked: the speakers and the keyphrase candidates ask
        # the same names many times an article (it never changes after __init__)
        self._found: dict[str, GazEntry | None] = {}
        self.by_lone: dict[str, list[GazEntry]] = {}
        for e in self.entries.values():
            if e.alone is not None:
                self.by_lone.setdefault(e.alone[0], []).append(e)

    def state_agency(self, country: str) -> GazEntry | None:
        """The one state news agency of `country` ("the North Korean news agency" is
        KCNA, "China's official news agency" Xinhua); None when it has none or several."""
        found = [
            e
            for e in self.entries.values()
            if e.outlet is not None and e.outlet.state and e.outlet.wire and e.country == country
        ]
        named = [e for e in found if any("agency" in a.lower() for a in (e.name, *e.aliases))]
        for group in (named, found):  # KCNA, not the KNS service that relays it
            if len(group) == 1:
                return group[0]
        return None

    def alone(self, word: str, day: date | None) -> GazEntry | None:
        """The one known person a common family name alone means in an article of `day`
        ("Kim" in 2018: Kim Jong Un), if the knowledge has one; none without a date."""
        if day is None:
            return None
        hits = [
            e for e in self.by_lone.get(word, []) if e.alone is not None and _within(e.alone, day)
        ]
        return hits[0] if len(hits) == 1 else None

    def holder(self, office: str, country: str, day: date | None) -> GazEntry | None:
        """The known person who held `office` ("president") in `country` on `day`, if the
        knowledge has exactly one; none without a date."""
        if day is None:
            return None
        hits = [
            e
            for e in self.entries.values()
            if e.country == country and any(h[0] == office and _within(h, day) for h in e.held)
        ]
        return hits[0] if len(hits) == 1 else None

    def in_office(self, word: str, day: date) -> bool | None:
        """Whether the known holder of an office named `word` ("Obama", as in "the Obama
        administration") held it on `day`: None when no holder of that name is known."""
        hits = [
            e
            for e in self.entries.values()
            if e.held and word in {w for n in (e.name, *e.aliases) for w in n.split()}
        ]
        if not hits:
            return None
        return any(_within(h, day) for e in hits for h in e.held)

    def bodies_in(self, text: str) -> list[GazEntry]:
        """Known bodies and publications named anywhere in `text`, in text order ("a
        researcher at the Korea Institute for National Unification")."""
        out: list[GazEntry] = []
        for m in self._bodies().finditer(text.replace("’", "'")):
            e = self.by_alias.get(m.group(1))
            if e is not None and e not in out:
                out.append(e)
        return out

    def body_spans(self, text: str) -> list[tuple[int, int]]:
        """Where known bodies and publications are named in `text` (start, end)."""
        return [m.span(1) for m in self._bodies().finditer(text.replace("’", "'"))]

    def _bodies(self) -> re.Pattern[str]:
        if self._bodies_re is None:
            names = sorted(
                {a for e in self.entries.values() if not e.person for a in (e.name, *e.aliases)},
                key=len,
                reverse=True,
            )
            names = [n for n in names if len(n) >= 4 or n.isupper()]
            self._bodies_re = re.compile(
                r"(?<![\w.])(" + "|".join(re.escape(n) for n in names) + r")(?![\w])"
            )
        return self._bodies_re

    def lookup(self, name: str) -> GazEntry | None:
        """The entry `name` spells; exact spellings before loose ones."""
        try:
            return self._found[name]
        except KeyError:
            pass
        if len(self._found) >= _MAX_FOUND:
            self._found.clear()
        hit = self._found[name] = self._lookup(name)
        return hit

    def _lookup(self, name: str) -> GazEntry | None:
        n = clean_name(name)
        hit = self.by_alias.get(n) or self.by_alias.get(n.replace("’", "'"))
        if hit is None and n.lower().startswith("the "):
            hit = self.by_alias.get(n[4:])
        if hit is None and " " in n:  # a loose match needs more than one word
            hit = self.by_key.get(name_key(n))
        if hit is None:
            # "North's Korean Central News Agency", "China's Xinhua": a body or a paper
            # after its country's possessive is that body, not an unknown speaker.
            m = _POSSESSOR_RE.match(n)
            if m:
                inner = self.lookup(n[m.end() :])
                hit = inner if inner is not None and not inner.person else None
        return hit


# Names whose lookup is kept (bounded memory on any corpus).
_MAX_FOUND = 200_000

# A capitalised possessor before a name: "North's ", "China’s ", "the North‘s ".
_POSSESSOR_RE = re.compile(r"^(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*[’'‘]s\s+")


def _entry(item: Any, where: str, i: int) -> GazEntry:
    if not isinstance(item, dict) or not item.get("name"):
        raise ConfigError(f"actor file {where}: entry {i} has no name; every entry needs `name:`")
    kind = str(item.get("kind") or "other")
    kind = "international" if kind == "body" else kind  # the 0.1 name
    if kind not in KINDS:
        raise ConfigError(
            f"actor file {where}: entry {item['name']!r} has kind {kind!r}; use one of {', '.join(sorted(KINDS))}"
        )
    country = item.get("country")
    gender = str(item["gender"]).lower()[:1] if item.get("gender") else None
    typ = str(item.get("type") or ("person" if gender else "body"))
    if typ not in ("person", "body", "publication"):
        raise ConfigError(
            f"actor file {where}: entry {item['name']!r} has type {typ!r}; use person, body or publication"
        )
    return GazEntry(
        name=str(item["name"]),
        aliases=str_list(item.get("aliases")),
        role=str(item["role"]) if item.get("role") else None,
        country=str(country).upper() if country else None,
        kind=kind,
        gender=gender,
        type=typ,  # type: ignore[arg-type]
        alone=_dated(item["alone"], "name", where, item) if item.get("alone") else None,
        held=tuple(_dated(h, "office", where, item) for h in item.get("held") or ()),
    )


def _within(dated: tuple[str, date | None, date | None], day: date) -> bool:
    return (dated[1] is None or dated[1] <= day) and (dated[2] is None or day <= dated[2])


def _dated(
    value: Any, key: str, where: str, item: dict[str, Any]
) -> tuple[str, date | None, date | None]:
    """An entry's `alone: {name, from, until}` or one of its `held: [{office, from,
    until}]` (dates as YAML reads them)."""
    name = item["name"]
    if not isinstance(value, dict) or not value.get(key):
        raise ConfigError(f"actor file {where}: entry {name!r}: each date range needs `{key}:`")
    bounds = [value.get("from"), value.get("until")]
    if any(b is not None and not isinstance(b, date) for b in bounds):
        raise ConfigError(f"actor file {where}: entry {name!r}: dates are YYYY-MM-DD")
    return str(value[key]).lower() if key == "office" else str(value[key]), bounds[0], bounds[1]


def publication_entry(o: Outlet) -> GazEntry:
    """A publication as an actor: state media speak for their state, others are media."""
    return GazEntry(
        name=o.speaker_name,
        aliases=[a for a in (o.name, *o.aliases) if "." not in a or " " in a],
        role=o.role or ("state " if o.state else "") + ("news agency" if o.wire else "newspaper"),
        country=o.country,
        kind="state-media" if o.state else "media",
        type="publication",
        outlet=o,
    )


def load_gazetteer(
    extra_files: Sequence[str | Path] = (), outlets: Outlets | None = None
) -> Gazetteer:
    """The publications of outlets.yaml, the packaged actors.yaml, then each user file
    (later entries replace earlier ones of the same name)."""
    entries = [publication_entry(o) for o in (outlets or load_outlets()).entries]
    found = entry_lists(
        "actors.yaml", extra_files, SETTING, "actor", "name, aliases, role, country, kind"
    )
    entries += [_entry(item, where, i) for where, i, item in found]
    return Gazetteer(entries)


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Everything the speaker resolution knows: actors, roles, reporting verbs, outlets."""

    gaz: Gazetteer
    roles: Roles
    verbs: ReportingVerbs
    outlets: Outlets


@dataclass(frozen=True)
class KnowledgeFiles:
    """The user's extensions of the packaged knowledge ([corpus] *_files settings)."""

    actors: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    reporting_verbs: tuple[str, ...] = ()

    @classmethod
    def of(cls, corpus: CorpusSettings) -> KnowledgeFiles:
        """The files a settings file names."""
        return cls(
            actors=tuple(map(str, corpus.actors_files)),
            outlets=tuple(map(str, corpus.outlets_files)),
            roles=tuple(map(str, corpus.roles_files)),
            reporting_verbs=tuple(map(str, corpus.reporting_verbs_files)),
        )

    def all(self) -> list[Path]:
        """Every file, for the analysis version (a stored analysis depends on them)."""
        return [Path(f) for f in (*self.actors, *self.outlets, *self.roles, *self.reporting_verbs)]


@lru_cache(maxsize=4)
def load_lexicon(files: KnowledgeFiles | None = None) -> Lexicon:
    """The packaged knowledge extended by the user's files (read once per set of files)."""
    f = files or KnowledgeFiles()
    outlets = load_outlets(f.outlets)
    return Lexicon(
        gaz=load_gazetteer(f.actors, outlets),
        roles=load_roles(f.roles),
        verbs=load_reporting_verbs(f.reporting_verbs),
        outlets=outlets,
    )
