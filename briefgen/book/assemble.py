"""Build the Brief from the records: what a reader sees, in reading order, all of it cited.

Pure Python over the records (no models).  Every line of the brief is either a
sentence taken verbatim from an article (bottom line, judgements, summaries,
timeline) or a line built from such a sentence or from attributed positions (open
questions, disagreements), and carries the numbers of the sources it rests on.
The choosing is done by the modules named below, one concern each:

- summarize.py   weigh sentences, choose without repeats (bottom line, summaries)
- keyquotes.py   key quotes by weight and variety
- questions.py   open questions and what to watch
- timeline.py    dated events of the period
- trend.py       trend marker against the previous period
- chart.py       country mentions, section order, chart data
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from briefgen.book.chart import (
    CORE_ORDER,
    chart_data,
    mentions_per_country,
    quotes_per_country,
    section_order,
)
from briefgen.book.keyquotes import pick_quotes, rank_quotes
from briefgen.book.questions import contradictions, open_questions
from briefgen.book.summarize import Candidate, SentencePool, choose
from briefgen.book.timeline import build_timeline
from briefgen.book.trend import trend
from briefgen.knowledge.countries import countries_acting, country_name
from briefgen.model import (
    Actor,
    Article,
    Brief,
    CountrySection,
    Keyphrase,
    Position,
    Quote,
    Source,
    Statement,
)
from briefgen.nlp.attribution import Attribution
from briefgen.periods import Period

# texts -> unit vectors, one row per text (a numpy array); see nlp.embeddings.Embedder.
Embed = Callable[[list[str]], Any]

BLUF_MAX = 5
BLUF_MIN = 3
# Bottom-line items this similar (TF-IDF cosine) are the same development.
BLUF_SIM = 0.22
# Sentence-embedding cosine above which two bottom-line items are one development
# (all-MiniLM-L6-v2; measured on allsides 2018-W19: same story 0.43-0.66, others <= 0.38).
BLUF_PARAPHRASE = 0.42
JUDGEMENT_MAX_WORDS = 40
SUMMARY_MAX = 4
SUMMARY_MIN = 2
COUNTRY_QUOTES = 3
MAX_ACTORS = 10
MAX_DISAGREEMENTS = 4
# An article is "about" a country when the country is named this often (or in the title).
MIN_MENTIONS = 2

_SPECULATIVE_RE = re.compile(r"\b(?:could|might|may|would|perhaps|possibly|likely)\b")

_KIND_ORDER = {
    "government": 0,
    "international": 0,
    "legislator": 1,
    "state-media": 1,
    "expert": 2,
    "defector": 3,
    "media": 4,
    "other": 5,
}


def _article_countries(a: Article, quotes: Sequence[Quote]) -> set[str]:
    m = countries_acting(a.title + "\n\n" + a.text)
    in_title = countries_acting(a.title)
    codes = {c for c, n in m.items() if n >= MIN_MENTIONS or in_title.get(c)}
    codes |= {q.country for q in quotes if q.country and q.article_id == a.article_id}
    return codes


def country_groups(
    articles: Sequence[Article], attribution: Attribution
) -> dict[str, list[Article]]:
    """{country code: articles about it}: the scopes for country keyphrases and sections.

    The six parties and the UN need one article; any other country or body needs
    at least two (and 5% of the period's articles) so passing mentions get no section.
    The caller leaves low-relevance articles out (unless the user asked for them).
    Keys come in section order.
    """
    main = list(articles)
    qby: dict[str, list[Quote]] = {}
    for q in attribution.quotes:
        qby.setdefault(q.article_id, []).append(q)
    groups: dict[str, list[Article]] = {}
    for a in main:
        for c in sorted(_article_countries(a, qby.get(a.article_id, []))):
            groups.setdefault(c, []).append(a)
    need_other = max(2, math.ceil(0.05 * len(main)))
    keep = {
        c: arts for c, arts in groups.items() if len(arts) >= (1 if c in CORE_ORDER else need_other)
    }
    order = section_order(keep, {c: len(v) for c, v in keep.items()})
    return {c: keep[c] for c in order}


def _sources(
    articles: Sequence[Article], low: Sequence[Article]
) -> tuple[list[Source], dict[str, int]]:
    """Every article of the period, numbered by date (undated last), then by title;
    low-relevance articles after the rest, so the cited sources come first."""
    rows = [(a, False) for a in articles] + [(a, True) for a in low]
    rows.sort(key=lambda r: (r[1], r[0].published or date.max, r[0].title, r[0].article_id))
    out: list[Source] = []
    num: dict[str, int] = {}
    for a, is_low in rows:
        if a.article_id in num:
            continue
        n = len(out) + 1
        num[a.article_id] = n
        out.append(
            Source(
                number=n,
                article_id=a.article_id,
                title=a.title,
                outlet=a.outlet,
                published=a.published,
                date_source=a.date_source,
                date_precision=a.date_precision,
                url=a.url,
                source_path=a.source_path,
                outlets=list(a.outlets),
                low_relevance=is_low,
            )
        )
    return out, num


def _cites(
    cand: Candidate, pool: SentencePool, cite: Callable[[str], int | None], extra: int
) -> list[int]:
    """The sentence's own source first, then up to `extra` others carrying the same news."""
    own = cite(cand.article_id)
    others = sorted(
        n
        for n in (cite(aid) for aid in pool.similar_articles(cand)[: max(extra, 0) * 3])
        if n is not None and n != own
    )[:extra]
    return ([own] if own else []) + others


def bottom_line(
    pool: SentencePool, cite: Callable[[str], int | None], embed: Embed | None = None
) -> tuple[list[Statement], list[Candidate]]:
    """3-5 developments: heaviest sentences, one per article, no two alike.

    "Alike" is lexical (TF-IDF) and, when `embed` is given (sentence embeddings, unit
    vectors), also paraphrase: "three Americans were released" and "the three men flew
    home after their release" are one development.
    """
    # A reporter's question and its answer ("Asked whether…, X said") is not a development.
    cands = [c for c in pool.usable_candidates() if not c.text.startswith("Asked ")]
    if not cands:
        return [], []
    top = max(c.score for c in cands)
    # Few articles, few developments: one bullet per article plus one, 3 to 5.
    k = max(BLUF_MIN, min(BLUF_MAX, len(pool.articles) + 1))
    # IDF from a handful of articles barely tells words apart: be less strict there.
    sim = BLUF_SIM if len(pool.articles) >= 8 else 0.3
    ranked = choose(cands, 2 * k, min_k=BLUF_MIN, per_article=1, max_sim=sim, floor=0.45 * top)
    if len(ranked) < BLUF_MIN:
        ranked = choose(cands, 2 * k, min_k=BLUF_MIN, per_article=3, max_sim=sim, floor=0.45 * top)
    # Two lines carried by the same set of articles are one development told twice
    # ("schedules the dismantling" / "tunnels will be destroyed"): keep the first.
    vecs = None
    if embed is not None and ranked:
        vecs = embed([c.text for c in ranked])
    picked: list[int] = []
    dropped: list[int] = []
    carriers: list[set[str]] = []
    for i, c in enumerate(ranked):
        who = {c.article_id, *pool.similar_articles(c)}
        # (Only meaningful when most articles do not carry most stories.)
        same_carriers = (
            len(pool.articles) >= 8
            and len(who) >= 3
            and any(len(who & o) / len(who | o) >= 0.5 for o in carriers)
        )
        paraphrase = vecs is not None and any(
            float(vecs[i] @ vecs[j]) >= BLUF_PARAPHRASE for j in picked
        )
        if same_carriers or paraphrase:
            dropped.append(i)
            continue
        picked.append(i)
        carriers.append(who)
        if len(picked) >= k:
            break
    # Too strict for a one-story week: fill up from the set-aside lines, heaviest first.
    picked += dropped[: max(0, BLUF_MIN - len(picked))]
    picked.sort()
    chosen = [ranked[i] for i in picked]
    return [Statement(text=c.text, cites=_cites(c, pool, cite, 4)) for c in chosen], chosen


def _positions_for(
    code: str, positions: Sequence[Position], actors: Mapping[str, Actor]
) -> list[Position]:
    def belongs(p: Position) -> bool:
        if p.country == code or p.holder == code:
            return True
        a = actors.get(p.holder)
        return a is not None and a.country == code

    ps = [p for p in positions if belongs(p)]
    ps.sort(key=lambda p: (-len(p.evidence), -p.confidence, p.issue, p.holder, p.label))
    return ps


def country_section(
    code: str,
    group: Sequence[Article],
    pool: SentencePool,
    attribution: Attribution,
    keyphrases: Mapping[str, list[Keyphrase]],
    cite: Callable[[str], int | None],
    ranked_quotes: Sequence[tuple[float, Quote]],
    current: Sequence[Article],
    previous: Sequence[Article],
    mentions: Mapping[str, int],
    used: dict[int, int],
    judged: dict[int, int] | None = None,
) -> CountrySection:
    """One CrisisWatch-style entry: judgement, trend, cited summary, who said what."""
    judged = judged if judged is not None else {}
    actors_by_id = {a.actor_id: a for a in attribution.actors}
    ids = {a.article_id for a in group}
    cands = [
        c
        for aid in sorted(ids)
        for c in pool.by_article.get(aid, [])
        if c.usable and (c.acting.get(code) or code in c.quote_countries or c.subject == code)
    ]
    top = max((c.score for c in cands), default=0.0) or 1.0
    # Sentences with the country as subject first; lines used elsewhere in the brief last.
    bonus = {
        id(c): (0.25 * top if c.subject == code else 0.0) - 0.35 * top * used.get(id(c), 0)
        for c in cands
    }
    # The bold line may restate a bottom-line item (it is the country's main news) but
    # not another country's judgement.
    j_used = {
        id(c): (0.25 * top if c.subject == code else 0.0) - 0.5 * top * judged.get(id(c), 0)
        for c in cands
    }

    judgement: Statement | None = None
    # The bold line: what the country did, said as a short sentence opening on the
    # country or its official; speculation ("could", "might") is not a judgement.
    subj = [
        c for c in cands if c.subject == code and c.topical and not c.text.startswith("Asked ")
    ] or [c for c in cands if c.subject == code]
    j_cands = [c for c in subj if c.sent.words <= JUDGEMENT_MAX_WORDS] or subj
    j_bonus = {
        id(c): j_used[id(c)]
        + 0.1 * top * c.news
        + (0.15 * top if c.subject_first else 0.0)
        - 0.01 * top * max(0, c.sent.words - 20)
        - (0.15 * top if _SPECULATIVE_RE.search(c.sent.text) else 0.0)
        for c in cands
    }
    j = choose(j_cands, 1, bonus=j_bonus)
    if j:
        judgement = Statement(text=j[0].text, cites=_cites(j[0], pool, cite, 2))
    k = max(SUMMARY_MIN, min(SUMMARY_MAX, len(group) + 1))
    # Off-topic lines ("the Guardian revealed… Steele dossier") only if nothing else.
    # A line already used twice elsewhere (bottom line, other sections) is not used again.
    rest = [c for c in cands if (not j or c is not j[0]) and used.get(id(c), 0) < 2]
    on_topic = [c for c in rest if c.topical]
    summ = choose(
        on_topic if len(on_topic) >= SUMMARY_MIN else rest,
        k,
        min_k=SUMMARY_MIN,
        per_article=2,
        max_sim=0.4,
        avoid=j,
        bonus=bonus,
        floor=0.4 * top,
    )
    for c in (*j, *summ):
        used[id(c)] = used.get(id(c), 0) + 1
    for c in j:
        judged[id(c)] = judged.get(id(c), 0) + 1
    summary = [Statement(text=c.text, cites=_cites(c, pool, cite, 1)) for c in summ]

    positions = _positions_for(code, attribution.positions, actors_by_id)
    holders = {p.holder for p in positions}
    disagreements = contradictions(attribution.positions, actors_by_id, cite, holders)[
        :MAX_DISAGREEMENTS
    ]
    # Without a sentence of its own, the country's best-attested position stands in,
    # if the evidence is more than one passing line.
    if judgement is None and positions and (len(positions[0].evidence) >= 2 or len(group) >= 2):
        p = positions[0]
        who = actors_by_id[p.holder].name if p.holder in actors_by_id else country_name(code)
        ev = p.evidence[0] if p.evidence else None
        n = cite(ev.article_id) if ev else None
        judgement = Statement(
            text=f"{who} {p.label}.", cites=[n] if n else [], basis=ev.text if ev else ""
        )

    # The country itself as a speaker ("China said") is its positions' "as a whole" line,
    # not one of its actors.
    own_name = country_name(code).lower()
    actors = sorted(
        (
            a
            for a in attribution.actors
            if a.country == code and a.name.lower() not in (own_name, code.lower())
        ),
        key=lambda a: (_KIND_ORDER.get(a.kind, 9), -a.quote_count, -a.mentions, a.name),
    )[:MAX_ACTORS]
    quotes = pick_quotes(
        [(w, q) for w, q in ranked_quotes if q.country == code],
        k=COUNTRY_QUOTES,
        min_k=1,
        per_speaker=1,
        per_country=COUNTRY_QUOTES,
        floor_ratio=0.0,
    )
    marker, basis = trend(current, previous, code)
    return CountrySection(
        code=code,
        name=country_name(code),
        judgement=judgement,
        trend=marker,  # type: ignore[arg-type]
        summary=summary,
        actors=actors,
        positions=positions,
        quotes=quotes,
        keyphrases=list(keyphrases.get(code, [])),
        disagreements=disagreements,
        article_count=len(group),
        trend_basis=basis,
        mentions=int(mentions.get(code, 0)),
    )


def assemble(
    articles: Sequence[Article],
    attribution: Attribution,
    keyphrases: Mapping[str, list[Keyphrase]],
    period: Period,
    as_of: date,
    title: str,
    low_relevance: Sequence[Article] = (),
    previous: Sequence[Article] = (),
    embed: Embed | None = None,
    groups: Mapping[str, list[Article]] | None = None,
) -> Brief:
    """Everything the templates need, in reading order.

    `articles` are the period's articles for the sections (the caller has already
    left out low-relevance ones unless asked to keep them); `low_relevance` are listed
    among the sources only; `previous` are the articles of the period just before
    (same length), used only for the trend markers (empty: no trend).  `embed`, when
    given, maps texts to unit sentence vectors (nlp.embeddings.Embedder.embed) and keeps
    paraphrases of one development out of the bottom line.
    """
    main = list(articles)
    low = list(low_relevance)
    sources, numbers = _sources(main, low)

    def cite(aid: str) -> int | None:
        return numbers.get(aid)

    main_ids = {a.article_id for a in main}
    quotes = [q for q in attribution.quotes if q.article_id in main_ids]
    att = Attribution(quotes=quotes, actors=attribution.actors, positions=attribution.positions)
    pool = SentencePool(main, quotes, attribution.actors)
    by_id = {a.article_id: a for a in main}

    bluf, bluf_cands = bottom_line(pool, cite, embed)
    # Lines already used (bottom line, earlier sections) are pushed back in later choices.
    used: dict[int, int] = {id(c): 1 for c in bluf_cands}
    judged: dict[int, int] = {}
    ranked = rank_quotes(quotes, attribution.actors, by_id)
    key_quotes = pick_quotes(ranked, k=8, min_k=5)
    mentions = mentions_per_country(main)
    if groups is None:
        groups = country_groups(main, att)
    sections = [
        country_section(
            code, grp, pool, att, keyphrases, cite, ranked, main, previous, mentions, used, judged
        )
        for code, grp in groups.items()
    ]
    questions = open_questions(pool, attribution.positions, attribution.actors, cite)
    timeline = build_timeline(pool, period, cite)

    dates = [a.published for a in main if a.published]
    order = [s.code for s in sections]
    per_country_quotes = quotes_per_country(quotes)
    ordered_articles = sorted(main, key=lambda a: numbers.get(a.article_id, 0))
    outlets = {o for a in main for o in (a.outlets or ([a.outlet] if a.outlet else [])) if o}
    actors_sorted = sorted(
        attribution.actors,
        key=lambda a: (_KIND_ORDER.get(a.kind, 9), -a.quote_count, -a.mentions, a.name),
    )
    return Brief(
        title=title,
        as_of=as_of,
        period_start=period.start or (min(dates) if dates else None),
        period_end=period.end or (max(dates) if dates else None),
        articles=ordered_articles,
        sources=sources,
        bluf=bluf,
        countries=sections,
        key_quotes=key_quotes,
        open_questions=questions,
        timeline=timeline,
        keyphrases=list(keyphrases.get("corpus", [])),
        actors=actors_sorted,
        quotes=quotes,
        low_relevance=low,
        chart=chart_data(order, mentions, per_country_quotes),
        stats={
            "articles": len(main),
            "outlets": len(outlets),
            "quotes": len(quotes),
            "countries": len(sections),
            "actors": len(attribution.actors),
            "low_relevance": len(low),
            "sources": len(sources),
            "previous_articles": len(previous),
            "mentions_by_country": {c: int(mentions.get(c, 0)) for c in order},
            "quotes_by_country": {c: int(per_country_quotes.get(c, 0)) for c in order},
            "top_mentions": dict(
                sorted(Counter(mentions).items(), key=lambda kv: (-kv[1], kv[0]))[:10]
            ),
        },
    )
