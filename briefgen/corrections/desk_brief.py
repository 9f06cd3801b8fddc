"""The desk's entries only a brief can apply: pin or ban a key quote, pin or ban a
bottom-line item; and the desk's notes on the brief's sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.corrections.ledger import Ledger, mark, no_article, short
from briefgen.corrections.match import ArticleIndex, find_sentence, norm, text_similarity
from briefgen.model import Brief, Quote, Statement

if TYPE_CHECKING:
    from briefgen.nlp.attribution import Attribution

# A bottom-line item this close to a banned sentence is that sentence.
BLUF_BAN_SIMILAR = 0.8
KEY_QUOTES_MIN = 5


class BriefFixes(Ledger):
    """Key-quote entries are found after attribution; all are applied to the built brief."""

    def _quote_pins(self, att: Attribution) -> None:
        by_article = self._quotes_by_article(att)
        for e in self.corrections.of("pin-quote", "ban-quote"):
            q = self._find_quote(e, by_article)
            if q is None:
                continue
            if e.do == "pin-quote":
                self._pins.append((self._pos(e), q.quote_id))
            else:
                self._bans[q.quote_id] = self._pos(e)

    def brief(self, brief: Brief) -> None:
        """Key-quote and bottom-line pins and bans; the desk's notes on the sources."""
        self.brief_done = True
        if not self.corrections.entries:
            return
        by_id = {q.quote_id: q for q in brief.quotes}
        self._key_quotes(brief, by_id)
        self._bottom_line(brief)
        for s in brief.sources:
            notes = self.article_notes.get(s.article_id, [])
            art = next((a for a in brief.articles if a.article_id == s.article_id), None)
            if notes:
                s.edited = "; ".join(dict.fromkeys(notes))
            elif art is not None and art.edited:
                s.edited = art.edited
        brief.stats["desk"] = {
            "applied": len(self.applied),
            "notes": list(dict.fromkeys(self.notes)),
        }

    def _key_quotes(self, brief: Brief, by_id: dict[str, Quote]) -> None:
        banned = set(self._bans)
        if banned:
            before = len(brief.key_quotes)
            for qid, i in self._bans.items():
                if qid in by_id:
                    self._applied(self.corrections.entries[i])
                    why = (
                        f" ({self.corrections.entries[i].reason})"
                        if self.corrections.entries[i].reason
                        else ""
                    )
                    self._note(None, f"“{short(by_id[qid].text, 50)}” kept out of the quotes{why}")
            brief.key_quotes = [q for q in brief.key_quotes if q.quote_id not in banned]
            for c in brief.countries:
                c.quotes = [q for q in c.quotes if q.quote_id not in banned]
            self._refill(brief, banned, max(before, KEY_QUOTES_MIN))
        pinned: list[Quote] = []
        for i, qid in self._pins:
            q = by_id.get(qid)
            if q is None or qid in banned:
                continue
            mark(q, "pinned by the desk")
            pinned.append(q)
            self._applied(self.corrections.entries[i])
        if pinned:
            n = len(brief.key_quotes)
            rest = [q for q in brief.key_quotes if q not in pinned]
            brief.key_quotes = (pinned + rest)[: max(n, len(pinned))]

    def _refill(self, brief: Brief, banned: set[str], want: int) -> None:
        """Fill the key quotes back up from the ranking, one quote per speaker."""
        from briefgen.book.keyquotes import rank_quotes

        if len(brief.key_quotes) >= want:
            return
        ranked = rank_quotes(
            [q for q in brief.quotes if q.quote_id not in banned],
            brief.actors,
            {a.article_id: a for a in brief.articles},
        )
        have = {q.actor_id or q.speaker for q in brief.key_quotes}
        seen = {norm(q.text) for q in brief.key_quotes}
        for _, q in ranked:
            if len(brief.key_quotes) >= want:
                break
            who = q.actor_id or q.speaker
            if who in have or norm(q.text) in seen:
                continue
            brief.key_quotes.append(q)
            have.add(who)
            seen.add(norm(q.text))

    def _bottom_line(self, brief: Brief) -> None:
        index = ArticleIndex(brief.articles)
        for e in self.corrections.of("ban-bottom-line"):
            ref = e.get("article")
            if ref is not None and self._index is not None and self._index.find(ref) is None:
                self._stale(e, no_article(ref))
                continue
            keep = [
                s for s in brief.bluf if text_similarity(e.get("text"), s.text) < BLUF_BAN_SIMILAR
            ]
            if len(keep) < len(brief.bluf):
                brief.bluf = keep
                self._applied(e)
                why = f" ({e.reason})" if e.reason else ""
                self._note(None, f"bottom line: “{short(e.get('text'), 50)}” left out{why}")
        pins: list[Statement] = []
        for e in self.corrections.of("pin-bottom-line"):
            a = self._article_for(e)
            if a is None:
                continue
            a = index.find(e.get("article"), e.get("text")) or a
            sentence, score = find_sentence(a.text, e.get("text"))
            if sentence is None:
                self._stale(
                    e,
                    f"no sentence like this in “{short(a.title, 50)}” now; copy it again from the article",
                )
                continue
            n = brief.source_number(a.article_id)
            same = [s for s in brief.bluf if text_similarity(sentence, s.text) >= BLUF_BAN_SIMILAR]
            st = same[0] if same else Statement(text=sentence, cites=[n] if n else [])
            brief.bluf = [s for s in brief.bluf if s is not st]
            mark(st, "pinned by the desk")
            pins.append(st)
            self._applied(e)
        if pins:
            brief.bluf = pins + brief.bluf
