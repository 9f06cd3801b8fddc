"""The trend marker and its basis in words, from a country's moves (book/trend.py reads
them from developments, positions and sentences).  Split from trend.py (issue 14's size
limit).

The basis is said in words a reader can check, each move with the way it leans: "more
escalation than in 2017-W26; new: missile launch (escalation); no longer reported: talks
offered (engagement)".  "insufficient basis" only when nothing of the country's own is
reported this period; the previous period is compared with only when it has moves that
lean one way too, and the marker goes only the way its basis shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Change in the balance (mean direction, -1..+1) that moves the marker.
THRESHOLD = 0.5
# This period's basis when the section states the country's line but nothing of it is a
# kind of development or a position that leans: a basis, no lean.
STATED = "the judgement's statement"


@dataclass(frozen=True)
class Move:
    """One thing a country did or said, and which way it points (+1 escalates)."""

    what: str
    direction: int
    article_ids: tuple[str, ...] = ()


def fullest(moves: Iterable[Move]) -> list[Move]:
    """Without "sanctions" beside "sanctions imposed" (one act, said with and without
    what happened to it)."""
    ms = list(moves)
    kept = [
        m
        for m in ms
        if not any(o.what.startswith(m.what + " ") and o.direction == m.direction for o in ms)
    ]
    return sorted(kept, key=lambda m: m.what)


def merged(*lists: Sequence[Move]) -> list[Move]:
    """One move per thing done or said, the first list's first."""
    out: dict[str, Move] = {}
    for moves in lists:
        for m in moves:
            out.setdefault(m.what, m)
    return fullest(out.values())


def _leaning(moves: Sequence[Move]) -> list[Move]:
    return [m for m in moves if m.direction]


def _balance(moves: Sequence[Move]) -> float:
    lean = _leaning(moves)
    return sum(m.direction for m in lean) / len(lean) if lean else 0.0


def _way(direction: float) -> str:
    return "escalation" if direction > 0 else "engagement" if direction < 0 else "neither way"


def _tagged(moves: Sequence[Move], limit: int = 4) -> str:
    """ "missile launch (escalation), talks offered (engagement)"."""
    return ", ".join(f"{m.what} ({_way(m.direction)})" for m in moves[:limit])


def _lean_words(moves: Sequence[Move]) -> str:
    """What this period's moves lean toward, with the moves: a reader can check it."""
    b = _balance(moves)
    lean = _leaning(moves)
    if not lean:
        words = ", ".join(m.what for m in moves[:4] if m.what != STATED)
        seen = f" ({words})" if words else ""
        return f"nothing of its own{seen} leans toward escalation or engagement"
    toward = "both ways" if b == 0 else f"toward {_way(b)}"
    first = [m for m in lean if m.direction * b >= 0]  # the way it leans first, then the other
    rest = [m for m in lean if m.direction * b < 0]
    return f"leans {toward}: {_tagged(first[:3] + rest[:2], 5)}"


def _new_and_gone(now: Sequence[Move], before: Sequence[Move]) -> tuple[list[Move], list[Move]]:
    """The leaning moves of this period not in the earlier one, and the reverse."""
    new = [m for m in _leaning(now) if m.what not in {b.what for b in before}]
    gone = [m for m in _leaning(before) if m.what not in {n.what for n in now}]
    return new, gone


def _difference(now: Sequence[Move], new: Sequence[Move], gone: Sequence[Move]) -> str:
    parts = []
    if new:
        parts.append("new: " + _tagged(new))
    if gone:
        parts.append("no longer reported: " + _tagged(gone))
    return "; ".join(parts) or "the same as before: " + _tagged(_leaning(now))


def trend(
    now: Sequence[Move],
    before: Sequence[Move] | None,
    before_label: str = "the previous period",
    main: Sequence[Move] = (),
) -> tuple[str | None, str]:
    """(marker, one-line basis in words) for one country.

    "insufficient" only when nothing of the country's own is reported this period; a
    marker only when both periods have moves that lean one way, and only the way its
    basis shows: "deteriorated" when the balance moved toward escalation and something
    new escalates or an engagement is no longer reported (and the mirror for
    "improved"), else "unchanged".  Without a comparison the basis still says which way
    this period leans, with no marker.  `main`: the moves of the section's judgement (the
    country's main move); a marker it goes against is not given."""
    if not now:
        return "insufficient", (
            "insufficient basis: no action or stated position of its own is reported this period"
        )
    if before is None:
        return None, f"this period {_lean_words(now)}; no earlier period to compare with"
    if not _leaning(now):
        return None, f"this period {_lean_words(now)}"
    if not _leaning(before):
        return None, (
            f"this period {_lean_words(now)}; nothing of its own in {before_label} leans "
            "either way to compare with"
        )
    now_b, before_b = _balance(now), _balance(before)
    diff = now_b - before_b
    new, gone = _new_and_gone(now, before)
    ways = {m.direction for m in new} | {-m.direction for m in gone}
    if diff >= THRESHOLD and now_b > 0 and 1 in ways:
        marker = "deteriorated"
    elif diff <= -THRESHOLD and now_b < 0 and -1 in ways:
        marker = "improved"
    elif now_b * before_b > 0:
        marker = "unchanged"  # it leans the way it leaned
    else:  # it leans both ways, or another way by too little: say so, with no marker
        return None, f"this period {_lean_words(now)}; {before_label} {_lean_words(before)}"
    against = [m for m in _leaning(main) if m.direction * now_b < 0]
    if marker != "unchanged" and against:
        # "deteriorated" the week the country agreed to a summit: its main move (the
        # judgement's) goes against the marker, which would contradict its own section
        return None, (
            f"this period {_lean_words(now)}, but its main move, {_tagged(against[:1])}, "
            f"goes the other way; {before_label} {_lean_words(before)}"
        )
    lean = {
        "deteriorated": f"more escalation than in {before_label}",
        "improved": f"more engagement than in {before_label}",
        "unchanged": f"leans toward {_way(now_b)} as in {before_label}",
    }[marker]
    return marker, f"{lean}; {_difference(now, new, gone)}"
