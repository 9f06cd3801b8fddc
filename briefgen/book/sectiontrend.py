"""A country section's trend marker (book/sections.py), over what the section shows.

Split from sections.py (issue 14's size limit): the moves of the country this period
(its developments, positions, the sentences that tell its own act and the judgement)
against the comparison period's, read by book/trend.py, worded by book/trendbasis.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from briefgen.book.parties import party_to
from briefgen.book.sectionctx import BookContext
from briefgen.book.summarize import SentenceCandidate
from briefgen.book.trend import STATED, Move, merged, sentence_moves, trend
from briefgen.knowledge.countries import country_matches
from briefgen.knowledge.watch_cues import opinion_url
from briefgen.model import Statement


class SectionTrend:
    """The trend marker of a country section; mixed into CountrySectionBuilder."""

    ctx: BookContext

    def _before_period(self, c: SentenceCandidate) -> bool:
        raise NotImplementedError

    def _tied(self, c: SentenceCandidate) -> bool:
        raise NotImplementedError

    def _trend(
        self, code: str, judgement: Statement | None, cands: Sequence[SentenceCandidate]
    ) -> tuple[str | None, str]:
        """The marker over what the section shows: this period's developments and
        positions of the country, the sentences that tell its own act, and the
        judgement, which is a basis even when it names no kind of development.  Each
        move carries its articles, so the basis cites where a reader can check it."""
        names = self.ctx.pool.official_countries
        said = [
            c
            for c in [*cands, *self._party_lines(code, cands)]
            if (c.doer == code or party_to(c.text, code, names))
            and c.topical
            and c.news >= 0
            and not (c.quote_countries and code not in c.quote_countries)  # another's words
            and not self._before_period(c)
            and self._tied(c)  # an act in another region is no basis (its context ties too)
            and not opinion_url(c.article.url)  # a columnist's line is no act of the country
        ]
        judged = judgement is not None and judgement.kind != "insufficient"
        own: list[Move] = []
        if judged and judgement is not None:
            j_ids = tuple(c.article_id for c in cands if c.text == judgement.text)[:1]
            own += [
                replace(m, article_ids=j_ids)
                for m in sentence_moves([judgement.text], code, names, tied=True)
            ]
        for c in said:
            own += [
                replace(m, article_ids=(c.article_id,))
                for m in sentence_moves([c.text], code, names, tied=True)
            ]
        now = merged(self.ctx.moves.get(code, []), merged(own))
        if not now and judged:
            now = [Move(STATED, 0)]
        before = self.ctx.moves_before
        main = (
            sentence_moves([judgement.text], code, names, tied=True) if judged and judgement else []
        )
        return trend(
            now,
            None if before is None else before.get(code, []),
            self.ctx.before_label,
            main,
            cite=self.ctx.cite,
            events=self._events_for(code),
        )

    def _party_lines(
        self, code: str, cands: Sequence[SentenceCandidate]
    ) -> list[SentenceCandidate]:
        """Lines of any article, opening on another, that tell the country's side of an
        event (book/parties.py): "Kim met with Chinese President Xi Jinping in China" is
        China's hosting, though the line is in no article of the China section."""
        names = self.ctx.pool.official_countries
        seen = {id(c) for c in cands}
        return [
            c
            for c in self.ctx.pool.all
            if c.usable and id(c) not in seen and c.doer != code and party_to(c.text, code, names)
        ]

    def _events_for(self, code: str) -> list[int]:
        """Which way the period's developments that involve the country point: its own,
        or another's that names it (a launch over it, sanctions on it)."""
        finder = self.ctx.finder
        if finder is None:
            return []
        return [
            d.direction
            for d in finder.developments
            if d.direction
            and (d.actor == code or any(m[3] == code for m in country_matches(d.text)))
        ]
