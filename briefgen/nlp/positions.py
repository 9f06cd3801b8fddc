"""Where each actor and each country stands on the tracked issues, with the words it rests on.

Each statement's stances come from the trained model in nlp/stance.py (per quotation,
direct, mixed or reported).  Here they are added up over a period:

- an actor's position on an issue is the side its statements of the period take, when
  they agree (three quarters of the weight on one side) and the result is confident
  enough to print; statements the text dates before the period ("said last year",
  "tweeted in October") do not count;
- a country's position comes from its official voices only (government, international
  body, state media): two or more of them on one side and none clearly on the other;
  one voice is that voice's position, never the country's "as a whole", and voices
  that split give a disagreement instead;
- a journalist, a paper's columnist or a press body (kind "media") holds no position on
  state policy: a press association objecting to reporters shut out of a meeting does
  not "favour talks";
- every position keeps the statements it rests on as evidence, strongest first: only
  statements that carry it on their own (the model reads that stance in those very words
  at CARRIES or above), so the words the brief cites say what the label says; a position
  no statement carries is no surer than its best statement, below what the brief prints;
- an official voice that says the other side in a statement of its own (at CARRIES) keeps
  its country from a position "as a whole" on that issue, even when that voice's own
  statements are too split to make a position: the brief shows no country-wide stance
  over its president's "talks are a waste of time";
- the holder check: a statement that opens with another country's voice saying or
  wanting ("Trump said it was good news ...", from Seoul) is that voice's stance, not its
  speaker's, and counts for neither; nor does one whose resolved speaker the sentence
  argues against by naming another actor before it (nlp/relayed.py).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from briefgen.knowledge.issues import get_issue
from briefgen.model import (
    NO_POSITION_KINDS,
    OFFICIAL_KINDS,
    Actor,
    Evidence,
    Position,
    Quote,
    Stance,
)
from briefgen.nlp.relayed import Relays

# An actor's stance needs this share of its statements' weight on one side.
AGREEMENT = 0.75
# A country's position needs this many distinct official voices on its side.
COUNTRY_VOICES = 2
MAX_EVIDENCE = 5
# A statement read at this confidence says the stance in its own words: it may be cited
# for a position and, from an official voice, it stops the other side being the country's.
CARRIES = 0.6


@dataclass
class _Tally:
    weight: dict[int, float] = field(default_factory=lambda: {1: 0.0, -1: 0.0})
    items: list[tuple[float, int, Quote]] = field(default_factory=list)


def _in_period(q: Quote, since: date | None, until: date | None) -> bool:
    if q.earlier:
        return False
    if q.said_on is None:
        return True
    return (since is None or q.said_on >= since) and (until is None or q.said_on <= until)


def actor_positions(
    quotes: Iterable[Quote],
    actors: Sequence[Actor],
    since: date | None = None,
    until: date | None = None,
) -> list[Position]:
    """Each actor's position per issue from the stances of its statements in the period."""
    by_id = {a.actor_id: a for a in actors}
    relays = Relays(actors)
    tallies: dict[tuple[str, str], _Tally] = {}
    for q in quotes:
        if q.actor_id is None or not q.stances or not _in_period(q, since, until):
            continue
        if q.actor_id in by_id and by_id[q.actor_id].kind in NO_POSITION_KINDS:
            continue
        if relays.relays(q.text, _country(q, by_id)) or relays.other_named(q):
            continue  # another's voice relayed, or a pronoun the sentence gives another
        for st in q.stances:
            t = tallies.setdefault((q.actor_id, st.issue), _Tally())
            t.weight[st.stance] += st.confidence
            t.items.append((st.confidence, st.stance, q))
    out: list[Position] = []
    for (holder, issue), t in sorted(tallies.items()):
        total = t.weight[1] + t.weight[-1]
        side = 1 if t.weight[1] >= t.weight[-1] else -1
        agreement = t.weight[side] / total if total else 0.0
        if agreement < AGREEMENT:
            continue
        agreeing = sorted((x for x in t.items if x[1] == side), key=lambda x: -x[0])
        # each agreeing statement is evidence on its own (noisy-or); dissent takes away
        doubt = 1.0
        for conf, _, _ in agreeing:
            doubt *= 1 - conf
        confidence = round(agreement * (1 - doubt), 3)
        carriers = [x for x in agreeing if x[0] >= CARRIES]
        if not carriers:  # no words of its own say it: never printed, exports keep it
            confidence = min(confidence, round(agreeing[0][0], 3))
        actor = by_id.get(holder)
        country = actor.country if actor else None
        out.append(
            Position(
                holder=holder,
                holder_kind="actor",
                issue=issue,
                stance=side,
                label=get_issue(issue).label(side, country),
                country=country,
                evidence=_evidence(q for _, _, q in (carriers or agreeing)),
                confidence=confidence,
            )
        )
    return out


def _country(q: Quote, by_id: dict[str, Actor]) -> str | None:
    """The speaker's country: its actor's, else the statement's."""
    a = by_id.get(q.actor_id or "")
    return a.country if a is not None and a.country else q.country


def _evidence(quotes: Iterable[Quote]) -> list[Evidence]:
    out: list[Evidence] = []
    seen: set[str] = set()
    for q in quotes:
        text = " ".join(q.text.split())
        if text in seen:
            continue
        seen.add(text)
        out.append(Evidence(q.article_id, text, q.quote_id))
        if len(out) >= MAX_EVIDENCE:
            break
    return out


def official_statements(
    quotes: Iterable[Quote],
    actors: Sequence[Actor],
    since: date | None = None,
    until: date | None = None,
) -> list[tuple[Quote, Stance]]:
    """Each stance an official voice says in a statement of its own this period (read at
    CARRIES), with that statement: what may stop, or split, its country's position."""
    kinds = {a.actor_id: a.kind for a in actors}
    relays = Relays(actors)
    out: list[tuple[Quote, Stance]] = []
    for q in quotes:
        if q.country is None or kinds.get(q.actor_id or "") not in OFFICIAL_KINDS:
            continue
        if relays.relays(q.text, q.country) or relays.other_named(q):
            continue
        if _in_period(q, since, until):
            out += [(q, s) for s in q.stances if s.confidence >= CARRIES]
    return out


def official_dissent(
    quotes: Iterable[Quote],
    actors: Sequence[Actor],
    since: date | None = None,
    until: date | None = None,
) -> set[tuple[str, str, int]]:
    """(country, issue, side) that some official voice of the country says in a statement
    of its own this period: the country is not "as a whole" against it."""
    return {
        (q.country or "", s.issue, s.stance)
        for q, s in official_statements(quotes, actors, since, until)
    }


def country_positions(
    positions: Sequence[Position],
    actors: Sequence[Actor],
    dissent: Collection[tuple[str, str, int]] = (),
) -> list[Position]:
    """A country's (or body's) position per issue, from two or more of its official voices
    clearly on one side (confident enough to print) with none clearly on the other, and no
    official statement of the other side in `dissent` (see official_dissent)."""
    by_id = {a.actor_id: a for a in actors}
    show = show_confidence()
    groups: dict[tuple[str, str], list[Position]] = {}
    for p in positions:
        a = by_id.get(p.holder)
        if p.holder_kind != "actor" or a is None or a.country is None:
            continue
        if a.kind not in OFFICIAL_KINDS:
            continue
        groups.setdefault((a.country, p.issue), []).append(p)
    out: list[Position] = []
    for (code, issue), ps in sorted(groups.items()):
        clear = [p for p in ps if p.confidence >= show]
        sides = {p.stance for p in clear}
        if len(sides) != 1:
            continue  # silent, or split: disagreements() shows a split
        side = sides.pop()
        if (code, issue, -side) in dissent:
            continue  # an official voice said the other side: no country-wide stance
        voices = [p for p in clear if p.stance == side]
        if distinct_voices(voices, by_id) < COUNTRY_VOICES:
            continue  # one voice under two names ("Trump", "Donald Trump") is still one
        voices.sort(key=lambda p: -p.confidence)
        out.append(
            Position(
                holder=code,
                holder_kind="country",
                issue=issue,
                stance=side,
                label=get_issue(issue).label(side, code),
                country=code,
                evidence=[e for p in voices for e in p.evidence][:MAX_EVIDENCE],
                confidence=round(sum(p.confidence for p in voices) / len(voices), 3),
            )
        )
    return out


def _name_words(a: Actor | None, holder: str) -> list[frozenset[str]]:
    """The word sets of an actor's name and aliases ("donald", "trump")."""
    names = [a.name, *a.aliases] if a is not None else [holder]
    return [frozenset(re.findall(r"[a-z0-9]+", n.lower().replace("-", " "))) for n in names]


def _same_voice(a: Position, b: Position, by_id: dict[str, Actor]) -> bool:
    """Two holders are one voice when one's name is part of the other's ("Trump" and
    "Donald Trump", both named) or their positions rest on the same words."""
    if {e.text for e in a.evidence} & {e.text for e in b.evidence}:
        return True
    xa, xb = by_id.get(a.holder), by_id.get(b.holder)
    if xa is None or xb is None or not (xa.name[:1].isupper() and xb.name[:1].isupper()):
        return False
    return any(
        wa and wb and (wa <= wb or wb <= wa)
        for wa in _name_words(xa, a.holder)
        for wb in _name_words(xb, b.holder)
    )


def distinct_voices(voices: Sequence[Position], by_id: dict[str, Actor]) -> int:
    """How many different voices hold these positions (one person under several names,
    or several holders of the same quoted words, count once)."""
    groups: list[list[Position]] = []
    for p in voices:
        joined = [g for g in groups if any(_same_voice(p, q, by_id) for q in g)]
        merged = [p] + [q for g in joined for q in g]
        groups = [g for g in groups if g not in joined] + [merged]
    return len(groups)


def derive_positions(
    quotes: Sequence[Quote],
    actors: Sequence[Actor],
    since: date | None = None,
    until: date | None = None,
) -> list[Position]:
    """Actor positions, then the country positions their official voices support."""

    acts = actor_positions(quotes, actors, since, until)
    countries = country_positions(acts, actors, official_dissent(quotes, actors, since, until))
    return acts + countries if countries else acts


def show_confidence() -> float:
    """Positions below this confidence are not printed in the brief (exports keep them):
    the threshold benchmarks/train_stance.py chose for a precision of 0.9.  Rounded to
    the 3 decimals of a position's confidence: the model stores it as float32, and 0.87
    read back is 0.8700000048, above a position of 0.870 the grid counted as printed."""
    from briefgen.nlp.stance import StanceModel

    return round(float(StanceModel.load().a.get("show", 0.8)), 3)


def signed(p: Position) -> float:
    """The position as one number, -1..1: its side times how sure it is."""
    return p.stance * p.confidence


def disagreements(
    positions: Sequence[Position], min_confidence: float | None = None
) -> list[tuple[Position, Position]]:
    """Pairs on opposite sides of one issue: two voices of one country, or two countries.

    Both sides must be confident; a country-named speaker ("China said") is one of the
    country's voices like any other.  Most confident split first.
    """
    floor = show_confidence() if min_confidence is None else min_confidence
    ps = [p for p in positions if p.confidence >= floor]
    out: list[tuple[float, Position, Position]] = []
    for i, a in enumerate(ps):
        for b in ps[i + 1 :]:
            if a.issue != b.issue or a.holder == b.holder or a.holder_kind != b.holder_kind:
                continue
            if a.stance == b.stance:
                continue
            if a.holder_kind == "actor" and (a.country is None or a.country != b.country):
                continue
            out.append((min(a.confidence, b.confidence), a, b))
    out.sort(key=lambda x: -x[0])
    return [(a, b) for _, a, b in out]
