"""One country section, CrisisWatch style: judgement, trend, summary, who said what.

The judgement (the bold line) is book/sectionjudgement.py's to find, the trend marker
book/sectiontrend.py's, both mixed into CountrySectionBuilder.  The summary adds a few
cited sentences about the country; lines already used elsewhere in the brief are pushed
back.
"""

from __future__ import annotations

__all__ = [
    "KIND_ORDER",
    "BookContext",
    "CountrySectionBuilder",
    "SectionWeights",
    "cites_for",
    "on_the_peninsula",
]

from collections.abc import Sequence
from functools import cached_property

from briefgen.book.contradictions import contradictions, current_positions, current_quotes
from briefgen.book.keyquotes import not_shown, pick_quotes
from briefgen.book.quotelines import cites_for
from briefgen.book.sectionctx import BookContext, SectionWeights
from briefgen.book.sectionjudgement import SectionJudgement
from briefgen.book.sectiontrend import SectionTrend
from briefgen.book.summarize import (
    SentenceCandidate,
    SentencePool,
    choose,
)
from briefgen.book.voicesplits import voice_splits
from briefgen.book.watchlist import reliable_positions
from briefgen.knowledge.countries import country_name
from briefgen.model import (
    Actor,
    Article,
    CountrySection,
    Position,
    Quote,
    Statement,
)

KIND_ORDER = {
    "government": 0,
    "international": 0,
    "legislator": 1,
    "state-media": 1,
    "expert": 2,
    "defector": 3,
    "media": 4,
    "other": 5,
}


def on_the_peninsula(
    pool: SentencePool, code: str, articles: Sequence[Article], least: int | None = None
) -> bool:
    """Does the country act or speak on the Koreas in these articles (at least `least`
    usable lines it is the subject or a speaker of that name North or South Korea)?"""
    need = SectionWeights().peninsula_lines if least is None else least
    found = 0
    for a in articles:
        for c in pool.by_article.get(a.article_id, []):
            if not c.usable or not (c.doer == code or code in c.quote_countries):
                continue
            if c.countries.get("PRK") or c.countries.get("KOR"):
                found += 1
                if found >= need:
                    return True
    return False


class CountrySectionBuilder(SectionJudgement, SectionTrend):
    """Builds each country's section from the shared context."""

    def __init__(self, ctx: BookContext, weights: SectionWeights | None = None) -> None:
        self.ctx = ctx
        self.w = weights or SectionWeights()
        self.actors_by_id = {a.actor_id: a for a in ctx.attribution.actors}
        # what the sections built so far print: quotes boxed, lines (with quotes in full);
        # no later section, nor the key quotes, prints those words again
        self.boxed: list[Quote] = []
        self.lines: list[str] = []

    def build(self, code: str, group: Sequence[Article]) -> CountrySection:
        cands = self._candidates(code, group)
        judgement, j_cand = self.judgement(code, cands)
        summary = self._summary(code, group, cands, j_cand)
        positions = self._positions(code)
        marker, basis = self._trend(code, judgement, cands)
        disagreements = self._disagreements(code, positions)
        self.lines += [s.text for s in [judgement, *summary, *disagreements] if s is not None]
        return CountrySection(
            code=code,
            name=country_name(code),
            judgement=judgement,
            trend=marker,  # type: ignore[arg-type]
            summary=summary,
            actors=self._actors(code, positions),
            positions=positions,
            quotes=self._quotes(code),
            keyphrases=list(self.ctx.keyphrases.get(code, [])),
            disagreements=disagreements,
            article_count=len(group),
            trend_basis=basis,
            mentions=int(self.ctx.mentions.get(code, 0)),
        )

    # -- the rest of the section -----------------------------------------------------------

    def _candidates(self, code: str, group: Sequence[Article]) -> list[SentenceCandidate]:
        """Usable sentences of the country's articles that are about it, not another."""
        ids = sorted({a.article_id for a in group})
        out = []
        for aid in ids:
            for c in self.ctx.pool.by_article.get(aid, []):
                if not c.usable:
                    continue
                acts = code in c.agents if c.doer is None else c.doer == code
                about = acts or code in c.quote_countries
                other_subject = c.doer is not None and c.doer != code
                if about and not (other_subject and code not in c.quote_countries):
                    out.append(c)
        return out

    def _summary(
        self,
        code: str,
        group: Sequence[Article],
        cands: Sequence[SentenceCandidate],
        j_cand: SentenceCandidate | None,
    ) -> list[Statement]:
        used, w = self.ctx.used, self.w
        top = max((c.score for c in cands), default=0.0) or 1.0
        bonus = {
            id(c): (w.subject_bonus * top if c.doer == code else 0.0)
            - w.used_penalty * top * used.get(id(c), 0)
            for c in cands
        }
        rest = [c for c in cands if c is not j_cand and used.get(id(c), 0) < 2]
        on_topic = [c for c in rest if c.topical]
        k = max(w.summary_min, min(w.summary_max, len(group) + 1))
        avoid = [j_cand] if j_cand is not None else []
        summ = choose(
            on_topic if len(on_topic) >= w.summary_min else rest,
            k,
            min_k=w.summary_min,
            per_article=2,
            max_sim=0.4,
            avoid=avoid,
            bonus=bonus,
            floor=w.summary_floor * top,
        )
        for c in (*avoid, *summ):
            used[id(c)] = used.get(id(c), 0) + 1
        if j_cand is not None:
            self.ctx.judged[id(j_cand)] = self.ctx.judged.get(id(j_cand), 0) + 1
        return [Statement(text=c.text, cites=self._cites(c, 1)) for c in summ]

    def _positions(self, code: str) -> list[Position]:
        def belongs(p: Position) -> bool:
            if p.country == code or p.holder == code:
                return True
            a = self.actors_by_id.get(p.holder)
            return a is not None and a.country == code

        ps = [p for p in self.ctx.attribution.positions if belongs(p)]
        ps.sort(key=lambda p: (-len(p.evidence), -p.confidence, p.issue, p.holder, p.label))
        return ps

    def _disagreements(self, code: str, positions: Sequence[Position]) -> list[Statement]:
        """Printed positions that contradict, then the country's officials who split where
        no country-wide position is stated (book/voicesplits.py), each pair once."""
        att = self.ctx.attribution
        holders = {p.holder for p in positions}
        sound, quotes = self._current
        found = contradictions(sound, self.actors_by_id, self.ctx.cite, holders)
        # an official's line or words his government's later line overtook split nothing
        arts = self.ctx.pool.articles
        current = current_positions(positions, self.actors_by_id, att.quotes, arts)
        splits = voice_splits(
            code, current, quotes, self.actors_by_id, self.ctx.cite, self.ctx.period
        )
        said = " / ".join(s.basis for s in found)
        found += [s for s in splits if s.basis.split(" / ")[0] not in said]
        return found[: self.w.max_disagreements]

    @cached_property
    def _current(self) -> tuple[list[Position], list[Quote]]:
        """The period's reliable positions and its quotations, less what the same
        government's later line overtook: the same for every section, so found once."""
        att, arts = self.ctx.attribution, self.ctx.pool.articles
        sound = current_positions(
            reliable_positions(att.positions, att.quotes, self.ctx.stale_quotes),
            self.actors_by_id,
            att.quotes,
            arts,
        )
        return sound, current_quotes(att.quotes, sound, self.actors_by_id, arts)

    def _actors(self, code: str, positions: Sequence[Position] = ()) -> list[Actor]:
        """The country's speakers, officials first; the country itself is not one of them.
        Whoever holds one of the section's positions is always kept (a senator cut by
        the limit left his position printed as the country's)."""
        own_name = country_name(code).lower()
        holders = {p.holder for p in positions if p.holder_kind == "actor"}
        ranked = sorted(
            (
                a
                for a in self.ctx.attribution.actors
                if a.country == code
                and (a.name.lower() not in (own_name, code.lower()) or a.actor_id in holders)
            ),
            key=lambda a: (KIND_ORDER.get(a.kind, 9), -a.quote_count, -a.mentions, a.name),
        )
        room = max(self.w.max_actors - sum(a.actor_id in holders for a in ranked), 0)
        kept: list[Actor] = []
        for a in ranked:
            if a.actor_id in holders:
                kept.append(a)
            elif room > 0:
                kept.append(a)
                room -= 1
        return kept

    def _quotes(self, code: str) -> list[Quote]:
        """The country's quotes not yet printed in full, here or in a section before."""
        mine = [(wt, q) for wt, q in self.ctx.ranked_quotes if q.country == code]
        picked = pick_quotes(
            not_shown(mine, self.boxed, self.lines),
            k=self.w.quotes,
            min_k=1,
            per_speaker=1,
            per_country=self.w.quotes,
            floor_ratio=0.0,
        )
        self.boxed += picked
        return picked
