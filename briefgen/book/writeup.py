"""Writing a development: the clearest report of its group, plus one that adds to it.

Every sentence is taken verbatim from an article (dateline, leading connective and a
closing credit to an outlet dropped), so the item is as accurate as its sources and
each sentence can be traced to the article it came from.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from datetime import date
from typing import Any

from briefgen.book.reports import (
    DevelopmentWeights,
    Group,
    Report,
    media_led,
    opinion,
    outlets_of,
)
from briefgen.book.sentences import condense, strip_credit
from briefgen.book.summarize import has_opener
from briefgen.book.textsim import Vector, cosine
from briefgen.model import Development, Evidence


def _clarity(r: Report, g: Group) -> float:
    """How well one report tells its group's development on its own."""
    c = r.cand
    text = condense(c.sent.text)
    words = c.sent.words
    kind = g.seed.tag.kind if g.seed.tag else None
    return (
        (0.5 if c.subject_first else 0.0)
        + (0.2 if r.tag and r.tag.kind == kind else 0.0)
        + (0.3 if r.tag and r.tag.action else 0.15 if r.tag else 0.0)
        + 0.4 / (1.0 + c.rank)
        + (0.2 if r.when else 0.0)
        + 0.15 * c.news
        - 0.02 * max(0, words - 32)
        - 0.02 * max(0, 14 - words)
        - (0.4 if r.speculative else 0.0)
        - (0.6 if r.future else 0.0)
        - (0.3 if has_opener(text) else 0.0)
        - (0.2 if text.count("“") + text.count('"') >= 2 else 0.0)
        - (0.4 if media_led(text) else 0.0)
    )


def choose_lead(
    g: Group, w: DevelopmentWeights, sim: Any = None, titles: Mapping[str, Vector] | None = None
) -> Report:
    """The clearest of the group's heaviest, most typical reports."""
    floor = w.lead_pool * max(r.weight for r in g.members)
    top = [(r, row) for r, row in zip(g.members, g.rows, strict=True) if r.weight >= floor]

    def typical(row: int) -> float:
        if sim is None or len(g.rows) < 3:
            return 0.0
        others = [o for o in g.rows if o != row]
        return float(sim[row, others].mean())

    heads = [titles[a] for a in g.articles() if titles and titles.get(a)]

    def headline(r: Report) -> float:
        """How much of the group's headlines the report says."""
        return max((cosine(r.cand.vec, t) for t in heads), default=0.0)

    def value(x: tuple[Report, int]) -> tuple[float, float]:
        r, row = x
        return (_clarity(r, g) + w.typical * typical(row) + w.headline * headline(r), r.weight)

    return max(top, key=value)[0]


def quality(r: Report) -> float:
    """A development told only by a preview, a guess or a report about reporting weighs less."""
    text = condense(r.cand.sent.text)
    q = 1.0 if r.tag and r.tag.action else 0.75 if r.tag else 0.5
    if r.future or r.speculative:
        q *= 0.6
    if media_led(text) or opinion(text):
        q *= 0.6
    return q


# A line opening on an adverb or a verb has no subject of its own (a tweet's words).
_NO_SUBJECT = re.compile(r"^(?:Just|Also|Then|Now|Still|Had|Have|Has|Was|Were|Is|Are|Will|Spoke)\b")


def _detail(parts: list[Report], g: Group, w: DevelopmentWeights, sim: Any = None) -> Report | None:
    """A sentence that adds to those chosen: same development, different words."""
    best: tuple[float, Report] | None = None
    rows = {id(r): row for r, row in zip(g.members, g.rows, strict=True)}
    lead = parts[0]
    words = sum(p.cand.sent.words for p in parts)
    for r in g.members:
        if r in parts or r.speculative or r.future or words + r.cand.sent.words > w.max_item_words:
            continue
        if not r.cand.subject_first and _NO_SUBJECT.match(r.cand.text):
            continue  # a line that does not say who ("Just had a long talk…") needs its context
        if sim is not None:
            near = [float(sim[rows[id(p)], rows[id(r)]]) for p in parts]
            if near[0] < w.detail_min_embedding or max(near) >= w.paraphrase:
                continue  # another matter, or a paraphrase of a chosen line
        lexical = max(cosine(p.cand.vec, r.cand.vec) for p in parts)
        if cosine(lead.cand.vec, r.cand.vec) < w.detail_min_sim or lexical > w.detail_max_sim:
            continue
        val = _clarity(r, g) - lexical
        if best is None or val > best[0]:
            best = (val, r)
    return best[1] if best else None


def sentence_of(r: Report) -> str:
    """The report as the brief shows it: no dateline, leading connective or outlet credit."""
    return strip_credit(condense(r.cand.sent.text))


def _when(g: Group, lead: Report) -> tuple[date | None, str, bool]:
    """The development's date: the one its lead states, else the date most of its reports
    state, else the day it was first reported."""
    if lead.when and not lead.when.estimate:
        return lead.when.when, "stated date", False
    stated = Counter(r.when.when for r in g.members if r.when and not r.when.estimate)
    if stated:
        day = max(stated, key=lambda d: (stated[d], -d.toordinal()))
        return day, "stated date", False
    # a story dated only to its month or year gives no day to print
    pubs = [
        a.published
        for a in (r.cand.article for r in g.members)
        if a.published and a.date_precision == "day"
    ]
    if pubs:
        return min(pubs), "first reported", True
    return None, "", True


def write(g: Group, w: DevelopmentWeights, sim: Any = None) -> Development:
    """The development as the brief shows it: the clearest report, plus what adds to it."""
    lead = g.lead or choose_lead(g, w, sim)
    parts = [lead]
    for _ in range(w.max_details):
        extra = _detail(parts, g, w, sim)
        if extra is None:
            break
        parts.append(extra)
    tag = lead.tag or g.seed.tag
    when, basis, estimate = _when(g, lead)
    subjects = Counter(r.cand.subject for r in g.members if r.cand.subject)
    actor = lead.cand.subject or (subjects.most_common(1)[0][0] if subjects else None)
    outlets = sorted(outlets_of(g.members))
    return Development(
        text=" ".join(sentence_of(r) for r in parts),
        sentences=[Evidence(r.article_id, sentence_of(r)) for r in parts],
        kind=tag.kind if tag else "",
        action=tag.action if tag else "",
        direction=tag.direction if tag else 0,
        actor=actor,
        when=when,
        date_basis=basis,
        date_is_estimate=estimate,
        article_ids=g.articles(),
        outlets=outlets,
        score=round(g.score, 6),
        novelty=g.novelty,
    )
