"""The bottom line: the three to six most consequential of the period's developments.

The developments come ranked (book/developments.py, by the learned ranker of
book/ranker.py when one ships); this says how many to take and which qualify.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import lru_cache

from briefgen.book.reports import DEFAULT_WEIGHTS, DevelopmentWeights, background, opinion
from briefgen.corpus.relevance import peninsula_re as _peninsula_re
from briefgen.knowledge.countries import (
    country_offsets,
    elsewhere,
    is_place,
    peninsula_parties,
)
from briefgen.knowledge.events import guess, is_development
from briefgen.model import Development
from briefgen.nlp.gazetteer import load_gazetteer

# The peninsula's own parties: an item one of them does is about the peninsula.
_KOREAS = ("PRK", "KOR")


def bottom_line(
    devs: Sequence[Development],
    w: DevelopmentWeights | None = None,
    hand: Sequence[float] | None = None,
    lines: Sequence[float | None] | None = None,
    start: date | None = None,
) -> list[Development]:
    """The three to six most consequential developments, most consequential first.

    Only developments of a known kind (data/events.yaml), someone's act (no natural event),
    and with an actor qualify while there are enough of them: a line of no kind, of a quake
    assessed as natural or of nobody acting is more often colour than news.  More articles,
    more items (3 below 6 articles, 4 below 10, else 5), up to six above `floor` of the
    top score.  `hand`: when `devs` are in the learned ranker's order (book.ranker), the
    hand-set scores, aligned: they say how many items (as they always have), the ranker
    which.  `lines`: aligned, how likely each development's lead is a line an analyst
    tells news with (book.newsline; None: not known): one the model takes for comment or
    a hypothetical is an item only when too few others are.  A development told by
    comment (book.reports.opinion: a commentator's view, nobody in particular, the
    writer's own voice) is no development: it comes after every other line and fills
    only up to `min_items`; so do a guess at what the news means or will bring, and one
    of the story's background (its lead in the pluperfect, or its act dated before
    `start`, the period's first day, beyond the day before: a pre-summit pledge retold
    in a May week, judges 2018-W18), guesses first and background last."""
    w = w or DEFAULT_WEIGHTS
    if not devs:
        return []
    articles = len({a for d in devs for a in d.article_ids})
    least = min(w.max_items, w.min_items + (articles >= 6) + (articles >= 10))
    score = {id(d): d.score for d in devs}
    if hand is not None:
        score = {id(d): h for d, h in zip(devs, hand, strict=True)}
    line = {id(d): x for d, x in zip(devs, lines or [None] * len(devs), strict=True)}
    pool = list(devs)
    for keep in (
        lambda d: bool(d.kind) and is_development(d.kind),
        # Who did what: a line that names nobody acting ("After criminals hacked a company,
        # the White House is now forced to consider...", a correspondent's note) is comment.
        lambda d: bool(d.actor),
    ):
        kept = [d for d in pool if keep(d)]
        if len(kept) >= least:
            pool = kept
    top = max(score[id(d)] for d in pool) or 1.0
    n = min(w.max_items, sum(1 for d in pool if score[id(d)] >= w.floor * top))
    # How many is the scores' to say, as before; which, among the items about the
    # peninsula, each act once (a place freed goes to the next).
    pool = _merged([d for d in pool if on_peninsula(d)] or pool)
    # The likely news lines in rank order.  Comment ("Experts agreed, however, that...", a
    # correspondent's note: what someone thinks of the news, train 2017-W16, dev 2014-W52)
    # and lines the newsline model doubts fill only up to `min_items`, comment last: four
    # developments beat four and a fifth place filled with colour.
    floor = w.newsline_floor
    aside = {id(d): _aside(d, start) for d in pool}
    news = [d for d in pool if not aside[id(d)] and ((x := line[id(d)]) is None or x >= floor)]
    chosen = news[: max(n, least)]
    taken = {id(d) for d in chosen}
    rest = sorted((d for d in pool if id(d) not in taken), key=lambda d: aside[id(d)])
    for d in rest[: max(0, w.min_items - len(chosen))]:
        chosen.append(d)
    return chosen


def on_peninsula(d: Development) -> bool:
    """The development is the peninsula's news, not another region's told in a Korea
    story: a Korea acts, or its lead names no place or group of another region (a country
    outside countries.yaml peninsula_parties, not a venue nor the actor opening the lead,
    "Australia's prime minister said...", or one of its `elsewhere` list) before it names
    a Korea, a peninsula term or a known peninsula actor (data/actors.yaml).  "After U.S.
    military announced the attack on an Islamic State tunnel complex, Trump said ... North
    Korea" (train 2017-W15) is the strike's news; a lead of no place at all passed
    find_reports' peninsula test already ("The US has made 'zero concessions', he said").
    Not nlp/elsewhere.about_elsewhere (a statement about a people the brief does not
    know): that needs a parse of the sentence (its NORP entities, which a development's
    lead does not keep) and lets any known country keep a statement on Korea, where here
    a known country outside the peninsula's parties leading the item is the very sign of
    another region's news; calling it would change both answers."""
    if d.actor in _KOREAS:
        return True
    lead = d.sentences[0].text if d.sentences else d.text
    korea, away = _peninsula_re(), _elsewhere_re()
    here = [m.start() for m in (korea.search(lead), _people_re().search(lead)) if m]
    parties = peninsula_parties()
    gone = [
        p
        for p, code in country_offsets(lead)
        if code not in parties and not (code == d.actor and p < 5) and not is_place(lead, p)
    ]
    gone += [m.start()] if (m := away.search(lead)) else []
    return not gone or (bool(here) and min(here) < min(gone))


@lru_cache(maxsize=1)
def _elsewhere_re() -> re.Pattern[str]:
    return _names_re(elsewhere())


@lru_cache(maxsize=1)
def _people_re() -> re.Pattern[str]:
    """The names of the peninsula's known actors."""
    gaz = load_gazetteer()
    return _names_re(
        n
        for e in gaz.entries.values()
        if e.country in _KOREAS
        for n in (e.name, *e.aliases, *([e.alone[0]] if e.alone else []))
        if n
    )


def _names_re(names: Iterable[str]) -> re.Pattern[str]:
    """Any of `names`, as whole words, longest first."""
    alts = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alts})(?![\w-])")


def same_act(a: Development, b: Development) -> bool:
    """One actor's one act told twice: the same actor, kind of event and day (two groups
    of reports the grouping kept apart, as Pence's visit in train 2017-W15)."""
    return bool(a.actor and a.kind and a.when) and (a.actor, a.kind, a.when) == (
        b.actor,
        b.kind,
        b.when,
    )


def _merged(devs: Sequence[Development]) -> list[Development]:
    """`devs` (in rank order) with each one that tells again the act of a higher one
    (same_act) folded into it: the higher one cites the articles of both (updated in
    place, so the item is still the finder's development)."""
    out: list[Development] = []
    for d in devs:
        first = next((c for c in out if same_act(c, d)), None)
        if first is None:
            out.append(d)
            continue
        first.article_ids += [a for a in d.article_ids if a not in first.article_ids]
        first.outlets = sorted({*first.outlets, *d.outlets})
        first.cites = sorted({*first.cites, *d.cites})
    return out


def _earlier(d: Development, start: date | None) -> bool:
    """The development is the story's background: its lead in the pluperfect of its own
    clause with no day stated ("had said before the summit"), or its act on a stated day
    before the period (beyond the day before)."""
    lead = d.sentences[0].text if d.sentences else d.text
    stated = d.when is not None and d.date_basis == "stated date"
    if background(lead, said=True) and not stated:
        return True
    return bool(start and stated and d.when) and (
        d.when < start - timedelta(days=1)  # type: ignore[operator]
    )


def _aside(d: Development, start: date | None) -> int:
    """0 for a line of news; else how far back the line goes when it only fills the least
    number of items: a guess at the week's news (knowledge.events.guess: "may be a bid
    to", "is expected to", judges 2013-W23 and 2017-W47) before comment, comment before
    the story's background."""
    if _earlier(d, start):
        return 3
    if _comment(d):
        return 2
    return int(guess(d.sentences[0].text if d.sentences else d.text))


def _comment(d: Development) -> bool:
    """The development is told by comment, not by anyone's act or statement."""
    return opinion(d.sentences[0].text if d.sentences else d.text)
