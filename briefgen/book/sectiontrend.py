"""A country section's trend marker (book/sections.py), over what the section shows.

Split from sections.py (issue 14's size limit): the moves of the country this period
(its developments, positions, the sentences that tell its own act and the judgement)
against the comparison period's, read by book/trend.py, worded by book/trendbasis.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.book.sectionctx import BookContext
from briefgen.book.summarize import SentenceCandidate
from briefgen.book.trend import STATED, Move, merged, sentence_moves, trend
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
        judgement, which is a basis even when it names no kind of development."""
        said = [
            c.text
            for c in cands
            if c.doer == code
            and c.topical
            and c.news >= 0
            and not (c.quote_countries and code not in c.quote_countries)  # another's words
            and not self._before_period(c)
            and self._tied(c)  # an act in another region is no basis (its context ties too)
        ]
        judged = judgement is not None and judgement.kind != "insufficient"
        if judged and judgement is not None:
            said.insert(0, judgement.text)
        names = self.ctx.pool.official_countries
        own = sentence_moves(said, code, names, tied=True)
        now = merged(self.ctx.moves.get(code, []), own)
        if not now and judged:
            now = [Move(STATED, 0)]
        before = self.ctx.moves_before
        main = (
            sentence_moves([judgement.text], code, names, tied=True) if judged and judgement else []
        )
        return trend(
            now, None if before is None else before.get(code, []), self.ctx.before_label, main
        )
