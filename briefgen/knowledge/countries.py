"""Countries and international bodies: codes, names, and finding them in text.

One reader of briefgen/data/countries.yaml, so a section count, a speaker's country and
the relevance score agree on what "Pyongyang" or "the South" means.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from briefgen.knowledge.datafiles import packaged

# International bodies use acronyms, countries ISO 3166-1 alpha-3 codes.
BODIES = frozenset({"UN", "NATO", "EU", "ASEAN", "IAEA"})


@dataclass(frozen=True)
class CountryEntry:
    code: str
    name: str
    names: tuple[str, ...]


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    raw = packaged("countries.yaml") or {}
    return raw if isinstance(raw, dict) else {"countries": raw}


@lru_cache(maxsize=1)
def load_countries() -> tuple[CountryEntry, ...]:
    """countries.yaml as records, in file order; read once."""
    return tuple(
        CountryEntry(
            str(e["code"]), str(e.get("name", e["code"])), tuple(map(str, e.get("names", [])))
        )
        for e in _data().get("countries") or []
    )


@lru_cache(maxsize=1)
def peninsula_parties() -> frozenset[str]:
    """The codes of the peninsula's parties (data/countries.yaml peninsula_parties)."""
    return frozenset(map(str, _data().get("peninsula_parties") or []))


@lru_cache(maxsize=1)
def elsewhere() -> tuple[str, ...]:
    """Other regions' places and armed groups no country entry names (countries.yaml
    elsewhere): "Islamic State", "Syria"."""
    return tuple(map(str, _data().get("elsewhere") or []))


@lru_cache(maxsize=1)
def not_a_country() -> tuple[str, ...]:
    """Place names containing a country's name that are not the country ("South China Sea")."""
    return tuple(map(str, _data().get("not_a_country") or []))


@lru_cache(maxsize=1)
def _country_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    lookup: dict[str, str] = {}
    for e in load_countries():
        for n in (e.name, *e.names):
            lookup.setdefault(n, e.code)
    alts = sorted({*lookup, *not_a_country()}, key=len, reverse=True)
    pat = re.compile(r"(?<![\w.])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w])")
    return pat, lookup


def _norm_quotes(text: str) -> str:
    return text.replace("’", "'").replace("\n", " ")


def country_matches(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, matched name, code) for every country name in `text`, in order."""
    pat, lookup = _country_regex()
    return [
        (m.start(), m.end(), m.group(1), lookup[m.group(1)])
        for m in pat.finditer(_norm_quotes(text))
        if m.group(1) in lookup
    ]


@lru_cache(maxsize=1 << 16)
def _matches(text: str) -> tuple[tuple[int, int, str, str], ...]:
    # The sentence pool asks about each sentence (and its opening) several times: its
    # countries, those acting, its subject, strictly and not.
    return tuple(country_matches(text))


def countries_mentioned(text: str) -> Counter[str]:
    """How often each country or body code is named in `text`."""
    return Counter(code for _, _, _, code in _matches(text))


def country_offsets(text: str) -> list[tuple[int, str]]:
    """[(offset, code)...] of every country or body named in `text`, in text order."""
    return [(start, code) for start, _, _, code in _matches(text)]


_LOCATIVE_RE = re.compile(r"\b(?:in|at|from|near|to|visit(?:ed|ing|s)?)\s+(?:the\s+)?$", re.I)


def is_venue(text: str, pos: int) -> bool:
    """True when the country named at `pos` is a place ("in Manila", "visited Beijing")."""
    return bool(_LOCATIVE_RE.search(text[max(0, pos - 20) : pos]))


# "in Manilla, Philippines": the country after a city is a place too.
_CITY_COUNTRY_RE = re.compile(
    r"\b(?:in|at|from|near|to)\s+(?:[A-Z][\w'-]*\s+){0,2}[A-Z][\w'-]*,\s*$"
)


def is_place(text: str, pos: int) -> bool:
    """is_venue, or the country after a city ("met in Hanoi, Vietnam"): where something
    happened, not what it is about (a third country hosting talks on North Korea is no
    other region's news: book/bottomline.py).
    A sibling, not is_venue itself: the sections' counts and subjects (countries_acting,
    book/questions.py, book/sentfacts.py) were tuned with is_venue alone."""
    return is_venue(text, pos) or bool(_CITY_COUNTRY_RE.search(text[max(0, pos - 40) : pos]))


def countries_acting(text: str) -> Counter[str]:
    """Like countries_mentioned, without place mentions ("in Manila", "at the summit in
    Singapore"): a country named only as a venue gets no section."""
    out: Counter[str] = Counter()
    for pos, code in country_offsets(text):
        if not is_venue(text, pos):
            out[code] += 1
    return out


def country_of(text: str) -> str | None:
    """The first country or body named in `text` (a title, a role, a description)."""
    found = country_matches(text)
    return found[0][3] if found else None


# What may stand between two countries a phrase names together ("U.S. and South Korean
# officials", "China, Russia and North Korea").
_JOINING_RE = re.compile(r"^\s*(?:,\s*(?:and\s+|&\s+)?|and\s+|&\s+)(?:the\s+)?$")


def joined_with_another(text: str, at: int) -> bool:
    """Is the country named at match `at` of country_matches(text) joined by "and" or a
    comma to a different country ("South Korean and U.S. officials"), or named in a
    shortened pair ("North and South Korea": "North Korea" too)?  Such a phrase speaks
    for several states together, not for the first one named."""
    found = country_matches(text)
    start, end, name, code = found[at]
    norm = _norm_quotes(text)
    for j in (at - 1, at + 1):
        if 0 <= j < len(found) and found[j][3] != code:
            lo, hi = (found[j][1], start) if j < at else (end, found[j][0])
            if _JOINING_RE.match(norm[lo:hi]):
                return True
    first, _, rest = name.partition(" ")
    before = re.search(r"\b([A-Z][a-z]+)\s+(?:and|&)\s+$", norm[:start])
    if rest and before and before.group(1) != first:
        other = _country_regex()[1].get(f"{before.group(1)} {rest}")
        return other is not None and other != code
    return False


def countries_together(text: str) -> list[str]:
    """The countries a phrase names together, in order, a shortened pair in full ("North
    and South Korea": PRK, KOR); none unless every one is joined to the next by "and" or a
    comma ("China, not Russia" names no group)."""
    found = country_matches(text)
    codes: list[str] = []
    for at, (_start, _end, _name, code) in enumerate(found):
        if not joined_with_another(text, at):
            return []
        rest = found[at][2].partition(" ")[2]
        before = re.search(r"\b([A-Z][a-z]+)\s+(?:and|&)\s+$", _norm_quotes(text)[: found[at][0]])
        other = _country_regex()[1].get(f"{before.group(1)} {rest}") if before and rest else None
        for c in (other, code):
            if c is not None and c not in codes:
                codes.append(c)
    return codes if len(codes) > 1 else []


@lru_cache(maxsize=32)
def not_its_bodies(code: str) -> frozenset[str]:
    """Words no body of this state has in its name (countries.yaml not_its_bodies): a US
    paper's unplaced "Defense Ministry" is not Washington's."""
    for e in _data().get("countries") or []:
        if str(e.get("code")) == code:
            return frozenset(str(w).lower() for w in e.get("not_its_bodies") or [])
    return frozenset()


def country_name(code: str) -> str:
    """The display name of a country or body code; the code itself when unknown."""
    for e in load_countries():
        if e.code == code:
            return e.name
    return code


def is_international_body(code: str) -> bool:
    """International bodies use acronyms (UN, EU, IAEA), countries ISO alpha-3 codes."""
    return not (len(code) == 3 and code.isalpha() and code.isupper())


def government_name(code: str) -> str:
    """ "Chinese government" for CHN: the actor a country-named speaker ("China said")
    stands for; a body keeps its own name."""
    if code in BODIES:
        return country_name(code)
    for e in load_countries():
        if e.code != code:
            continue
        if "U.S." in e.names:
            return "U.S. government"
        for n in e.names:
            if re.search(r"(?:an|ese|ish|ian|i)$", n) and n != e.name and not n.endswith("s"):
                return f"{n} government"
        return f"Government of {e.name}"
    return f"Government of {code}"
