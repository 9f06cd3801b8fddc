"""The bottom line: the three to six most consequential of the period's developments.

The developments come ranked (book/developments.py, by the learned ranker of
book/ranker.py when one ships); this says how many to take and which qualify.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.book.reports import DEFAULT_WEIGHTS, DevelopmentWeights, opinion
from briefgen.knowledge.events import is_development
from briefgen.model import Development


def bottom_line(
    devs: Sequence[Development],
    w: DevelopmentWeights | None = None,
    hand: Sequence[float] | None = None,
    lines: Sequence[float | None] | None = None,
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
    only up to `min_items`."""
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
    # The likely news lines in rank order.  Comment ("Experts agreed, however, that...", a
    # correspondent's note: what someone thinks of the news, train 2017-W16, dev 2014-W52)
    # and lines the newsline model doubts fill only up to `min_items`, comment last: four
    # developments beat four and a fifth place filled with colour.
    floor = w.newsline_floor
    news = [d for d in pool if not _comment(d) and ((x := line[id(d)]) is None or x >= floor)]
    chosen = news[: max(n, least)]
    taken = {id(d) for d in chosen}
    rest = sorted((d for d in pool if id(d) not in taken), key=_comment)
    for d in rest[: max(0, w.min_items - len(chosen))]:
        chosen.append(d)
    return chosen


def _comment(d: Development) -> bool:
    """The development is told by comment, not by anyone's act or statement."""
    return opinion(d.sentences[0].text if d.sentences else d.text)
