"""Cue words of stance (data/stance_cues.yaml): push, against, threat, restraint,
negator, modal, condition.  Features for nlp/stance.py, matched on lower-cased lemmas
and words.  Also the judgement's two lists (book/sections.py): cue verbs that state a
stance, matched by prefix, and words of an assessment."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from briefgen.knowledge.datafiles import packaged

CLASSES = ("push", "against", "threat", "restraint", "negator", "modal", "condition")


def glob(term: str) -> str:
    """A cue as a regex: lower case, `*` any word ending, spaces any run of spaces/hyphens."""
    body = re.escape(term.lower()).replace(r"\*", r"[\w-]*").replace(r"\ ", r"[\s-]+")
    return body


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    raw = packaged("stance_cues.yaml") or {}
    return raw if isinstance(raw, dict) else {}


@lru_cache(maxsize=1)
def cue_regexes() -> dict[str, re.Pattern[str]]:
    """{class: regex over lower-cased text} for each cue class."""
    raw = _data()
    out: dict[str, re.Pattern[str]] = {}
    for cls in CLASSES:
        alts = []
        for t in sorted(map(str, raw.get(cls) or []), key=len, reverse=True):
            alts.append(glob(t))
        out[cls] = re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")
    return out


@lru_cache(maxsize=1)
def issue_phrase_regexes() -> dict[str, dict[str, re.Pattern[str]]]:
    """{issue: {"pro": regex, "con": regex}} over lower-cased text."""
    raw = _data().get("issues") or {}
    out: dict[str, dict[str, re.Pattern[str]]] = {}
    for issue, sides in raw.items():
        out[str(issue)] = {}
        for side in ("pro", "con"):
            alts = []
            for t in sorted(map(str, sides.get(side) or []), key=len, reverse=True):
                if ".*" in t:  # a pattern: "until .* denucleari"
                    alts.append(t.replace(".*", ".{0,60}?"))
                    continue
                alts.append(glob(t))
            out[str(issue)][side] = re.compile(
                r"(?<![\w-])(?:" + ("|".join(alts) or "(?!x)x") + r")(?![\w-])"
            )
    return out


def _words(key: str) -> list[str]:
    return sorted(map(str, _data().get(key) or []), key=len, reverse=True)


@lru_cache(maxsize=1)
def stance_cue_re() -> re.Pattern[str]:
    """A reporting cue that itself states a stance ("insisted", "vows"): a listed prefix
    at the start of the cue, any case."""
    alts = "|".join(re.escape(w) for w in _words("stance_cue_prefixes")) or "(?!x)x"
    return re.compile(rf"^(?:{alts})", re.I)


@lru_cache(maxsize=1)
def assessment_re() -> re.Pattern[str]:
    """Words of an assessment ("no evidence", "believes", "unlikely") as whole words."""
    alts = "|".join(re.escape(w) for w in _words("assessment_words")) or "(?!x)x"
    return re.compile(rf"\b(?:{alts})\b", re.I)


@lru_cache(maxsize=1)
def own_words_sides() -> frozenset[tuple[str, int]]:
    """(issue, side) pairs read only from a statement that names the issue: a side the
    embedding alone confuses with another issue's ("maximum pressure" read as restraint)."""
    raw = _data().get("own_words_sides") or {}
    return frozenset((str(k), int(v)) for k, vs in raw.items() for v in vs)


@lru_cache(maxsize=1)
def sanctions_credit() -> tuple[re.Pattern[str], frozenset[tuple[str, int]]]:
    """Words of a dispute over what sanctions achieved ("the result of sanctions") and
    the pairs they rule out: disputing the credit is no ask for relief."""
    return _word_drops("sanctions_credit")


@lru_cache(maxsize=1)
def demand_only() -> tuple[frozenset[str], frozenset[tuple[str, int]]]:
    """The speaker kinds whose analysis is no demand, and the (issue, side) pairs they
    take only with a word of duty or a cue of urging (nlp/said.py)."""
    raw = _data().get("demand_only") or {}
    sides = raw.get("sides") or {}
    pairs = frozenset((str(k), int(v)) for k, vs in sides.items() for v in vs)
    return frozenset(map(str, raw.get("kinds") or [])), pairs


@lru_cache(maxsize=1)
def relayed_words() -> tuple[str, int]:
    """The verbs of a relayed statement as a regex alternation (word forms, lower case),
    and how many words may stand between the name and the verb (nlp/relayed.py)."""
    raw = _data().get("relayed") or {}
    verbs = sorted(map(str, raw.get("verbs") or []), key=len, reverse=True)
    return "|".join(map(re.escape, verbs)) or "(?!x)x", int(raw.get("gap", 3))


@lru_cache(maxsize=1)
def refused_trade() -> tuple[re.Pattern[str], frozenset[tuple[str, int]]]:
    """The words of a refused trade (regex over lower-cased text, apostrophes straight)
    and the (issue, side) pairs a statement with them does not take."""
    return _word_drops("refused_trade")


@lru_cache(maxsize=1)
def no_rush() -> tuple[re.Pattern[str], frozenset[tuple[str, int]]]:
    """Words of patience ("no rush", "no hurry") and the (issue, side) pairs a statement
    with them does not take: waiting is no demand."""
    return _word_drops("no_rush")


@lru_cache(maxsize=1)
def conditional_relief() -> tuple[re.Pattern[str], frozenset[tuple[str, int]]]:
    """Relief offered on condition of denuclearization ("lift sanctions if North Korea
    denuclearizes"), a regex over lower-cased text, and the (issue, side) pairs a
    statement with it does not take when its speaker is not North Korean."""
    return _conditional("conditional_relief", "relief", goal_first=False)


@lru_cache(maxsize=1)
def conditional_talks() -> tuple[re.Pattern[str], frozenset[tuple[str, int]]]:
    """Talks offered on condition of denuclearization ("talks only once the North
    abandons its weapons", "if it denuclearizes, we will talk"), as conditional_relief."""
    return _conditional("conditional_talks", "offer", goal_first=True)


def _conditional(
    key: str, first: str, goal_first: bool
) -> tuple[re.Pattern[str], frozenset[tuple[str, int]]]:
    """An offer word, a condition, then a goal, each within `window` characters of the
    last (or, `goal_first`, the condition and the goal before the offer)."""
    raw = _data().get(key) or {}

    def alts(name: str) -> str:
        words = sorted(map(str, raw.get(name) or []), key=len, reverse=True)
        return r"(?<![\w-])(?:" + ("|".join(map(glob, words)) or "(?!x)x") + r")(?![\w-])"

    gap = rf"[^.;]{{0,{int(raw.get('window', 80))}}}?"
    offer, cond, goal = alts(first), alts("conditions"), alts("goals")
    pattern = f"{offer}{gap}{cond}{gap}{goal}"
    if goal_first:
        pattern += f"|{cond}{gap}{goal}{gap}{offer}"
    drops = raw.get("drops") or {}
    return re.compile(pattern), frozenset((str(k), int(v)) for k, vs in drops.items() for v in vs)


@lru_cache(maxsize=1)
def sceptical_talks() -> tuple[re.Pattern[str], frozenset[tuple[str, int]]]:
    """Words of waiting to judge ("we will see if") and the pairs they rule out."""
    return _word_drops("sceptical_talks")


@lru_cache(maxsize=1)
def conversation() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[tuple[str, int]]]:
    """Words of a conversation between leaders ("a phone call", "a very good talk"),
    North Korea's names that make it talks after all, and the pairs ruled out."""
    rx, drops = _word_drops("conversation")
    raw = _data().get("conversation") or {}
    words = sorted(map(str, raw.get("unless") or []), key=len, reverse=True)
    unless = re.compile(r"(?<![\w-])(?:" + ("|".join(map(glob, words)) or "(?!x)x") + r")(?![\w-])")
    return rx, unless, drops


def _word_drops(key: str) -> tuple[re.Pattern[str], frozenset[tuple[str, int]]]:
    raw = _data().get(key) or {}
    words = sorted(map(str, raw.get("words") or []), key=len, reverse=True)
    rx = re.compile(r"(?<![\w-])(?:" + ("|".join(map(glob, words)) or "(?!x)x") + r")(?![\w-])")
    drops = raw.get("drops") or {}
    return rx, frozenset((str(k), int(v)) for k, vs in drops.items() for v in vs)


@dataclass(frozen=True)
class NarrationWords:
    """What tells a statement that wants from one that narrates (data/stance_cues.yaml
    narration): lemmas of volition and of judgement, first-person words, and the issues
    the narration veto leaves alone."""

    volition: frozenset[str]
    judgement: frozenset[str]
    first_person: frozenset[str]
    keep: frozenset[str]


@lru_cache(maxsize=1)
def narration_words() -> NarrationWords:
    raw = _data().get("narration") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key) or [])

    return NarrationWords(
        words("volition"), words("judgement"), words("first_person"), words("keep")
    )


@dataclass(frozen=True)
class PhraseBacked:
    """A reading its own words back, from an official voice, on one of `issues`, at
    `floor` or above counts at `confidence` at least (nlp/backed.py)."""

    floor: float
    confidence: float
    issues: frozenset[str]


@lru_cache(maxsize=1)
def phrase_backed() -> PhraseBacked:
    raw = _data().get("phrase_backed") or {}
    return PhraseBacked(
        float(raw.get("floor", 1.01)),
        float(raw.get("confidence", 0.0)),
        frozenset(str(i) for i in raw.get("issues") or []),
    )


@dataclass(frozen=True)
class OthersWish:
    """Words of wanting or readiness (lemmas and words), the words that name North
    Korea's leader or regime as their subject, and the auxiliaries and clause marks
    that make a wish only a condition or a possibility (nlp/wishes.py)."""

    words: frozenset[str]
    subjects: frozenset[str]
    hedges: frozenset[str]


@lru_cache(maxsize=1)
def others_wish_words() -> OthersWish:
    raw = _data().get("others_wish") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key) or [])

    return OthersWish(words("words"), words("subjects"), words("hedges"))


@lru_cache(maxsize=1)
def not_peoples() -> frozenset[str]:
    """Words of a party or creed that the parser tags as a people (nlp/elsewhere.py);
    Korea's own words are data/peninsula.yaml's (knowledge/peninsula.py)."""
    raw = _data().get("elsewhere") or {}
    return frozenset(str(w) for w in raw.get("not_peoples") or [])
