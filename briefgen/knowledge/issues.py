"""The issues analysts track (data/issues.yaml): keys, headings, stance labels, terms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from briefgen.knowledge.datafiles import packaged
from briefgen.knowledge.stance_cues import glob


@dataclass(frozen=True)
class Issue:
    key: str
    name: str
    pro: str  # the label of stance +1
    con: str  # the label of stance -1
    means: str
    terms: tuple[str, ...]

    def label(self, stance: int) -> str:
        return self.pro if stance > 0 else self.con


@lru_cache(maxsize=1)
def load_issues() -> tuple[Issue, ...]:
    """The tracked issues, in the order the brief lists them; read once."""
    return tuple(
        Issue(
            key=str(e["key"]),
            name=str(e["name"]),
            pro=str(e["pro"]),
            con=str(e["con"]),
            means=str(e.get("means", "")),
            terms=tuple(str(t).lower() for t in e.get("terms") or []),
        )
        for e in packaged("issues.yaml") or []
    )


def issue_keys() -> tuple[str, ...]:
    return tuple(i.key for i in load_issues())


def get_issue(key: str) -> Issue:
    for i in load_issues():
        if i.key == key:
            return i
    raise KeyError(key)


@lru_cache(maxsize=16)
def issue_name(key: str) -> str:
    """The issue as a reader names it in a sentence ("inter-Korean engagement", "military
    force"), never its key ("inter_korean")."""
    try:
        name = get_issue(key).name
    except KeyError:
        name = key.replace("_", " ")
    return name[:1].lower() + name[1:]


@lru_cache(maxsize=64)
def terms_regex(key: str) -> re.Pattern[str]:
    """A case-insensitive regex for an issue's terms ("sanction*" matches "sanctions");
    built once per issue (each statement's features ask for every issue's)."""
    alts = []
    for t in sorted(get_issue(key).terms, key=len, reverse=True):
        alts.append(glob(t))
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)


def issues_mentioned(text: str) -> list[str]:
    """Keys of the issues whose terms occur in `text`."""
    return [i.key for i in load_issues() if terms_regex(i.key).search(text)]
