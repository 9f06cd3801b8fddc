"""Per-article parses, analyses and keyphrase terms: computed only when the store lacks
them, on the runner's workers, and read back on use."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING

from briefgen.config import Settings
from briefgen.ingest.runner import Runner
from briefgen.model import Article, ArticleAnalysis
from briefgen.progress import Reporter
from briefgen.store import Store
from briefgen.store import articles as st
from briefgen.store.versions import analysis_version, parse_version

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from briefgen.nlp.keyphrases import ArticleTerms
    from briefgen.nlp.worker import Result

# Articles per task: big enough for spaCy's batching, small enough to spread over workers.
BATCH = 16


def analyse_stored(
    store: Store,
    articles: Sequence[Article],
    settings: Settings,
    runner: Runner,
    reporter: Reporter,
    decode: bool = True,
) -> tuple[list[ArticleAnalysis], int]:
    """Each article's analysis, in order (articles whose analysis failed left out; none
    when not `decode`), and how many were computed (`runner.where(tasks(n))` says
    where): only articles without a current parse and analysis are
    parsed and analysed (on the runner's workers), and those results are stored."""
    from briefgen.nlp.actors import KnowledgeFiles
    from briefgen.nlp.worker import analysis_key, load_analysis, parse_key, process

    knowledge = KnowledgeFiles.of(settings.corpus)
    aver = analysis_version(knowledge.all())
    pver = parse_version()
    akeys = [analysis_key(a) for a in articles]
    pkeys = [parse_key(a) for a in articles]
    found = (
        st.get_derived(store, "analysis", akeys, aver)
        if decode
        else dict.fromkeys(st.present_derived(store, "analysis", akeys, aver), b"")
    )
    parsed = st.present_derived(store, "parse", pkeys, pver)
    todo = [
        a
        for a, ak, pk in zip(articles, akeys, pkeys, strict=True)
        if ak not in found or pk not in parsed
    ]
    if todo:
        if runner.client() is None and runner.workers > 1:
            from briefgen.nlp.parse import load_spacy

            load_spacy()  # loaded here once; forked workers share it
        batches = [todo[i : i + BATCH] for i in range(0, len(todo), BATCH)]
        work = partial(process, knowledge=knowledge)
        with reporter.bar(total=len(todo), label="parsing and analysing") as bar:
            for batch, results in zip(batches, runner.map(work, batches), strict=True):
                _put_results(store, batch, results, aver, pver, found)
                bar.update(len(batch))
    out: list[ArticleAnalysis] = []
    for a, ak in zip(articles, akeys if decode else [], strict=False):
        data = found.get(ak)
        if data:  # empty: the analysis failed (logged when it ran)
            an = load_analysis(data)
            if an.article_id == a.article_id:
                out.append(an)
    return out, len(todo)


def tasks(articles: int) -> int:
    """How many tasks `articles` articles make."""
    return -(-articles // BATCH)


def _put_results(
    store: Store,
    batch: Sequence[Article],
    results: Sequence[Result],
    aver: str,
    pver: str,
    found: dict[str, bytes],
) -> None:
    from briefgen.nlp.keyphrases import Params
    from briefgen.nlp.worker import analysis_key, parse_key, terms_key

    parses: list[tuple[str, bytes]] = []
    analyses: list[tuple[str, bytes]] = []
    terms: list[tuple[str, bytes]] = []
    for a, r in zip(batch, results, strict=True):
        parses.append((parse_key(a), r.parse))
        ak = analysis_key(a)
        data = r.analysis or b""
        analyses.append((ak, data))
        found[ak] = data
        if r.terms:
            terms.append((terms_key(a, Params.max_words), r.terms))
    st.put_derived(store, "parse", parses, pver)
    st.put_derived(store, "analysis", analyses, aver)
    st.put_derived(store, "terms", terms, aver)


class StoredDocs(Mapping[str, "Doc"]):
    """{article_id: Doc} read from the stored parses, decoded on use (a few kept)."""

    KEEP = 256

    def __init__(self, store: Store, articles: Sequence[Article]) -> None:
        from briefgen.nlp.worker import parse_key

        self._store = store
        self._keys = {a.article_id: parse_key(a) for a in articles}
        self._bytes: dict[str, bytes] | None = None  # read on first use: warm builds need none
        self._texts = {a.article_id: a.text for a in articles}
        self._docs: OrderedDict[str, Doc] = OrderedDict()

    def __getitem__(self, aid: str) -> Doc:
        doc = self._docs.get(aid)
        if doc is not None:
            self._docs.move_to_end(aid)
            return doc
        from briefgen.nlp.parse import load_spacy, pipe_texts
        from briefgen.nlp.worker import doc_from_bytes

        if self._bytes is None:
            data = st.get_derived(self._store, "parse", self._keys.values(), parse_version())
            self._bytes = {aid: data[k] for aid, k in self._keys.items() if k in data}
        nlp = load_spacy()
        raw = self._bytes.get(aid)
        if raw is not None:
            doc = doc_from_bytes(raw, nlp.vocab)
        elif aid in self._texts:
            doc = next(pipe_texts(nlp, [self._texts[aid]]))  # as the workers parse it
        else:
            raise KeyError(aid)
        self._docs[aid] = doc
        if len(self._docs) > self.KEEP:
            self._docs.popitem(last=False)
        return doc

    def __contains__(self, aid: object) -> bool:
        return aid in self._texts  # without decoding (Mapping's would)

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)


def relevant(articles: Sequence[Article], settings: Settings) -> list[Article]:
    """The articles that go into country sections: the one low-relevance filter."""
    keep_low = settings.corpus.include_low_relevance
    return [a for a in articles if keep_low or not a.low_relevance]


class StoredTerms:
    """Keyphrase terms (candidates and sentences) per article from the store; those
    missing are computed from the stored parse and stored (keyphrases.TermsSource)."""

    def __init__(self, store: Store, docs: Mapping[str, Doc], settings: Settings) -> None:
        from briefgen.nlp.actors import KnowledgeFiles

        self.store = store
        self.docs = docs
        self.version = analysis_version(KnowledgeFiles.of(settings.corpus).all())

    def __call__(self, articles: Sequence[Article], max_words: int) -> dict[str, ArticleTerms]:
        from briefgen.nlp.keyphrases import ArticleTerms
        from briefgen.nlp.kpcandidates import many_article_terms
        from briefgen.nlp.worker import terms_key

        keys = {a.article_id: terms_key(a, max_words) for a in articles}
        titles = {a.article_id: a.title for a in articles}
        found = st.get_derived(self.store, "terms", keys.values(), self.version)
        out: dict[str, ArticleTerms] = {}
        todo: list[str] = []
        for aid, key in keys.items():
            data = found.get(key)
            if data is not None:
                try:
                    out[aid] = ArticleTerms.from_bytes(data)
                    continue
                except (ValueError, TypeError):  # unreadable: computed again
                    pass
            todo.append(aid)
        made = many_article_terms([(self.docs[aid], titles[aid]) for aid in todo], max_words)
        out.update(zip(todo, made, strict=True))
        st.put_derived(
            self.store, "terms", [(keys[aid], out[aid].to_bytes()) for aid in todo], self.version
        )
        return {aid: out[aid] for aid in keys}
