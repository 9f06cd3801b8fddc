"""Choose the quotes worth a reader's time: weight first, then variety.

A quote weighs more when a named official with a top role said it, when several
articles carry it, when it is long enough to say something (>= 8 words) and talks
about the matters at stake.  The brief then spreads its picks across speakers and
countries and never shows the same words twice.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from briefgen.book.summarize import _KOREA_RE, TOP_ROLE_RE
from briefgen.book.textsim import jaccard, tokens
from briefgen.model import Actor, Article, Quote

_KIND_WEIGHT = {
    "government": 1.0,
    "international": 0.85,
    "state-media": 0.7,
    "expert": 0.55,
    "defector": 0.55,
    "media": 0.25,
    "other": 0.3,
}
_TOPIC_RE = re.compile(
    r"nuclear|missile|talks|dialogue|sanction|war\b|peace|military|denucleari|threat|"
    r"negotiat|diploma|attack|strike|summit|weapon|pressure|regime",
    re.I,
)
MIN_WORDS = 8


def _named(q: Quote) -> bool:
    """A person or body by name ("Rex Tillerson"), not a description ("a senior official")."""
    s = (q.speaker or "").strip()
    return bool(s) and s[:1].isupper() and not s.lower().startswith(("a ", "an ", "the "))


def _presentable(q: Quote, actors: Mapping[str, Actor]) -> bool:
    """Worth showing on its own: a known speaker, and words that stand as a statement
    in quotation marks.  Direct quotations only: a mixed quotation's text is the writer's
    reported clause ("Trump spoke with Xi and they were hopeful that ... 'might prompt a
    change'"), which read in a quote box as the speaker's own words."""
    if not q.speaker or q.kind != "direct":
        return False
    actor = actors.get(q.actor_id or "")
    official = actor is not None and actor.kind in ("government", "international", "state-media")
    if not _named(q) and not (official or q.country):
        return False  # "a country", "a dictator": nobody a reader can weigh
    text = q.text.strip()
    return not (text[:1].islower() and q.words < 15)  # "have caused grave concerns"


def quote_weight(
    q: Quote, actors: Mapping[str, Actor], repeats: int = 0, article: Article | None = None
) -> float:
    """How much a quote matters; the parts are documented above."""
    if not q.speaker:
        return 0.0
    actor = actors.get(q.actor_id or "")
    kind = actor.kind if actor else "other"
    role = (actor.role if actor else None) or q.speaker_role or ""
    w = _KIND_WEIGHT.get(kind, 0.3)
    if TOP_ROLE_RE.search(role):
        w += 0.5
    elif re.search(r"[Ss]pokes", role):
        w += 0.2
    if not _named(q):
        w *= 0.6
    n = q.words
    w *= 0.5 + 0.5 * min(n, 30) / 30
    toks = tokens(q.text)
    if n and len(toks) / n < 0.35:  # mostly function words: "It has not been limited at all"
        w *= 0.8
    if _TOPIC_RE.search(q.text):
        w += 0.2
    if not _KOREA_RE.search(q.text + " " + q.sentence):
        w *= 0.5  # not about the peninsula at all
    w += 0.25 * min(repeats, 4)  # carried by several outlets
    if q.kind == "mixed" or q.text.strip()[:1].islower():
        w *= 0.8  # a fragment reads worse on its own than a whole sentence
    if not q.country and kind not in ("expert", "defector"):
        w *= 0.6  # speaks for nobody the brief follows (a historical figure, a bystander)
    if article is not None:
        w *= max(article.relevance, 0.3)
    return round(w, 6)


def _dedupe_key(q: Quote) -> tuple[str, ...]:
    return tuple(tokens(q.text))


def rank_quotes(
    quotes: Sequence[Quote],
    actors: Sequence[Actor],
    articles: Mapping[str, Article] | None = None,
    min_words: int = MIN_WORDS,
) -> list[tuple[float, Quote]]:
    """Every quote long enough, with its weight, heaviest first; copies merged."""
    by_id = {a.actor_id: a for a in actors}
    arts = articles or {}
    long_enough = [q for q in quotes if q.words >= min_words and _presentable(q, by_id)]
    seqs = [_dedupe_key(q) for q in long_enough]
    toks = [set(t) for t in seqs]
    # Only quotes sharing a run of three words can be copies: index those runs.
    shingles: dict[tuple[str, ...], list[int]] = {}
    for i, t in enumerate(seqs):
        for sh in {t[j : j + 3] for j in range(max(1, len(t) - 2))}:
            shingles.setdefault(sh, []).append(i)
    repeats = []
    for i, q in enumerate(long_enough):
        near = {
            j
            for sh in {seqs[i][j : j + 3] for j in range(max(1, len(seqs[i]) - 2))}
            for j in shingles.get(sh, ())
        }
        others = {
            long_enough[j].article_id
            for j in near
            if long_enough[j].article_id != q.article_id and jaccard(toks[i], toks[j]) >= 0.6
        }
        repeats.append(len(others))
    scored = [
        (quote_weight(q, by_id, r, arts.get(q.article_id)), q)
        for q, r in zip(long_enough, repeats, strict=True)
    ]
    scored.sort(key=lambda x: (-x[0], x[1].article_id, x[1].start, x[1].quote_id))
    return scored


def pick_quotes(
    ranked: Sequence[tuple[float, Quote]],
    k: int = 8,
    min_k: int = 5,
    per_speaker: int = 1,
    per_country: int = 2,
    floor_ratio: float = 0.4,
) -> list[Quote]:
    """Up to k quotes, spread over speakers and countries, no near-duplicates.

    A first pass keeps one quote per speaker and `per_country` per country; a second
    pass relaxes both when that leaves fewer than `min_k`.
    """
    if not ranked:
        return []
    top = ranked[0][0]
    chosen: list[Quote] = []
    chosen_toks: list[set[str]] = []

    def fits(q: Quote, spk: int, ctry: int) -> bool:
        who = q.actor_id or q.speaker or ""
        if sum(1 for c in chosen if (c.actor_id or c.speaker or "") == who) >= spk:
            return False
        if q.country and sum(1 for c in chosen if c.country == q.country) >= ctry:
            return False
        t = set(_dedupe_key(q))
        return all(jaccard(t, o) < 0.5 for o in chosen_toks)

    relaxed = 0.3 * top if floor_ratio > 0 else 0.0
    for spk, ctry, floor in ((per_speaker, per_country, floor_ratio * top), (2, 3, relaxed)):
        for w, q in ranked:
            if len(chosen) >= k or (len(chosen) >= min_k and w < floor):
                break
            if q in chosen or not fits(q, spk, ctry):
                continue
            chosen.append(q)
            chosen_toks.append(set(_dedupe_key(q)))
        if len(chosen) >= min_k:
            break
    return chosen


# A quote whose words are this much of a printed line is shown in full there.
SHOWN_IN_LINE = 0.8


def same_words(a: Quote, b: Quote) -> bool:
    """The same quotation, whoever it was attributed to (a tweet carried by several
    articles, once misattributed, was boxed in two sections and the key quotes)."""
    return _same(set(_dedupe_key(a)), set(_dedupe_key(b)))


def shown_in(q: Quote, lines: Sequence[str]) -> bool:
    """Are the quote's words printed in full in one of these lines (a lead sentence
    that quotes the tweet)?"""
    return _in_line(set(_dedupe_key(q)), [set(tokens(line)) for line in lines])


def _same(a: set[str], b: set[str]) -> bool:
    return jaccard(a, b) >= 0.5


def _in_line(t: set[str], lines: Sequence[set[str]]) -> bool:
    return bool(t) and any(len(t & line) / len(t) >= SHOWN_IN_LINE for line in lines)


def not_shown(
    ranked: Sequence[tuple[float, Quote]], boxed: Sequence[Quote], lines: Sequence[str] = ()
) -> list[tuple[float, Quote]]:
    """The ranked quotes a reader has not yet seen: none already boxed, none printed in
    full in `lines`.  The rule: a quotation is printed once per section at most, and
    the key quotes never repeat one a country section already shows.  The lines' and
    boxes' words are read once, not once per ranked quote (thousands on an archive)."""
    line_words = [set(tokens(line)) for line in lines]
    box_words = [set(_dedupe_key(b)) for b in boxed]
    out = []
    for w, q in ranked:
        t = set(_dedupe_key(q))
        if not _in_line(t, line_words) and not any(_same(t, b) for b in box_words):
            out.append((w, q))
    return out
