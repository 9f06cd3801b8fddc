"""What one worker does for a batch of articles: parse each once and analyse it on its own.

The same function runs in this process, in a local process pool or on a
dask.distributed worker, so a stored result never depends on where it was computed.
Models are loaded once per worker process (lru_cache in parse.load_spacy and here);
results come back as bytes (spaCy DocBin, records JSON), ready for the store.

Keys: a parse depends on the text alone; an analysis also on the article id (quote ids
carry it) and the dateline (a speaker's home country).  Both are hashed with their
version (briefgen.store.versions) by the caller.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefgen import records
from briefgen.model import Article, ArticleAnalysis

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from briefgen.nlp.actors import KnowledgeFiles

log = logging.getLogger(__name__)


def parse_key(article: Article) -> str:
    return hashlib.sha1(article.text.encode("utf-8")).hexdigest()


def terms_key(article: Article, max_words: int) -> str:
    """Keyphrase terms depend on the parse, the headline and the longest phrase allowed."""
    return hashlib.sha1(f"{max_words}\0{article.title}\0{article.text}".encode()).hexdigest()


def analysis_key(article: Article) -> str:
    dateline = str(article.meta.get("dateline") or "")
    raw = f"{article.article_id}\0{dateline}\0{article.text}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


@dataclass
class Result:
    """One article's parse (DocBin bytes) and analysis (records JSON; None if it failed)."""

    article_id: str
    parse: bytes
    analysis: bytes | None
    terms: bytes = b""  # keyphrase candidates and sentences (keyphrases.ArticleTerms)


def doc_to_bytes(doc: Doc) -> bytes:
    from spacy.tokens import DocBin

    return bytes(DocBin(store_user_data=False, docs=[doc]).to_bytes())


def doc_from_bytes(data: bytes, vocab: Vocab) -> Doc:
    from spacy.tokens import DocBin

    return next(iter(DocBin().from_bytes(data).get_docs(vocab)))


def process(
    articles: Sequence[Article],
    actor_files: Iterable[str] = (),
    knowledge: KnowledgeFiles | None = None,
) -> list[Result]:
    """Parse and analyse `articles` (one batch); an article whose analysis fails is logged
    and has analysis None, so one odd article never stops the run.  `knowledge` names the
    user's knowledge files (`actor_files` alone: the actor gazetteers)."""
    from briefgen.nlp.actors import KnowledgeFiles, load_lexicon
    from briefgen.nlp.attribution import analyse_article
    from briefgen.nlp.kpcandidates import many_article_terms
    from briefgen.nlp.parse import load_spacy, pipe_texts

    nlp = load_spacy()
    lex = load_lexicon(knowledge or KnowledgeFiles(actors=tuple(str(f) for f in actor_files)))
    done: list[tuple[Article, bytes, Doc, bytes | None]] = []
    for a, doc in zip(articles, pipe_texts(nlp, [a.text for a in articles]), strict=True):
        data = doc_to_bytes(doc)
        # The analysis reads the parse as every later build will: from the stored bytes,
        # so a fresh run and a rerun see the same Doc.
        doc = doc_from_bytes(data, nlp.vocab)
        try:
            analysis: bytes | None = records.dumps(analyse_article(a, doc, lex)).encode("utf-8")
        except Exception as e:  # one odd article never stops the brief
            log.warning("attribution failed for %s: %s", a.source_path, e)
            analysis = None
        done.append((a, data, doc, analysis))
    terms = many_article_terms([(doc, a.title) for a, _, doc, _ in done], nlp=nlp)
    return [
        Result(a.article_id, data, analysis, t.to_bytes())
        for (a, data, _, analysis), t in zip(done, terms, strict=True)
    ]


def load_analysis(data: bytes) -> ArticleAnalysis:
    return records.loads(ArticleAnalysis, data.decode("utf-8"))
