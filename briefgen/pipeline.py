"""The one orchestration path: `analyse()` for every command, `build()` for the brief.

read corpus -> select period -> parse -> quotes/actors/positions -> keyphrases
            -> assemble Brief -> render HTML/PDF (written, then renamed)

`briefgen build`, `quotes`, `actors` and `keyphrases` all call `analyse()`, so an
export shows exactly what the brief would use for the same period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from briefgen.config import Settings
from briefgen.corpus import Corpus, load_corpus
from briefgen.errors import CorpusError
from briefgen.model import Article, Brief, Keyphrase
from briefgen.nlp.attribution import Attribution
from briefgen.periods import Period
from briefgen.progress import Reporter

if TYPE_CHECKING:
    from spacy.tokens import Doc

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
    docs: dict[str, Doc]
    attribution: Attribution
    # {country code: its articles}, in section order: computed once per build.
    groups: dict[str, list[Article]] = field(default_factory=dict)
    # {scope id: keyphrases}: "corpus", country codes, or article ids.
    keyphrases: dict[str, list[Keyphrase]] = field(default_factory=dict)
    embedder: Embedder | None = None


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


def relevant(articles: Sequence[Article], settings: Settings) -> list[Article]:
    """The articles that go into country sections: the one low-relevance filter."""
    keep_low = settings.corpus.include_low_relevance
    return [a for a in articles if keep_low or not a.low_relevance]


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


def analyse(
    settings: Settings,
    period: Period,
    reporter: Reporter | None = None,
    paths: Sequence[str | Path] | None = None,
    *,
    keyphrases: KeyphraseScopes = "brief",
    top_keyphrases: int | None = None,
) -> Analysis:
    """Read, select, parse, attribute and (as asked) extract keyphrases for one period.

    `keyphrases`: "brief" (corpus and country scopes, as the brief uses them),
    "article", "country", "corpus", or "none".
    """
    from briefgen.book.assemble import country_groups

    rep = reporter or Reporter()
    corpus = read(paths or settings.corpus.paths, settings, rep)
    in_period = select(corpus.articles, period)
    if not in_period:
        span = period.label or "the period"
        raise CorpusError(
            f"no dated articles in {span} among {len(corpus.articles)} read; "
            "widen --since/--until or check the corpus dates with `briefgen articles`"
        )
    main = relevant(in_period, settings)
    low = [a for a in in_period if a not in main]
    rep.step(
        f"Selected {len(in_period)} articles in {period.label or 'the corpus'} ({len(low)} of low relevance)"
    )
    docs = parse(main, settings, rep)
    att = attribute(main, docs, settings, rep)
    groups = country_groups(main, att)
    before = period.previous()
    previous = relevant(select(corpus.articles, before), settings) if before else []
    result = Analysis(corpus, period, main, low, previous, docs, att, groups)
    if keyphrases != "none":
        _keyphrases(result, settings, rep, keyphrases, top_keyphrases)
    return result


def _keyphrases(
    an: Analysis, settings: Settings, rep: Reporter, scope: KeyphraseScopes, top: int | None
) -> None:
    """Keyphrases per scope; one embedder (model loaded once, disk cache) also serves the
    bottom line's paraphrase check."""
    from briefgen.nlp.embeddings import Embedder
    from briefgen.nlp.keyphrases import KeyphraseExtractor

    an.embedder = Embedder(settings.cache_dir)
    extractor = KeyphraseExtractor(
        cache_dir=settings.cache_dir,
        top_n=top or settings.brief.top_keyphrases,
        embedder=an.embedder,
    )
    if scope == "article":
        an.keyphrases = extractor.for_articles(an.articles, an.docs)
    elif scope == "country":
        an.keyphrases = extractor.for_groups(an.groups, an.docs, scope="country")
    elif scope == "corpus":
        an.keyphrases = extractor.for_groups({"corpus": an.articles}, an.docs, scope="corpus")
    else:
        an.keyphrases = extractor.for_groups({"corpus": an.articles, **an.groups}, an.docs)
    rep.step(f"Extracted keyphrases for {len(an.keyphrases)} scopes")


def build(
    settings: Settings,
    as_of: date,
    period: Period,
    reporter: Reporter | None = None,
    paths: Sequence[str | Path] | None = None,
) -> BuildResult:
    """Read, analyse, assemble and render one brief; return it with the files written."""
    from briefgen.book.assemble import assemble
    from briefgen.render import write_outputs

    rep = reporter or Reporter()
    an = analyse(settings, period, rep, paths)
    brief = assemble(
        an.articles,
        an.attribution,
        an.keyphrases,
        period,
        as_of,
        settings.brief.title,
        low_relevance=an.low_relevance,
        previous=an.previous,
        embed=an.embedder.embed if an.embedder else None,
        groups=an.groups,
    )
    paths_out = write_outputs(brief, settings.brief)
    for p in paths_out:
        rep.step(f"Wrote {p}")
    return BuildResult(brief=brief, corpus=an.corpus, paths=paths_out)
