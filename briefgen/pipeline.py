"""build(): the whole brief, top to bottom, one reported line a step.

read corpus -> select period -> parse -> quotes/actors/positions -> keyphrases
-> assemble Brief -> render HTML/PDF (written, then renamed)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.config import Settings
from briefgen.corpus import Corpus, load_corpus
from briefgen.errors import CorpusError
from briefgen.model import Article, Brief
from briefgen.nlp.attribution import Attribution
from briefgen.periods import Period
from briefgen.progress import Reporter

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class BuildResult:
    brief: Brief
    corpus: Corpus
    paths: list[Path] = field(default_factory=list)


def read(paths: Sequence[str | Path], settings: Settings, reporter: Reporter) -> Corpus:
    """Read and clean the corpus; skipped files are reported, never fatal."""
    with reporter.bar(total=None, label="reading files") as bar:
        corpus = load_corpus(paths, settings.corpus, progress=bar.update)
    for s in corpus.skipped:
        reporter.warn(f"skipped {s.path}: {s.reason}")
    reporter.step(f"Read {corpus.summary()}")
    if not corpus.articles:
        where = ", ".join(map(str, paths))
        raise CorpusError(
            f"no articles found in {where}; point briefgen at .txt, .md, .html, .json or .jsonl files"
        )
    return corpus


def select(articles: Sequence[Article], period: Period) -> list[Article]:
    """Articles inside the period; undated ones only when the period is open."""
    return [a for a in articles if period.contains(a.published)]


def parse(articles: Sequence[Article], settings: Settings, reporter: Reporter) -> dict[str, Doc]:
    from briefgen.nlp.parse import parse_articles

    with reporter.bar(total=len(articles), label="parsing") as bar:
        docs = parse_articles(articles, cache_dir=settings.cache_dir, progress=bar.update)
    reporter.step(f"Parsed {len(docs)} articles")
    return docs


def attribute(
    articles: Sequence[Article], docs: dict[str, Doc], settings: Settings, reporter: Reporter
) -> Attribution:
    from briefgen.nlp.attribution import attribute as _attribute

    att = _attribute(
        articles, docs, extra_actor_files=[Path(p) for p in settings.corpus.actors_files]
    )
    reporter.step(f"Found {len(att.quotes)} quotes from {len(att.actors)} actors")
    return att


def build(
    settings: Settings,
    as_of: date,
    period: Period,
    reporter: Reporter | None = None,
    paths: Sequence[str | Path] | None = None,
) -> BuildResult:
    """Read, analyse, assemble and render one brief; return it with the files written."""
    from briefgen.book.assemble import assemble, country_groups
    from briefgen.nlp.keyphrases import KeyphraseExtractor
    from briefgen.render import write_outputs

    rep = reporter or Reporter()
    corpus = read(paths or settings.corpus.paths, settings, rep)
    in_period = select(corpus.articles, period)
    if not in_period:
        span = period.label or "the period"
        raise CorpusError(
            f"no dated articles in {span} among {len(corpus.articles)} read; "
            "widen --since/--until or check the corpus dates with `briefgen articles`"
        )
    keep_low = settings.corpus.include_low_relevance
    main = [a for a in in_period if keep_low or not a.low_relevance]
    low = [a for a in in_period if a.low_relevance and not keep_low]
    rep.step(
        f"Selected {len(in_period)} articles in {period.label or 'the corpus'} ({len(low)} of low relevance)"
    )

    docs = parse(main, settings, rep)
    att = attribute(main, docs, settings, rep)

    # One embedder (model loaded once, disk cache) serves the keyphrases and the bottom
    # line's paraphrase check.
    from briefgen.nlp.embeddings import Embedder

    embedder = Embedder(settings.cache_dir)
    extractor = KeyphraseExtractor(
        cache_dir=settings.cache_dir, top_n=settings.brief.top_keyphrases, embedder=embedder
    )
    groups: dict[str, list[Article]] = {"corpus": main, **country_groups(main, att)}
    keyphrases = extractor.for_groups(groups, docs)
    rep.step(f"Extracted keyphrases for {len(groups)} scopes")

    before = period.previous()
    previous = [
        a
        for a in (select(corpus.articles, before) if before else [])
        if keep_low or not a.low_relevance
    ]
    brief = assemble(
        main,
        att,
        keyphrases,
        period,
        as_of,
        settings.brief.title,
        low_relevance=low,
        previous=previous,
        embed=embedder.embed,
    )
    paths_out = write_outputs(brief, settings.brief)
    for p in paths_out:
        rep.step(f"Wrote {p}")
    return BuildResult(brief=brief, corpus=corpus, paths=paths_out)
