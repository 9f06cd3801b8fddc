"""A period's findings as one record: what the history stores and what the next brief
compares with (book/changes.py, book/trend.py).

The record of the brief being built comes from its own findings; when no stored brief
covers the comparison period, the same record is computed from that period's articles
(developments found the same way, positions from its attribution).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from briefgen.book.developments import DevelopmentFinder
from briefgen.book.keyquotes import pick_quotes, rank_quotes
from briefgen.book.sentfacts import Facts
from briefgen.book.summarize import SentencePool
from briefgen.model import (
    Article,
    Development,
    Keyphrase,
    PeriodRecord,
    Position,
    Quote,
    Source,
)
from briefgen.nlp.attribution import Attribution
from briefgen.periods import Period

Embed = Callable[[list[str]], Any]


def period_label(period: Period) -> str:
    """The period's name in the history: its ISO week when it is one ("2017-W49"), else
    its dates ("2017-12-01 to 2017-12-07"), so "--last 7d" builds never share a name."""
    s, e = period.start, period.end
    if s and e:
        y, w, d = s.isocalendar()
        if d == 1 and (e - s).days == 6:
            return f"{y}-W{w:02d}"
        return f"{s.isoformat()} to {e.isoformat()}"
    return period.label or "the whole corpus"


def source_of(a: Article) -> Source:
    """The article as a source entry (numbered when a brief lists it)."""
    return Source(
        number=0,
        article_id=a.article_id,
        title=a.title,
        outlet=a.outlet,
        published=a.published,
        date_source=a.date_source,
        date_precision=a.date_precision,
        url=a.url,
        source_path=a.source_path,
        outlets=list(a.outlets),
    )


def _cited_ids(
    devs: Iterable[Development], positions: Iterable[Position], quotes: Iterable[Quote]
) -> set[str]:
    ids = {a for d in devs for a in d.article_ids}
    ids |= {e.article_id for p in positions for e in p.evidence}
    return ids | {q.article_id for q in quotes}


def make_record(
    period: Period,
    articles: Sequence[Article],
    developments: Sequence[Development],
    attribution: Attribution,
    key_quotes: Sequence[Quote] = (),
    keyphrases: Sequence[Keyphrase] = (),
    as_of: date | None = None,
) -> PeriodRecord:
    """The record of one period; only the articles it cites are kept as sources."""
    ids = _cited_ids(developments, attribution.positions, key_quotes)
    return PeriodRecord(
        label=period_label(period),
        start=period.start,
        end=period.end,
        as_of=as_of,
        developments=list(developments),
        positions=list(attribution.positions),
        actors=list(attribution.actors),
        key_quotes=list(key_quotes),
        keyphrases=list(keyphrases),
        sources=[source_of(a) for a in articles if a.article_id in ids],
    )


def computed_record(
    articles: Sequence[Article],
    attribution: Attribution | None,
    period: Period,
    embed: Embed | None,
    facts: Facts | None = None,
) -> PeriodRecord:
    """The comparison period's record from its own articles (no stored brief)."""
    att = attribution or Attribution()
    pool = SentencePool(list(articles), att.quotes, att.actors, facts)
    devs = DevelopmentFinder(pool, period, embed).find()
    by_id = {a.article_id: a for a in articles}
    quotes = pick_quotes(rank_quotes(att.quotes, att.actors, by_id), k=8, min_k=5)
    return make_record(period, articles, devs, att, quotes)
