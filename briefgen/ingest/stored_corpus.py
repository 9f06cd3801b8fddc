"""The corpus of stored files: exactly what reading them afresh gives, kept per selection."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from briefgen.config import Settings
from briefgen.corpus import Corpus, SkippedFile
from briefgen.corpus.load import FileResult, assemble
from briefgen.model import Article
from briefgen.store import Store, StoreError
from briefgen.store import articles as st
from briefgen.store.versions import corpus_code, files_digest


def corpus_from_store(store: Store, settings: Settings, files: Sequence[str] | None) -> Corpus:
    """The corpus of the stored `files` (in that order), or of the whole store (in the
    order files were first ingested): exactly what reading them afresh gives.

    The result is kept per selection of files, under a hash of everything it depends
    on (the articles' hashes, the files' problems, the corpus code and settings), so an
    unchanged store gives its corpus back without redoing the corpus-wide steps; when
    it changed, each article's relevance score is still reused (kept by its inputs)."""
    import numpy as np

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
    snap = st.get_derived(store, "corpus", [selection], content).get(selection)
    if snap is not None:
        try:
            return _corpus_from_json(snap)
        except (ValueError, TypeError, KeyError):  # unreadable: assembled again
            pass
    loaded = st.load_files(store, [stored[p] for p in order])
    results: list[FileResult] = []
    sigs: list[Any] = []
    for fa in loaded:
        f = fa.file
        results.append(FileResult(f.path, fa.articles, f.problems, f.error, f.empty))
        sigs += [None if s is None else np.frombuffer(s, dtype=np.uint64) for s in fa.signatures]
    scores = _RelevanceCache(store, knowledge_digest(settings))
    corpus = assemble(results, settings.corpus, sigs, relevance_of=scores)
    scores.save()
    st.put_derived(store, "corpus", [(selection, _corpus_to_json(corpus))], content)
    return corpus


def knowledge_digest(settings: Settings) -> str:
    from briefgen.nlp.actors import KnowledgeFiles

    return files_digest(KnowledgeFiles.of(settings.corpus).all())


def _corpus_to_json(corpus: Corpus) -> bytes:
    from briefgen import records

    return records.dumps(
        {
            "articles": corpus.articles,
            "files_read": corpus.files_read,
            "skipped": [[s.path, s.reason] for s in corpus.skipped],
            "duplicates_merged": corpus.duplicates_merged,
            "records_without_text": corpus.records_without_text,
        }
    ).encode("utf-8")


def _corpus_from_json(data: bytes) -> Corpus:
    from briefgen import records

    raw = json.loads(data.decode("utf-8"))
    return Corpus(
        articles=records.from_jsonable(list[Article], raw["articles"]),
        files_read=raw["files_read"],
        skipped=[SkippedFile(p, why) for p, why in raw["skipped"]],
        duplicates_merged=raw["duplicates_merged"],
        records_without_text=raw["records_without_text"],
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
