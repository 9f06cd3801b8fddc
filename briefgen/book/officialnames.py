"""The names of a country's officials a sentence may open on (book/moves.py): a name of
the period's map of officials, longest first, else a surname too short for the map ("Xi",
"Abe") that only one country's officials end in.  Split from moves.py (the size limit).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache


@lru_cache(maxsize=8)
def _officials_of(
    officials: tuple[tuple[str, str], ...], code: str
) -> tuple[dict[str, int], dict[str, list[str]]]:
    """The names of `code`'s officials that can open a sentence (longer than 3
    characters): {name: its place, longest first (ties in the map's order)} and the
    names by their first four characters.  Kept per map and country: a whole-corpus
    brief asks thousands of sentences with one map of hundreds of officials."""
    of = dict(officials)
    rank: dict[str, int] = {}
    by4: dict[str, list[str]] = {}
    for n in sorted(of, key=len, reverse=True):
        if of[n] == code and len(n) > 3:
            rank[n] = len(rank)
            by4.setdefault(n[:4], []).append(n)
    return rank, by4


def _official_at(
    head: str, starts: list[int], of: tuple[dict[str, int], dict[str, list[str]]]
) -> tuple[int, str] | None:
    """(where, name) of the first of the country's officials, longest first, that `head`
    opens on at one of `starts` (the earliest of them), else None."""
    rank, by4 = of
    best: str | None = None
    for i in starts:
        for n in by4.get(head[i : i + 4], ()):
            if head.startswith(n, i) and (best is None or rank[n] < rank[best]):
                best = n
    if best is None:
        return None
    return next(i for i in starts if head.startswith(best, i)), best


_SHORT_NAME_RE = re.compile(r"([A-Z][a-z]{1,2})(?=[’']s\s|\s)")


def short_name_country(name: str, officials: Mapping[str, str]) -> str | None:
    """The country of a surname too short for the officials' map ("Xi", "Abe", "Kim"):
    that of every official in the map whose full name ends in it, when they are all of one
    country ("Abe’s office said" speaks for Japan; "Kim" of two Koreas' officials is
    no one's)."""
    found = {
        c
        for n, c in officials.items()
        if n.endswith(f" {name}") or n.startswith((f"{name}’s ", f"{name}'s "))
    }
    return found.pop() if len(found) == 1 else None


def named_official_at(
    head: str, starts: list[int], code: str, officials: Mapping[str, str]
) -> tuple[int, str] | None:
    """(where, name) of the country's official `head` opens on at one of `starts`: a name
    of the map, else a short surname of one of them."""
    of = _officials_of(tuple(officials.items()), code)
    return _official_at(head, starts, of) or _short_name_at(head, starts, code, officials)


def _short_name_at(
    head: str, starts: list[int], code: str, officials: Mapping[str, str]
) -> tuple[int, str] | None:
    """(where, name) of a short surname of the country's officials at one of `starts`."""
    for i in starts:
        m = _SHORT_NAME_RE.match(head, i)
        if m and short_name_country(m.group(1), officials) == code:
            return i, m.group(1)
    return None
