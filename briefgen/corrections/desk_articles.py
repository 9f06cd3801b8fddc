"""The desk's article entries: drop an article, or set its date, outlet or relevance."""

from __future__ import annotations

from briefgen.corrections.ledger import Ledger, mark, no_article, short
from briefgen.corrections.match import ArticleIndex
from briefgen.corrections.schema import ArticleRef, Entry
from briefgen.model import Article
from briefgen.periods import Period


class ArticleFixes(Ledger):
    """Applied after reading, before anything is made of the articles."""

    def articles(self, articles: list[Article], period: Period) -> list[Article]:
        """The corpus with article corrections applied (dropped ones left out)."""
        entries = self.corrections.of("drop-article", "set-article")
        if not entries:
            self._index = None
            return articles
        index = ArticleIndex(articles)
        dropped: set[str] = set()
        for e in entries:
            ref: ArticleRef = e.get("article")
            a = index.find(ref)
            if a is None:
                self._stale(e, no_article(ref))
                continue
            was_in = period.contains(a.published)
            if e.do == "drop-article":
                dropped.add(a.article_id)
                if was_in:
                    self._applied(e)
                    why = f" ({e.reason})" if e.reason else ""
                    self._note(None, f"left out “{short(a.title)}”{why}")
                else:
                    self._elsewhere(e)
                continue
            changes = self._set_article(a, e)
            if was_in or period.contains(a.published):
                self._applied(e)
                if changes:
                    self._note(a.article_id, "; ".join(changes))
            else:
                self._elsewhere(e)
        self._index = None
        return [a for a in articles if a.article_id not in dropped]

    def _set_article(self, a: Article, e: Entry) -> list[str]:
        changes = []
        if e.get("date") is not None and e.get("date") != a.published:
            changes.append(
                f"date set to {e.get('date').isoformat()}"
                + (f" (was {a.published.isoformat()})" if a.published else "")
            )
            a.published = e.get("date")
            a.date_source = "desk"
        if e.get("outlet") and e.get("outlet") != a.outlet:
            old = a.outlet
            changes.append(f"outlet set to {e.get('outlet')}" + (f" (was {old})" if old else ""))
            a.outlet = e.get("outlet")
            a.outlets = [a.outlet] + [o for o in a.outlets if o not in (old, a.outlet)]
        if e.get("relevance") is not None:
            r = float(e.get("relevance"))
            low = r < self.relevance_threshold
            if low != a.low_relevance or r != a.relevance:
                changes.append(f"relevance set to {r:.2f}" + (" (low)" if low else ""))
            a.relevance = r
            a.low_relevance = low
        for c in changes:
            mark(a, c)
        return changes
