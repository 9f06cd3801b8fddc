"""Reporting verbs of trend markers and the watch list (data/watch_cues.yaml), compiled
into the patterns that read them: the words are data, the grammar around them code."""

from __future__ import annotations

import re
from functools import lru_cache

from briefgen.knowledge.datafiles import packaged


def _alts(key: str) -> str:
    raw = packaged("watch_cues.yaml") or {}
    words = raw.get(key) if isinstance(raw, dict) else None
    return "|".join(re.escape(str(w)) for w in words or []) or "(?!x)x"


@lru_cache(maxsize=1)
def reaction_re() -> re.Pattern[str]:
    """A verb of reporting or judging what happened, a whole word in its listed case."""
    return re.compile(rf"\b(?:{_alts('reaction_verbs')})\b")


@lru_cache(maxsize=1)
def _opinion_url_re() -> re.Pattern[str]:
    return re.compile(rf"/(?:{_alts('opinion_url_sections')})/", re.I)


def opinion_url(url: str | None) -> bool:
    """The address is in a site's opinion section (a column, an op-ed, an editorial)."""
    return bool(url) and bool(_opinion_url_re().search(url or ""))


@lru_cache(maxsize=1)
def absolute_reaction_re() -> re.Pattern[str]:
    """'with <speaker> commending': the speaker (group 1, up to eight words) of an
    absolute clause of reaction."""
    return re.compile(
        rf"\bwith\s+((?:[\w.’'-]+\s+){{0,7}}?[\w.’'-]+)\s+(?:{_alts('absolute_reaction_verbs')})\b"
    )


@lru_cache(maxsize=1)
def inverted_cue_re() -> re.Pattern[str]:
    """A reporting verb that may be followed by its speaker ("…,” said a spokesman")."""
    return re.compile(rf"^(?:{_alts('inverted_cue_verbs')})$")


@lru_cache(maxsize=1)
def report_cue_re() -> re.Pattern[str]:
    """The reporting cue before a subject ("said that ", "told reporters that "), any case."""
    return re.compile(
        rf"\b(?:(?:{_alts('report_cue_verbs')})\s+(?:that\s+)?"
        r"|told(?:\s+[\w.’'-]+){1,4}?\s+that\s+|told\s+\w+\s+)",
        re.I,
    )


@lru_cache(maxsize=1)
def reported_would_re() -> re.Pattern[str]:
    """A reporting verb, what it reports up to a "would" (group 1), and the "would"."""
    return re.compile(
        rf"(\b(?:(?:{_alts('reported_would_verbs')})\s+(?:that\s+)?|"
        r"told(?:\s+[\w.’'-]+){1,5}?\s+that\s+)"
        r"[^,;:“”\"]{2,80}?\s)would(?=\s)"
    )


@lru_cache(maxsize=1)
def own_report_re() -> re.Pattern[str]:
    """A country's verb of making a decision known ("announced"), a whole word, any case."""
    return re.compile(rf"\b(?:{_alts('own_report_verbs')})\b", re.I)


@lru_cache(maxsize=1)
def peninsula_issue_re() -> re.Pattern[str]:
    """An issue of the peninsula named ("denuclearization"), a word prefix, any case."""
    return re.compile(rf"\b(?:{_alts('peninsula_issue_words')})", re.I)
