"""Keyphrases with KeyBERT on the local all-MiniLM-L6-v2 model, per article, country or brief.

Plain KeyBERT embeds every 1-3-gram of every document, one document at a time, and
ranks by cosine alone: slow, and it picks fragments ("agree everybody", "talks despite
trump").  Here the candidates are the noun phrases of the shared spaCy parse
(adjectives and nouns ending in a noun, cut where the dependency parse says a word does
not modify the next), merged across surface variants (plural and singular; "North
Korea" / "North Korean" / "Pyongyang" by the country gazetteer).  Cheap priors (first
position, frequency, a one-word discount) pick each article's best 30, and only those
are embedded, each distinct phrase once per run, in batches, through KeyBERT's backend,
with an on-disk cache.  The score is the cosine to the article's opening times the
priors; MMR diversifies the list.  People and titles are left to the actors list.

Groups (a country section, the whole brief) add up their articles' normalised scores;
a country counts only the sentences that name it, and a phrase as strong in every
country section is discounted, so each country keeps its own phrases.  A period's lists
keep what an analyst keeps (nlp/kpkeep.py): no bare nouns, sources or places.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.model import Article, Keyphrase, KeyphraseScope
from briefgen.nlp.kpcandidates import (
    INSTITUTION_CODE,
    SUBJECT_KEYS,
    ArticleTerms,
    Candidate,
    article_terms,
    candidates,
    gazetteer,
    many_article_terms,
)
from briefgen.nlp.kpdedupe import distinct
from briefgen.nlp.kpfiling import Found, acronym_aliases, countries_named, outsiders
from briefgen.nlp.kpkeep import kept, unjudged

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from briefgen.nlp.embeddings import Embedder


# (articles, max_words) -> {article_id: ArticleTerms}: stored terms instead of parses.
TermsSource = Callable[[Sequence[Article], int], Mapping[str, ArticleTerms]]

__all__ = [
    "ArticleTerms",
    "KeyphraseExtractor",
    "Params",
    "TermsSource",
    "article_terms",
    "candidates",
]


@dataclass
class Params:
    """Weights of the ranking, tuned on DUC-2001 (news); see benchmarks/keyphrases.py."""

    pos_weight: float = 1.0  # bonus for a phrase first seen early: 1 + w / (1 + sentence)
    pos_decay: float = 1.0
    freq_weight: float = 0.1  # (1 + log count) ** w
    # idf ** w over the run's articles.  Off: news comes in topic clusters (DUC: 30 topics;
    # a brief: one peninsula), and idf then penalises the very topic (-2 F1@10 on DUC).
    idf_weight: float = 0.0
    min_docs_for_idf: int = 20
    diversity: float = 0.1  # MMR lambda: 0 = by score only
    max_words: int = 5
    doc_vector: str = "text"  # "text": embed the opening; "phrases": centroid of the phrases
    doc_chars: int = 600  # the document embedding reads the article's opening
    group_spec_weight: float = 0.5  # country lists: discount phrases as common elsewhere
    sim_power: float = 1.0
    single_word: float = 0.7  # factor on one-word phrases (news keyphrases are mostly longer)
    max_embed: int = 30  # per article, only the best candidates by the priors are embedded


@dataclass
class _Scored:
    """Candidates of one article with their scores (aligned arrays)."""

    article_id: str
    cands: list[Candidate]
    texts: list[str]  # the text embedded for each candidate
    score: Any  # np.ndarray
    sim: Any  # np.ndarray
    sentences: list[str] = field(default_factory=list)  # the article's sentence texts


class KeyphraseExtractor:
    """Extracts keyphrases per article, per group of articles (a country), or per corpus.

    The embedding model is loaded once, lazily, on first use.
    """

    def __init__(
        self,
        cache_dir: Path | None = None,
        top_n: int = 10,
        params: Params | None = None,
        embedder: Embedder | None = None,
        terms: TermsSource | None = None,
    ) -> None:
        self.cache_dir = cache_dir
        self.top_n = top_n
        self.params = params or Params()
        self._embedder = embedder
        # where each article's candidates and sentences come from (default: its parse)
        self._terms_source = terms

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from briefgen.nlp.embeddings import Embedder

            self._embedder = Embedder(self.cache_dir)
        return self._embedder

    # -- scoring ------------------------------------------------------------------

    def _doc_text(self, article: Article) -> str:
        head = article.text[: self.params.doc_chars]
        return f"{article.title}. {head}" if article.title else head

    def embedded_texts(self, article: Article, terms: ArticleTerms) -> list[str]:
        """What score_articles embeds for this article alone (its best candidates by the
        priors, and its opening), so a worker can embed them beside the article's parse."""
        per_doc = [list(terms.cands)]
        self._priors(per_doc)
        return [*(c.display.lower() for c in per_doc[0]), self._doc_text(article)]

    def _terms(
        self, arts: Sequence[Article], docs: Mapping[str, Doc]
    ) -> Mapping[str, ArticleTerms]:
        """Each article's candidates (its headline's merged in) and sentences: from the
        terms source (the store) when there is one, else from the parse."""
        mw = self.params.max_words
        if self._terms_source is not None:
            return self._terms_source(arts, mw)
        made = many_article_terms([(docs[a.article_id], a.title) for a in arts], mw)
        return {a.article_id: t for a, t in zip(arts, made, strict=True)}

    def score_articles(self, articles: Sequence[Article], docs: Mapping[str, Doc]) -> list[_Scored]:
        """Every article's candidates with their prior-weighted cosine scores."""
        import numpy as np

        p = self.params
        arts = [a for a in articles if a.article_id in docs]
        terms = self._terms(arts, docs)
        per_doc = [list(terms[a.article_id].cands) for a in arts]
        # Priors first (cheap); only each article's best max_embed candidates are embedded.
        priors = self._priors(per_doc)

        texts_per_doc = [[c.display.lower() for c in cl] for cl in per_doc]
        emb = self.embedder
        uniq = list(dict.fromkeys(t for ts in texts_per_doc for t in ts))
        phrase_vecs = emb.embed(uniq)
        row = {t: i for i, t in enumerate(uniq)}
        if p.doc_vector == "text":
            doc_vecs = emb.embed([self._doc_text(a) for a in arts])
        else:
            # The document as the prior-weighted centroid of its own phrases: no long text
            # to run through the model, and the noun phrases carry what the article is about.
            doc_vecs = np.zeros((len(arts), phrase_vecs.shape[1]), dtype=np.float32)
            for i, (ts, prior) in enumerate(zip(texts_per_doc, priors, strict=True)):
                if ts:
                    v = (phrase_vecs[[row[t] for t in ts]] * prior[:, None]).sum(axis=0)
                    doc_vecs[i] = v / max(float(np.linalg.norm(v)), 1e-12)

        out: list[_Scored] = []
        for a, cl, ts, dv, prior in zip(
            arts, per_doc, texts_per_doc, doc_vecs, priors, strict=True
        ):
            sents = terms[a.article_id].sentences
            if not cl:
                out.append(_Scored(a.article_id, [], [], np.zeros(0), np.zeros(0), sents))
                continue
            sim = phrase_vecs[[row[t] for t in ts]] @ dv
            score = np.maximum(sim, 0.0) ** p.sim_power * prior
            out.append(_Scored(a.article_id, cl, ts, score, sim, sents))
        return out

    def _priors(self, per_doc: list[list[Candidate]]) -> list[Any]:
        """Each article's candidate priors (position, frequency, length, idf); each list in
        `per_doc` cut to its best max_embed candidates, in place."""
        import numpy as np

        p = self.params
        df: Counter[str] = Counter(c.key for cs in per_doc for c in cs)
        n_docs = len(per_doc)
        use_idf = n_docs >= p.min_docs_for_idf and p.idf_weight > 0
        priors: list[Any] = []
        for i, cl in enumerate(per_doc):
            first = np.array([c.first_sent for c in cl], dtype=np.float32)
            count = np.array([c.count for c in cl], dtype=np.float32)
            words = np.array([c.key.count(" ") + 1 for c in cl])
            prior = (
                np.where(words == 1, p.single_word, 1.0)
                * (1.0 + p.pos_weight / (1.0 + first) ** p.pos_decay)
                * (1.0 + np.log(np.maximum(count, 1.0))) ** p.freq_weight
            )
            if use_idf:
                idf = np.array(
                    [math.log((n_docs + 1) / (df[c.key] + 1)) + 1.0 for c in cl], dtype=np.float32
                )
                prior = prior * idf**p.idf_weight
            if p.max_embed and len(cl) > p.max_embed:
                keep = np.argsort(-prior, kind="stable")[: p.max_embed]
                per_doc[i] = [cl[j] for j in keep]
                prior = prior[keep]
            priors.append(prior)
        return priors

    def _mmr(
        self,
        scores: Any,
        texts: Sequence[str],
        k: int,
        fold: Callable[[str], str] | None = None,
    ) -> list[int]:
        """Indices of k items by MMR over the prior-weighted score (KeyBERT's MMR,
        reweighted), no two saying the same thing (nlp/kpdedupe.py), each compared as
        `fold` gives it."""
        import numpy as np

        n = len(texts)
        if n == 0:
            return []
        lam = self.params.diversity
        order = np.argsort(-scores, kind="stable")
        pool = [int(i) for i in order[: max(4 * k, 40)]]
        vecs = self.embedder.embed([texts[i] for i in pool])
        ranked = list(range(len(pool)))
        if lam > 0:
            ranked = self._mmr_order(scores[pool], vecs, lam, min(len(pool), 3 * k))
        pool_scores = [float(scores[i]) for i in pool]
        phrases = [fold(texts[i]) if fold else texts[i] for i in pool]
        picked = distinct(phrases, ranked, k, vecs, pool_scores)
        return [pool[i] for i in picked]

    @staticmethod
    def _mmr_order(scores: Any, vecs: Any, lam: float, n: int) -> list[int]:
        """The first n rows in MMR order."""
        import numpy as np

        rel = scores / max(float(scores[0]), 1e-9)
        chosen: list[int] = [0]
        left = list(range(1, len(scores)))
        while left and len(chosen) < n:
            red = (vecs[left] @ vecs[chosen].T).max(axis=1)
            mmr = (1 - lam) * rel[left] - lam * red
            best = left[int(np.argmax(mmr))]
            chosen.append(best)
            left.remove(best)
        return chosen

    # -- public -------------------------------------------------------------------

    def for_articles(
        self, articles: Sequence[Article], docs: Mapping[str, Doc]
    ) -> dict[str, list[Keyphrase]]:
        """{article_id: keyphrases} for each article.

        A country name found in more than half of the articles (North Korea, in a Korea
        brief) is the brief's subject, not an article's: it is left out of article lists.
        """
        out: dict[str, list[Keyphrase]] = {a.article_id: [] for a in articles}
        scored = self.score_articles(articles, docs)
        names_df = Counter(c.key for s in scored for c in s.cands if c.country)
        common = {k for k, n in names_df.items() if len(scored) >= 3 and n > len(scored) / 2}
        for s in scored:
            score = s.score.copy()
            for i, c in enumerate(s.cands):
                if c.key in common:
                    score[i] = 0.0
            picked = [i for i in self._mmr(score, s.texts, self.top_n) if score[i] > 0]
            out[s.article_id] = [
                Keyphrase(
                    phrase=s.cands[i].display,
                    score=round(float(score[i]), 4),
                    scope="article",
                    scope_id=s.article_id,
                    variants=_variants(s.cands[i].display, s.cands[i].forms),
                    article_ids=[s.article_id],
                )
                for i in picked
            ]
        return out

    def for_groups(
        self,
        groups: Mapping[str, Sequence[Article]],
        docs: Mapping[str, Doc],
        scope: KeyphraseScope = "country",
        drop_country_names: bool = True,
    ) -> dict[str, list[Keyphrase]]:
        """{group_id: keyphrases} for each group of articles (a country section, or "corpus").

        A group's score of a phrase is the sum of its articles' normalised scores, so a phrase
        central to many articles ranks first.  Country lists are divided by how common the
        phrase is in the other groups' articles, so each country keeps what is its own.
        The group "corpus" always has scope "corpus".  Names of countries are dropped by
        default: they are the section headings already.
        """
        every: dict[str, Article] = {}
        for arts in groups.values():
            for a in arts:
                every.setdefault(a.article_id, a)
        scored = {s.article_id: s for s in self.score_articles(list(every.values()), docs)}
        g = _Groups(scored, docs, scope, drop_country_names)
        for gid, arts in groups.items():
            g.add(gid, arts)
        return {gid: self._group_list(g, gid) for gid in groups}

    def _group_list(self, g: _Groups, gid: str) -> list[Keyphrase]:
        keys, sc = g.scores(gid, self.params.group_spec_weight)
        # What an analyst keeps in a period's list (nlp/kpkeep.py): no bare nouns, sources
        # or places.
        keep = [
            i
            for i, k in enumerate(keys)
            if kept(_display(k, g.forms[k]), k, len(g.members[gid][k]))
        ]
        keys, sc = [keys[i] for i in keep], sc[keep]
        if not keys:
            return []
        gscope: KeyphraseScope = "corpus" if gid == "corpus" else g.scope
        out = []
        # A period's list compares phrases as shown, without their judging words
        # ("devastating cyberattack" is "cyber attacks"; an article's, DUC-2001's, keeps
        # them), and a phrase written beside the acronym it names as the acronym.
        shown_of = {k: _display(k, g.forms[k]) for k in keys}
        alias = acronym_aliases(shown_of, g.sentences(gid))
        compared = {g.text_of[k]: alias.get(k, unjudged(shown_of[k])) for k in keys}
        texts = [g.text_of[k] for k in keys]
        for i in self._mmr(sc, texts, self.top_n, lambda t: compared.get(t, unjudged(t))):
            k = keys[i]
            shown = shown_of[k]
            out.append(
                Keyphrase(
                    phrase=shown,
                    score=round(float(sc[i]), 4),
                    scope=gscope,
                    scope_id=gid,
                    variants=_variants(shown, g.forms[k]),
                    article_ids=g.members[gid][k],
                )
            )
        return out


class _Groups:
    """Phrase totals per group of articles, from each article's scored candidates."""

    def __init__(
        self,
        scored: Mapping[str, _Scored],
        docs: Mapping[str, Doc],
        scope: KeyphraseScope,
        drop_country_names: bool,
    ) -> None:
        self.scored, self.docs, self.scope = scored, docs, scope
        self.drop_country_names = drop_country_names
        self.patterns = _country_patterns()
        self.forms: dict[str, Counter[str]] = defaultdict(Counter)
        self.text_of: dict[str, str] = {}
        for s in scored.values():
            for c, t in zip(s.cands, s.texts, strict=True):
                self.forms[c.key].update(c.forms)
                self.text_of.setdefault(c.key, t)
        self.totals: dict[str, dict[str, float]] = {}
        self.members: dict[str, dict[str, list[str]]] = {}
        self._named: dict[str, list[Found]] = {}

    def local(self, aid: str, gid: str, gscope: str) -> dict[str, float]:
        """{key: normalised score} in one article, for one group.

        For a country, each phrase counts by the share of its occurrences in sentences
        that name the country (or follow one), but not where the country is only what
        the phrase is about (nlp/kpfiling.py), so two countries in the same articles
        still get their own phrases.
        """
        s = self.scored[aid]
        top = float(s.score.max()) if len(s.score) else 0.0
        if top <= 0:
            return {}
        named = self.named(aid) if gscope == "country" else None
        if named is not None and not any(c == gid for f in named for _, c in f):
            named = None  # the article never names the country: all of it counts
        out: dict[str, float] = {}
        for c, sc in zip(s.cands, s.score, strict=True):
            if self.drop_country_names and (c.country or c.key in SUBJECT_KEYS):
                continue
            frac = 1.0
            if named is not None:
                frac = self.share(s, c.sents, c.forms, named, gid)
            if frac > 0 and sc > 0:
                out[c.key] = frac * float(sc) / top
        return out

    def named(self, aid: str) -> list[Found]:
        """Where each sentence of the article names a country (or one of its places)."""
        found = self._named.get(aid)
        if found is None:
            sents = self.scored[aid].sentences
            found = self._named[aid] = [countries_named(t, self.patterns) for t in sents]
        return found

    @staticmethod
    def share(
        s: _Scored, sents: Sequence[int], forms: Iterable[str], named: list[Found], gid: str
    ) -> float:
        """The share of a phrase's occurrences (in sentences `sents`) that are `gid`'s news."""
        hits = 0
        for i in sents:
            if i >= len(named):
                continue
            here = any(c == gid for _, c in named[i])
            if here and gid not in outsiders(s.sentences[i], named[i], forms):
                hits += 1
            elif not here and i > 0 and any(c == gid for _, c in named[i - 1]):
                # the sentence before names the country, and not as what the phrase is about
                hits += gid not in outsiders(s.sentences[i - 1], named[i - 1], forms)
        return hits / max(len(sents), 1)

    def sentences(self, gid: str) -> list[str]:
        """The sentences of the group's articles."""
        aids = {a for ms in self.members.get(gid, {}).values() for a in ms}
        return [t for a in sorted(aids) for t in self.scored[a].sentences]

    def add(self, gid: str, arts: Sequence[Article]) -> None:
        kind = "corpus" if gid == "corpus" else self.scope
        tot: dict[str, float] = defaultdict(float)
        mem: dict[str, list[str]] = defaultdict(list)
        for a in arts:
            if a.article_id not in self.scored:
                continue
            for k, v in self.local(a.article_id, gid, kind).items():
                tot[k] += v
                mem[k].append(a.article_id)
        self.totals[gid], self.members[gid] = tot, mem

    def scores(self, gid: str, spec_weight: float) -> tuple[list[str], Any]:
        """The group's phrases and scores; in a country section, a phrase as strong in
        every other section is nobody's: weighed by its share."""
        import numpy as np

        keys = list(self.totals[gid])
        sc = np.array([self.totals[gid][k] for k in keys], dtype=np.float64)
        countries = [g for g in self.totals if g != "corpus" and self.scope == "country"]
        if gid in countries and len(countries) > 1 and keys:
            across = {k: sum(self.totals[c].get(k, 0.0) for c in countries) for k in keys}
            share = np.array([self.totals[gid][k] / max(across[k], 1e-12) for k in keys])
            sc = sc * share**spec_weight
        return keys, sc


def _display(key: str, forms: Counter[str]) -> str:
    if key.startswith("country:"):
        g = gazetteer()
        code = key.split(":", 1)[1]
        for code2, name in g.values():
            if code2 == code:
                return name
    return forms.most_common(1)[0][0]


_PATTERNS: dict[str, re.Pattern[str]] | None = None


def _country_patterns() -> dict[str, re.Pattern[str]]:
    """{code: regex of every name of the country}, case-sensitive on word boundaries."""
    global _PATTERNS
    if _PATTERNS is None:
        names: dict[str, list[str]] = defaultdict(list)
        for n, (code, _name) in gazetteer().items():
            names[code].append(n)
        for n, icode in INSTITUTION_CODE.items():
            names[icode].append(n)
        _PATTERNS = {
            code: re.compile(
                r"(?<!\w)(?:"
                + "|".join(re.escape(n) for n in sorted(ns, key=len, reverse=True))
                + r")(?!\w)"
            )
            for code, ns in names.items()
        }
    return _PATTERNS


def _variants(display: str, forms: Iterable[str]) -> list[str]:
    return sorted({f for f in forms if f != display})
