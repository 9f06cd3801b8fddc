"""The trend marker and its basis in words, from a country's moves (book/trend.py reads
them from developments, positions and sentences).  Split from trend.py (issue 14's size
limit).

The basis is said in words a reader can check, each move with the way it leans: "more
escalation than in 2017-W26; new: missile launch (escalation); no longer reported: talks
offered (engagement)".  The marker "insufficient" only when nothing of the country's own
is reported this period; a marker of change only on a basis of several moves in both
periods that clearly moved (MIN_BASIS, MARGIN, SHIFT), else "no clear change" or
"insufficient basis for a trend", with what is new and what is no longer reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

# Change in the balance (mean direction, -1..+1) that moves the marker.
THRESHOLD = 0.5
# This period's basis when the section states the country's line but nothing of it is a
# kind of development or a position that leans: a basis, no lean.
STATED = "the judgement's statement"
# Leaning moves each period needs before a marker is given: one or two acts are no trend
# (judges read "improved" for the US in a week of its warnings, on 1 escalating and 2
# engaging moves against 2 and 1 the week before; regrouping the developments had dropped
# two of its escalating acts).
MIN_BASIS = 3
MIN_BASIS_BEFORE = 3
# A thin basis reads "unchanged" only when both periods have this many leaning moves and
# the fuller has at most THIN_RATIO times the thinner's (_alike).
THIN_LEAST = MIN_BASIS - 1
THIN_RATIO = 2
# A period leans one way when its escalating and engaging moves differ by this many (and
# by a third of its leaning moves), and a marker of change needs its lean to have moved by
# SHIFT moves: what two acts regrouped, added or dropped could undo is no marker.
MARGIN = 2
LEAN_SHARE = 1 / 3
SHIFT = 3
Cite = Callable[[str], "int | None"]


@dataclass(frozen=True)
class Move:
    """One thing a country did or said, and which way it points (+1 escalates)."""

    what: str
    direction: int
    article_ids: tuple[str, ...] = ()
    # Words, not an act: a stated position or what it said may come.  A marker that only
    # words bear out is not given against the period's acts and events (trend()).
    said: bool = False
    # How the basis prints it, when `what` (the key two periods are compared on) says
    # less: "threatened missile launch" for the key "threat".
    words: str = ""
    # Distinct acts of this kind in the period (one a day, book/trend.py moves_of): two
    # launches on two days are two moves, one launch in three articles is one.
    acts: int = 1

    @property
    def shown(self) -> str:
        return self.words or self.what


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


def _weight(moves: Sequence[Move]) -> int:
    """How many leaning acts and statements the moves stand for (Move.acts)."""
    return sum(m.acts for m in _leaning(moves))


def _balance(moves: Sequence[Move]) -> float:
    lean = _leaning(moves)
    return sum(m.direction * m.acts for m in lean) / _weight(lean) if lean else 0.0


def _way(direction: float) -> str:
    return "escalation" if direction > 0 else "engagement" if direction < 0 else "neither way"


def _named(m: Move, cite: Cite | None) -> str:
    """ "missile launch [3]", "stated: favours talks now [2, 5]": the move, whether it
    was an act or words, and the sources a reader can check it in."""
    nums = sorted({n for a in m.article_ids if cite and (n := cite(a)) is not None})
    where = f" [{', '.join(map(str, nums[:3]))}]" if nums else ""
    said = "stated: " if m.said and not m.what.startswith("said ") else ""
    return f"{said}{m.shown}{where}"


def _tagged(moves: Sequence[Move], limit: int = 4, cite: Cite | None = None) -> str:
    """ "missile launch (escalation), talks offered (engagement)"."""
    return ", ".join(f"{_named(m, cite)} ({_way(m.direction)})" for m in moves[:limit])


def _lean_words(moves: Sequence[Move], cite: Cite | None = None) -> str:
    """What this period's moves lean toward, with the moves: a reader can check it."""
    b = _balance(moves)
    lean = _leaning(moves)
    if not lean:
        words = ", ".join(_named(m, cite) for m in moves[:4] if m.what != STATED)
        seen = f" (its own: {words})" if words else ""
        return f"leans neither way{seen}"
    toward = "both ways" if b == 0 else f"toward {_way(b)}"
    first = [m for m in lean if m.direction * b >= 0]  # the way it leans first, then the other
    rest = [m for m in lean if m.direction * b < 0]
    return f"leans {toward}: {_tagged(first[:3] + rest[:2], 5, cite)}"


def _count(moves: Sequence[Move], lead: str = "") -> str:
    """ "3 toward escalation, 1 toward engagement"; with `lead` after the first number
    ("3 of its acts and statements lean toward escalation, ...")."""
    esc = sum(m.acts for m in moves if m.direction > 0)
    eng = sum(m.acts for m in moves if m.direction < 0)
    counts = [(n, way) for n, way in ((esc, "escalation"), (eng, "engagement")) if n]
    parts = [f"{n} {lead if i == 0 else ''}toward {way}" for i, (n, way) in enumerate(counts)]
    return ", ".join(parts) or "none leaning either way"


def _new_and_gone(now: Sequence[Move], before: Sequence[Move]) -> tuple[list[Move], list[Move]]:
    """The leaning moves of this period not in the earlier one, and the reverse."""
    new = [m for m in _leaning(now) if m.what not in {b.what for b in before}]
    gone = [m for m in _leaning(before) if m.what not in {n.what for n in now}]
    return new, gone


def _difference(
    now: Sequence[Move], new: Sequence[Move], gone: Sequence[Move], cite: Cite | None = None
) -> str:
    parts = []
    if new:
        parts.append("new: " + _tagged(new, cite=cite))
    if gone:
        parts.append("no longer reported: " + _tagged(gone))
    return "; ".join(parts) or "the same as before: " + _tagged(_leaning(now), cite=cite)


def trend(
    now: Sequence[Move],
    before: Sequence[Move] | None,
    before_label: str = "the previous period",
    main: Sequence[Move] = (),
    cite: Cite | None = None,
    events: Sequence[int] = (),
) -> tuple[str | None, str]:
    """(marker, one-line basis in words) for one country.

    "insufficient" only when nothing of the country's own is reported this period.  A
    marker needs MIN_BASIS leaning moves in both periods (else "insufficient basis for a
    trend", with what is new and what is no longer reported), and goes only the way its
    basis clearly shows (_clear): "deteriorated" when this period clearly leans toward
    escalation, its lean moved that way by SHIFT moves and something new escalates or an
    engagement is no longer reported (the mirror for "improved"); "unchanged" when both
    periods clearly lean the same way.  Otherwise "no clear change", with the counts and
    what is new and gone.  Without a comparison the basis still says which way this
    period leans, with no marker.  `main`: the moves of the section's judgement (the
    country's main move); a marker it goes against is not given.  `events`: the
    directions of the period's developments that involve the country (its own or done to
    it); with its own acts, a marker its words alone bear out is not given against them
    ("improved" on one side's words in a week of launches and sanctions).  `cite`: source
    numbers of the moves' articles, shown beside each move."""
    if not now:
        return "insufficient", (
            "insufficient basis: no action or stated position of its own is reported this period"
        )
    words = _lean_words(now, cite)
    if before is None:
        return None, f"this period {words}; no earlier period to compare with"
    if not _leaning(now):
        return None, f"this period {words}"
    if not _leaning(before):
        return None, (
            f"this period {words}; {before_label} leans neither way, so there is nothing "
            "to compare with"
        )
    new, gone = _new_and_gone(now, before)
    change = _difference(now, new, gone, cite)
    counts = _both_counts(now, before, before_label)
    if _weight(now) < MIN_BASIS or _weight(before) < MIN_BASIS_BEFORE:
        way = _one_way(now)
        if way and way == _one_way(before) and _alike(now, before):
            # too thin a basis for a change, not for continuity: the week after the
            # summit, two engaging acts against two the week before read "insufficient
            # basis" to judges who saw engagement go on (allsides 2018-W19)
            return "unchanged", (
                f"still leans toward {_way(way)} as in {before_label}, on a thin basis "
                f"({counts}; a change needs {MIN_BASIS} acts or statements leaning one way "
                f"or the other in each period); {change}"
            )
        return None, (
            f"insufficient basis for a trend ({counts}; a marker needs {MIN_BASIS} acts or "
            f"statements leaning one way or the other in each period); {change}"
        )
    marker = _marker(now, before, new, gone)
    if marker is None:
        return None, f"no clear change ({counts}); {change}"
    now_b = _balance(now)
    held = None if marker == "unchanged" else _held_back(now, now_b, main, events, cite, words)
    if held is not None:
        return None, f"no clear change: {held}; {before_label} {_lean_words(before)}"
    lean = {
        "deteriorated": f"more escalation than in {before_label}",
        "improved": f"more engagement than in {before_label}",
        "unchanged": f"leans toward {_way(now_b)} as in {before_label}",
    }[marker]
    return marker, f"{lean} ({counts}); {change}"


def _alike(now: Sequence[Move], before: Sequence[Move]) -> bool:
    """Two thin periods are alike enough to call unchanged: the thinner has THIN_LEAST
    leaning moves (one short of MIN_BASIS) and the fuller at most THIN_RATIO times its
    count.  Judges read "unchanged, on a thin basis" right for two engaging acts against
    two (allsides 2018-W19) but wrong for three escalating acts against one (2017-W30):
    one act is no period's lean to continue, and tripling it is no continuity."""
    a, b = sorted((_weight(_leaning(now)), _weight(_leaning(before))))
    return a >= THIN_LEAST and b <= THIN_RATIO * a


def _one_way(moves: Sequence[Move]) -> int:
    """+1 (-1) when the period's leaning moves all escalate (engage) or it clearly leans
    that way (_clear); else 0: continuity on a thin basis needs no move the other way."""
    dirs = {m.direction for m in _leaning(moves)}
    if len(dirs) == 1:
        return dirs.pop()
    return _clear(moves)


def _net(moves: Sequence[Move]) -> int:
    """Escalating moves less engaging ones."""
    return sum(((m.direction > 0) - (m.direction < 0)) * m.acts for m in moves)


def _clear(moves: Sequence[Move]) -> int:
    """+1 (-1) when the period clearly leans toward escalation (engagement): by MARGIN
    moves and LEAN_SHARE of its leaning moves; else 0 (both ways, or too close to call)."""
    lean = _leaning(moves)
    net = _net(lean)
    if abs(net) < MARGIN or abs(net) < LEAN_SHARE * _weight(lean):
        return 0
    return 1 if net > 0 else -1


def _marker(
    now: Sequence[Move], before: Sequence[Move], new: Sequence[Move], gone: Sequence[Move]
) -> str | None:
    """The marker both periods' leaning moves bear out, or None (no clear change)."""
    way, was = _clear(now), _clear(before)
    shift = _net(_leaning(now)) - _net(_leaning(before))
    moved = _balance(now) - _balance(before)
    ways = {m.direction for m in new} | {-m.direction for m in gone}
    if way > 0 and shift >= SHIFT and moved >= THRESHOLD and 1 in ways:
        return "deteriorated"
    if way < 0 and shift <= -SHIFT and moved <= -THRESHOLD and -1 in ways:
        return "improved"
    if way and way == was:
        return "unchanged"  # it clearly leans the way it clearly leaned
    return None


def _both_counts(now: Sequence[Move], before: Sequence[Move], before_label: str) -> str:
    """ "this period 2 of its acts and statements lean toward escalation; in 2017-W37, 1
    toward escalation"."""
    this = _count(_leaning(now), "of its acts and statements lean ")
    return f"this period {this}; in {before_label}, {_count(_leaning(before))}"


def _held_back(
    now: Sequence[Move],
    now_b: float,
    main: Sequence[Move],
    events: Sequence[int],
    cite: Cite | None,
    words: str,
) -> str | None:
    """Why a marker that way (now_b's sign) is not given, with this period's moves
    (`words`), or None: the country's main move (the judgement's) goes the other way
    ("deteriorated" the week it agreed to a summit would contradict its own section),
    or only its words bear the marker out while its acts and the period's events
    involving it lean the other way."""
    against = [m for m in _leaning(main) if m.direction * now_b < 0]
    if against:
        main_move = _tagged(against[:1], cite=cite)
        return f"this period {words}, but its main move, {main_move}, goes the other way"
    acts = [m.direction for m in _leaning(now) if not m.said] + [e for e in events if e]
    acts_b = sum(acts) / len(acts) if acts else 0.0
    if acts_b * now_b < 0:
        return (
            f"its words lean toward {_way(now_b)} but the period's acts and events "
            f"involving it lean toward {_way(acts_b)} ({_count_dirs(acts)}); this period "
            f"{words}"
        )
    return None


def _count_dirs(directions: Sequence[int]) -> str:
    return _count([Move("", d) for d in directions])
