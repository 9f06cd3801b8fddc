"""A country section's judgement, mixed into book/sections.py's CountrySectionBuilder.

The judgement (the bold line) says the country's main move or stance of the period, in
this order of evidence: the most consequential development (of a known kind) the country
itself made, told by a sentence of its own move; else the best plain sentence of its own
move; else its officials' best-attested stated position, in the sentence that states it;
else what its highest-ranking official said (quotelines.py); else that position's label.
A sentence of its own move (moves.py) opens on the country, an organ or an official of
it acting in the period: never a sentence about another country, a thing it has ("North
Korea's Internet is offline"), a description, background, a dateline or a label, nor an
official passing on another country's news in plain words ("Trump tweeted North Korea
has agreed to…").
"""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.book.moves import names_a_thing, opening, own_move, previews, state_voice
from briefgen.book.officialvoice import official_lines
from briefgen.book.ownlines import (
    PERFECT_RE,
    QUOTED_WORDS_RE,
    STANDING_RE,
    credited_to_another,
    own_words,
    tells_anothers_news,
)
from briefgen.book.parties import goes_on_from_earlier
from briefgen.book.quotelines import QuoteLines, cites_for
from briefgen.book.reports import Group, Report, earlier_month_subject, media_led
from briefgen.book.sentfacts import story_day
from briefgen.book.sharedacts import explains_why, joint_subject, points_back, takes_part
from briefgen.book.summarize import SentenceCandidate, choose
from briefgen.book.trend import korea_tie, own_clause, speaks_for, tells_record, tied_itself
from briefgen.book.writeup import sentence_of
from briefgen.knowledge.countries import country_name
from briefgen.knowledge.dates import resolve_dates
from briefgen.knowledge.events import speculative
from briefgen.knowledge.watch_cues import opinion_url
from briefgen.model import Position, Statement


class SectionJudgement(QuoteLines):
    """The judgement of a country section: the country's main move or stance.  Over
    QuoteLines, its last resort before a position's label (what an official said)."""

    def judgement(
        self, code: str, cands: Sequence[SentenceCandidate]
    ) -> tuple[Statement | None, SentenceCandidate | None]:
        """The country's main move or stance (see the module docstring for the order)."""
        found = self._from_developments(code)
        if found is not None:
            return found
        statement, cand = self._from_sentences(code, cands)
        if statement is not None:
            return statement, cand
        found_p = self._from_positions(code)
        if found_p is not None and not found_p.basis:
            return found_p, None  # the position in the sentence that states it
        # An official's own words before a position's label ("Shinzo Abe favours talks
        # now." read as the judgement of a week he urged maximum pressure): the label
        # names one of its stances, the words say which it pressed.
        found_q = self._from_quotes(code)
        if found_q is not None:
            return found_q, None
        # Its official voice spoke, however the line opens ("A spokesman for the Chinese
        # foreign ministry said…"): a stance to judge, before a position's label.
        voiced = self._voiced(code, tied=True)
        if voiced is not None:
            return voiced
        # An act it made with others ("North and South Korea have reached an agreement to
        # hold talks", allsides 2013-W23), after its own lines and words (sharedacts.py).
        statement, cand = self._from_sentences(code, cands, joint=True)
        if statement is not None:
            return statement, cand
        # The official's own words, though they name no Korean term ("Maximum pressure
        # should be maintained.", "Russia … voiced hope that talks would reduce the risk of
        # conflict"), still say which stance it took: before a position's label.
        found_w = self._from_quotes(code, tied=False)
        if found_w is not None:
            return found_w, None
        voiced = self._voiced(code, tied=False)
        if voiced is not None:
            return voiced
        if found_p is not None:
            return found_p, None  # a label of a position on an issue of the peninsula
        joined = self._joined(code)
        if joined is not None:
            return joined
        return self._too_little(code), None

    def _joined(self, code: str) -> tuple[Statement, SentenceCandidate] | None:
        """A drill of the period its forces joined, told from another's side ("two U.S.
        bombers joined counterparts from the South Korean and Japanese air forces"): a
        move of its own, before "no move reported" (sharedacts.py, allsides 2017-W30)."""
        found = [
            c
            for c in self.ctx.pool.all
            if c.usable
            and c.topical
            and c.news >= 0
            and c.sent.words <= self.w.judgement_max_words
            and takes_part(own_clause(opening(c.text)), code)  # not an aside's drill
            and tied_itself(c.sent.text, self.ctx.pool.official_countries)
            and not self._before_period(c)
            and not opinion_url(c.article.url)
        ]
        if not found:
            return None
        c = max(found, key=lambda c: (c.news, c.score, -c.rank))
        return Statement(text=c.text, cites=self._cites(c, 1)), c

    def _voiced(self, code: str, tied: bool) -> tuple[Statement, SentenceCandidate] | None:
        """The best line where the country's official voice spoke (officialvoice.py)."""
        found = official_lines(
            [c for c in self.ctx.pool.all if c.usable],
            code,
            self.ctx.pool.official_countries,
            self.ctx.period,
            self.w.judgement_max_words,
            tied=tied,
        )
        if not found:
            return None
        return Statement(text=found[0].text, cites=self._cites(found[0], 1)), found[0]

    def _too_little(self, code: str) -> Statement:
        """Said plainly, not left blank: nothing of the country's own this period."""
        return Statement(
            text=(
                "Too little basis for a judgement: no move or statement of "
                "its own officials is reported this period."
            ),
            kind="insufficient",
        )

    def _own_report(self, code: str, g: Group) -> Report | None:
        """The group's clearest report that opens on this country or its official."""
        ok = [
            r
            for r in g.members
            if r.cand.doer == code
            and self._own_move(r.cand, code)
            and r.cand.sent.words <= self.w.development_max_words
            and not r.speculative
            and not r.future
            and not media_led(r.cand.text)
            and not tells_anothers_news(r.cand.text, code)
            and not credited_to_another(r.cand.text, code, self.ctx.attribution.actors)
            and not self._before_period(r.cand)
            and not tells_record(r.cand.text)
            and not explains_why(r.cand.text)  # its reasons, not the move
            # the period's news, not its background ("Moon helped engineer the Sunshine
            # Policy…"): a stated day of the period, the present perfect ("has agreed") or
            # the official's own words quoted
            and (
                r.cand.news > 0
                or bool(
                    (PERFECT_RE.search(r.cand.text[:120]) and not STANDING_RE.search(r.cand.text))
                    or QUOTED_WORDS_RE.search(r.cand.text)
                )
            )
            and self.ctx.judged.get(id(r.cand), 0) == 0
            and tied_itself(r.cand.text, self.ctx.pool.official_countries)
        ]
        # a line a reader can take alone before one that points back ("announced the
        # measure"): the designation itself, not "the measure" (allsides 2017-W47)
        return max(
            ok,
            key=lambda r: (not points_back(r.cand.text), r.weight, -r.cand.rank),
            default=None,
        )

    def _tied(self, c: SentenceCandidate) -> bool:
        """The sentence concerns the peninsula (trend.korea_tie), itself or by what it
        follows: the sentence before it, or the headline of an article it opens ("Xi
        telephoned Trump to welcome the development" after the summit was agreed)."""
        names = self.ctx.pool.official_countries
        if korea_tie(c.sent.text, names):
            return True
        i = c.sent.index
        if i <= 1 and korea_tie(c.article.title or "", names):
            return True
        return any(
            o.sent.index == i - 1 and korea_tie(o.sent.text, names)
            for o in self.ctx.pool.by_article.get(c.article_id, [])
        )

    def _joint(self, c: SentenceCandidate, code: str) -> bool:
        """The sentence opens on countries acting together, the country one of them."""
        joint = joint_subject(opening(c.text))
        return joint is not None and code in joint[0]

    def _own_move(self, c: SentenceCandidate, code: str) -> bool:
        return own_move(c.text, code, self.ctx.pool.official_countries)

    def _before_period(self, c: SentenceCandidate) -> bool:
        """The sentence dates what it tells before the period's first day: a judgement
        says the period's move ("…on Sunday launched a rocket" told on the next
        Thursday is the week before's)."""
        period = self.ctx.period
        if period is None or period.start is None:
            return False
        if earlier_month_subject(c.sent.text, story_day(c.article) or period.start):
            return True  # "The November … resolution “calls upon”…": an earlier act's words
        hits = resolve_dates(c.sent.text, story_day(c.article))
        if hits:
            return all(h.when < period.start for h in hits)
        return goes_on_from_earlier(c, self.ctx.pool.by_article, period.start)

    def _from_developments(self, code: str) -> tuple[Statement, SentenceCandidate] | None:
        finder = self.ctx.finder
        if finder is None:
            return None
        press: tuple[Statement, SentenceCandidate] | None = None
        for dev, g in zip(finder.developments, finder.groups, strict=True):
            if dev.actor != code or not dev.kind:
                continue  # an untagged group is no surer a move than the best own line
            lead = g.lead.cand if g.lead is not None else None
            if lead is not None and names_a_thing(
                lead.text, code, self.ctx.pool.official_countries
            ):
                continue  # happened to the country ("North Korea's Internet is offline")
            if not any(self._tied(r.cand) for r in g.members):
                continue  # no report of it ties it to the Koreas: another region's act
            r = self._own_report(code, g)
            if r is None:
                continue
            cites = cites_for(dev.article_ids, self.ctx.cite, r.article_id)[:3]
            found = Statement(text=sentence_of(r), cites=cites), r.cand
            if not state_voice(opening(r.cand.text), code):
                return found
            press = press or found  # the state's officials before its press (quotelines)
        return press

    def _from_positions(self, code: str) -> Statement | None:
        """The best-attested stated position of the country or one of its officials."""
        ps = [
            p
            for p in self.ctx.attribution.positions
            if p.confidence >= self.w.position_confidence
            and speaks_for(p, code, self.actors_by_id)
            and p.evidence
        ]
        if not ps:
            return None
        p = max(ps, key=lambda p: (len(p.evidence), p.confidence, p.holder_kind == "country"))
        actor = self.actors_by_id.get(p.holder)
        who = actor.name if actor and p.holder_kind == "actor" else country_name(code)
        ev = p.evidence[0]
        cites = cites_for([e.article_id for e in p.evidence], self.ctx.cite, ev.article_id)
        said = self._evidence_sentence(p, code)
        if said is not None:
            # The position in the words it was stated in, when they open on the country.
            own = cites_for([e.article_id for e in p.evidence], self.ctx.cite, said.article_id)
            return Statement(text=said.text, cites=own[:3])
        if " or " in p.label:
            # "demands or commits to denuclearization" cannot say which of the two it was.
            return None
        return Statement(text=f"{who} {p.label}.", cites=cites[:3], basis=ev.text)

    def _evidence_sentence(self, p: Position, code: str) -> SentenceCandidate | None:
        """The usable sentence of the position's evidence that tells the country's own move."""
        for e in p.evidence:
            snippet = e.text.strip()[:60]
            for c in self.ctx.pool.by_article.get(e.article_id, []):
                if (
                    c.usable
                    and snippet
                    and snippet in c.sent.text
                    and c.sent.words <= self.w.judgement_max_words
                    and self._own_move(c, code)
                    and not self._before_period(c)
                    and tied_itself(c.sent.text, self.ctx.pool.official_countries)
                ):
                    return c
        return None

    def _from_sentences(
        self, code: str, cands: Sequence[SentenceCandidate], joint: bool = False
    ) -> tuple[Statement | None, SentenceCandidate | None]:
        """A plain sentence opening on the country: what it did, in its own line; with
        `joint`, one opening on countries acting together, of which it is one (from any
        section's lines)."""
        pool = [c for c in self.ctx.pool.all if self._joint(c, code)] if joint else cands
        own = [
            c
            for c in pool
            if (joint or c.doer == code)
            and self._own_move(c, code)
            and c.topical
            and c.sent.words <= self.w.judgement_max_words
            and not c.text.startswith("Asked ")
            and not speculative(own_words(c.sent.text))
            and not tells_anothers_news(c.text, code)
            and not credited_to_another(c.text, code, self.ctx.attribution.actors)
            and c.news >= 0
            and not self._before_period(c)
            and not tells_record(c.text)  # "has launched ICBMs": its record, no move
            and not explains_why(c.text)
            and tied_itself(c.sent.text, self.ctx.pool.official_countries)
            and not opinion_url(c.article.url)  # a columnist's line is no country's move
        ]
        if not own:
            return None, None
        # A line that reports the period's news ("…on Wednesday suspended the project")
        # before one with no time of its own ("Moon helped engineer the Sunshine Policy").
        names = self.ctx.pool.official_countries
        own = [c for c in own if not previews(c.text, code, names)] or own  # no move yet
        # the state's officials before its press, as for statements (quotelines.py)
        own = [c for c in own if not state_voice(opening(c.text), code)] or own
        own = [c for c in own if c.news > 0] or own
        top = max(c.score for c in own) or 1.0
        bonus = {
            id(c): 0.1 * top * c.news - self.w.judged_penalty * top * self.ctx.judged.get(id(c), 0)
            for c in own
        }
        picked = choose(own, 1, bonus=bonus)
        if not picked:
            return None, None
        c = picked[0]
        return Statement(text=c.text, cites=self._cites(c, 2)), c

    def _cites(self, c: SentenceCandidate, extra: int) -> list[int]:
        others = self.ctx.pool.similar_articles(c)[: max(extra, 0) * 3]
        return cites_for(others, self.ctx.cite, c.article_id)[: 1 + extra]
