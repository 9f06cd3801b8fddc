"""Country mentions and the data for the brief's small chart.

Counting lives here, drawing in render: the chart is "how much of the period's
material is about each country" (times named, quotes from its speakers), in the
same order as the country sections, so the render stage only draws bars.

Country names and their matching come from briefgen.nlp.actors (one reader of
briefgen/data/countries.yaml), so a section count and a speaker's country agree.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from briefgen.model import Article, Quote
from briefgen.nlp.actors import (
    countries_mentioned,
    country_matches,
    load_countries,
)
from briefgen.nlp.actors import country_name as country_name  # re-exported for the stage

# Section order: the six parties first, then the UN; other bodies and countries follow.
CORE_ORDER = ["USA", "PRK", "KOR", "CHN", "JPN", "RUS", "UN"]


def country_positions(text: str) -> list[tuple[int, str]]:
    """[(offset, code)...] of every country or body named in `text`, in text order."""
    return [(start, code) for start, _, _, code in country_matches(text)]


_LOCATIVE_RE = re.compile(r"\b(?:in|at|from|near|to|visit(?:ed|ing|s)?)\s+(?:the\s+)?$", re.I)


def countries_acting(text: str) -> Counter[str]:
    """Like countries_in, without place mentions ("in Manila", "at the summit in Singapore"):
    a country named only as a venue gets no section."""
    out: Counter[str] = Counter()
    for pos, code in country_positions(text):
        if not _LOCATIVE_RE.search(text[max(0, pos - 20) : pos]):
            out[code] += 1
    return out


def countries_in(text: str) -> Counter[str]:
    """{code: times named} in `text` (countries and bodies from countries.yaml)."""
    return countries_mentioned(text)


def known_codes() -> list[str]:
    """Every code in the gazetteer, in file order."""
    return [e.code for e in load_countries()]


def is_body(code: str) -> bool:
    """International bodies use acronyms (UN, EU, IAEA), countries ISO alpha-3 codes."""
    return not (len(code) == 3 and code.isalpha() and code.isupper())


def section_order(codes: Iterable[str], weight: Mapping[str, float] | None = None) -> list[str]:
    """USA, PRK, KOR, CHN, JPN, RUS, UN, then other bodies, then other countries by weight."""
    w = weight or {}
    rest = [c for c in set(codes) if c not in CORE_ORDER]
    bodies = sorted((c for c in rest if is_body(c)), key=lambda c: (-w.get(c, 0), c))
    others = sorted((c for c in rest if not is_body(c)), key=lambda c: (-w.get(c, 0), c))
    return [c for c in CORE_ORDER if c in set(codes)] + bodies + others


def mentions_per_country(articles: Sequence[Article]) -> Counter[str]:
    """Times each country is named across the articles (title and text)."""
    total: Counter[str] = Counter()
    for a in articles:
        total.update(countries_in(a.title + "\n\n" + a.text))
    return total


def quotes_per_country(quotes: Sequence[Quote]) -> Counter[str]:
    """Quotes whose speaker speaks for each country or body."""
    return Counter(q.country for q in quotes if q.country)


def chart_data(
    order: Sequence[str], mentions: Mapping[str, int], quotes: Mapping[str, int]
) -> dict[str, Any]:
    """The chart the render stage draws: one bar pair per section, in section order."""
    series: list[dict[str, Any]] = [
        {
            "code": c,
            "label": country_name(c),
            "mentions": int(mentions.get(c, 0)),
            "quotes": int(quotes.get(c, 0)),
        }
        for c in order
    ]
    return {
        "title": "Mentions and quotes per country",
        "unit": "count",
        "max_mentions": max((int(mentions.get(c, 0)) for c in order), default=0),
        "max_quotes": max((int(quotes.get(c, 0)) for c in order), default=0),
        "series": series,
    }
