"""The issues analysts track (data/issues.yaml): keys, headings, stance labels, terms."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

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
    # country code -> {"pro"/"con": label}: a side that holder's country takes in its own
    # words (issues.yaml by_country)
    by_country: Mapping[str, Mapping[str, str]] = field(default_factory=dict, compare=False)

    def label(self, stance: int, country: str | None = None) -> str:
        """The side in words that read right for a holder of `country`: Pyongyang "seeks
        sanctions relief", Washington offering it "is open to easing sanctions"."""
        side = "pro" if stance > 0 else "con"
        own = self.by_country.get(country or "", {})
        return own.get(side) or (self.pro if side == "pro" else self.con)


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
            by_country=_by_country(e.get("by_country")),
        )
        for e in packaged("issues.yaml") or []
    )


def _by_country(raw: Any) -> dict[str, dict[str, str]]:
    """issues.yaml's by_country: {code: {side: label}}, sides other than pro/con dropped."""
    return {
        str(code): {str(k): str(v) for k, v in (sides or {}).items() if k in ("pro", "con")}
        for code, sides in (raw or {}).items()
    }


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
