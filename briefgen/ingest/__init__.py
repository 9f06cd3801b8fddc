"""Files into the article store, and stored articles back out as a corpus and analyses.

    ingest(settings, paths)      read and clean new or changed files, store them, then
                                 parse and analyse every article the store lacks
    StoreSession                 the store of the settings, set aside and rebuilt from
                                 the sources when it is damaged or of an old layout
    corpus_from_store(...)       the corpus a fresh read of the same files would give
    analyse_stored(...)          each article's ArticleAnalysis, computed only when missing
    StoredDocs                   the stored parses as a {article_id: Doc} mapping

One module a concern: `runner` (where tasks run: here, local processes, Dask),
`session` (which store, rebuilt when damaged), `reading` (files in), `duplicates`
(articles the store already has), `report` (what an ingest did), `stored_corpus`
(the corpus of stored files), `analyses` (per-article parses, analyses and terms).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefgen.config import Settings
from briefgen.corpus import Corpus, SkippedFile
from briefgen.corpus.load import expand_paths
from briefgen.errors import CorpusError
from briefgen.ingest.analyses import StoredDocs, StoredTerms, analyse_stored, relevant, tasks
from briefgen.ingest.reading import SPLIT_FROM, file_version, ingest_files
from briefgen.ingest.report import IngestReport
from briefgen.ingest.runner import Runner, cores, runner_for
from briefgen.ingest.session import StoreSession, is_archive, manifest_of, store_path
from briefgen.ingest.stored_corpus import corpus_from_store
from briefgen.periods import Period
from briefgen.progress import Reporter
from briefgen.store import Store

__all__ = [
    "SPLIT_FROM",
    "IngestReport",
    "Runner",
    "StoreSession",
    "StoredDocs",
    "StoredTerms",
    "analyse_stored",
    "cores",
    "corpus_from_store",
    "file_version",
    "ingest",
    "ingest_files",
    "manifest_of",
    "read_corpus",
    "relevant",
    "runner_for",
    "selection",
    "store_path",
    "tasks",
]


def selection(
    store: Store, settings: Settings, paths: Sequence[str | Path] | None, session: StoreSession
) -> tuple[list[Path], list[str] | None]:
    """(files to ingest, files the corpus is made of: None for the whole store)."""
    given = [*(paths or ()), *session.recovered]
    if is_archive(settings):
        files = expand_paths([Path(p).expanduser().resolve() for p in given]) if given else []
        return files, None
    if not given:
        given = list(settings.corpus.paths)
    files = expand_paths(given)
    return files, [str(f) for f in files]


def read_corpus(
    store: Store,
    settings: Settings,
    paths: Sequence[str | Path] | None,
    session: StoreSession,
    runner: Runner,
    reporter: Reporter,
    periods: Sequence[Period] | None = None,
) -> tuple[Corpus, IngestReport]:
    """Ingest the paths (only new or changed files are read), then the corpus (with
    `periods`, only their articles: see corpus_from_store)."""
    files, chosen = selection(store, settings, paths, session)
    report = ingest_files(store, files, settings, runner, reporter)
    vanished = {p for p, _ in report.vanished}
    if chosen is not None and vanished:
        chosen = [p for p in chosen if p not in vanished]
    corpus = corpus_from_store(store, settings, chosen, periods)
    corpus.skipped += [SkippedFile(p, why) for p, why in report.vanished]
    if not corpus.size and chosen is None:
        raise CorpusError(
            f"the store {store.path} holds no articles; run `briefgen ingest PATH` or give paths"
        )
    return corpus, report


def ingest(
    settings: Settings,
    paths: Sequence[str | Path],
    reporter: Reporter | None = None,
    scheduler: str | None = None,
    client: Any = None,
    analyse: bool = True,
) -> IngestReport:
    """`briefgen ingest`: store new and changed files, then parse and analyse every
    article of the store's corpus that has no current result."""
    rep = reporter or Reporter()
    session = StoreSession(settings, rep)
    runner = Runner(settings.store.workers, scheduler or settings.store.scheduler, client)

    def work(store: Store) -> IngestReport:
        corpus, report = read_corpus(store, settings, paths, session, runner, rep)
        for path, reason in report.skipped:
            rep.warn(f"skipped {path}: {reason}")
        if analyse:
            _, report.analysed = analyse_stored(
                store, relevant(corpus.articles, settings), settings, runner, rep, decode=False
            )
        return report

    try:
        return session.run(work)
    finally:
        runner.close()
