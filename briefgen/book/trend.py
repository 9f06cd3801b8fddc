"""Trend marker per country: what it did and said this period against the period before.

A country's *moves* are its developments (a launch, sanctions imposed, talks offered:
data/events.yaml says which way each points) and the stated positions of its own
officials (supporting sanctions escalates, supporting talks engages).  The marker
compares the balance of the two periods and says the basis in words a reader can check:
"new: missile launch, threat; no longer: offer of talks".  With fewer than
`MIN_MOVES` moves in either period it says so ("insufficient"), instead of reading a
trend into one or two lines.  No comparison period at all gives no marker.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefgen.book.moves import own_move
from briefgen.book.sentences import first_sentence
from briefgen.book.summarize import official_countries
from briefgen.knowledge.events import issue_direction, kind_label
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
    return f"{label} {d.action}"


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
        if d.actor == code and d.kind and own_move(first_sentence(d.text), code, officials):
            what = development_phrase(d)
            out.setdefault(what, Move(what, d.direction, tuple(d.article_ids)))
    for p in positions:
        if p.confidence < MIN_CONFIDENCE or not speaks_for(p, code, by_id):
            continue
        direction = issue_direction(p.issue) * (1 if p.stance > 0 else -1)
        ids = tuple(sorted({e.article_id for e in p.evidence}))
        out.setdefault(p.label, Move(p.label, direction, ids))
    return sorted(out.values(), key=lambda m: m.what)


def _balance(moves: Sequence[Move]) -> float:
    return sum(m.direction for m in moves) / len(moves) if moves else 0.0


def _count(n: int) -> str:
    return f"{n} move{'' if n == 1 else 's'}"


def _difference(now: Sequence[Move], before: Sequence[Move]) -> str:
    new = [m.what for m in now if m.what not in {b.what for b in before}]
    gone = [m.what for m in before if m.what not in {n.what for n in now}]
    parts = []
    if new:
        parts.append("new: " + ", ".join(new[:4]))
    if gone:
        parts.append("no longer: " + ", ".join(gone[:4]))
    return "; ".join(parts) or "the same moves as before: " + ", ".join(m.what for m in now[:4])


def trend(
    now: Sequence[Move], before: Sequence[Move] | None, before_label: str = "the previous period"
) -> tuple[str | None, str]:
    """(marker, one-line basis in words) for one country."""
    if before is None:
        return None, "no earlier period to compare with"
    if len(now) < MIN_MOVES or len(before) < MIN_MOVES:
        said = f"; this period: {', '.join(m.what for m in now[:4])}" if now else ""
        return "insufficient", (
            f"insufficient basis: {_count(len(now))} this period, {_count(len(before))} in "
            f"{before_label} ({MIN_MOVES} needed in each){said}"
        )
    diff = _balance(now) - _balance(before)
    marker = (
        "deteriorated" if diff >= THRESHOLD else "improved" if diff <= -THRESHOLD else "unchanged"
    )
    return marker, (
        f"{_difference(now, before)} ({_count(len(now))} this period, "
        f"{_count(len(before))} in {before_label})"
    )
