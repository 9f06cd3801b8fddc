"""Word lists of the keyphrase candidates (data/keyphrase_words.yaml): entity types that
are never phrases, generic and vague head nouns, venues, heads that say nothing alone,
titles, people-nouns, institutions with the country they belong to, and what a period's
list leaves out (evaluative adjectives, sources', places', actors', colour and said
heads, epithets).  One loader, so
nlp/kpcandidates.py and nlp/kpdedupe.py hold no lists."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from briefgen.errors import ConfigError
from briefgen.knowledge.datafiles import packaged, str_list

_FILE = "briefgen/data/keyphrase_words.yaml"
LISTS = (
    "skip_entities",
    "generic",
    "vague_heads",
    "media_heads",
    "lower_vague_heads",
    "venue_heads",
    "generic_heads",
    "titles",
    "people",
    "evaluative",
    "source_heads",
    "named_source_heads",
    "place_heads",
    "actor_heads",
    "colour_heads",
    "epithets",
    "said_heads",
    "about_heads",
    "party_heads",
    "empty_heads",
    "section_heads",
    "kin_heads",
    "comic_words",
    "two_party_modifiers",
    "body_heads",
    "not_people",
)


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    raw = packaged("keyphrase_words.yaml") or {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{_FILE} must be a mapping of word lists; reinstall briefgen")
    return raw


def words(name: str) -> frozenset[str]:
    """The list `name` (one of LISTS) as a set."""
    if name not in LISTS:
        raise KeyError(name)
    return frozenset(str_list(_data().get(name)))


def institutions() -> dict[str, str]:
    """{institution as written: country or body code}, in file order."""
    raw = _data().get("institutions") or {}
    return {str(k): str(v) for k, v in raw.items()}


def synonyms() -> list[frozenset[str]]:
    """Groups of nouns that say the same thing in a keyphrase list ("talks", "dialogue")."""
    raw = _data().get("synonyms") or []
    if not isinstance(raw, list):
        raise ConfigError(f"{_FILE}: synonyms must be a list of word lists")
    return [frozenset(str_list(g)) for g in raw]
