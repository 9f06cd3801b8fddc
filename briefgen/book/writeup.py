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
    background,
    media_led,
    opinion,
    outlets_of,
    tells_history,
    told_as_answer,
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


def states_event(r: Report, g: Group) -> bool:
    """The report states the group's event itself, who did what to it ("The Security
    Council held its first meeting on..."): not a reaction to it ("North Korea sat out
    the meeting in protest"), nor a preview, a guess or the story's history."""
    c = r.cand
    if r.tag is None or not r.tag.action or r.future or r.speculative:
        return False
    if r.when is None and c.news <= 0:
        return False  # no day of the period: maybe the story's history ("five tests in all")
    if not (c.subject or c.doer or c.official >= 0.5) or r.tag.kind != _kind(g):
        return False  # another kind is another act (a speech at the talks it reports)
    text = condense(c.sent.text)
    at = text.find(r.tag.trigger)
    return at >= 0 and not told_as_answer(text, at)


def _latest_day(g: Group) -> date | None:
    """The latest day the group states, for what is done or still ahead."""
    return max((r.when.when for r in g.members if r.when and not r.speculative), default=None)


def _stage_value(r: Report, g: Group, w: DevelopmentWeights, latest: date | None) -> float:
    """A development is told from its latest state: how it came out, before its opening
    or a preview of it.  An outcome dated well before the latest day the group tells of
    (the schedule agreed on Monday for Friday's summit) is an earlier step's, not the
    latest state."""
    if r.outcome and _own_kind(r, g):
        if latest and r.when and (latest - r.when.when).days > w.max_days_apart:
            return 0.0
        return w.outcome
    if (r.stage == "opening" or r.future) and any(
        o.outcome and not _earlier(o, r) for o in g.members
    ):
        return -w.superseded
    return 0.0


def _family(g: Group) -> str | None:
    """The family of event most of the group's reports tell (None: none tagged)."""
    fams = Counter(r.tag.family for r in g.members if r.tag)
    return fams.most_common(1)[0][0] if fams else None


def _kind(g: Group) -> str | None:
    """The kind of event most of the group's reports tell (None: none tagged)."""
    kinds = Counter(r.tag.kind for r in g.members if r.tag)
    return kinds.most_common(1)[0][0] if kinds else None


def _own_kind(r: Report, g: Group) -> bool:
    """The report tells the group's own kind of event: an outcome of another kind (the
    leaders' flight landed, in a group about the pledge they made) is not how the
    development came out."""
    fam = _family(g)
    return fam is None or (r.tag is not None and r.tag.family == fam)


def _days_before(a: Report, b: Report) -> int:
    """How many days before b's stated date a's is (0 without both)."""
    return (b.when.when - a.when.when).days if a.when and b.when else 0


def _earlier(a: Report, b: Report) -> bool:
    """a tells of a day before b's (stated dates)."""
    return bool(a.when and b.when and a.when.when < b.when.when)


def choose_lead(
    g: Group, w: DevelopmentWeights, sim: Any = None, titles: Mapping[str, Vector] | None = None
) -> Report:
    """The clearest of the group's heaviest, most typical reports, from its latest state.

    Never the story's background while a report of the group is not: "state media had
    said before the summit that Pyongyang would scrap its test site" beside "Kim plans to
    invite experts when the country shuts its test site in May" (2018-W18) is the old
    pledge, the second the week's news of it.  A pluperfect with its day stated ("Trump
    had said on Tuesday...") is the week's news told a day later."""
    news = [
        (r, row)
        for r, row in zip(g.members, g.rows, strict=True)
        if r.when is not None or not background(r.cand.sent.text, said=True)
    ] or list(zip(g.members, g.rows, strict=True))
    heaviest = max(r.weight for r, _ in news)
    floor = w.lead_pool * heaviest
    top = [
        (r, row)
        for r, row in news
        if r.weight >= floor
        or (
            (r.outcome or (w.states_event > 0 and states_event(r, g)))
            and r.weight >= w.outcome_pool * heaviest
        )
    ]
    latest = _latest_day(g)

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
        return (
            _clarity(r, g)
            + _stage_value(r, g, w, latest)
            + w.typical * typical(row)
            + w.headline * headline(r)
            + (w.states_event if states_event(r, g) else 0.0),
            r.weight,
        )

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
    """A sentence that adds to those chosen: same development, another fact of it.

    The clearest other report of a group mostly tells the lead's news again, so a detail
    is valued for what it adds (another kind or stage of the event, another actor, another
    day, the outcome the lead lacks) less its likeness to what is chosen; one that retells
    the lead's event, or says mostly the lead's words, is no detail at all."""
    best: tuple[float, Report] | None = None
    rows = {id(r): row for r, row in zip(g.members, g.rows, strict=True)}
    lead = parts[0]
    words = sum(p.cand.sent.words for p in parts)
    said = {t for p in parts for t in p.cand.vec}
    for r in g.members:
        if r in parts or r.speculative or r.future or words + r.cand.sent.words > w.max_item_words:
            continue
        if not _tells_an_event(r) or _days_before(r, lead) > w.max_days_apart:
            continue  # colour, background or an earlier step: not a fact of this development
        if not _of_the_development(r, lead, w):
            continue
        if not r.cand.subject_first and _NO_SUBJECT.match(r.cand.text):
            continue  # a line that does not say who ("Just had a long talk…") needs its context
        near = 0.0
        if sim is not None:
            nears = [float(sim[rows[id(p)], rows[id(r)]]) for p in parts]
            if nears[0] < w.detail_min_embedding or max(nears) >= w.paraphrase:
                continue  # another matter, or a paraphrase of a chosen line
            near = max(nears)
        lexical = max(cosine(p.cand.vec, r.cand.vec) for p in parts)
        if cosine(lead.cand.vec, r.cand.vec) < w.detail_min_sim or lexical > w.detail_max_sim:
            continue
        if _containment(r, said) >= w.detail_containment:
            continue  # mostly the chosen lines' words again
        if any(_same_day_event(r, p) for p in parts):
            continue  # the chosen event on its day, told again
        val = _adds(r, parts, g, w) - lexical - w.detail_repeat * near
        if best is None or val > best[0]:
            best = (val, r)
    return best[1] if best else None


def _tells_an_event(r: Report) -> bool:
    """A sentence that says what happened (a kind of event and its action, how it came
    out, or the day it happened) and is no background: the convoy that left at dawn, a researcher's tweet or last
    September's test add colour, not a fact of the week's development."""
    text = condense(r.cand.sent.text)
    if r.cand.news < 0 or r.tag is None or opinion(text) or background(text):
        return False
    if tells_history(text, this_year=False):
        return False  # the story's history ("the six-party talks, stalled since 2008")
    return bool(r.tag.action) or r.outcome or r.when is not None


def _of_the_development(r: Report, lead: Report, w: DevelopmentWeights) -> bool:
    """Another family of event than the lead's is part of its development only on the
    lead's days (a response to it): "North Korea this year conducted its sixth nuclear
    test" is background to an item about talks, not a fact of them."""
    if lead.tag is None or r.tag is None or r.tag.family == lead.tag.family:
        return True
    return bool(r.when and lead.when and abs(_days_before(r, lead)) <= w.max_days_apart)


def _containment(r: Report, said: set[str]) -> float:
    """Share of the report's words (TF-IDF weight) the chosen lines said already."""
    total = sum(r.cand.vec.values())
    return sum(x for t, x in r.cand.vec.items() if t in said) / total if total else 0.0


def _adds(r: Report, parts: list[Report], g: Group, w: DevelopmentWeights) -> float:
    """How plainly a report stands alone and how much of another fact it tells."""
    c = r.cand
    text = condense(c.sent.text)
    lead = parts[0]
    value = (
        0.4 / (1.0 + c.rank)
        + 0.15 * c.news
        - 0.02 * max(0, c.sent.words - 32)
        - 0.02 * max(0, 14 - c.sent.words)
        - (0.3 if has_opener(text) else 0.0)
        - (0.2 if text.count("“") + text.count('"') >= 2 else 0.0)
        - (0.4 if media_led(text) else 0.0)
    )
    if r.outcome and not any(p.outcome for p in parts):
        value += w.outcome  # how it came out, which the lead does not say
    if _same_event(r, lead):
        value -= w.detail_same_event  # the lead's event, on the lead's day, again
    if c.subject and c.subject not in {p.cand.subject for p in parts}:
        value += 0.1  # another actor's part in it (a response)
    return value


def _same_day_event(a: Report, b: Report) -> bool:
    """One family of event (a summit and its declaration) on one stated day."""
    if a.tag is None or b.tag is None or a.when is None or b.when is None:
        return False
    return a.tag.family == b.tag.family and a.when.when == b.when.when


def _same_event(a: Report, b: Report) -> bool:
    """Same kind of event with the same action, on the same stated day (or none)."""
    if a.tag is None or b.tag is None:
        return False
    if (a.tag.kind, a.tag.action) != (b.tag.kind, b.tag.action):
        return False
    return not (a.when and b.when and a.when.when != b.when.when)


def sentence_of(r: Report) -> str:
    """The report as the brief shows it: no dateline, leading connective or outlet credit."""
    return strip_credit(condense(r.cand.sent.text))


def _when(g: Group, lead: Report) -> tuple[date | None, str, bool]:
    """The development's date: the one its lead states, else the date most of its reports
    of the lead's own event state, else the day that event was first reported.  A report
    of another event in the group (a speech the statement answers, an earlier warning)
    dates nothing of the lead's: W38 dated Kim's statement of 21 September by a
    foreign minister's speech 'earlier Saturday', and a Japanese warning of the 21st as
    'reported 18 September' by an article of the 18th in its group."""
    if lead.when and not lead.when.estimate:
        return lead.when.when, "stated date", False
    own = [lead, *(r for r in g.members if r is not lead and _own_event(r, lead))]
    stated = Counter(r.when.when for r in own if r.when and not r.when.estimate)
    if stated:
        day = max(stated, key=lambda d: (stated[d], -d.toordinal()))
        return day, "stated date", False
    # a story dated only to its month or year gives no day to print
    pubs = [
        a.published
        for a in (r.cand.article for r in own)
        if a.published and a.date_precision == "day"
    ]
    if pubs:
        return min(pubs), "first reported", True
    return None, "", True


def _own_event(r: Report, lead: Report) -> bool:
    """`r` reports the lead's event: the same kind and action by the same actor (a U.S.
    report of a vessel that could launch a missile is not Japan's warning of one)."""
    doers = {r.cand.subject, lead.cand.subject}
    return _same_event(r, lead) and (None in doers or len(doers) == 1)


def told_by(g: Group, parts: list[Report], w: DevelopmentWeights, sim: Any = None) -> list[str]:
    """The group's articles that tell the item: one of its sentences in those words or
    in close ones (embedding cosine >= `paraphrase`), or the lead's own act (same kind and
    action by the same actor, days no further apart than one development's, at the same
    stage: the prisoners freed Wednesday who landed Thursday, not the summit's opening
    for its collapse).  An item is cited to these only: a group may hold an article that
    says none of it (judges, 2018-W12: a former official's view cited to a New York Times
    piece that never gives it)."""
    said = {sentence_of(r) for r in parts}
    rows = {id(r): i for r, i in zip(g.members, g.rows, strict=True)}
    lead = parts[0]

    def same_act(r: Report) -> bool:
        if r.tag is None or lead.tag is None or r.stage != lead.stage:
            return False
        if (r.tag.kind, r.tag.action) != (lead.tag.kind, lead.tag.action):
            return False
        if r.when and lead.when and abs((r.when.when - lead.when.when).days) > w.max_days_apart:
            return False
        return None in (r.cand.subject, lead.cand.subject) or r.cand.subject == lead.cand.subject

    def tells(r: Report) -> bool:
        if sentence_of(r) in said or same_act(r):
            return True
        if sim is None or id(r) not in rows:
            return False
        i = rows[id(r)]
        return any(float(sim[i, rows[id(p)]]) >= w.paraphrase for p in parts if id(p) in rows)

    return sorted({p.article_id for p in parts} | {r.article_id for r in g.members if tells(r)})


def write(g: Group, w: DevelopmentWeights, sim: Any = None) -> Development:
    """The development as the brief shows it: the clearest report, plus what adds to it."""
    lead = g.lead or choose_lead(g, w, sim)
    parts = [lead]
    for _ in range(w.max_details):
        extra = _detail(parts, g, w, sim)
        if extra is None:
            break
        parts.append(extra)

    # How it came out first: an outcome a detail tells after an opening, a preview or an
    # earlier day leads the item.
    # Only an outcome of the lead's own family of event leads: a flight that landed does
    # not displace the pledge the item reports.
    def own_outcome(r: Report) -> bool:
        return r.outcome and bool(lead.tag and r.tag and r.tag.family == lead.tag.family)

    if not lead.outcome and (lead.stage == "opening" or lead.future):
        parts.sort(key=lambda r: not own_outcome(r))
    elif not lead.outcome:
        parts.sort(key=lambda r: not (own_outcome(r) and _earlier(lead, r)))
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
        told_by=told_by(g, [lead, *(r for r in parts if r is not lead)], w, sim),
        outlets=outlets,
        score=round(g.score, 6),
        novelty=g.novelty,
    )
