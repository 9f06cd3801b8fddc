"""Whose news a keyphrase is, sentence by sentence, and which phrase names an acronym.

A country section's list counts a phrase by the sentences it occurs in (the countries a
sentence or the sentence before it names).  A sentence often names several
countries ("Hawaii's emergency agency sent a mistaken missile alert that warned of a
North Korean attack"): a country named only after the phrase, in its clause, while
another is named before it, is what the phrase is about, not whose news it is.  States
and cities count for their country (data/places.yaml: "Hawaii", "Guam": USA).

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


def outsiders(sentence: str, found: Found, forms: Iterable[str]) -> set[str]:
    """The countries a sentence names only after the phrase (written as one of `forms`),
    in its own clause (no comma, semicolon or dash between), while another is named
    before its end: what the phrase says about them ("a mistaken missile alert that
    warned of a North Korean attack"), not their news."""
    low = sentence.lower()
    spans = [(low.find(f.lower()), len(f)) for f in forms if f]
    ends = [at + n for at, n in spans if at >= 0]
    if not ends:
        return set()
    end = min(ends)
    before = {c for at, c in found if at < end}
    clause = _CLAUSE_END.search(sentence, end)
    stop = clause.start() if clause else len(sentence)
    after = {c for at, c in found if end <= at < stop} - before
    return after if before else set()


_CLAUSE_END = re.compile(r"[,;:]|\s[-\u2013\u2014]\s|\u2014")


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
