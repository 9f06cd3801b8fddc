"""What changed since the last brief: reversed and new positions, new voices, developments
that continued or were no longer reported, each cited into both periods.

Both sides are PeriodRecords (book/record.py): this brief's findings and those of the
brief compared with (stored in the history, or computed from that period's articles).
Positions are matched by holder and issue; a reversal needs a confident stance on both
sides.  Developments are matched by meaning (sentence embeddings when available) or, at
least, by kind and actor.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from briefgen.book.moves import own_move
from briefgen.book.sentences import first_sentence
from briefgen.book.summarize import official_countries
from briefgen.book.trend import development_phrase
from briefgen.knowledge.countries import country_name
from briefgen.knowledge.issues import issue_name
from briefgen.model import OFFICIAL_KINDS, Actor, Change, Development, PeriodRecord, Position

Embed = Callable[[list[str]], Any]
Cite = Callable[[str], int | None]


@dataclass(frozen=True)
class ChangeWeights:
    min_confidence: float = 0.6  # a stance this sure, on both sides, to call a reversal
    same_development: float = 0.6  # embedding cosine of two developments' texts
    # ... this close, the earlier one is still in the news: its consequence continues it
    # ("the Security Council imposed sanctions over its sixth nuclear test", 0.53 to the
    # test), so it is not listed as no longer reported (nor as continued: not that close)
    still_reported: float = 0.45
    main_news: int = 3  # this period's first developments: its main news
    max_new_positions: int = 3
    sure: float = 0.85  # a new position on one piece of evidence needs this confidence
    max_new_actors: int = 4
    max_continued: int = 3
    max_ended: int = 3
    top_developments: int = 6  # only this many of each period's developments are compared


def _holder(p: Position, actors: Mapping[str, Actor]) -> str:
    a = actors.get(p.holder)
    return a.name if a is not None and p.holder_kind == "actor" else country_name(p.holder)


def _now(label: str) -> str:
    """A reversed stance with "now" where English puts it: "now keeps up sanctions and
    pressure", but "is now open to easing sanctions", not "now is open"."""
    return f"is now {label[3:]}" if label.startswith("is ") else f"now {label}"


# A former official speaks for no one now ("Steve Bucci, former Pentagon official").
_FORMER_RE = re.compile(r"\b(?:former|ex-|retired|onetime|one-time)\b", re.I)


def _official(p: Position, actors: Mapping[str, Actor]) -> bool:
    if p.holder_kind == "country":
        return True
    a = actors.get(p.holder)
    return a is not None and a.kind in OFFICIAL_KINDS and a.name[:1].isupper()


class ChangeFinder:
    """Compares this period's record with an earlier one."""

    def __init__(
        self,
        now: PeriodRecord,
        before: PeriodRecord,
        cite: Cite,
        cite_before: Cite,
        embed: Embed | None = None,
        weights: ChangeWeights | None = None,
    ) -> None:
        self.now, self.before = now, before
        self.cite, self.cite_before = cite, cite_before
        self.embed = embed
        self.w = weights or ChangeWeights()
        self.actors = {a.actor_id: a for a in [*before.actors, *now.actors]}
        self._officials: dict[int, dict[str, str]] = {}

    def changes(self) -> list[Change]:
        return [
            *self.reversed_positions(),
            *self.new_positions(),
            *self.new_actors(),
            *self.developments(),
        ]

    def _nums(self, ids: Sequence[str], cite: Cite) -> list[int]:
        return sorted({n for n in (cite(a) for a in ids) if n is not None})

    def _confident(self, ps: Sequence[Position]) -> dict[tuple[str, str], Position]:
        out: dict[tuple[str, str], Position] = {}
        for p in sorted(ps, key=lambda p: -p.confidence):
            if p.confidence >= self.w.min_confidence and _official(p, self.actors):
                out.setdefault((p.holder, p.issue), p)
        return out

    def reversed_positions(self) -> list[Change]:
        before = self._confident(self.before.positions)
        out = []
        for key, p in sorted(self._confident(self.now.positions).items()):
            old = before.get(key)
            if old is None or old.stance * p.stance >= 0:
                continue
            text = (
                f"{_holder(p, self.actors)} {_now(p.label)} on {issue_name(p.issue)} "
                f"(in {self.before.label}: {old.label})."
            )
            out.append(self._change("reversed", text, p, old))
        return out

    def new_positions(self) -> list[Change]:
        """Stances stated now with none on the issue before.  A country's stance is not new
        when one of its own voices stated one on the issue before: W17 called "United
        States favours talks now" new though W16 printed Trump's."""
        before = {(p.holder, p.issue) for p in self.before.positions}
        before |= {(p.country, p.issue) for p in self.before.positions if p.country}
        out = []
        for key, p in sorted(self._confident(self.now.positions).items()):
            # A new stance is news only when it is well attested.
            if key in before or (len(p.evidence) < 2 and p.confidence < self.w.sure):
                continue
            text = (
                f"{_holder(p, self.actors)} {p.label} (no stated position on "
                f"{issue_name(p.issue)} in {self.before.label})."
            )
            out.append(self._change("new-position", text, p, None))
        return out[: self.w.max_new_positions]

    def _change(self, kind: str, text: str, p: Position, old: Position | None) -> Change:
        return Change(
            kind=kind,
            text=text,
            cites=self._nums([e.article_id for e in p.evidence], self.cite),
            earlier_cites=self._nums([e.article_id for e in old.evidence], self.cite_before)
            if old
            else [],
        )

    def new_actors(self) -> list[Change]:
        seen = {a.actor_id for a in self.before.actors}
        fresh = [
            a
            for a in self.now.actors
            if a.actor_id not in seen
            and a.kind in OFFICIAL_KINDS
            and a.quote_count > 0
            and a.name[:1].isupper()
            and not a.name.startswith(("A ", "An ", "The "))
            and not _FORMER_RE.search(f"{a.role or ''} {a.name}")
        ]
        fresh.sort(key=lambda a: (-a.quote_count, -a.mentions, a.name))
        out = []
        for a in fresh[: self.w.max_new_actors]:
            # "South Korean government, government": a role the name already says is left out
            said = a.role and a.role.lower() not in a.name.lower()
            role = f", {a.role}" if said else ""
            where = f" ({country_name(a.country)})" if a.country else ""
            text = f"{a.name}{role}{where}, not heard in {self.before.label}."
            out.append(Change("new-actor", text, self._nums(a.article_ids[:3], self.cite)))
        return out

    def _matches(
        self, now: Sequence[Development], before: Sequence[Development], cut: float
    ) -> Any:
        """matrix[i][j]: does now[i] tell of before[j] (embedding cosine of their first
        sentences >= cut)?"""
        sims = None
        if self.embed is not None and now and before:
            a = self.embed([first_sentence(d.text) for d in now])
            b = self.embed([first_sentence(d.text) for d in before])
            sims = a @ b.T
        if sims is not None:
            return [[float(sims[i, j]) >= cut for j in range(len(before))] for i in range(len(now))]
        # Without an embedder, at least the same kind of event by the same actor.
        return [
            [
                bool(d.kind) and d.kind == e.kind and bool(d.actor) and d.actor == e.actor
                for e in before
            ]
            for d in now
        ]

    def _own(self, d: Development, rec: PeriodRecord) -> bool:
        """The development is told as its actor's own act (book/moves.py): an expert's
        forecast or a monitor's report ("38 North said the site is primed") continues or
        ends nothing a reader tracks."""
        key = id(rec)
        if key not in self._officials:
            self._officials[key] = official_countries(rec.actors)
        head = " ".join(d.text.split()[:4])
        return (
            bool(d.actor)
            and not _FORMER_RE.search(head)
            and own_move(first_sentence(d.text), d.actor or "", self._officials[key])
        )

    def developments(self) -> list[Change]:
        """Developments of both periods' tops that continue, and earlier ones no longer
        reported: one is 'ended' only when none of this period's main news or own acts,
        of a kind or not, still tells of it (even loosely: its consequence is news of it)."""
        # Only developments of a known kind: a line of no kind is more often colour.
        now = [d for d in self.now.developments if d.kind][: 3 * self.w.top_developments]
        before = [d for d in self.before.developments if d.kind][: self.w.top_developments]
        match = self._matches(now, before, self.w.same_development)
        out: list[Change] = []
        for i, d in enumerate(now[: self.w.top_developments]):
            js = [j for j in range(len(before)) if match[i][j]]
            if not self._own(d, self.now):
                continue
            if js and sum(c.kind == "continued" for c in out) < self.w.max_continued:
                e = before[js[0]]
                text = f"{first_sentence(d.text)} ({development_phrase(d)})"
                out.append(
                    Change(
                        "continued",
                        text,
                        self._nums(d.article_ids, self.cite),
                        self._nums(e.article_ids, self.cite_before),
                    )
                )
        # what this period tells as someone's own act, of a kind or not, and its main news
        # however told ("The leaders of North and South Korea agreed Friday to pursue ...
        # denuclearisation" continues "Kim is willing to discuss denuclearization"); a
        # guess lower down ("Maybe the Trump administration responds...") continues nothing
        told = [
            d
            for n, d in enumerate(self.now.developments[: 3 * self.w.top_developments])
            if n < self.w.main_news or self._own(d, self.now)
        ]
        still = self._matches(told, before, self.w.still_reported)
        gone = [
            j
            for j in range(len(before))
            if not any(match[i][j] for i in range(len(now)))
            and not any(still[i][j] for i in range(len(told)))
            and self._own(before[j], self.before)
        ]
        for j in gone[: self.w.max_ended]:
            e = before[j]
            text = f"{first_sentence(e.text)} ({development_phrase(e)})"
            out.append(Change("ended", text, [], self._nums(e.article_ids, self.cite_before)))
        return out
