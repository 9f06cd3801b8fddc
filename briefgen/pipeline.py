"""The one orchestration path: `analyse()` for every command, `build()` for the brief.

read corpus -> select period -> parse -> quotes/actors/positions -> keyphrases
            -> assemble Brief -> render HTML/PDF (written, then renamed)

Everything per file and per article goes through the article store (briefgen.ingest,
briefgen.store): a rerun reads, parses and analyses only new or changed articles.

The desk's corrections (briefgen/corrections) are applied at each stage as its records
are made: articles after reading, quotes and actors after attribution (positions are
derived again from the fixed quotes), keyphrases after extraction, pins and bans of key
quotes and bottom-line items after the book is assembled.

`briefgen build`, `quotes`, `actors` and `keyphrases` all call `analyse()`, so an
export shows exactly what the brief would use for the same period.  From an analysed
period to its Brief (the book's input, the brief compared with, the events lists) is
briefgen/assembly.py's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from briefgen.assembly import assemble_brief, events_for, last_brief
from briefgen.assembly import printed as printed  # re-exported: benchmarks import it here
from briefgen.config import Settings
from briefgen.corpus import Corpus
from briefgen.errors import CorpusError
from briefgen.ingest import relevant
from briefgen.model import (
    Article,
    ArticleAnalysis,
    Keyphrase,
    KeyphraseScope,
)
from briefgen.nlp.attribution import Attribution
from briefgen.periods import Period
from briefgen.progress import Reporter
from briefgen.results import Analysis, BuildResult, Comparison, KeyphraseScopes

if TYPE_CHECKING:
    from briefgen.corrections import Desk
    from briefgen.ingest import Runner, StoreSession
    from briefgen.nlp.embeddings import Embedder
    from briefgen.nlp.keyphrases import KeyphraseExtractor
    from briefgen.store import Store
    from briefgen.store.history import StoredBrief

T = TypeVar("T")


def read(paths: Sequence[str | Path] | None, settings: Settings, reporter: Reporter) -> Corpus:
    """Read and clean the corpus through the article store (only new or changed files
    are read); skipped files are reported, never fatal."""
    from briefgen.ingest import StoreSession, runner_for

    session = StoreSession(settings, reporter)
    runner = runner_for(settings)
    try:
        return session.run(lambda store: _read(store, session, runner, paths, settings, reporter))
    finally:
        runner.close()


def _read(
    store: Store,
    session: StoreSession,
    runner: Runner,
    paths: Sequence[str | Path] | None,
    settings: Settings,
    reporter: Reporter,
    periods: Sequence[Period] | None = None,
) -> Corpus:
    from briefgen.ingest import read_corpus

    corpus, report = read_corpus(store, settings, paths, session, runner, reporter, periods)
    for s in corpus.skipped:
        reporter.warn(f"skipped {s.path}: {s.reason}" if s.skipped else f"{s.path}: {s.reason}")
    fresh = report.files_new + report.files_updated
    note = f" ({fresh} files read anew)" if fresh else ""
    reporter.step(f"Read {corpus.summary()}{note}")
    if not corpus.size:
        where = ", ".join(map(str, paths or settings.corpus.paths))
        raise CorpusError(
            f"no articles found in {where}; point briefgen at .txt, .md, .html, .json or .jsonl files"
        )
    return corpus


def corrected_articles(
    settings: Settings,
    period: Period,
    reporter: Reporter | None = None,
    paths: Sequence[str | Path] | None = None,
) -> list[Article]:
    """The period's articles with the desk's article corrections (`briefgen articles`)."""
    from briefgen.corrections import desk_for

    rep = reporter or Reporter()
    desk = desk_for(settings).only("drop-article", "set-article")  # nothing else is made here
    corpus = read(paths, settings, rep)
    in_period = select(desk.articles(corpus.articles, period), period)
    report_corrections(desk, rep)
    return in_period


def report_corrections(desk: Desk | None, reporter: Reporter) -> None:
    """One line on the corrections, then one per stale entry (never fatal)."""
    if desk is None or not len(desk.corrections):
        return
    reporter.step(desk.summary())
    for line in desk.stale_lines():
        reporter.warn(line)


def select(articles: Sequence[Article], period: Period) -> list[Article]:
    """Articles inside the period; undated ones only when the period is open, and those
    dated only to a month or year when all of it lies inside."""
    return [a for a in articles if period.holds(a.published, a.date_precision)]


def attribute(
    store: Store,
    articles: Sequence[Article],
    settings: Settings,
    runner: Runner,
    reporter: Reporter,
    embedder: Embedder | None = None,
    period: Period | None = None,
) -> Attribution:
    """Quotes, actors and positions: each article's analysis from the store (parsed and
    analysed first when missing), merged for the period; with an embedder, each
    statement's stances are read and the period's positions derived from them."""
    from briefgen.ingest import analyse_stored, tasks
    from briefgen.nlp.attribution import merge

    analyses, fresh = analyse_stored(store, articles, settings, runner, reporter)
    reporter.step(
        f"Parsed and analysed {fresh} articles {runner.where(tasks(fresh))} "
        f"({len(articles) - fresh} from the store)"
        if fresh
        else f"Read the analyses of {len(articles)} articles from the store"
    )
    if embedder is not None:
        _article_vectors(store, articles, analyses, settings, runner, reporter, embedder)
    att = merge(
        analyses,
        embed=embedder.embed if embedder is not None else None,
        since=period.start if period else None,
        until=period.end if period else None,
    )
    reporter.step(f"Found {len(att.quotes)} quotes from {len(att.actors)} actors")
    return att


def _article_vectors(
    store: Store,
    articles: Sequence[Article],
    analyses: Sequence[ArticleAnalysis],
    settings: Settings,
    runner: Runner,
    reporter: Reporter,
    embedder: Embedder,
) -> None:
    """The embedder gets each article's vectors, embedded on the workers when missing."""
    from briefgen.articlevectors import article_vectors
    from briefgen.ingest import tasks
    from briefgen.nlp.actors import KnowledgeFiles
    from briefgen.store.versions import analysis_version

    aver = analysis_version(KnowledgeFiles.of(settings.corpus).all())
    vectors, fresh = article_vectors(store, articles, analyses, aver, runner, reporter)
    embedder.preload(vectors)
    if fresh:
        reporter.step(f"Embedded the texts of {fresh} articles {runner.where(tasks(fresh))}")


def analyse(
    settings: Settings,
    period: Period,
    reporter: Reporter | None = None,
    paths: Sequence[str | Path] | None = None,
    *,
    keyphrases: KeyphraseScopes = "brief",
    top_keyphrases: int | None = None,
    client: Any = None,
    compare: Comparison | None = None,
) -> Analysis:
    """Read, select, parse, attribute and (as asked) extract keyphrases for one period.

    `paths`: the corpus (default: the settings' paths; with a configured store, the
    whole store plus these paths).  `keyphrases`: "brief" (corpus and country scopes,
    as the brief uses them), "article", "country", "corpus", or "none".  `client`: a
    dask.distributed Client to parse and analyse on (default: the settings' scheduler,
    else this machine's cores).  `compare`: which period the brief compares with, and
    whether that period's articles are analysed too (build does; exports do not).
    """
    return _in_store(
        settings,
        reporter or Reporter(),
        client,
        lambda store, session, runner, rep: _analyse(
            store,
            session,
            runner,
            settings,
            period,
            rep,
            paths,
            keyphrases,
            top_keyphrases,
            compare or Comparison(),
        ),
    )


def _in_store(
    settings: Settings,
    rep: Reporter,
    client: Any,
    fn: Callable[[Store, StoreSession, Runner, Reporter], T],
) -> T:
    """fn over the settings' store (rebuilt from the sources if damaged) and a runner."""
    from briefgen.ingest import Runner, StoreSession

    session = StoreSession(settings, rep)
    runner = Runner(settings.store.workers, settings.store.scheduler, client)
    try:
        return session.run(lambda store: fn(store, session, runner, rep))
    finally:
        runner.close()


def _analyse(
    store: Store,
    session: StoreSession,
    runner: Runner,
    settings: Settings,
    period: Period,
    rep: Reporter,
    paths: Sequence[str | Path] | None,
    keyphrases: KeyphraseScopes,
    top_keyphrases: int | None,
    compare: Comparison,
) -> Analysis:
    from briefgen.book.assemble import country_groups
    from briefgen.corrections import desk_for
    from briefgen.ingest import StoredDocs
    from briefgen.keptfacts import KeptFacts

    desk = desk_for(settings)  # a bad entry stops the run before any work
    before = compare.period or period.previous()
    corpus = _read(store, session, runner, paths, settings, rep, _dated(desk, period, before))
    corpus.articles = desk.articles(corpus.articles, period)
    in_period, main, low = _in_period(corpus, period, settings, rep)
    desk.analysed(corpus.articles, in_period, main)
    from briefgen.nlp.embeddings import Embedder
    from briefgen.store.articles import EmbeddingTable

    # One embedder (model loaded once, vectors kept in the store) serves the stances, the
    # keyphrases and the bottom line's paraphrase check.
    embedder = Embedder(table=EmbeddingTable(store))
    att = attribute(store, main, settings, runner, rep, embedder, period)
    desk.attribution(att, period)
    docs = StoredDocs(store, main)
    groups = country_groups(main, att)
    previous = relevant(select(corpus.articles, before), settings) if before else []
    result = Analysis(
        corpus,
        period,
        main,
        low,
        previous,
        docs,
        att,
        groups,
        embedder=embedder,
        desk=desk,
        before=before,
        facts=KeptFacts(store),
    )
    if compare.analyse_previous and previous and before is not None:
        result.previous_attribution = attribute(
            store, previous, settings, runner, Reporter(), embedder, before
        )
        desk.attribution(result.previous_attribution, before, analysed=previous)
        rep.step(
            f"Analysed {len(previous)} articles of {before.label or 'the period before'} to compare"
        )
    if keyphrases != "none":
        _keyphrases(store, result, settings, rep, keyphrases, top_keyphrases)
        desk.keyphrases(result.keyphrases, {"corpus": main, **groups})
    return result


def _dated(desk: Desk, period: Period, before: Period | None) -> list[Period] | None:
    """The periods whose articles are all a build reads (by the store's day index):
    this one and the one compared with, when both have a first and a last day and the
    desk has no corrections (those are found in, and reported against, every article)."""
    periods = [p for p in (period, before) if p is not None]
    if len(desk.corrections) or any(p.start is None or p.end is None for p in periods):
        return None
    return periods


def _in_period(
    corpus: Corpus, period: Period, settings: Settings, rep: Reporter
) -> tuple[list[Article], list[Article], list[Article]]:
    """(the articles of the period, those relevant enough for the sections, the rest)."""
    in_period = select(corpus.articles, period)
    if not in_period:
        span = period.label or "the period"
        raise CorpusError(
            f"no dated articles in {span} among {corpus.size} read; "
            "widen --since/--until or check the corpus dates with `briefgen articles`"
        )
    main = relevant(in_period, settings)
    low = [a for a in in_period if a not in main]
    rep.step(
        f"Selected {len(in_period)} articles in {period.label or 'the corpus'} ({len(low)} of low relevance)"
    )
    return in_period, main, low


def _keyphrases(
    store: Store,
    an: Analysis,
    settings: Settings,
    rep: Reporter,
    scope: KeyphraseScopes,
    top: int | None,
) -> None:
    """Keyphrases per scope, with the analysis's embedder."""
    from briefgen.ingest import StoredTerms
    from briefgen.nlp.keyphrases import KeyphraseExtractor

    terms = StoredTerms(store, an.docs, settings)
    extractor = KeyphraseExtractor(
        cache_dir=settings.cache_dir,
        top_n=top or settings.brief.top_keyphrases,
        embedder=an.embedder,
        terms=terms,
    )
    if scope == "article":
        an.keyphrases = extractor.for_articles(an.articles, an.docs)
    else:
        groups: Mapping[str, Sequence[Article]] = {
            "country": an.groups,
            "corpus": {"corpus": an.articles},
        }.get(scope, {"corpus": an.articles, **an.groups})
        an.keyphrases = _group_keyphrases(store, extractor, terms.version, groups, an, scope)
    rep.step(f"Extracted keyphrases for {len(an.keyphrases)} scopes")


def _group_keyphrases(
    store: Store,
    extractor: KeyphraseExtractor,
    version: str,
    groups: Mapping[str, Sequence[Article]],
    an: Analysis,
    scope: KeyphraseScopes,
) -> dict[str, list[Keyphrase]]:
    """The groups' lists, read back when the last build of this scope made them from
    the same articles (briefgen.keptkeyphrases), else ranked."""
    from briefgen.keptkeyphrases import KeptKeyphrases, groups_key

    kind: KeyphraseScope = "corpus" if scope == "corpus" else "country"
    check = groups_key(groups, scope, extractor.top_n, extractor.params, extractor.params.max_words)
    slot = f"{scope}\0{an.period.start}\0{an.period.end}"  # a row per scope and period
    return KeptKeyphrases(store, version)(
        slot, check, lambda: extractor.for_groups(groups, an.docs, scope=kind)
    )


def build(
    settings: Settings,
    as_of: date,
    period: Period,
    reporter: Reporter | None = None,
    paths: Sequence[str | Path] | None = None,
    client: Any = None,
    compare_to: Period | None = None,
) -> BuildResult:
    """Read, analyse, assemble and render one brief; return it with the files written.

    The brief compares with `compare_to` (default: the last stored brief, else the period
    just before) and is kept in the history for the next one."""
    from briefgen.keptbrief import KeptBrief, KeptPdf
    from briefgen.render import PdfWorker, preflight, write_outputs
    from briefgen.store import history

    preflight(settings.brief)  # output folder and templates, before the heavy work
    # WeasyPrint loads in a child meanwhile (a tenth of a weekly brief's time)
    worker = (
        PdfWorker(settings.brief.template_dir, settings.brief.pdf_variant)
        if "pdf" in settings.brief.formats
        else None
    )

    def run(store: Store, session: StoreSession, runner: Runner, rep: Reporter) -> BuildResult:
        compare = Comparison(compare_to, analyse_previous=True)
        an = _analyse(store, session, runner, settings, period, rep, paths, "brief", None, compare)
        last = last_brief(store, period, compare_to)
        brief, record = assemble_brief(
            an, settings, as_of, last, events_for(settings, rep), KeptBrief(store)
        )
        if an.desk is not None:
            an.desk.brief(brief)
            report_corrections(an.desk, rep)
        rep.step(f"Assembled the brief ({len(brief.sources)} sources)")
        if period.start and period.end:
            history.save(store, record)
        kept_pdf = KeptPdf(store, worker, settings.brief.template_dir, settings.brief.pdf_variant)
        paths_out = write_outputs(brief, settings.brief, kept_pdf)
        for p in paths_out:
            rep.step(f"Wrote {p}")
        return BuildResult(brief=brief, corpus=an.corpus, paths=paths_out, analysis=an)

    try:
        return _in_store(settings, reporter or Reporter(), client, run)
    finally:
        if worker is not None:
            worker.close()


def stored_briefs(settings: Settings, reporter: Reporter | None = None) -> list[StoredBrief]:
    """The briefs kept in the history of the settings' store, latest period first."""
    from briefgen.ingest import StoreSession
    from briefgen.store import history

    return StoreSession(settings, reporter or Reporter()).run(history.stored_briefs)
