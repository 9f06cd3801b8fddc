"""Kinds of development (a launch, a summit, sanctions...) and what happened to them.

One reader of briefgen/data/events.yaml, so the bottom line, the trend markers and "What
changed" agree on what a "missile launch" or "sanctions eased" is, and a user can add a
kind without touching code.  `classify` tags one sentence; it is a lexicon, not a model:
the tag says which words made it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from briefgen.knowledge.datafiles import packaged


@dataclass(frozen=True)
class EventKind:
    kind: str
    family: str
    label: str
    weight: float
    direction: int
    patterns: tuple[re.Pattern[str], ...]
    # The kind points its own way whatever is done to it (a defensive deployment
    # "approved" is still no escalation): data/events.yaml `steady`.
    steady: bool = False
    # Someone's act the bottom line may tell: a quake assessed as natural is no one's
    # (data/events.yaml `development: false`).
    development: bool = True


@dataclass(frozen=True)
class EventAction:
    action: str
    direction: int | str  # +1, -1, "keep" or "reverse" (the kind's direction)
    otherwise: int  # for "keep"/"reverse" when the kind has no direction
    patterns: tuple[re.Pattern[str], ...]
    escalation: int | None = None  # for "keep" when the kind escalates, if not its own

    def applied_to(self, kind_direction: int) -> int:
        if self.direction == "keep":
            if kind_direction > 0 and self.escalation is not None:
                return self.escalation
            return kind_direction or self.otherwise
        if self.direction == "reverse":
            return -kind_direction or self.otherwise
        return int(self.direction)


@dataclass(frozen=True)
class EventTag:
    """What a sentence reports: the kind, what happened to it, and which way it points."""

    kind: str
    family: str
    label: str
    weight: float
    direction: int  # +1 escalation, -1 engagement, 0 neither
    action: str = ""
    trigger: str = ""  # the words that matched

    @property
    def phrase(self) -> str:
        """'sanctions imposed', 'missile launch', 'summit cancelled'."""
        if not self.action or self.action == "held":
            return self.label
        return f"{self.label} {self.action}"


def _compile(items: Any) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.I) for p in items or [])


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    raw = packaged("events.yaml") or {}
    return raw if isinstance(raw, dict) else {}


@lru_cache(maxsize=1)
def event_kinds() -> tuple[EventKind, ...]:
    return tuple(
        EventKind(
            str(k["kind"]),
            str(k.get("family", k["kind"])),
            str(k.get("label", k["kind"])),
            float(k.get("weight", 0.5)),
            int(k.get("direction", 0)),
            _compile(k.get("patterns")),
            bool(k.get("steady", False)),
            bool(k.get("development", True)),
        )
        for k in _data().get("kinds") or []
    )


@lru_cache(maxsize=1)
def event_actions() -> tuple[EventAction, ...]:
    return tuple(
        EventAction(
            str(a["action"]),
            a["direction"] if a.get("direction") in ("keep", "reverse") else int(a["direction"]),
            int(a.get("otherwise", 0)),
            _compile(a.get("patterns")),
            None if a.get("escalation") is None else int(a["escalation"]),
        )
        for a in _data().get("actions") or []
    )


@lru_cache(maxsize=1)
def _deep() -> tuple[frozenset[str], frozenset[str]]:
    raw = _data().get("deep") or {}
    return frozenset(raw.get("kinds") or ()), frozenset(raw.get("actions") or ())


def top_event(tag: EventTag | None) -> bool:
    """A top kind of event with what happened to it (sanctions imposed, a summit held or
    cancelled, a launch): news wherever in an article it is told (data/events.yaml: deep)."""
    kinds, actions = _deep()
    return tag is not None and tag.kind in kinds and tag.action in actions


@lru_cache(maxsize=1)
def _speculative_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (
        re.compile(str(_data().get("speculative") or r"(?!)"), re.I),
        re.compile(str(_data().get("reported_would") or r"(?!)"), re.I),
    )


_WOULD = re.compile(r"\bwould\b", re.I)


def speculative(text: str) -> bool:
    """Does the sentence tell what may happen ("could", "might", an unreported "would")?"""
    plain = _QUOTED.sub(" ", text)
    words, reported = _speculative_res()
    if words.search(plain):
        return True
    return bool(_WOULD.search(plain)) and not reported.search(plain)


@lru_cache(maxsize=1)
def _stage_res() -> dict[str, tuple[re.Pattern[str], ...]]:
    raw = _data().get("stages") or {}
    return {str(k): _compile(v) for k, v in raw.items()} if isinstance(raw, dict) else {}


def stage(text: str) -> str:
    """ "outcome" when the sentence tells how a development came out (ended, collapsed,
    agreed, adopted, fired), else "opening" when it tells its start or what leads up to
    it (opened, arrived, ahead of), else "" (data/events.yaml: stages)."""
    plain = _QUOTED.sub(" ", text)
    res = _stage_res()
    for name in ("outcome", "opening"):
        if any(p.search(plain) for p in res.get(name, ())):
            return name
    return ""


def is_development(kind: str) -> bool:
    """Is a development of this kind someone's act (not a natural event)?  An unknown
    kind is."""
    return next((k.development for k in event_kinds() if k.kind == kind), True)


def kind_label(kind: str) -> str:
    return next((k.label for k in event_kinds() if k.kind == kind), kind.replace("_", " "))


_QUOTED = re.compile(r"[“\"][^”\"]{0,400}[”\"]")


def classify(text: str) -> EventTag | None:
    """The first kind whose pattern the sentence matches (outside quotation marks), with
    the action and direction; None when it reports no kind of development."""
    return _classify(text)


@lru_cache(maxsize=1 << 15)
def kinds_named(text: str) -> frozenset[str]:
    """Every kind whose pattern the sentence matches (outside quotation marks), not only
    the first: talks "on deploying THAAD" name the deployment too."""
    plain = _QUOTED.sub(" ", text)
    return frozenset(k.kind for k in event_kinds() if any(p.search(plain) for p in k.patterns))


# A brief's sections, trends and questions ask about the same sentences many times; the
# kinds are packaged data and an EventTag is frozen, so one answer per text serves all.
@lru_cache(maxsize=1 << 15)
def _classify(text: str) -> EventTag | None:
    plain = _QUOTED.sub(" ", text)
    for k in event_kinds():
        m = next((m for p in k.patterns if (m := p.search(plain))), None)
        if m is None:
            continue
        # What happened to it is said near it ("called off the summit", "sanctions eased").
        near = plain[max(0, m.start() - 70) : m.end() + 70]
        act = next((a for a in event_actions() if any(p.search(near) for p in a.patterns)), None)
        action = act.action if act else ""
        direction = act.applied_to(k.direction) if act and not k.steady else k.direction
        return EventTag(k.kind, k.family, k.label, k.weight, direction, action, m.group(0))
    return None


def issue_direction(issue: str) -> int:
    """+1 when supporting the issue escalates (sanctions, force), -1 when it engages
    (talks), 0 when it points neither way."""
    value = (_data().get("issue_directions") or {}).get(issue, 0)
    return int(value)


@lru_cache(maxsize=1)
def _not_news() -> dict[str, re.Pattern[str]]:
    raw = _data().get("not_news") or {}
    return (
        {str(k): re.compile(str(v), re.I) for k, v in raw.items()} if isinstance(raw, dict) else {}
    )


def _not_news_cue(name: str, text: str, start: bool = False) -> bool:
    rx = _not_news().get(name)
    if rx is None:
        return False
    plain = _QUOTED.sub(" ", text)
    return bool(rx.match(plain) if start else rx.search(plain))


def conclusion(text: str) -> bool:
    """The sentence opens on the writer's own conclusion ("All of this means...")."""
    return _not_news_cue("conclusion", text, start=True)


def outside_voice(speaker: str) -> bool:
    """The words before a speaker's verb name one known only as a former official or
    aide: a view from outside the governments that act."""
    rx = _not_news().get("outside_voice")
    return bool(rx and rx.search(speaker))


def guess(text: str) -> bool:
    """The sentence guesses at what something means or will bring ("may be a bid to",
    "is expected to", "speculated that"), outside quotation marks."""
    return _not_news_cue("guess", text)
