"""Applying the desk's corrections at each stage of one run, and saying what they did.

`Desk` is made once per run (pipeline.analyse) and called at each stage, in the order
the records are made:

    articles()     after reading: drop an article, set its date, outlet, relevance
                   (desk_articles.py)
    attribution()  after quotes and actors are found: actor merges, aliases and fixes,
                   then quotation fixes (desk_speakers.py), then positions derived again
                   from the fixed quotations, then position set / flip / remove
                   (desk_positions.py), and the key-quote pins and bans found
    keyphrases()   after keyphrases: ban, rename, pin (desk_keyphrases.py)
    brief()        after the book is assembled: key-quote and bottom-line pins and bans,
                   and the desk's notes for the sources (desk_brief.py)

What became of each entry, and the lookups the stages share, are the Ledger's
(ledger.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefgen.corrections.desk_articles import ArticleFixes
from briefgen.corrections.desk_brief import BriefFixes
from briefgen.corrections.desk_keyphrases import KeyphraseFixes
from briefgen.corrections.desk_positions import PositionFixes
from briefgen.corrections.desk_speakers import SpeakerFixes
from briefgen.corrections.schema import Corrections
from briefgen.corrections.seam import derive_positions_again
from briefgen.model import Article
from briefgen.periods import Period

if TYPE_CHECKING:
    from briefgen.nlp.attribution import Attribution


class Desk(ArticleFixes, SpeakerFixes, PositionFixes, KeyphraseFixes, BriefFixes):
    """The corrections of one run, applied stage by stage (see the module docstring)."""

    def only(self, *verbs: str) -> Desk:
        """This desk with only the entries of these verbs (a run that makes nothing else
        counts nothing else)."""
        kept = Corrections(self.corrections.of(*verbs), self.corrections.files)
        return Desk(kept, self.relevance_threshold, self.actor_files)

    def attribution(
        self, att: Attribution, period: Period, analysed: Sequence[Article] | None = None
    ) -> None:
        """Actor, quotation and position corrections, in place; positions are derived
        again when a quotation or an actor changed.

        `analysed`: the articles of another period `att` was made from (the one a brief
        compares with): corrected the same way, without counting towards this run's
        report.
        """
        if analysed is not None:
            other = Desk(self.corrections, self.relevance_threshold, self.actor_files)
            other._index = self._index
            other._analysed = {a.article_id for a in analysed}
            other.attribution(att, period)
            return
        self._was = {q.quote_id: q.speaker for q in att.quotes}
        changed = self._actors(att)
        changed = self._quotes(att) or changed
        if changed:
            self._recount(att)
            att.positions = derive_positions_again(att, period)
        self._positions(att)
        self._quote_pins(att)
