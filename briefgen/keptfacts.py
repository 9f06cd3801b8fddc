"""The sentence facts of each article (book.sentfacts), with what its first sentences
tell as reports of news (book.reports.report_facts: kind of event, dates, speculative,
forward-looking, comment), kept in the article store, so a rerun computes them only for
new or changed articles.

A stored row is keyed by what the facts depend on (`facts_key`: the article's id, title,
text and day) and made by one version of the code (`facts_version`); any other row, or
one that cannot be read, counts as missing and is computed again (store.kept): the
store never changes what the pool sees, only what it costs.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.book.reports import with_reports
from briefgen.book.sentfacts import ArticleFacts, article_facts, facts_key
from briefgen.model import Article
from briefgen.store import Store
from briefgen.store.kept import Kept
from briefgen.store.versions import facts_version

KIND = "sentences"


class KeptFacts:
    """articles -> their facts, read from the store or computed (and then stored)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __call__(self, articles: Sequence[Article]) -> list[ArticleFacts]:
        kept = Kept(self.store, KIND, facts_version())
        return kept.each(articles, facts_key, facts_of, ArticleFacts.dumps, ArticleFacts.loads)


def keep_facts(store: Store, made: Sequence[tuple[Article, bytes]]) -> None:
    """Keep facts made elsewhere (ArticleFacts.dumps of facts_of, on a worker that
    needed them: briefgen.articlevectors), as KeptFacts would have kept them."""
    kept = Kept(store, KIND, facts_version())
    kept.put([(facts_key(a), kept.pack(data)) for a, data in made])


def facts_of(a: Article) -> ArticleFacts:
    """The article's facts with what its first sentences tell as reports of news."""
    return with_reports(article_facts(a), a)
