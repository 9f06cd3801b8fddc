"""Weigh the period's sentences and choose a few that say the most, without repeats.

The bottom line, the country summaries and the judgements are all sentences taken
verbatim from the articles.  A sentence weighs more when other articles carry the
same development (support), when it sits in the article's lead or echoes its title
(prominence), when it reports a top official (quote or name), and when it is about
the peninsula at all.  Choosing then trades weight against similarity to what is
already chosen (maximal marginal relevance), so five bullets are five developments.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from briefgen.book.namefind import NameFinder
from briefgen.book.sentences import Sentence, condense, strip_dateline
from briefgen.book.sentfacts import (
    MAX_SENTENCES_PER_ARTICLE,
    OBJECT_RE,
    Facts,
    ReportFacts,
    SentenceFacts,
    computed,
)
from briefgen.book.support import MARGIN, SparseRows, support
from briefgen.book.textsim import TfIdf, Vector, cosine
from briefgen.knowledge.countries import (
    country_matches,
    country_offsets,
)
from briefgen.knowledge.roles import load_roles
from briefgen.model import Actor, Article, Quote

# Roles whose words move events; quotes and mentions of them weigh more.
TOP_ROLE_RE = re.compile(
    r"\b(?:President|Prime Minister|Premier|Secretary|Minister|[Ll]eader|Chairman|"
    r"Ambassador|Chancellor|National Security Adviser|Secretary[- ]General|King)\b"
)
_KOREA_RE = re.compile(
    r"Korea|Kim Jong|nuclear|missile|peninsula|DMZ|Pyongyang|Seoul|denucleari|Panmunjom"
)
# Countries a peninsula story names beside the Koreas; a sentence of "nuclear" news that
# names only a state outside them (Iran's nuclear deal) is another story.
_PENINSULA_PLAYERS = frozenset({"PRK", "KOR", "USA", "CHN", "JPN", "RUS", "UN", "IAEA"})


def _topical(c: SentenceCandidate) -> bool:
    """About the peninsula: names a Korea, or its words ("missile", "Pyongyang") with no
    country outside the peninsula's players."""
    if c.countries.get("PRK") or c.countries.get("KOR"):
        return True
    if not _KOREA_RE.search(c.sent.text):
        return False
    return all(code in _PENINSULA_PLAYERS for code in c.countries)


# Sentences opening on a phrase before their subject ("Speaking at the UN, Trump said").
_OPENER_RE = re.compile(
    r"^(?:Without|With|Speaking|In|At|After|Before|Asked|Despite|While|Unlike|According to|"
    r"As|During|Following|Since|On|Under|Amid|Ahead of|Earlier|Later|Last|This|For|From|"
    r"Writing|Responding|Addressing|Meeting|Visiting|Referring|Citing|Calling|Noting|If|When|"
    r"Although|Though|Because|Once)\b"
)
# A sentence "opens on" a country or official named within its first characters ("U.S.
# Secretary of State Rex Tillerson said…"), not after a subject of its own ("A plan being
# floated among Japan…").
OPENS_ON = 26
# Above this many articles, support is approximated (see SentencePool._weigh).
BIG_CORPUS = 60
POSTINGS_CAP = 40
TERMS_CAP = 10


@dataclass(eq=False)
class SentenceCandidate:
    """A sentence with what the choosers need to know about it."""

    sent: Sentence
    article: Article
    vec: Vector
    countries: Counter[str]  # every mention
    usable: bool
    rank: int  # position among the article's usable sentences (0 = lead)
    quote_countries: set[str] = field(default_factory=set)
    official: float = 0.0
    subject: str | None = None  # the country the sentence is about as its subject
    subject_first: bool = False  # ... and the sentence opens on it ("Japan has ordered…")
    # Who acts, read more strictly for the country sections: not a country after a
    # preposition ("exercises with South Korea"), and "the North" is North Korea.
    doer: str | None = None
    doer_first: bool = False
    agents: set[str] = field(default_factory=set)  # acting, not named as what is acted on
    acting: Counter[str] = field(default_factory=Counter)  # mentions not as a venue
    topical: bool = False  # about the peninsula (Korea, Kim, nuclear, missile...)
    news: float = 0.0  # +1 reports this week's event, -1 background ("earlier this year")
    score: float = 0.0
    support: float = 0.0
    report: ReportFacts | None = None  # kept with the facts (book.reports.report_facts)

    @cached_property
    def text(self) -> str:
        """The sentence as the brief shows it (read thousands of times a build; `sent`
        is frozen, so once)."""
        return condense(self.sent.text)

    @property
    def article_id(self) -> str:
        return self.article.article_id

    def key(self) -> tuple[date, str, int]:
        """Stable tie-break: older article first, then id, then position."""
        return (self.article.published or date.min, self.article.article_id, self.sent.index)


def official_names(actors: Sequence[Actor]) -> dict[str, float]:
    """{surface name: weight} for government speakers; top roles weigh most."""
    out: dict[str, float] = {}
    for a in actors:
        if a.kind not in ("government", "international"):
            continue
        w = 1.0 if a.role and TOP_ROLE_RE.search(a.role) else 0.5
        names = [a.name, *a.aliases]
        parts = a.name.split()
        if len(parts) >= 2 and parts[-1][:1].isupper():
            names.append(parts[-1])  # "Tillerson"
        for n in names:
            if n and n[:1].isupper() and len(n) > 3:
                out[n] = max(out.get(n, 0.0), w)
    return out


class SentencePool:
    """All sentences of the period's articles, vectorised and weighed once."""

    def __init__(
        self,
        articles: Sequence[Article],
        quotes: Sequence[Quote] = (),
        actors: Sequence[Actor] = (),
        facts: Facts | None = None,
    ) -> None:
        """`facts`: what each article's own text says (sentences, words, countries),
        computed or kept from an earlier build (book.sentfacts)."""
        self.articles = list(articles)
        self.by_article: dict[str, list[SentenceCandidate]] = {}
        known = (facts or computed)(self.articles)
        toks = {a.article_id: f.tokens for a, f in zip(self.articles, known, strict=True)}
        self.tfidf = TfIdf(toks.values())
        self.article_vecs = {aid: self.tfidf.vector(t) for aid, t in toks.items()}
        self.title_vecs = {
            a.article_id: self.tfidf.vector(f.title_tokens)
            for a, f in zip(self.articles, known, strict=True)
        }
        self.actor_by_id = {a.actor_id: a for a in actors}
        self.official_countries = official_countries(actors)
        self._subj_re = _names_re(self.official_countries)
        self._names = official_names(actors)
        self._name_re = NameFinder(self._names)
        qby: dict[str, list[Quote]] = {}
        for q in quotes:
            qby.setdefault(q.article_id, []).append(q)
        self.all: list[SentenceCandidate] = []
        # for similar_articles: the articles' and sentences' vectors as sparse rows
        self._rows: tuple[SparseRows, SparseRows, Any] | None = None
        for a, af in zip(self.articles, known, strict=True):
            cands: list[SentenceCandidate] = []
            rank = 0
            for sf in af.sentences[:MAX_SENTENCES_PER_ARTICLE]:
                c = self._candidate(a, sf, rank, qby.get(a.article_id, []))
                rank += int(c.usable)
                cands.append(c)
            self.by_article[a.article_id] = cands
            self.all.extend(cands)
        self._weigh()

    def _candidate(
        self, a: Article, sf: SentenceFacts, rank: int, quotes: Sequence[Quote]
    ) -> SentenceCandidate:
        """One sentence with its countries, subject and the weight of who speaks in it."""
        s = sf.sent
        ok = sf.usable
        c = SentenceCandidate(
            sent=s,
            article=a,
            vec=self.tfidf.vector(sf.tokens),
            countries=sf.countries,
            usable=ok,
            rank=rank if ok else 99,
            report=sf.report,
        )
        c.news = sf.news
        if ok:
            c.acting = sf.acting
            names, rx = self.official_countries, self._subj_re
            c.subject, c.doer = subject_countries(s.text, names, rx)
            c.agents = sf.agents
            head = strip_dateline(s.text)
            if (c.subject or c.doer) and not has_opener(head):
                first, first_doer = subject_countries(head[:OPENS_ON], names, rx)
                c.subject_first = c.subject is not None and first == c.subject
                c.doer_first = c.doer is not None and first_doer == c.doer
        for q in quotes:
            if s.start <= q.start < s.end or q.start <= s.start < q.end:
                c.official = max(c.official, self._speaker_weight(q))
                if q.country:
                    c.quote_countries.add(q.country)
        for _, name in self._name_re.find(s.text):
            c.official = max(c.official, 0.5 * self._names[name])
        return c

    def _speaker_weight(self, q: Quote) -> float:
        """1.0 a top official, 0.6 another official, 0.3 anyone else."""
        actor = self.actor_by_id.get(q.actor_id or "")
        kind = actor.kind if actor else None
        role = (actor.role if actor else None) or q.speaker_role or ""
        if kind in ("government", "international"):
            return 1.0 if TOP_ROLE_RE.search(role) else 0.6
        return 0.3

    def _weigh(self) -> None:
        """Support from other articles, prominence, officials, topic -> one score."""
        n = len(self.articles)
        postings: dict[str, list[tuple[str, float]]] = {}
        for aid, v in self.article_vecs.items():
            for t, w in v.items():
                postings.setdefault(t, []).append((aid, w))
        common = {t for t, p in postings.items() if n >= 8 and len(p) > 0.5 * n}
        # Big corpora: only a sentence's heaviest terms and each term's heaviest articles
        # count (the rest adds little); a week's brief (< BIG articles) is exact.
        big = n > BIG_CORPUS
        if big:
            for p in postings.values():
                p.sort(key=lambda x: (-x[1], x[0]))
                del p[POSTINGS_CAP:]
        # each usable sentence: the sum over other articles of min(0.25, the products of
        # its terms' weights and theirs), over 0.25 (book.support: at numpy speed)
        usable = [i for i, c in enumerate(self.all) if c.usable]
        sums = support(
            [self.all[i].vec for i in usable],
            [self.all[i].article_id for i in usable],
            postings,
            common,
            list(self.article_vecs),
            TERMS_CAP if big else None,
        )
        raw = dict(zip(usable, sums, strict=True))
        top = max(raw.values(), default=0.0) or 1.0
        for i, c in enumerate(self.all):
            if not c.usable:
                continue
            c.support = raw.get(i, 0.0) / top
            lead = 1.0 / (1.0 + 0.3 * c.rank)
            title = min(cosine(c.vec, self.title_vecs[c.article_id]), 0.5) / 0.5
            c.topical = _topical(c)
            topical = 1.0 if c.topical else 0.5
            carried = 1.0 + 0.15 * max(0, len(set(c.article.outlets)) - 1)
            c.score = (
                topical
                * max(c.article.relevance, 0.2)
                * carried
                * (0.35 * c.support + 0.25 * lead + 0.2 * title + 0.2 * c.official + 0.15 * c.news)
            )

    def usable_candidates(self) -> list[SentenceCandidate]:
        return [c for c in self.all if c.usable]

    def similar_articles(self, cand: SentenceCandidate, threshold: float = 0.3) -> list[str]:
        """Other articles with a sentence close to `cand`: they carry the same development.
        (Only articles whose dot products come near the thresholds are tested with
        `cosine`, book.support.)"""
        import numpy as np

        if self._rows is None:
            self._rows = (
                SparseRows([self.article_vecs[aid] for aid in self.by_article]),
                SparseRows([o.vec for cs in self.by_article.values() for o in cs]),
                np.cumsum([0] + [len(cs) for cs in self.by_article.values()]),
            )
        art_rows, sent_rows, bounds = self._rows
        near_article = art_rows.dot(cand.vec) >= 0.05 - MARGIN
        sims = np.append(sent_rows.dot(cand.vec), -np.inf)
        # each article's closest sentence (an article with none: -inf)
        starts = np.minimum(bounds[:-1], len(sims) - 1)
        best = np.where(bounds[1:] > bounds[:-1], np.maximum.reduceat(sims, starts), -np.inf)
        out = []
        for k, (aid, cands) in enumerate(self.by_article.items()):
            if aid == cand.article_id or not near_article[k] or best[k] < threshold - MARGIN:
                continue
            if cosine(cand.vec, self.article_vecs[aid]) < 0.05:
                continue
            if any(cosine(cand.vec, o.vec) >= threshold for o in cands):
                out.append(aid)
        return sorted(out)


def choose(
    cands: Iterable[SentenceCandidate],
    k: int,
    *,
    min_k: int = 1,
    per_article: int = 1,
    max_sim: float = 0.35,
    penalty: float = 0.6,
    floor: float = 0.0,
    avoid: Sequence[SentenceCandidate] = (),
    bonus: Mapping[int, float] | None = None,
) -> list[SentenceCandidate]:
    """Pick up to k by weight minus similarity to what is chosen (MMR); stable on ties.

    Stops early once `min_k` are chosen and the best remaining weight is below `floor`.
    `avoid` are lines used elsewhere in the brief (near-repeats of them are skipped);
    `bonus` adds to the weight of particular candidates (keyed by id()).
    """
    extra = bonus or {}
    pool = sorted(cands, key=lambda c: (-(c.score + extra.get(id(c), 0.0)), c.key()))
    weight = [c.score + extra.get(id(c), 0.0) for c in pool]
    # Each candidate's similarity to the nearest chosen/avoided line, kept up to date
    # as lines are chosen (one cosine per candidate per pick).
    near = [max((cosine(c.vec, x.vec) for x in avoid), default=0.0) for c in pool]
    taken = [False] * len(pool)
    chosen: list[SentenceCandidate] = []
    per: Counter[str] = Counter()
    seen_text: set[str] = {c.text for c in avoid}
    while len(chosen) < k:
        best = -1
        best_val = float("-inf")
        for i, c in enumerate(pool):
            if taken[i] or near[i] >= max_sim:
                continue
            if per[c.article_id] >= per_article or c.text in seen_text:
                continue
            val = weight[i] - penalty * near[i]
            if val > best_val + 1e-12:
                best, best_val = i, val
        if best < 0:
            break
        if len(chosen) >= min_k and weight[best] < floor:
            break
        pick = pool[best]
        taken[best] = True
        chosen.append(pick)
        seen_text.add(pick.text)
        per[pick.article_id] += 1
        for i, c in enumerate(pool):
            if not taken[i] and near[i] < max_sim:
                near[i] = max(near[i], cosine(c.vec, pick.vec))
    return chosen


_SUBORDINATE_RE = re.compile(
    r"\b(?:after|before|since|when|while|although|though|because|as|despite|if|without|"
    r"with|under|amid|following|during|unlike|like|in|at)\b",
    re.I,
)


def has_opener(text: str) -> bool:
    """Does the sentence open on a phrase before its subject ("A day after X, Y said…")?"""
    if _OPENER_RE.match(text):
        return True
    comma = text.find(", ")
    if not 0 < comma < 90:
        return False
    first_words = " ".join(text[:comma].split()[:4])
    return bool(_SUBORDINATE_RE.search(first_words))


def official_countries(actors: Sequence[Actor]) -> dict[str, str]:
    """{name: country} for officials and state media: "Tillerson" speaks for USA."""
    out: dict[str, str] = {}
    # each country's people's name parts: "Moon's office" is Moon Jae-in's, a Korean body;
    # "Singapore’s Ministry of Foreign Affairs" filed under the United States is no
    # American's (allsides 2018-W19: it became the US judgement)
    parts_of: dict[str, set[str]] = {}
    for a in actors:
        parts_of.setdefault(a.country or "", set()).update(a.name.split())
    for a in sorted(actors, key=lambda a: (-a.mentions, a.actor_id)):
        if not a.country or a.kind not in ("government", "international", "state-media"):
            continue
        whose = re.match(r"([A-Z][\w-]+)[’']s\s", a.name)
        if whose and not (country_matches(whose.group(1)) or whose.group(1) in parts_of[a.country]):
            continue
        parts = a.name.split()
        if not parts or not parts[0][:1].isupper():
            continue
        for n in [a.name, *a.aliases] + ([parts[-1]] if len(parts) >= 2 else []):
            if n and n[:1].isupper() and len(n) > 3 and not _names_nobody(n, a.country):
                out.setdefault(n, a.country)
    return out


def _names_nobody(name: str, country: str) -> bool:
    """A bare title ("President", "Prime Minister"), a list ("Kim Jong Un and South
    Korean President") or a body named for another country ("Singapore’s Ministry of
    Foreign Affairs" filed under the United States) names no official of `country`:
    mapped to South Korea, "President" made "President Trump tweeted…" a South Korean
    line (allsides 2018-W19, struck by the blind judges)."""
    words = name.lower().split()
    if " and " in name or all(w in load_roles().role_nouns for w in words):
        return True
    return any(m[3] != country for m in country_matches(name))


def _names_re(names: Mapping[str, str]) -> NameFinder | None:
    return NameFinder(names) if names else None


def subject_country(
    text: str,
    names: Mapping[str, str],
    names_re: NameFinder | None = None,
    strict: bool = False,
) -> str | None:
    """The country the sentence is about as its subject: the first one (or official) named,
    if named early (within the first 60 characters).  `strict`: not one named after a
    preposition or as what is acted on ("exercises with South Korea", "destroy North
    Korea"), and "The North" / "the South" opening the sentence are the two Koreas."""
    return subject_countries(text, names, names_re)[1 if strict else 0]


def subject_countries(
    text: str, names: Mapping[str, str], names_re: NameFinder | None = None
) -> tuple[str | None, str | None]:
    """subject_country(text, ...) and subject_country(text, ..., strict=True), reading
    the sentence's opening once."""
    head = strip_dateline(text)
    # "Without mentioning Seoul by name, Kono warned…": the subject follows the opener.
    if has_opener(head):
        comma = head.find(", ")
        if 0 < comma < 120:
            head = head[comma + 2 :]
    head = head[:120]
    hits = country_offsets(head)
    rx = names_re if names_re is not None else _names_re(names)
    if rx is not None:
        hits += [(p, names[n]) for p, n in rx.find(head)]
    loose = _first(hits)
    short = _SHORT_NAME_RE.match(head)
    if short:
        return loose, "PRK" if short.group(1) == "North" else "KOR"
    # "The joint exercises with South Korea presented…", "…threatened to destroy North
    # Korea, Trump said": a country after a preposition is not who acts.
    acting = [(p, code) for p, code in hits if not _OBJECT_RE.search(head[max(0, p - 30) : p])]
    return loose, _first(acting)


def _first(hits: list[tuple[int, str]]) -> str | None:
    """The country named first, if named within the first 60 characters."""
    if not hits:
        return None
    pos, code = min(hits)
    return code if pos < 60 else None


# A peninsula story's short names for the two states, as the sentence's subject.
_SHORT_NAME_RE = re.compile(r"^(?:The|the) (North|South)(?:(?:’s|'s)\s|\s+(?![A-Z]))")
_OBJECT_RE = OBJECT_RE
