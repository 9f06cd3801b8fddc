"""What a run hands back: the `Analysis` of one period (`pipeline.analyse`), the period
a brief compares with (`Comparison`) and the brief with the files written
(`BuildResult`, `pipeline.build`).

Split from pipeline.py (500-line limit), which imports them, so its callers' imports
(`from briefgen.pipeline import BuildResult`) still work.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from briefgen.corpus import Corpus
from briefgen.model import Article, Brief, Keyphrase
from briefgen.nlp.attribution import Attribution
from briefgen.periods import Period

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from briefgen.book.sentfacts import Facts
    from briefgen.corrections import Desk
    from briefgen.nlp.embeddings import Embedder


KeyphraseScopes = Literal["none", "article", "country", "corpus", "brief"]


@dataclass
class Analysis:
    """Everything the analysis found for one period, before the book is assembled."""

    corpus: Corpus
    period: Period
    # The period's articles the brief analyses (low-relevance ones left out unless the
    # settings keep them), those left out, and the previous period's (for trends).
    articles: list[Article]
    low_relevance: list[Article]
    previous: list[Article]
    docs: Mapping[str, Doc]
    attribution: Attribution
    # {country code: its articles}, in section order: computed once per build.
    groups: dict[str, list[Article]] = field(default_factory=dict)
    # {scope id: keyphrases}: "corpus", country codes, or article ids.
    keyphrases: dict[str, list[Keyphrase]] = field(default_factory=dict)
    embedder: Embedder | None = None
    # The desk's corrections of this run and what became of each.
    desk: Desk | None = None
    # The period compared with (the one before, or --compare-to) and its attribution,
    # for trend markers and "What changed" when no stored brief covers it.
    before: Period | None = None
    previous_attribution: Attribution | None = None
    # Each article's sentence facts for the book, kept in the store (None: computed).
    facts: Facts | None = None


@dataclass(frozen=True)
class Comparison:
    """What a brief compares with: `period` (None: the period just before), and whether
    that period's articles are analysed too (trends, "What changed" without history)."""

    period: Period | None = None
    analyse_previous: bool = False


@dataclass
class BuildResult:
    brief: Brief
    corpus: Corpus
    paths: list[Path] = field(default_factory=list)
    analysis: Analysis | None = None
