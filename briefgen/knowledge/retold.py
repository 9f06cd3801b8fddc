"""Famous words retold long after they were said ("fire and fury"), one home:
briefgen/data/retold.yaml.  nlp/when.py dates a short quotation of them to their day, so
a months-old threat is not the period's position."""

from __future__ import annotations

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
