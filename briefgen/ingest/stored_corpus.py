"""The corpus of stored files: exactly what reading them afresh gives, kept per selection."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from briefgen import records
from briefgen.config import Settings
from briefgen.corpus import Corpus, SkippedFile
from briefgen.corpus.load import FileResult, assemble
from briefgen.model import Article
from briefgen.periods import Period
from briefgen.store import Store, StoreError, corpora
from briefgen.store import articles as st
from briefgen.store.versions import corpus_code, files_digest


def corpus_from_store(
    store: Store,
    settings: Settings,
    files: Sequence[str] | None,
    periods: Sequence[Period] | None = None,
) -> Corpus:
    """The corpus of the stored `files` (in that order), or of the whole store (in the
    order files were first ingested): exactly what reading them afresh gives.

    The result is kept per selection of files, one row per article with its day
    indexed, under a hash of everything it depends on (the articles' hashes, the
    files' problems, the corpus code and settings), so an unchanged store gives its
    corpus back without redoing the corpus-wide steps; when it changed, each article's
    relevance score is still reused (kept by its inputs).

    `periods` (each with a first and a last day): only the articles inside one of them
    are read, by the day index (what a weekly brief of a large store needs); the
    corpus's counts (`whole`, `summary()`) are still those of all its articles."""
    stored = st.stored_files(store, files)
    order = list(files) if files is not None else list(stored)
    missing = [p for p in order if p not in stored]
    if missing:
        raise StoreError(f"{missing[0]} is not in the store {store.path}; ingest it first")
    hashes = st.file_hashes(store, order)
    fingerprint = json.dumps(
        [
            corpus_code(),
            knowledge_digest(settings),
            settings.corpus.relevance_threshold,
            [(p, stored[p].error, stored[p].problems, stored[p].empty, hashes[p]) for p in order],
        ]
    )
    selection = "corpus:" + st.sha1(json.dumps(order if files is not None else None))
    content = st.sha1(fingerprint)
    kept = _kept(store, selection, content, periods)
    if kept is not None:
        return kept
    corpus = _assemble(store, settings, [stored[p] for p in order])
    corpora.put(
        store,
        selection,
        content,
        _head_json(corpus),
        [(a.published, records.dumps(a)) for a in corpus.articles],
    )
    return corpus if periods is None else _inside(corpus, periods)


def _assemble(store: Store, settings: Settings, files: Sequence[st.StoredFile]) -> Corpus:
    """The corpus-wide steps over the stored articles of `files`."""
    import numpy as np

    loaded = st.load_files(store, files)
    results: list[FileResult] = []
    sigs: list[Any] = []
    for fa in loaded:
        f = fa.file
        results.append(FileResult(f.path, fa.articles, f.problems, f.error, f.empty))
        sigs += [None if s is None else np.frombuffer(s, dtype=np.uint64) for s in fa.signatures]
    scores = _RelevanceCache(store, knowledge_digest(settings))
    corpus = assemble(results, settings.corpus, sigs, relevance_of=scores)
    scores.save()
    return corpus


def _spans(periods: Sequence[Period]) -> list[tuple[date, date]]:
    spans = []
    for p in periods:
        if p.start is None or p.end is None:
            raise ValueError("a period read by the day index needs a first and a last day")
        spans.append((p.start, p.end))
    return spans


def _inside(corpus: Corpus, periods: Sequence[Period]) -> Corpus:
    """The corpus with only the articles inside one of `periods`, its counts kept."""
    low = sum(1 for a in corpus.articles if a.low_relevance)
    return replace(
        corpus,
        articles=[a for a in corpus.articles if _holds(periods, a)],
        whole=corpus.whole or (len(corpus.articles), low),
    )


def _holds(periods: Sequence[Period], a: Article) -> bool:
    return any(p.holds(a.published, a.date_precision) for p in periods)


def _kept(
    store: Store, selection: str, content: str, periods: Sequence[Period] | None
) -> Corpus | None:
    """The kept corpus of the selection when made from `content` (None: assemble it).

    An article dated to the month or year is inside a period only when all of its span
    is, so its day (the span's first) is too: the day index finds every article a
    period holds; `holds` then keeps exactly those."""
    head = corpora.head(store, selection, content)
    if head is None:
        return None
    spans = None if periods is None else _spans(periods)
    rows = corpora.records(store, selection, spans)
    if rows is None:
        return None
    try:
        raw = json.loads(head)
        if periods is None and len(rows) != raw["articles"]:
            return None
        articles = [records.loads(Article, rec) for _, rec in rows]
        corpus = Corpus(
            articles=articles,
            files_read=raw["files_read"],
            skipped=[SkippedFile(p, why, skipped) for p, why, skipped in raw["skipped"]],
            duplicates_merged=raw["duplicates_merged"],
            records_without_text=raw["records_without_text"],
        )
        if periods is not None:
            corpus.articles = [a for a in articles if _holds(periods, a)]
            corpus.whole = (raw["articles"], raw["low_relevance"])
        return corpus
    except (ValueError, TypeError, KeyError):  # unreadable: assembled again
        return None


def knowledge_digest(settings: Settings) -> str:
    from briefgen.nlp.actors import KnowledgeFiles

    return files_digest(KnowledgeFiles.of(settings.corpus).all())


def _head_json(corpus: Corpus) -> str:
    return json.dumps(
        {
            "articles": len(corpus.articles),
            "low_relevance": sum(1 for a in corpus.articles if a.low_relevance),
            "files_read": corpus.files_read,
            "skipped": [[s.path, s.reason, s.skipped] for s in corpus.skipped],
            "duplicates_merged": corpus.duplicates_merged,
            "records_without_text": corpus.records_without_text,
        }
    )


class _RelevanceCache:
    """Relevance scores kept by what they are computed from (title, lead, text, outlet)."""

    def __init__(self, store: Store, knowledge: str) -> None:
        self.store = store
        self.version = f"r-{corpus_code()}-{knowledge}"
        self.new: list[tuple[str, bytes]] = []

    def __call__(
        self, articles: Sequence[Article], score: Callable[[Article], float]
    ) -> list[float]:
        keys = [
            st.sha1("\0".join([a.title, str(a.meta.get("dateline", "")), a.outlet or "", a.text]))
            for a in articles
        ]
        found = st.get_derived(self.store, "relevance", keys, self.version)
        out: list[float] = []
        for a, k in zip(articles, keys, strict=True):
            if k in found:
                out.append(float(found[k].decode()))
            else:
                out.append(score(a))
                self.new.append((k, repr(out[-1]).encode()))
        return out

    def save(self) -> None:
        st.put_derived(self.store, "relevance", self.new, self.version)
        self.new = []
