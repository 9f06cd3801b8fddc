"""Peninsula words that name neither Korean state ("inter-Korean", "DMZ", "Kim Jong Un"):
one reader of briefgen/data/peninsula.yaml."""

from __future__ import annotations

from functools import lru_cache

from briefgen.knowledge.datafiles import packaged, str_list


@lru_cache(maxsize=1)
def peninsula_terms() -> frozenset[str]:
    """The names in peninsula.yaml, as written."""
    return frozenset(str_list(packaged("peninsula.yaml")))
