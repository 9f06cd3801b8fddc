"""Country mentions and the data for the brief's small chart.

Counting lives here, drawing in render: the chart is "how much of the period's
material is about each country" (times named, quotes from its speakers), in the
same order as the country sections, so the render stage only draws bars.

Country names come from the quotes stage (briefgen.nlp.actors) when it provides
`countries_mentioned` / `country_name`; otherwise from briefgen/data/countries.yaml
directly, with the same matching rules (case-sensitive, word boundaries, longest name
first, no overlaps).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from briefgen.model import Article, Quote

# Section order: the six parties first, then the UN; other bodies and countries follow.
CORE_ORDER = ["USA", "PRK", "KOR", "CHN", "JPN", "RUS", "UN"]


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, str], list[tuple[str, str]]]:
    """({code: display name}, [(surface name, code)...]) from the packaged countries.yaml."""
    import yaml

    try:
        text = (resources.files("briefgen") / "data" / "countries.yaml").read_text("utf-8")
        rows = yaml.safe_load(text) or []
    except (OSError, yaml.YAMLError):
        rows = []
    names: dict[str, str] = {}
    surfaces: list[tuple[str, str]] = []
    for row in rows:
        if not isinstance(row, dict) or not row.get("code"):
            continue
        code = str(row["code"])
        names[code] = str(row.get("name") or code)
        for n in [row.get("name"), *(row.get("names") or [])]:
            if n:
                surfaces.append((str(n), code))
    return names, surfaces


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    _, surfaces = _gazetteer()
    lookup = {s: c for s, c in surfaces}
    alts = sorted(lookup, key=lambda s: (-len(s), s))
    if not alts:
        return re.compile(r"(?!x)x"), {}
    pat = re.compile(r"(?<![\w.])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w])")
    return pat, lookup


def _fallback_mentions(text: str) -> Counter[str]:
    pat, lookup = _pattern()
    return Counter(lookup[m.group(1)] for m in pat.finditer(text))


def country_positions(text: str) -> list[tuple[int, str]]:
    """[(offset, code)...] of every country or body named in `text`, in text order."""
    pat, lookup = _pattern()
    return [(m.start(), lookup[m.group(1)]) for m in pat.finditer(text)]


_LOCATIVE_RE = re.compile(r"\b(?:in|at|from|near|to|visit(?:ed|ing|s)?)\s+(?:the\s+)?$", re.I)


def countries_acting(text: str) -> Counter[str]:
    """Like countries_in, without place mentions ("in Manila", "at the summit in Singapore"):
    a country named only as a venue gets no section."""
    out: Counter[str] = Counter()
    for pos, code in country_positions(text):
        if not _LOCATIVE_RE.search(text[max(0, pos - 20) : pos]):
            out[code] += 1
    return out


def _actors_fn(name: str) -> Callable[..., Any] | None:
    try:
        from briefgen.nlp import actors  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return None
    fn = getattr(actors, name, None)
    return fn if callable(fn) else None


def countries_in(text: str) -> Counter[str]:
    """{code: times named} in `text` (countries and bodies from countries.yaml)."""
    fn = _actors_fn("countries_mentioned")
    if fn is not None:
        try:
            return Counter(fn(text))
        except Exception:  # the other stage's helper failing must not sink the brief
            pass
    return _fallback_mentions(text)


def country_name(code: str) -> str:
    """Display name for a code: "PRK" -> "North Korea"; unknown codes are shown as given."""
    fn = _actors_fn("country_name")
    if fn is not None:
        try:
            name = fn(code)
            if name:
                return str(name)
        except Exception:
            pass
    return _gazetteer()[0].get(code, code)


def known_codes() -> list[str]:
    """Every code in the gazetteer, in file order."""
    return list(_gazetteer()[0])


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
