"""Roles and titles, one home: the words that tell an office from a name and what kind
of speaker a role makes.

Read from briefgen/data/roles.yaml plus the user's `roles_files` (whose words are
added).  The speaker resolution (nlp/titles.py, nlp/speakers.py) reads titles and kinds
with it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from briefgen.errors import ConfigError
from briefgen.knowledge.datafiles import load_all, str_list

SETTING = "[corpus] roles_files"

# Lists compared in lower case; the others keep their case.
_LOWER = (
    "role_nouns",
    "title_words",
    "title_modifiers",
    "not_offices",
    "title_connectives",
    "honorifics",
    "body_heads",
    "body_nouns",
    "firm_nouns",
    "document_words",
    "publication_words",
    "media_nouns",
    "state_press_words",
    "voice_offices",
    "not_state_voice",
    "questioners",
    "speaker_nouns",
    "not_people",
    "place_words",
    "name_of_body_words",
    "anonymous_heads",
    "official_heads",
    "group_pronouns",
    "counterpart_nouns",
    "single_offices",
    "head_offices",
    "share_words",
    "kin_nouns",
    "collective_nouns",
    "serving_nouns",
)
_CASED = ("female_words", "male_words", "us_politics", "institution_names")
# The kinds a role can make, in the order they are tried.
# Whose offices and parties roles.yaml's us_politics names.
US_POLITICS_COUNTRY = "USA"
KIND_ORDER = ("defector", "expert", "state-media", "media", "legislator", "government")


def _phrases(words: Sequence[str], cased: bool = False) -> re.Pattern[str]:
    alts = sorted({w for w in words if w}, key=len, reverse=True)
    if not alts:
        return re.compile(r"(?!x)x")
    body = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in alts)
    return re.compile(r"(?<![\w.])(" + body + r")(?![\w])", 0 if cased else re.IGNORECASE)


@dataclass(frozen=True, eq=False)
class Roles:
    """roles.yaml as sets and compiled patterns (lists of words in lower case unless
    roles.yaml says they keep their case)."""

    role_nouns: frozenset[str] = frozenset()
    title_words: frozenset[str] = frozenset()
    title_modifiers: frozenset[str] = frozenset()
    not_offices: frozenset[str] = frozenset()
    title_connectives: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    body_heads: frozenset[str] = frozenset()
    body_nouns: frozenset[str] = frozenset()
    firm_nouns: frozenset[str] = frozenset()
    document_words: frozenset[str] = frozenset()
    publication_words: frozenset[str] = frozenset()
    media_nouns: frozenset[str] = frozenset()
    state_press_words: frozenset[str] = frozenset()
    voice_offices: frozenset[str] = frozenset()
    not_state_voice: frozenset[str] = frozenset()
    questioners: frozenset[str] = frozenset()
    speaker_nouns: frozenset[str] = frozenset()
    not_people: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    name_of_body_words: frozenset[str] = frozenset()
    anonymous_heads: frozenset[str] = frozenset()
    official_heads: frozenset[str] = frozenset()
    group_pronouns: frozenset[str] = frozenset()
    counterpart_nouns: frozenset[str] = frozenset()
    single_offices: frozenset[str] = frozenset()
    head_offices: frozenset[str] = frozenset()
    share_words: frozenset[str] = frozenset()
    kin_nouns: frozenset[str] = frozenset()
    collective_nouns: frozenset[str] = frozenset()
    serving_nouns: frozenset[str] = frozenset()
    female_words: frozenset[str] = frozenset()
    male_words: frozenset[str] = frozenset()
    us_politics: frozenset[str] = frozenset()
    institution_names: frozenset[str] = frozenset()
    abbreviations: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, tuple[str, ...]] = field(default_factory=dict)
    pronouns: dict[str, str] = field(default_factory=dict)
    group_sizes: dict[str, str] = field(default_factory=dict)
    kind_patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)
    us_politics_re: re.Pattern[str] = field(default=re.compile(r"(?!x)x"))
    female_re: re.Pattern[str] = field(default=re.compile(r"(?!x)x"))
    male_re: re.Pattern[str] = field(default=re.compile(r"(?!x)x"))
    state_press_re: re.Pattern[str] = field(default=re.compile(r"(?!x)x"))

    def __post_init__(self) -> None:
        for k in KIND_ORDER:
            self.kind_patterns[k] = _phrases(self.kinds.get(k, ()))
        object.__setattr__(self, "us_politics_re", _phrases(sorted(self.us_politics), cased=True))
        object.__setattr__(self, "female_re", _phrases(sorted(self.female_words), cased=True))
        object.__setattr__(self, "male_re", _phrases(sorted(self.male_words), cased=True))
        object.__setattr__(self, "state_press_re", _phrases(sorted(self.state_press_words)))

    def kind_of(self, text: str) -> str | None:
        """The first kind (KIND_ORDER) whose words appear in `text`, else None."""
        for k in KIND_ORDER:
            if self.kind_patterns[k].search(text):
                return k
        return None

    def gender_of(self, text: str) -> str | None:
        """ "m" or "f" when a title or description says ("Mrs.", "the congresswoman"; a
        male word wins over a female one), else None."""
        if self.male_re.search(text):
            return "m"
        return "f" if self.female_re.search(text) else None

    def politics_country(self, text: str) -> str | None:
        """ "Senate Democrats", "Delaware Democrat": offices and parties of us_politics are
        American (case-sensitive); None when the text names none."""
        return US_POLITICS_COUNTRY if self.us_politics_re.search(text) else None

    def has(self, kind: str, text: str) -> bool:
        """True when a word of `kind` appears in `text`."""
        pat = self.kind_patterns.get(kind)
        return bool(pat and pat.search(text))


def _merge(acc: dict[str, object], raw: object, where: str) -> None:
    if raw is None:
        return
    if not isinstance(raw, dict):
        raise ConfigError(f"roles file {where} must map list names to words")
    known = {*_LOWER, *_CASED, "abbreviations", "kinds", "pronouns", "group_sizes"}
    for key, value in raw.items():
        if key not in known:
            raise ConfigError(
                f"roles file {where}: unknown list {key!r}; use one of {', '.join(sorted(known))}"
            )
        if key in ("abbreviations", "kinds", "pronouns", "group_sizes"):
            if not isinstance(value, dict):
                raise ConfigError(f"roles file {where}: {key} must be a mapping")
            target = acc.setdefault(key, {})
            assert isinstance(target, dict)
            for k, v in value.items():
                if key == "kinds":
                    if k not in KIND_ORDER:
                        raise ConfigError(
                            f"roles file {where}: kind {k!r}; use one of {', '.join(KIND_ORDER)}"
                        )
                    target[str(k)] = (*target.get(str(k), ()), *str_list(v))
                else:
                    target[str(k).lower()] = str(v)
            continue
        words = str_list(value)
        bucket = acc.setdefault(key, set())
        assert isinstance(bucket, set)
        bucket.update(w.lower() for w in words) if key in _LOWER else bucket.update(words)


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> Roles:
    acc: dict[str, object] = {}
    for where, raw in load_all("roles.yaml", extra, SETTING):
        _merge(acc, raw, where)
    lists = {k: frozenset(acc.get(k) or ()) for k in (*_LOWER, *_CASED)}  # type: ignore[call-overload]
    return Roles(
        **lists,
        abbreviations=dict(acc.get("abbreviations") or {}),  # type: ignore[call-overload]
        kinds=dict(acc.get("kinds") or {}),  # type: ignore[call-overload]
        pronouns=dict(acc.get("pronouns") or {}),  # type: ignore[call-overload]
        group_sizes=dict(acc.get("group_sizes") or {}),  # type: ignore[call-overload]
    )


def load_roles(extra_files: Sequence[str | Path] = ()) -> Roles:
    """The packaged roles.yaml plus each user file (read once per set of files)."""
    return _load(tuple(str(f) for f in extra_files))
