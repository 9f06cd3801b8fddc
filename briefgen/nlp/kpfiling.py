"""Whose news a keyphrase is, sentence by sentence, and which phrase names an acronym.

A country section's list counts a phrase by the sentences it occurs in.  A sentence
often names several countries ("Hawaii's emergency agency sent a mistaken missile alert
warning of a North Korean attack"): the phrase is the news of the countries named before
it or in it (the one that acts comes first in English news), and of those named after it
only when none comes before.  States and cities count for their country (data/
places.yaml: "Hawaii", "Guam": USA).  A sentence that names no country belongs to those
of the sentence before it.

An acronym and the phrase for the system it names ("THAAD missile defense system",
"Terminal High Altitude Area Defense (THAAD)") are written side by side; when the
phrase's head is the head of the acronym's expansion (data/named.yaml: "Defense"), a
list keeps one of them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache

from briefgen.knowledge.named import expansions
from briefgen.knowledge.places import place_names

Found = list[tuple[int, str]]  # (character offset, country code) of each country named


@lru_cache(maxsize=1)
def _place_patterns() -> dict[str, re.Pattern[str]]:
    """{code: regex of the country's states and cities}, case-sensitive, whole words."""
    by_code: dict[str, list[str]] = defaultdict(list)
    for name, code in place_names().items():
        by_code[code].append(name)
    return {code: _alternation(ns) for code, ns in by_code.items()}


def _alternation(names: Iterable[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)")


def countries_named(sentence: str, patterns: Mapping[str, re.Pattern[str]]) -> Found:
    """Where each country (by its names, or its places) is named in the sentence."""
    found = [(m.start(), c) for c, p in patterns.items() for m in p.finditer(sentence)]
    found += [(m.start(), c) for c, p in _place_patterns().items() for m in p.finditer(sentence)]
    return sorted(found)


def owners(sentence: str, found: Found, forms: Iterable[str]) -> set[str]:
    """The countries whose news the phrase (written as one of `forms`) is in a sentence
    that names the countries `found`: those named before the phrase's end, else all."""
    low = sentence.lower()
    ends = [low.find(f.lower()) + len(f) for f in forms if f and low.find(f.lower()) >= 0]
    if not ends:
        return {c for _, c in found}
    end = min(ends)
    before = {c for at, c in found if at < end}
    return before or {c for _, c in found}


def acronym_aliases(shown: Mapping[str, str], sentences: Iterable[str]) -> dict[str, str]:
    """{key: acronym} for each phrase (`shown`: key -> displayed phrase) written beside an
    acronym of data/named.yaml ("THAAD missile defense system", "missile defense
    system (THAAD)") whose expansion has the phrase's head, "system" aside."""
    full = expansions()
    acronyms = {p for p in shown.values() if p in full}
    if not acronyms:
        return {}
    text = "\n".join(sentences)
    out: dict[str, str] = {}
    for key, phrase in shown.items():
        ws = phrase.lower().split()
        if phrase in full or len(ws) < 2:
            continue
        head = ws[-2] if ws[-1] in ("system", "systems") else ws[-1]
        for acr in acronyms:
            if full[acr].lower().split()[-1] != head:
                continue
            p = re.escape(phrase)
            side = rf"(?<!\w){acr}\s+(?i:{p})(?!\w)|(?<!\w)(?i:{p})\s*\({acr}\)"
            if re.search(side, text):
                out[key] = acr
                break
    return out
