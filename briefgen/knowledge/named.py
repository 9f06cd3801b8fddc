"""Named programmes, sites, weapons systems and operations, found in text.

One reader of briefgen/data/named.yaml.  The keyphrase stage uses it so "Foal Eagle",
"Yongbyon" and "Hwasong-15" are candidates even where the parser tags them as a person
or splits them at the hyphen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from briefgen.knowledge.datafiles import packaged


@dataclass(frozen=True)
class NamedMatch:
    start: int
    end: int
    name: str  # the canonical spelling (the first of its entry), or the text itself
    kind: str  # "sites", "weapons", "operations", "programmes", "designators"


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    raw = packaged("named.yaml") or {}
    return raw if isinstance(raw, dict) else {}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], dict[str, tuple[str, str]], re.Pattern[str] | None]:
    """(names regex, {spelling: (canonical, kind)}, designators regex)."""
    lookup: dict[str, tuple[str, str]] = {}
    for kind in ("sites", "weapons", "operations", "programmes"):
        for entry in _data().get(kind) or []:
            names = [str(n) for n in entry]
            for n in names:
                lookup.setdefault(n, (names[0], kind))
    alts = sorted(lookup, key=len, reverse=True)
    names_re = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])")
    designators = [str(p) for p in _data().get("designators") or []]
    des_re = re.compile("|".join(f"(?:{p})" for p in designators)) if designators else None
    return names_re, lookup, des_re


def named_matches(text: str) -> list[NamedMatch]:
    """Every named programme, site, weapon or operation in `text`, in text order, longest
    first where two overlap."""
    names_re, lookup, des_re = _patterns()
    found = [NamedMatch(m.start(), m.end(), *lookup[m.group(1)]) for m in names_re.finditer(text)]
    if des_re is not None:
        found += [
            NamedMatch(m.start(), m.end(), m.group(0), "designators") for m in des_re.finditer(text)
        ]
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[NamedMatch] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


@lru_cache(maxsize=1)
def expansions() -> dict[str, str]:
    """{acronym: its longest spelling of several words} for each entry written in
    capitals ("THAAD": "Terminal High Altitude Area Defense", "DMZ": "Demilitarized
    Zone"): the expansion's head says what kind of thing the acronym names."""
    out: dict[str, str] = {}
    for kind in ("sites", "weapons", "operations", "programmes"):
        for entry in _data().get(kind) or []:
            names = [str(n) for n in entry]
            longest = max(names, key=lambda n: (len(n.split()), len(n)))
            if len(longest.split()) < 2:
                continue
            for n in names:
                if n.isupper() and " " not in n:
                    out.setdefault(n, longest)
    return out
