"""Places that are not countries (states, provinces, cities), by country: read in what the
text says about a person ("a Web developer from Queens") to find whom they live or work
for.  One reader of briefgen/data/places.yaml."""

from __future__ import annotations

import re
from functools import lru_cache

from briefgen.knowledge.datafiles import packaged, str_list


@lru_cache(maxsize=1)
def _places() -> tuple[re.Pattern[str], dict[str, str]]:
    raw = packaged("places.yaml")
    lookup: dict[str, str] = {}
    for code, names in (raw or {}).items():
        for n in str_list(names):
            lookup.setdefault(n, str(code))
    alts = sorted(lookup, key=len, reverse=True)
    pat = re.compile(r"(?<![\w.])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w])")
    return pat, lookup


def place_country(text: str) -> str | None:
    """The country of the first place named in `text`, or None."""
    pat, lookup = _places()
    m = pat.search(text)
    return lookup[m.group(1)] if m else None


def is_place(name: str) -> bool:
    """Is `name`, as written, a place of places.yaml ("New York", "Hokkaido")?"""
    return name in _places()[1]


def place_names() -> dict[str, str]:
    """{place as written: its country code} ("Hawaii": "USA")."""
    return dict(_places()[1])
