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
country section is discounted, so each country keeps its own phrases.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.model import Article, Keyphrase, KeyphraseScope

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from briefgen.nlp.embeddings import Embedder

# Named-entity types that are never keyphrases on their own (dates, amounts, ordinals).
_SKIP_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
# Words that head many noun phrases in news without saying what the news is about.
_GENERIC = {
    "thing", "things", "way", "ways", "lot", "kind", "sort", "part", "time", "times",
    "year", "years", "day", "days", "week", "weeks", "month", "months", "today",
    "people", "percent", "number", "something", "anything", "nothing", "everything",
    "everybody", "someone", "anyone", "fact", "issue", "issues", "matter", "point",
    "statement", "report", "reports", "news", "article", "story", "comment", "comments",
    "mr", "mrs", "ms", "dr", "ap", "reuters", "afp", "yonhap", "photo", "image",
    "video", "copyright", "rights", "reserved", "click", "email", "share", "advertisement",
}  # fmt: skip
# Head nouns of reporting filler: "cautious note", "steady pace", "public opening remarks".
_VAGUE_HEADS = {
    "note", "pace", "remark", "remarks", "tone", "backing", "sense", "view", "views",
    "move", "moves", "step", "steps", "manner", "way", "ways", "room", "bit", "lot",
    "message", "signal", "signals", "hope", "hopes", "opinion", "look", "order", "terms",
    "basis", "side", "sides", "end", "kind", "sort", "type", "case", "cases", "place",
}  # fmt: skip
# Titles: on their own (or left over from "Secretary of State ...") they name nobody.
_TITLES = {
    "president", "secretary", "minister", "premier", "chairman", "leader", "spokesman",
    "spokeswoman", "spokesperson", "official", "officials", "ambassador", "envoy",
    "general", "gen.", "adm.", "sen.", "rep.", "gov.", "state", "department", "ministry",
    "correspondent", "reporter", "editor", "analyst", "analysts", "expert", "experts",
}  # fmt: skip
# Head nouns that make a phrase a description of people ("U.S. negotiator"), not a subject.
_PEOPLE = {
    "president", "secretary", "minister", "premier", "chairman", "leader", "leaders",
    "spokesman", "spokeswoman", "spokesperson", "official", "officials", "ambassador",
    "ambassadors", "envoy", "envoys", "negotiator", "negotiators", "diplomat", "diplomats",
    "counterpart", "counterparts", "lawmaker", "lawmakers", "senator", "analyst", "analysts",
    "expert", "experts", "source", "sources", "aide", "aides", "interlocutor", "interlocutors",
    "defector", "defectors", "strongman", "dictator", "correspondent", "reporter",
    "director", "general", "chief", "head", "deputy", "commander",
}  # fmt: skip
# Gazetteer entries that name an institution, not the country: kept as their own phrase.
_INSTITUTIONS = {
    "White House", "State Department", "Pentagon", "Security Council", "UN Security Council",
    "UNSC", "KCNA", "Cheong Wa Dae", "Blue House", "Kremlin", "the North", "the South",
}  # fmt: skip
_INSTITUTION_CODE = {
    "White House": "USA", "State Department": "USA", "Pentagon": "USA", "Security Council": "UN",
    "UN Security Council": "UN", "UNSC": "UN", "KCNA": "PRK", "Cheong Wa Dae": "KOR",
    "Blue House": "KOR", "Kremlin": "RUS", "the North": "PRK", "the South": "KOR",
}  # fmt: skip
_LATIN = re.compile(r"^[\w.'&\-]+$")


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
class _Cand:
    """One candidate phrase in one article, its variants merged."""

    key: str
    forms: Counter[str] = field(default_factory=Counter)
    count: int = 0
    first_sent: int = 10**9
    first_tok: int = 10**9
    country: str | None = None
    sents: list[int] = field(default_factory=list)  # sentence of each occurrence

    @property
    def display(self) -> str:
        if self.country:
            return self.country
        # Most frequent surface form; ties go to the first seen.
        return self.forms.most_common(1)[0][0]


def _gazetteer() -> dict[str, tuple[str, str]]:
    """{surface name: (code, display name)} for names that stand for a country or body."""
    from briefgen.knowledge.countries import load_countries

    out: dict[str, tuple[str, str]] = {}
    for e in load_countries():
        for n in (e.name, *e.names):
            if n not in _INSTITUTIONS:
                out[n] = (e.code, e.name)
    return out


_GAZ: dict[str, tuple[str, str]] | None = None


def gazetteer() -> dict[str, tuple[str, str]]:
    global _GAZ
    if _GAZ is None:
        _GAZ = _gazetteer()
    return _GAZ


def _units(doc: Doc) -> list[list[Token]]:
    """Tokens grouped into words: 'freeze-for-freeze', 'long-range' become one unit."""
    units: list[list[Token]] = []
    i, n = 0, len(doc)
    while i < n:
        unit = [doc[i]]
        j = i
        while (
            j + 2 < n
            and doc[j].whitespace_ == ""
            and doc[j + 1].text == "-"
            and doc[j + 1].whitespace_ == ""
            and not doc[j + 2].is_sent_start
            and doc[j].is_alpha
            and doc[j + 2].is_alpha
        ):
            unit.extend([doc[j + 1], doc[j + 2]])
            j += 2
        units.append(unit)
        i = j + 1
    return units


def _unit_class(unit: list[Token]) -> str:
    """'N' (noun), 'A' (adjective) or 'O' (breaks a phrase) for a word unit."""
    last = unit[-1]
    if len(unit) == 1:
        t = last
        if t.is_stop or t.like_num or t.like_url or t.like_email or t.ent_type_ in _SKIP_ENTS:
            return "O"
        if len(t.text) < 2 or not any(c.isalpha() for c in t.text):
            return "O"
        if not _LATIN.match(t.text) or any(c.isalpha() and ord(c) > 0x24F for c in t.text):
            return "O"
        if t.pos_ in ("NOUN", "PROPN"):
            return "N"
        if t.pos_ == "ADJ" or t.tag_ == "VBN" and t.dep_ == "amod":
            return "A"
        return "O"
    if any(t.ent_type_ in _SKIP_ENTS for t in unit):
        return "O"
    if last.pos_ in ("NOUN", "PROPN"):
        return "N"
    return "A" if any(t.pos_ in ("ADJ", "NOUN", "PROPN", "VERB") for t in unit) else "O"


def _keep_case(t: Token) -> bool:
    """Names and acronyms keep their capitals; a common noun capitalised by position does not."""
    return t.pos_ == "PROPN" or bool(t.ent_type_) or (t.text.isupper() and len(t.text) > 1)


def _unit_surface(unit: list[Token]) -> str:
    text = "".join(t.text for t in unit)
    return text if any(_keep_case(t) for t in unit) else text.lower()


def _word_key(t: Token) -> str:
    """Plural and singular, case and possessive folded: 'Fireworks', 'fireworks' -> 'firework'."""
    w = (t.lemma_ if t.pos_ == "NOUN" else t.text).lower().replace("'", "").replace("\u2019", "")
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return w


def _unit_key(unit: list[Token]) -> str:
    if len(unit) == 1:
        return _word_key(unit[0])
    return "".join(t.text for t in unit[:-1]).lower() + _word_key(unit[-1])


def candidates(doc: Doc, max_words: int = 5, drop_people: bool = True) -> dict[str, _Cand]:
    """{key: candidate} of one parsed text: runs of adjectives and nouns ending in a noun.

    The key merges variants: plural and singular (lemmas), case, and every gazetteer name of
    one country ("North Korea", "North Korean", "Pyongyang" -> "country:PRK").  Phrases
    naming a person ("U.S. President Donald Trump") are dropped by default: the brief lists
    its actors apart, and a name is not a subject.
    """
    gaz = gazetteer()
    out: dict[str, _Cand] = {}
    sent_of: dict[int, int] = {}
    for si, sent in enumerate(doc.sents):
        for t in sent:
            sent_of[t.i] = si
    # Words of names the tagger saw as a person somewhere in the text: "Rex Tillerson" is a
    # person even where it was missed; "Trump administration" (head noun) is kept.
    person_words = {
        t.text for e in doc.ents if e.label_ == "PERSON" for t in e if t.pos_ == "PROPN"
    }
    units = _units(doc)
    classes = [_unit_class(u) for u in units]

    def add(run: list[list[Token]]) -> None:
        # Trim trailing adjectives (a phrase ends in a noun) and leading filler ("time Pyongyang").
        while run and _unit_class(run[-1]) != "N":
            run = run[:-1]
        while run and "".join(t.text for t in run[0]).lower() in _GENERIC:
            run = run[1:]
        if not run or len(run) > max_words:
            return
        head_word = "".join(t.text for t in run[-1])
        if drop_people and (
            run[-1][-1].ent_type_ == "PERSON"
            or head_word.lower() in _PEOPLE
            or head_word in person_words
        ):
            return
        words = [_unit_surface(u) for u in run]
        if all(w.lower() in _GENERIC or w.lower() in _TITLES for w in words):
            return
        if words[-1].lower() in _VAGUE_HEADS:
            return
        raw = " ".join("".join(t.text for t in u) for u in run)
        surface = " ".join(words)
        country = gaz.get(raw)
        if country is None and len(run) > 1:
            # "recalcitrant Pyongyang", "ally South Korea": the country, with an epithet.
            for i in range(1, len(run)):
                tail = gaz.get(" ".join("".join(t.text for t in u) for u in run[i:]))
                if tail is not None:
                    country = tail
                    break
        if country is not None:
            key = f"country:{country[0]}"
        else:
            key = " ".join(_unit_key(u) for u in run)
        c = out.get(key)
        if c is None:
            c = out[key] = _Cand(key=key, country=country[1] if country else None)
        c.forms[surface] += 1
        c.count += 1
        first = run[0][0]
        c.first_tok = min(c.first_tok, first.i)
        c.first_sent = min(c.first_sent, sent_of.get(first.i, 0))
        c.sents.append(sent_of.get(first.i, 0))

    def split(run: list[list[Token]]) -> None:
        """Cut a run where a word does not modify a later one ("give North Korea | room")."""
        start = 0
        for i in range(len(run) - 1):
            lo, hi = run[i][0].i, run[i][-1].i
            head = next((t.head.i for t in run[i] if not lo <= t.head.i <= hi), hi + 1)
            if not run[i + 1][0].i <= head <= run[-1][-1].i:
                add(run[start : i + 1])
                start = i + 1
        add(run[start:])

    run: list[list[Token]] = []
    for u, cls in zip(units, classes, strict=True):
        if cls == "O" or (run and u[0].is_sent_start):
            if run:
                split(run)
            run = [] if cls == "O" else [u]
            continue
        run.append(u)
    if run:
        split(run)
    return out


@dataclass
class ArticleTerms:
    """What keyphrase extraction reads from one article's parse: its candidate phrases
    and the text of each sentence.  It depends on the parse alone, so the article store
    keeps it (the workers compute it beside the analysis) and a warm build reads no parse."""

    cands: list[_Cand]
    sentences: list[str]

    def to_bytes(self) -> bytes:
        rows = [
            [c.key, dict(c.forms), c.count, c.first_sent, c.first_tok, c.country, c.sents]
            for c in self.cands
        ]
        return json.dumps([rows, self.sentences], ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> ArticleTerms:
        rows, sentences = json.loads(data.decode("utf-8"))
        cands = [
            _Cand(
                key=k, forms=Counter(f), count=n, first_sent=fs, first_tok=ft, country=c, sents=ss
            )
            for k, f, n, fs, ft, c, ss in rows
        ]
        return cls(cands, sentences)


def article_terms(doc: Doc, max_words: int = Params.max_words) -> ArticleTerms:
    return ArticleTerms(
        list(candidates(doc, max_words).values()), [sent.text for sent in doc.sents]
    )


# (articles, max_words) -> {article_id: ArticleTerms}: stored terms instead of parses.
TermsSource = Callable[[Sequence[Article], int], Mapping[str, ArticleTerms]]


@dataclass
class _Scored:
    """Candidates of one article with their scores (aligned arrays)."""

    article_id: str
    cands: list[_Cand]
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
        self._terms = terms

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

    def score_articles(self, articles: Sequence[Article], docs: Mapping[str, Doc]) -> list[_Scored]:
        """Every article's candidates with their prior-weighted cosine scores."""
        import numpy as np

        p = self.params
        arts = [a for a in articles if a.article_id in docs]
        if self._terms is not None:
            terms = self._terms(arts, p.max_words)
        else:
            terms = {a.article_id: article_terms(docs[a.article_id], p.max_words) for a in arts}
        per_doc = [list(terms[a.article_id].cands) for a in arts]
        df: Counter[str] = Counter(c.key for cs in per_doc for c in cs)
        n_docs = len(per_doc)
        use_idf = n_docs >= p.min_docs_for_idf and p.idf_weight > 0

        # Priors first (cheap); only each article's best max_embed candidates are embedded.
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

    def _mmr(self, scores: Any, texts: Sequence[str], k: int) -> list[int]:
        """Indices of k items by MMR over the prior-weighted score (KeyBERT's MMR, reweighted)."""
        import numpy as np

        n = len(texts)
        if n == 0:
            return []
        lam = self.params.diversity
        order = np.argsort(-scores)
        if lam <= 0:
            return [int(i) for i in order[:k]]
        pool = [int(i) for i in order[: max(4 * k, 40)]]
        vecs = self.embedder.embed([texts[i] for i in pool])
        rel = scores[pool] / max(float(scores[pool[0]]), 1e-9)
        chosen: list[int] = [0]
        left = list(range(1, len(pool)))
        while left and len(chosen) < k:
            red = (vecs[left] @ vecs[chosen].T).max(axis=1)
            mmr = (1 - lam) * rel[left] - lam * red
            best = left[int(np.argmax(mmr))]
            chosen.append(best)
            left.remove(best)
        return [pool[i] for i in chosen]

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
        import numpy as np

        every: dict[str, Article] = {}
        for arts in groups.values():
            for a in arts:
                every.setdefault(a.article_id, a)
        scored = {s.article_id: s for s in self.score_articles(list(every.values()), docs)}
        patterns = _country_patterns()

        forms: dict[str, Counter[str]] = defaultdict(Counter)
        text_of: dict[str, str] = {}
        for s in scored.values():
            for c, t in zip(s.cands, s.texts, strict=True):
                forms[c.key].update(c.forms)
                text_of.setdefault(c.key, t)

        def local(aid: str, gid: str, gscope: str) -> dict[str, float]:
            """{key: normalised score} in one article, for one group.

            For a country, each phrase counts by the share of its occurrences in sentences
            that name the country (or follow one), so two countries in the same articles
            still get their own phrases.
            """
            s = scored[aid]
            top = float(s.score.max()) if len(s.score) else 0.0
            if top <= 0:
                return {}
            near: set[int] | None = None
            pat = patterns.get(gid) if gscope == "country" else None
            if pat is not None:
                hits = [i for i, sent in enumerate(s.sentences) if pat.search(sent)]
                if hits:
                    near = {j for i in hits for j in (i, i + 1)}
            out: dict[str, float] = {}
            for c, sc in zip(s.cands, s.score, strict=True):
                if drop_country_names and c.country:
                    continue
                frac = 1.0
                if near is not None:
                    frac = sum(1 for i in c.sents if i in near) / max(len(c.sents), 1)
                if frac > 0 and sc > 0:
                    out[c.key] = frac * float(sc) / top
            return out

        totals: dict[str, dict[str, float]] = {}
        members: dict[str, dict[str, list[str]]] = {}
        for gid, arts in groups.items():
            kind = "corpus" if gid == "corpus" else scope
            tot: dict[str, float] = defaultdict(float)
            mem: dict[str, list[str]] = defaultdict(list)
            for a in arts:
                if a.article_id not in scored:
                    continue
                for k, v in local(a.article_id, gid, kind).items():
                    tot[k] += v
                    mem[k].append(a.article_id)
            totals[gid], members[gid] = tot, mem

        # A phrase as strong in every country section is nobody's: weigh by its share.
        country_ids = [g for g in groups if g != "corpus" and scope == "country"]
        across: dict[str, float] = defaultdict(float)
        for g in country_ids:
            for k, v in totals[g].items():
                across[k] += v

        result: dict[str, list[Keyphrase]] = {}
        for gid in groups:
            gscope: KeyphraseScope = "corpus" if gid == "corpus" else scope
            keys = list(totals[gid])
            if not keys:
                result[gid] = []
                continue
            sc = np.array([totals[gid][k] for k in keys], dtype=np.float64)
            if gid in country_ids and len(country_ids) > 1:
                share = np.array([totals[gid][k] / max(across[k], 1e-12) for k in keys])
                sc = sc * share**self.params.group_spec_weight
            picked = self._mmr(sc, [text_of[k] for k in keys], self.top_n)
            result[gid] = []
            for i in picked:
                k = keys[i]
                shown = _display(k, forms[k])
                result[gid].append(
                    Keyphrase(
                        phrase=shown,
                        score=round(float(sc[i]), 4),
                        scope=gscope,
                        scope_id=gid,
                        variants=_variants(shown, forms[k]),
                        article_ids=members[gid][k],
                    )
                )
        return result


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
        for n, icode in _INSTITUTION_CODE.items():
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
