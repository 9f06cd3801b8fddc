"""Keyphrases with KeyBERT on the local all-MiniLM-L6-v2 model (placeholder until issue 5 lands)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.model import Article, Keyphrase, KeyphraseScope

if TYPE_CHECKING:
    from spacy.tokens import Doc


class KeyphraseExtractor:
    """Extracts keyphrases per article, per group of articles (a country), or per corpus.

    The embedding model is loaded once, lazily, on first use.
    """

    def __init__(self, cache_dir: Path | None = None, top_n: int = 10) -> None:
        self.cache_dir = cache_dir
        self.top_n = top_n

    def for_articles(
        self, articles: Sequence[Article], docs: Mapping[str, Doc]
    ) -> dict[str, list[Keyphrase]]:
        """{article_id: keyphrases} for each article."""
        return {a.article_id: [] for a in articles}

    def for_groups(
        self,
        groups: Mapping[str, Sequence[Article]],
        docs: Mapping[str, Doc],
        scope: KeyphraseScope = "country",
    ) -> dict[str, list[Keyphrase]]:
        """{group_id: keyphrases} for each group of articles (a country section, or "corpus")."""
        return {g: [] for g in groups}
