"""Country mentions and the data for the brief's small chart.

Counting lives here, drawing in render: the chart is "how much of the period's
material is about each country" (times named, quotes from its speakers), in the
same order as the country sections, so the render stage only draws bars.

Country names and their matching come from briefgen.knowledge.countries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from briefgen.knowledge.countries import (
    countries_mentioned,
    country_name,
    is_international_body,
)
from briefgen.model import Article, Quote

# Section order: the six parties first, then the UN; other bodies and countries follow.
CORE_ORDER = ["USA", "PRK", "KOR", "CHN", "JPN", "RUS", "UN"]


def section_order(codes: Iterable[str], weight: Mapping[str, float] | None = None) -> list[str]:
    """USA, PRK, KOR, CHN, JPN, RUS, UN, then other bodies, then other countries by weight."""
    w = weight or {}
    rest = [c for c in set(codes) if c not in CORE_ORDER]
    bodies = sorted((c for c in rest if is_international_body(c)), key=lambda c: (-w.get(c, 0), c))
    others = sorted(
        (c for c in rest if not is_international_body(c)), key=lambda c: (-w.get(c, 0), c)
    )
    return [c for c in CORE_ORDER if c in set(codes)] + bodies + others


def mentions_per_country(articles: Sequence[Article]) -> Counter[str]:
    """Times each country is named across the articles (title and text)."""
    total: Counter[str] = Counter()
    for a in articles:
        total.update(countries_mentioned(a.title + "\n\n" + a.text))
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
