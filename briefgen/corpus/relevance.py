"""How much an article is about the Korean peninsula, 0..1.

Counting "North Korea" alone would let a regional round-up that mentions Pyongyang once
into the country sections.  The score weighs where the peninsula appears (title, lead)
and how much of the text and of all country mentions it takes up.  The names come from
briefgen/data/countries.yaml (PRK and KOR), plus the peninsula words that name neither
state (briefgen/data/peninsula.yaml).
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(peninsula names, every other country/body name) as two compiled regexes."""
    from briefgen.knowledge.countries import load_countries
    from briefgen.knowledge.peninsula import peninsula_terms

    korea: set[str] = set(peninsula_terms())
    other: set[str] = set()
    for entry in load_countries():
        target = korea if entry.code in ("PRK", "KOR") else other
        target.update(n for n in (*entry.names, entry.name) if n)
    other -= korea

    def rx(names: set[str]) -> re.Pattern[str]:
        # "the South" is South Korea, "the South China Sea" is not
        alts = "|".join(
            re.escape(n) + (r"(?!\s+[A-Z][a-z])" if n.startswith("the ") else "")
            for n in sorted(names, key=len, reverse=True)
        )
        return re.compile(rf"(?<![\w.])(?:{alts})(?![\w-])")

    return rx(korea), rx(other)


def peninsula_re() -> re.Pattern[str]:
    """The peninsula's names (either Korea, a peninsula term) as one regex."""
    return _patterns()[0]


def mentions_peninsula(text: str) -> bool:
    """Whether a sentence names either Korea or a peninsula term ("Pyongyang", "Kim Jong
    Un", "the DMZ")."""
    return _patterns()[0].search(text) is not None


def _korean_outlets() -> frozenset[str]:
    """Outlets based on the peninsula (`korea: true` in briefgen/data/outlets.yaml): their
    stories concern it unless the text says otherwise (a KCNA piece on a Pyongyang ice
    rink never names "North Korea")."""
    from briefgen.knowledge.outlets import load_outlets

    return load_outlets().korean()


def relevance(
    title: str, paragraphs: list[str], extra_lead: str = "", outlet: str | None = None
) -> float:
    """Score: 0.35 title + 0.25 lead + 0.25 density + 0.15 share of country mentions,
    plus 0.2 for an outlet based on the peninsula."""
    korea_rx, other_rx = _patterns()
    text = "\n".join(paragraphs)
    n_words = max(1, len(text.split()))
    lead = extra_lead + " " + " ".join(paragraphs[:2])[:1200]
    k_title = len(korea_rx.findall(title or ""))
    k_lead = len(korea_rx.findall(lead))
    k_all = len(korea_rx.findall(text))
    o_all = len(other_rx.findall(text))
    density = k_all / n_words * 100  # mentions per 100 words
    score = (
        0.35 * (1.0 if k_title else 0.0)
        + 0.25 * min(1.0, k_lead / 2)
        + 0.25 * min(1.0, density / 1.5)
        + 0.15 * (k_all / (k_all + o_all) if k_all + o_all else 0.0)
        + (0.2 if outlet in _korean_outlets() else 0.0)
    )
    return round(min(1.0, score), 3)
