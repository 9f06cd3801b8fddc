"""The other party's side of an event a sentence tells as someone else's (issue 11).

A sentence opens on one doer, but some events have two parties, and the blind judges
struck a country's section that said "no action of its own" beside them:

- a meeting or a hosting is both parties' act: "Kim met with Chinese President Xi Jinping
  in China" is China's summit as much as the North's (allsides 2018-W19: "Xi hosted Kim");
- a release told in the passive is its agent's act: "three Americans freed by North
  Korea", "held in North Korea have been released", "released from North Korean custody"
  are the North's release, whoever's sentence tells it;
- a joint drill is each participant's (book/sharedacts.py): "two U.S. bombers joined
  counterparts from the South Korean and Japanese air forces" is Japan's drill too.

The sentence's own reading (book/trend.py) still decides whether the event happened in the
period; these only say that the country is a party to it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from briefgen.book.moves import opening, short_name_country
from briefgen.book.sentfacts import story_day
from briefgen.book.sharedacts import takes_part
from briefgen.knowledge.countries import country_matches
from briefgen.knowledge.dates import resolve_dates
from briefgen.knowledge.events import EventTag, event_kinds
from briefgen.knowledge.retold import retold_before
from briefgen.model import Evidence, Position

# The meeting verb of the sentence's main clause, near its opening ("Kim met with", "Xi
# hosted", "Moon held talks with"), and what comes before it: no relative clause or aside
# ("Kim, who met Xi in March, …" tells another act).
_MEET_RE = re.compile(
    r"\b(?:met|meets|hosted|hosts|welcomed|received|"
    r"held (?:talks|a summit|summit talks|a meeting) with|sat down with)\s+"
    r"(?:with\s+)?(?:the\s+)?"
)
_ASIDE_RE = re.compile(r",|\b(?:who|which|whom|had|has|have|will|would|to)\b", re.I)
# Words between the verb and the other party's name: a title, after the party's country
# ("Chinese President", "China's foreign minister", "leader").
_TITLE_RE = re.compile(
    r"^(?:(?P<nat>(?:the\s+)?(?:[A-Z][\w.]*\s+){0,1}[A-Z][\w.]*?)(?:[’']s)?\s+)?(?:top\s+|supreme\s+)?"
    r"(?:[Pp]resident|[Cc]hairman|[Ll]eader|[Pp]remier|[Pp]rime [Mm]inister|[Ff]oreign [Mm]inister|"
    r"[Ss]ecretary of [Ss]tate|[Mm]inister|[Ee]nvoy|[Dd]elegation|[Oo]fficials)\b\s*"
)


def meets_with(text: str, code: str, officials: Mapping[str, str]) -> bool:
    """The sentence's main clause tells a meeting or a hosting whose other party is the
    country (met_party).  `officials`: {name: country} of the period's officials."""
    return met_party(text, officials) == code


def met_party(text: str, officials: Mapping[str, str]) -> str | None:
    """The country of whom the main clause's subject met or hosted: an official named
    right after the meeting verb ("hosted Kim Jong Un") or by title after the country
    ("with Chinese President Xi Jinping", "with China's foreign minister").  A thing
    received ("received Chinese aid") is no meeting."""
    head = opening(text)
    m = _MEET_RE.search(head[:90])
    if m is None or _ASIDE_RE.search(head[: m.start()]):
        return None
    obj = head[m.end() : m.end() + 80]
    title = _TITLE_RE.match(obj)
    if title is not None and title.group("nat"):
        named = country_matches(title.group("nat"))
        if named:
            return named[0][3]
    if title is not None:
        obj = obj[title.end() :]
    whose = next(
        (
            c
            for n, c in officials.items()
            if obj.startswith(n) and not obj[len(n) : len(n) + 1].isalnum()
        ),
        None,
    )
    short = re.match(r"[A-Z][a-z]{1,2}\b", obj)
    return whose or (short_name_country(short.group(0), officials) if short else None)


def meeting_tag(head: str, officials: Mapping[str, str]) -> EventTag | None:
    """Talks, when the clause tells a meeting with another's official that
    data/events.yaml names no kind for ("Moon met Kim Jong Un in Pyeongchang", "Xi Jinping
    hosted Kim Jong Un"): a meeting of two countries' officials is engagement, on both
    sides (book/trend.py reads whether the clause is the country's own or its party's)."""
    m = _MEET_RE.search(opening(head)[:90])
    talks = next((k for k in event_kinds() if k.kind == "talks"), None)
    if m is None or talks is None or met_party(head, officials) is None:
        return None
    kind = (talks.kind, talks.family, talks.label, talks.weight, talks.direction)
    return EventTag(*kind, action="held", trigger=m.group(0).strip())


# A release word and where the freed were held, just before a country's name ("freed by
# North Korea", "released from North Korean custody", "held in North Korea").
_HELD_BY_RE = re.compile(
    r"\b(?P<what>held|detained|imprisoned|jailed|freed|released)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:in|by|from)\s+(?:(?:the|a|an)\s+)?$",
    re.I,
)
# Who is freed: people, not a statement or a video "released by the White House".
_FREED_RE = re.compile(
    r"\b(?:Americans?|prisoners?|detainees?|citizens?|nationals?|men|women|hostages?|"
    r"students?|missionar(?:y|ies)|crew|fishermen|sailors|abductees?|captives?|him|her|them|"
    r"they|three|two|four|five)\b",
    re.I,
)
# Background: a release told as an earlier one's ("the last American to be released",
# "who had been released").
_EARLIER_RE = re.compile(r"\b(?:to be|had been|had)\s+$", re.I)


def released_by(head: str, code: str) -> bool:
    """The clause tells a release whose agent is the country: the freed were held in or by
    it, or freed by or from it.  "Three Americans held in North Korea have been released"
    is the North's release (allsides 2018-W19), not an act of the country whose sentence
    tells it; "the last American to be released from North Korean custody" is an earlier
    one's."""
    for start, _, _, other in country_matches(head):
        if other != code:
            continue
        lead = head[max(0, start - 60) : start]
        m = _HELD_BY_RE.search(lead)
        if m is None or not _FREED_RE.search(head[max(0, start - 120) : start]):
            continue
        if not _EARLIER_RE.search(lead[: m.start("what")]):
            return True
    return False


def party_to(text: str, code: str, officials: Mapping[str, str]) -> bool:
    """The sentence, not opening on the country, tells an event it is a party to: a
    meeting with it, a release it made or a joint drill it took part in (meets_with,
    released_by, takes_part)."""
    return (
        meets_with(text, code, officials)
        or released_by(text, code)
        or takes_part(opening(text), code)
    )


# The kinds of event a meeting is told as.
_MEETING_KINDS = frozenset({"summit", "talks", "visit"})
# The kinds of event a joint act of forces is told as ("bilateral missions" of bombers).
_JOINT_KINDS = frozenset({"exercise", "deployment"})


def party_event(
    kind: str, action: str, head: str, code: str, text: str, officials: Mapping[str, str]
) -> bool:
    """The event the clause names is the one the country is a party to: a meeting kind for
    a meeting with it, a release for a release by it (not a launch told in the same
    sentence as the meeting)."""
    if kind == "detention":
        return action == "released" and released_by(head, code)
    if kind in _JOINT_KINDS and takes_part(opening(text), code):
        return True  # the drill or flight its forces joined
    return kind in _MEETING_KINDS and meets_with(text, code, officials)


def period_positions(
    positions: Sequence[Position], by_article: Mapping[str, Sequence[Any]], start: date | None
) -> list[Position]:
    """The positions with only the evidence the period stated: words its article retells
    from before the period (data/retold.yaml: Trump's 2017 "fire and fury" in a 2018
    piece, "made headlines as a private analyst at the time") are no basis of a 2018
    trend (blind judges, allsides 2018-W23).  `by_article`: the sentence pool's candidates
    by article (their .sent.text), where each evidence's whole sentence is read."""
    if start is None:
        return list(positions)
    out = []
    for p in positions:
        kept = [e for e in p.evidence if not _retold(e, by_article, start)]
        if kept:
            out.append(replace(p, evidence=kept) if len(kept) < len(p.evidence) else p)
    return out


def _retold(e: Evidence, by_article: Mapping[str, Sequence[Any]], start: date) -> bool:
    snippet = e.text.strip()[:60]
    whole = next(
        (
            c.sent.text
            for c in by_article.get(e.article_id, ())
            if snippet and snippet in c.sent.text
        ),
        e.text,
    )
    return retold_before(whole, start)


# A year named before the period: "sentenced … in 2016".
_IN_YEAR_RE = re.compile(r"\b(?:in|since|during) ((?:19|20)\d\d)\b")


def goes_on_from_earlier(c: Any, by_article: Mapping[str, Sequence[Any]], start: date) -> bool:
    """An undated line goes on with the line before it in its paragraph, dated before the
    period by a day or a year: "Kim Dong Chul was sentenced … in 2016 …. South Korea’s
    intelligence agency denied any ties to the man." is 2016's denial (allsides 2018-W19,
    struck as background).  `c`: a SentenceCandidate; `by_article`: the pool's."""
    day = story_day(c.article)
    before = [
        o
        for o in by_article.get(c.article_id, [])
        if o.sent.index == c.sent.index - 1 and o.sent.para == c.sent.para
    ]
    earlier = [h.when for o in before for h in resolve_dates(o.sent.text, day)]
    earlier += [date(int(y), 12, 31) for o in before for y in _IN_YEAR_RE.findall(o.sent.text)]
    return bool(earlier) and all(when < start for when in earlier)
