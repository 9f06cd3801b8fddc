"""The sentence facts of each article (book.sentfacts) kept in the article store, so a
rerun computes them only for new or changed articles.

A stored row is keyed by what the facts depend on (`facts_key`: the article's id, title,
text and day) and made by one version of the code (`facts_version`); any other row
counts as missing and is computed again.  A row that cannot be read is computed too:
the store never changes what the pool sees, only what it costs.
"""

from __future__ import annotations

import contextlib
import sqlite3
import zlib
from collections.abc import Sequence

from briefgen.book.sentfacts import ArticleFacts, article_facts, facts_key
from briefgen.model import Article
from briefgen.store import Store, StoreError
from briefgen.store import articles as st
from briefgen.store.versions import facts_version

KIND = "sentences"


class KeptFacts:
    """articles -> their facts, read from the store or computed (and then stored)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __call__(self, articles: Sequence[Article]) -> list[ArticleFacts]:
        version = facts_version()
        keys = [facts_key(a) for a in articles]
        try:
            found = st.get_derived(self.store, KIND, keys, version)
        except (StoreError, sqlite3.Error):
            found = {}
        out: list[ArticleFacts] = []
        new: dict[str, bytes] = {}
        for a, k in zip(articles, keys, strict=True):
            facts = _read(found.get(k), a)
            if facts is None:
                facts = article_facts(a)
                new[k] = zlib.compress(facts.dumps(), 1)
            out.append(facts)
        # not kept (a store in trouble): next time, perhaps; this build has what it needs
        with contextlib.suppress(StoreError, sqlite3.Error):
            st.put_derived(self.store, KIND, list(new.items()), version)
        return out


def _read(data: bytes | None, a: Article) -> ArticleFacts | None:
    if data is None:
        return None
    try:
        return ArticleFacts.loads(zlib.decompress(data), a)
    except (zlib.error, ValueError, TypeError, IndexError, KeyError):
        return None
