"""Contradictions between actors: position pairs with opposite stances on one issue.

Split from questions.py (issue 14's size limit): the pairing rules and the line a
contradiction reads as.  A country is never "contradicted" by its own government (one
side read two ways), and a label that says two things is no side.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from briefgen.knowledge.countries import country_matches, country_name
from briefgen.knowledge.events import issue_direction
from briefgen.knowledge.issues import issue_name
from briefgen.knowledge.roles import load_roles
from briefgen.model import Actor, Article, Position, Quote, Statement
from briefgen.nlp.positions import disagreements


def holder_name(p: Position, actors: Mapping[str, Actor]) -> str:
    if p.holder_kind == "actor" and p.holder in actors:
        a = actors[p.holder]
        return a.name
    return country_name(p.holder)


_ADJ_LABEL_RE = re.compile(
    r"^(?:sceptical|skeptical|opposed|open|ready|wary|cautious|willing|unwilling|against|"
    r"for|in favour|in favor|keen|reluctant|committed|hostile|supportive|critical|undecided)\b"
)


def _predicate(label: str) -> str:
    """Position labels read after a name: "sceptical of talks" needs an "is"."""
    return f"is {label}" if _ADJ_LABEL_RE.match(label) else label


def contradiction_statement(
    a: Position, b: Position, actors: Mapping[str, Actor], cite: Callable[[str], int | None]
) -> Statement:
    nums = sorted({n for p in (a, b) for e in p.evidence if (n := cite(e.article_id)) is not None})
    text = (
        f"{holder_name(a, actors)} {_predicate(a.label)}, while {holder_name(b, actors)} "
        f"{_predicate(b.label)}: "
        f"watch which line prevails on {issue_name(a.issue)}."
    )
    basis = " / ".join(e.text for p in (a, b) for e in p.evidence[:1])
    return Statement(text=text, cites=nums, kind="contradiction", basis=basis)


def presentable_holder(p: Position, actors: Mapping[str, Actor]) -> bool:
    """A country, or an actor with a proper name ("James Mattis", not "an US ambassador")."""
    if p.holder_kind == "country" or p.holder not in actors:
        return p.holder_kind == "country"
    name = actors[p.holder].name.strip()
    return bool(name[:1].isupper()) and name.split()[0] not in ("A", "An", "The")


def _holder_country(p: Position, actors: Mapping[str, Actor]) -> str | None:
    if p.holder_kind == "country":
        return p.holder
    a = actors.get(p.holder)
    return (a.country if a else None) or p.country


def _own_side(a: Position, b: Position, actors: Mapping[str, Actor]) -> bool:
    """A country against one of its own officials ("Kim Jong Un demands or commits to
    denuclearization, while North Korean government refuses…"): the country's stance is
    read from its officials' words, so the two are one side read two ways, not a
    contradiction between actors.  Two named officials of one country may still differ;
    its state media against one of them is the state read two ways too (train 2017-W32:
    "Global Times threatens or keeps open military action, while Wang Yi warns against
    military action" set the Global Times' "if the U.S. launches a strike first, China
    will intervene" against the minister's call for calm)."""
    if not (_as_country(a, actors) or _as_country(b, actors) or _press(a, b, actors)):
        return False
    return _holder_country(a, actors) == _holder_country(b, actors)


def _press(a: Position, b: Position, actors: Mapping[str, Actor]) -> bool:
    """One side is the state media of a country (actor kind 'state-media')."""
    return any((x := actors.get(p.holder)) is not None and x.kind == "state-media" for p in (a, b))


_STATE_WORDS = {"government", "regime", "administration", "authorities", "state", "leadership"}


def _as_country(p: Position, actors: Mapping[str, Actor]) -> bool:
    """The holder is the country itself: the country, or an actor named as its government
    ("North Korean government", "the Chinese regime")."""
    if p.holder_kind == "country":
        return True
    a = actors.get(p.holder)
    if a is None or not a.country:
        return False
    if a.name == country_name(a.country):
        return True
    # "North Korean government" is the state; "White House" or "Pentagon" is an organ of
    # it, whose line may differ from another official's.
    rest = a.name
    for start, end, _, code in reversed(country_matches(a.name)):
        if code == a.country:
            rest = rest[:start] + rest[end:]
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", rest)} - {"the"}
    return bool(words) and words <= _STATE_WORDS


def _two_ways(p: Position) -> bool:
    """A label that cannot say which of two it was ("demands or commits to
    denuclearization") is no side of a contradiction: 'North Korea refuses to give up
    nuclear weapons, while the United States demands or commits to denuclearization' was
    judged weak, the standing quarrel read as the period's.  Only on an issue whose sides
    point no way (data/issues.yaml): "rejects or doubts talks now" says one thing."""
    return " or " in p.label and issue_direction(p.issue) == 0


def contradictions(
    positions: Sequence[Position],
    actors: Mapping[str, Actor],
    cite: Callable[[str], int | None],
    involving: set[str] | None = None,
) -> list[Statement]:
    """Opposite stances on one issue: between countries first, each holder named once.

    `involving`: only pairs where one side is one of these holders (a country section).
    """
    pairs = [
        (a, b)
        for a, b in disagreements(positions)
        if presentable_holder(a, actors)
        and presentable_holder(b, actors)
        and not _own_side(a, b, actors)
        and not _two_ways(a)
        and not _two_ways(b)
        and (involving is None or a.holder in involving or b.holder in involving)
    ]
    pairs.sort(
        key=lambda ab: (
            _holder_country(ab[0], actors) == _holder_country(ab[1], actors),
            -abs(ab[0].stance * ab[0].confidence - ab[1].stance * ab[1].confidence),
            -len(ab[0].evidence) - len(ab[1].evidence),
            ab[0].issue,
            ab[0].holder,
            ab[1].holder,
        )
    )
    out = []
    seen_holders: set[str] = set()
    for a, b in pairs:
        if a.holder in seen_holders or b.holder in seen_holders:
            continue
        seen_holders |= {a.holder, b.holder}
        out.append(contradiction_statement(a, b, actors, cite))
    return out


def _last_said(p: Position, quotes: Mapping[str, Quote], days: Mapping[str, date]) -> date | None:
    """The latest day the position was stated: its quotation's own day, else its article's."""
    found = [
        d
        for e in p.evidence
        if (
            d := (q.said_on if (q := quotes.get(e.quote_id or "")) else None)
            or days.get(e.article_id)
        )
    ]
    return max(found, default=None)


def _government_line(p: Position, actors: Mapping[str, Actor]) -> bool:
    """The position is the government's own act or line: the country, its government, its
    head ('President', 'leader': roles.yaml single_offices) or the head's office ('White
    House'), not one of its ministers or a legislator."""
    return _as_country(p, actors) or _head(actors.get(p.holder))


def _head(a: Actor | None) -> bool:
    """The actor is a government's head or the head's office."""
    if a is None or a.kind != "government":
        return False
    roles = load_roles()
    return (a.role or "").lower() in roles.single_offices or a.name in roles.institution_names


# The governments' own lines: (issue, stance, country) -> the latest day one was stated.
Lines = dict[tuple[str, int, str | None], date]


def _government_lines(
    positions: Sequence[Position],
    actors: Mapping[str, Actor],
    quotes: Mapping[str, Quote],
    days: Mapping[str, date],
) -> Lines:
    """The positions that are a government's own line (_government_line), each line by
    the last day it was stated: what _overtaken asks, looked up rather than searched for
    every statement of the period (a whole-corpus brief has thousands of each)."""
    lines: Lines = {}
    for p in positions:
        if _government_line(p, actors) and (day := _last_said(p, quotes, days)) is not None:
            key = (p.issue, p.stance, _holder_country(p, actors))
            if key not in lines or day > lines[key]:
                lines[key] = day
    return lines


def _overtaken(issue: str, stance: int, country: str | None, day: date, lines: Lines) -> bool:
    """Did the country's own line go the other way on the issue on a later day?"""
    latest = lines.get((issue, -stance, country))
    return latest is not None and latest > day


def current_positions(
    positions: Sequence[Position],
    actors: Mapping[str, Actor],
    quotes: Sequence[Quote],
    articles: Sequence[Article],
) -> list[Position]:
    """Positions not overtaken within the period: an official's line is no side of a
    contradiction once the same government's own line (its head, its head's office, the
    state) went the other way on the issue on a later day.  Tillerson's 'we're a long way
    from negotiations' on the morning of 8 March 2018 was printed against Trump's favour
    for talks as an open question, though Trump accepted Kim's invitation that evening and
    the White House stood by it for the rest of the week."""
    by_quote = {q.quote_id: q for q in quotes}
    days = _days(articles)
    lines = _government_lines(positions, actors, by_quote, days)

    def overtaken(p: Position) -> bool:
        day, country = _last_said(p, by_quote, days), _holder_country(p, actors)
        a = actors.get(p.holder)
        if day is None or country is None or a is None or a.kind != "government":
            return False  # a legislator's or a commentator's line is none of the government's
        if _government_line(p, actors):
            return False
        return _overtaken(p.issue, p.stance, country, day, lines)

    return [p for p in positions if not overtaken(p)]


def _days(articles: Sequence[Article]) -> dict[str, date]:
    return {a.article_id: a.published for a in articles if a.published is not None}


def current_quotes(
    quotes: Sequence[Quote],
    positions: Sequence[Position],
    actors: Mapping[str, Actor],
    articles: Sequence[Article],
) -> list[Quote]:
    """The quotations with the stances the same government's later line overtook taken
    off (current_positions, for an official's single statement: book/voicesplits.py sets
    one beside a printed position, and 'Its officials differ on talks: Donald Trump favours
    talks now, while Rex Tillerson said "…we're a long way from negotiations…"' came back
    as the split of 2018-W10 once the contradiction was gone)."""
    days = _days(articles)
    lines = _government_lines(positions, actors, {q.quote_id: q for q in quotes}, days)
    out = []
    for q in quotes:
        day = q.said_on or days.get(q.article_id)
        a = actors.get(q.actor_id or "")
        if day is None or not q.stances or a is None or a.kind != "government" or _head(a):
            out.append(q)
            continue
        kept = [s for s in q.stances if not _overtaken(s.issue, s.stance, q.country, day, lines)]
        out.append(q if len(kept) == len(q.stances) else replace(q, stances=kept))
    return out
