"""Famous words retold long after they were said ("fire and fury"), one home:
briefgen/data/retold.yaml.  nlp/when.py dates a short quotation of them to their day, so
a months-old threat is not the period's position."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from briefgen.knowledge.datafiles import packaged


@lru_cache(maxsize=1)
def retold_phrases() -> tuple[tuple[str, date], ...]:
    """(lower-case words, day first said) for each entry of retold.yaml."""
    raw = packaged("retold.yaml") or {}
    return tuple(
        (str(p["words"]).lower(), date.fromisoformat(str(p["said_on"])))
        for p in raw.get("phrases", [])
    )


@lru_cache(maxsize=1)
def earlier_roles() -> re.Pattern[str]:
    """Words that put a view before the speaker's office (retold.yaml earlier_roles)."""
    raw = packaged("retold.yaml") or {}
    pats = [str(p) for p in raw.get("earlier_roles") or []]
    return re.compile("|".join(f"(?:{p})" for p in pats) or r"(?!)", re.IGNORECASE)


def retold_before(text: str, start: date) -> bool:
    """The sentence retells what was said before `start`: famous words first said earlier
    ("fire and fury" in a piece on a later summit), or a view from before its speaker's
    office."""
    low = text.lower()
    if any(phrase in low and day < start for phrase, day in retold_phrases()):
        return True
    return bool(earlier_roles().search(text))
