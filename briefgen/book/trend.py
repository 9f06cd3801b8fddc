"""Trend marker per country: what it did and said this period against the period before.

A country's *moves* are its developments (a launch, sanctions imposed, talks offered:
data/events.yaml says which way each points) and the stated positions of its own
officials (supporting sanctions escalates, supporting talks engages).  The marker
compares the balance of the two periods and says the basis in words a reader can check:
"more escalation than in 2017-W26; new: missile launch, threat; no longer reported: offer
of talks", never a count of "moves".  Only what points one way counts (a "policy
statement" or a stance on denuclearization does not), and a country's report or verdict
on another's act is no act of its own ("China's ambassador told the Council that the
missile launch was a flagrant violation" is no Chinese launch).  With fewer than
`MIN_MOVES` in either period it says so ("insufficient basis", with what each period
had), instead of reading a trend into one or two lines.  No comparison period at all
gives no marker.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefgen.book.moves import own_move
from briefgen.book.sentences import first_sentence
from briefgen.book.summarize import official_countries
from briefgen.knowledge.countries import country_matches
from briefgen.knowledge.events import classify, issue_direction, kind_label
from briefgen.model import OFFICIAL_KINDS, Actor, Development, Position

MIN_MOVES = 3
# Change in the balance (mean direction, -1..+1) that moves the marker.
THRESHOLD = 0.5
MIN_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Move:
    """One thing a country did or said, and which way it points (+1 escalates)."""

    what: str
    direction: int
    article_ids: tuple[str, ...] = ()


def development_phrase(d: Development) -> str:
    """'missile launch', 'sanctions imposed', 'summit cancelled' ('agreement', not
    'agreement agreed')."""
    label = kind_label(d.kind) if d.kind else "statement"
    if d.action in ("", "held") or d.action[:5] in label:
        return label
    if d.action == "eased" and d.kind in ("missile_launch", "nuclear_test"):
        return f"halt of {label}es" if label.endswith("launch") else f"halt of {label}s"
    if d.kind not in _ACTS_ON.get(d.action, ()):
        return label  # "missile launch imposed", "talks eased": the action misread
    return f"{label} {d.action}"


# The kinds each action reads right with ("sanctions imposed", "summit cancelled").
_ACTS_ON: dict[str, tuple[str, ...]] = {
    "imposed": ("sanctions", "un_action"),
    "eased": ("sanctions", "exercise", "deployment"),
    "cancelled": ("summit", "talks", "exercise", "visit", "agreement", "inter_korean"),
    "agreed": ("summit", "talks", "visit", "inter_korean"),
    "released": ("detention",),
    "threatened": ("summit", "talks", "agreement"),
}


def speaks_for(p: Position, code: str, actors: Mapping[str, Actor]) -> bool:
    """The position is the country's own: the country, or one of its official actors."""
    if p.holder_kind == "country":
        return p.holder == code
    a = actors.get(p.holder)
    return a is not None and a.country == code and a.kind in OFFICIAL_KINDS


def moves_of(
    code: str,
    developments: Sequence[Development],
    positions: Sequence[Position],
    actors: Sequence[Actor],
) -> list[Move]:
    """The country's developments and its officials' stated positions, one move each.

    A development counts as the country's move only when its sentence tells it as one
    (book/moves.py, as for the judgement): a launch a development finder credits to the
    United States because "U.S. officials said" it failed is North Korea's, and read as
    America's it made the marker swing on nothing the country did."""
    by_id = {a.actor_id: a for a in actors}
    officials = official_countries(actors)
    out: dict[str, Move] = {}
    for d in developments:
        if d.actor != code or not d.kind or d.direction == 0:
            continue  # a "policy statement" points no way: its stated position may
        said = first_sentence(d.text)
        if own_move(said, code, officials) and not reacts_to(said, code):
            what = development_phrase(d)
            out.setdefault(what, Move(what, d.direction, tuple(d.article_ids)))
    for p in positions:
        if p.confidence < MIN_CONFIDENCE or not speaks_for(p, code, by_id):
            continue
        direction = issue_direction(p.issue) * (1 if p.stance > 0 else -1)
        if direction == 0:
            continue  # "demands or commits to denuclearization" points neither way
        ids = tuple(sorted({e.article_id for e in p.evidence}))
        out.setdefault(p.label, Move(p.label, direction, ids))
    return sorted(out.values(), key=lambda m: m.what)


# A verb by which a country reports or judges what happened, before the event's words:
# "China's U.N. ambassador told the Council that the missile launch was a flagrant
# violation" is China's reaction to the North's launch, not a Chinese launch.
_REACTS_RE = re.compile(
    r"\b(?:said|says|told|called|calls|condemned|condemns|denounced|criticized|criticised|"
    r"described|welcomed|warned|urged|reported|confirmed|detected|tracked|protested|"
    r"tweeted|wrote)\b"
)
# The country itself in the words just before the event ("said it would conduct a test").
_OWN_REF_RE = re.compile(r"\b(?:it|its|we|our|they|their|itself)\b", re.I)


def reacts_to(text: str, code: str) -> bool:
    """The sentence tells the country speaking of an event, not making it: a reporting
    verb comes before the event's words, and those words are not said of itself."""
    tag = classify(text)
    at = text.find(tag.trigger) if tag is not None and tag.trigger else -1
    verb = _REACTS_RE.search(text)
    if at < 0 or verb is None or verb.start() > at:
        return False
    near = text[verb.end() : at]
    own = _OWN_REF_RE.search(near[-40:]) or any(m[3] == code for m in country_matches(near))
    return not own


def _balance(moves: Sequence[Move]) -> float:
    return sum(m.direction for m in moves) / len(moves) if moves else 0.0


def _listed(moves: Sequence[Move]) -> str:
    """The moves in words: "none found", "only missile launch", "missile launch, threat"."""
    if not moves:
        return "none found"
    words = ", ".join(m.what for m in moves[:4])
    return f"only {words}" if len(moves) < MIN_MOVES else words


def _difference(now: Sequence[Move], before: Sequence[Move]) -> str:
    new = [m.what for m in now if m.what not in {b.what for b in before}]
    gone = [m.what for m in before if m.what not in {n.what for n in now}]
    parts = []
    if new:
        parts.append("new: " + ", ".join(new[:4]))
    if gone:
        parts.append("no longer reported: " + ", ".join(gone[:4]))
    return "; ".join(parts) or "the same as before: " + ", ".join(m.what for m in now[:4])


def trend(
    now: Sequence[Move], before: Sequence[Move] | None, before_label: str = "the previous period"
) -> tuple[str | None, str]:
    """(marker, one-line basis in words) for one country: what it did or stated in each
    period, never a count a reader cannot check."""
    if before is None:
        return None, "no earlier period to compare with"
    if len(now) < MIN_MOVES or len(before) < MIN_MOVES:
        return "insufficient", (
            "insufficient basis: too few actions or stated positions of its own that lean "
            f"toward escalation or engagement (this period: {_listed(now)}; {before_label}: "
            f"{_listed(before)})"
        )
    diff = _balance(now) - _balance(before)
    marker = (
        "deteriorated" if diff >= THRESHOLD else "improved" if diff <= -THRESHOLD else "unchanged"
    )
    lean = {
        "deteriorated": f"more escalation than in {before_label}",
        "improved": f"more engagement than in {before_label}",
        "unchanged": f"much the same balance as in {before_label}",
    }[marker]
    return marker, f"{lean}; {_difference(now, before)}"
