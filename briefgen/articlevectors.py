"""Each article's sentence vectors, made beside its analysis on the runner's workers and
kept in the article store, so a build's main process reads vectors instead of running
MiniLM on one core while the other idles (issue 12, point 3).

A worker takes an article with its stored analysis and keyphrase terms, works out every
text a build embeds for it (its title, statements, best keyphrase candidates, opening,
and the sentences that may be its reports of news), and embeds them as one batch of
their own (nlp.embeddings.embed_alone): a vector's last bits depend on its batch, so
embedding each article alone gives the same bits on any worker count, locally or on Dask.
It also returns the article's sentence facts (briefgen.keptfacts), which it computed
to find those sentences.  A text in several articles takes the vector of the article
whose key sorts first; texts no article gave (a development's written text, an old
brief's) are embedded in the main process as before.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefgen.ingest import Runner
from briefgen.model import Article, ArticleAnalysis
from briefgen.progress import Reporter
from briefgen.store import Store
from briefgen.store import articles as st

if TYPE_CHECKING:
    import numpy as np

    from briefgen.book.sentfacts import ArticleFacts
    from briefgen.nlp.kpcandidates import ArticleTerms

KIND = "vectors"
BATCH = 16  # articles per task (as ingest.analyses)
# (article, its analysis or None, its stored keyphrase terms or None)
Item = tuple[Article, ArticleAnalysis | None, bytes | None]


def vectors_key(a: Article) -> str:
    """What an article's texts depend on: its analysis, terms and facts keys."""
    from briefgen.book.sentfacts import facts_key
    from briefgen.nlp.keyphrases import Params
    from briefgen.nlp.worker import analysis_key, terms_key

    raw = f"{analysis_key(a)}\0{terms_key(a, Params.max_words)}\0{facts_key(a)}"
    return hashlib.sha1(raw.encode()).hexdigest()


def report_texts(a: Article, facts: ArticleFacts) -> list[str]:
    """The sentences book.reports.find_reports may embed for this article (condensed):
    its first usable news sentences, and deeper ones telling a top event as done.  A
    superset: the period, the actors and the topic filter are left to the build."""
    from briefgen.book.reports import DEFAULT_WEIGHTS, background, report_facts
    from briefgen.book.sentences import condense
    from briefgen.book.sentfacts import MAX_SENTENCES_PER_ARTICLE
    from briefgen.knowledge.events import classify, top_event

    out: list[str] = []
    rank = 0
    for sf in facts.sentences[:MAX_SENTENCES_PER_ARTICLE]:
        if not sf.usable:
            continue
        rank += 1
        text = sf.sent.text
        if sf.news < 0:
            continue
        if rank > DEFAULT_WEIGHTS.lead_sentences:
            if not top_event(classify(text)):
                continue
            f = sf.report or report_facts(text, a)
            if not top_event(f.tag) or f.speculative or f.future or f.comment:
                continue
            if background(text):
                continue
        out.append(condense(text))
    return out


def article_texts(
    a: Article, an: ArticleAnalysis | None, terms: ArticleTerms | None, facts: ArticleFacts
) -> list[str]:
    """Every text a build embeds for this article alone."""
    from briefgen.nlp.keyphrases import KeyphraseExtractor
    from briefgen.nlp.stance import statement_text

    texts = [a.title or ""]
    if an is not None:
        said = (statement_text(q.text) for q in an.quotes if q.quote_id in an.stance_features)
        texts += [t for t in said if t is not None]
    if terms is not None:
        texts += KeyphraseExtractor().embedded_texts(a, terms)
    return texts + report_texts(a, facts)


def embed_articles(items: Sequence[Item]) -> list[tuple[bytes, bytes]]:
    """Worker task: each article's (packed vectors, sentence facts as keptfacts keeps
    them); the model is loaded once per process (nlp.embeddings.load_minilm)."""
    from briefgen.keptfacts import facts_of
    from briefgen.nlp.embeddings import embed_alone
    from briefgen.nlp.kpcandidates import ArticleTerms

    out = []
    for a, an, raw in items:
        facts = facts_of(a)
        terms = ArticleTerms.from_bytes(raw) if raw else None
        keys, vecs = embed_alone(article_texts(a, an, terms, facts))
        out.append((pack(keys, vecs), facts.dumps()))
    return out


def pack(keys: Sequence[str], vecs: np.ndarray) -> bytes:
    """count, the keys' 20-byte digests, then the float32 rows."""
    import numpy as np

    head = struct.pack("<I", len(keys)) + b"".join(bytes.fromhex(k) for k in keys)
    return head + np.ascontiguousarray(vecs, dtype="<f4").tobytes()


def unpack(data: bytes) -> dict[str, np.ndarray]:
    import numpy as np

    from briefgen.nlp.embeddings import DIM

    (n,) = struct.unpack_from("<I", data)
    body = 4 + 20 * n
    if len(data) != body + 4 * DIM * n:
        raise ValueError("a vectors row of the wrong size")
    vecs = np.frombuffer(data, dtype="<f4", offset=body).reshape(n, DIM)
    return {data[4 + 20 * i : 24 + 20 * i].hex(): vecs[i] for i in range(n)}


def article_vectors(
    store: Store,
    articles: Sequence[Article],
    analyses: Sequence[ArticleAnalysis],
    aver: str,
    runner: Runner,
    reporter: Reporter,
) -> tuple[dict[str, np.ndarray], int]:
    """{text key: vector} of the articles' texts, and how many articles were embedded
    now: those without a current row, on the runner's workers (rows then stored)."""
    from briefgen.keptfacts import keep_facts
    from briefgen.nlp.keyphrases import Params
    from briefgen.nlp.worker import terms_key
    from briefgen.store.versions import vectors_version

    version = vectors_version(aver)
    keys = [vectors_key(a) for a in articles]
    found = st.get_derived(store, KIND, keys, version)
    todo = [(a, k) for a, k in zip(articles, keys, strict=True) if k not in found]
    if todo:
        by_id = {an.article_id: an for an in analyses}
        tkeys = [terms_key(a, Params.max_words) for a, _ in todo]
        terms = st.get_derived(store, "terms", tkeys, aver)
        items = [
            (a, by_id.get(a.article_id), terms.get(tk))
            for (a, _), tk in zip(todo, tkeys, strict=True)
        ]
        batches = [items[i : i + BATCH] for i in range(0, len(items), BATCH)]
        at = 0
        with reporter.bar(total=len(items), label="embedding") as bar:
            for batch, results in zip(batches, runner.map(embed_articles, batches), strict=True):
                done = todo[at : at + len(batch)]
                at += len(batch)
                rows = [(k, vec) for (_, k), (vec, _) in zip(done, results, strict=True)]
                st.put_derived(store, KIND, rows, version)
                found.update(rows)
                keep_facts(store, [(a, f) for (a, _), (_, f) in zip(done, results, strict=True)])
                bar.update(len(batch))
    out: dict[str, np.ndarray] = {}
    for k in sorted(set(keys)):  # a text in several articles: the first key's vector
        for tk, v in unpack(found[k]).items():
            out.setdefault(tk, v)
    return out, len(todo)
