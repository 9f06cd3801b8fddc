"""Build the Brief from the records: sources numbered, sections per country, quotes, timeline.

Pure Python over the records (no models): every statement carries the numbers of the
sources it rests on.  (Minimal version; the full assembly lands with issue 6.)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from briefgen.model import Article, Brief, Keyphrase, Source
from briefgen.nlp.attribution import Attribution
from briefgen.periods import Period


def country_groups(
    articles: Sequence[Article], attribution: Attribution
) -> dict[str, list[Article]]:
    """{country code: articles about it}: the scopes for country keyphrases and sections."""
    return {}


def assemble(
    articles: Sequence[Article],
    attribution: Attribution,
    keyphrases: Mapping[str, list[Keyphrase]],
    period: Period,
    as_of: date,
    title: str,
    low_relevance: Sequence[Article] = (),
) -> Brief:
    """Everything the templates need, in reading order."""
    ordered = sorted(articles, key=lambda a: (a.published or date.min, a.title))
    sources = [
        Source(
            number=i,
            article_id=a.article_id,
            title=a.title,
            outlet=a.outlet,
            published=a.published,
            date_source=a.date_source,
            url=a.url,
            source_path=a.source_path,
            outlets=a.outlets,
        )
        for i, a in enumerate(ordered, 1)
    ]
    dates = [a.published for a in articles if a.published]
    return Brief(
        title=title,
        as_of=as_of,
        period_start=period.start or (min(dates) if dates else None),
        period_end=period.end or (max(dates) if dates else None),
        articles=list(ordered),
        sources=sources,
        quotes=attribution.quotes,
        actors=attribution.actors,
        keyphrases=list(keyphrases.get("corpus", [])),
        low_relevance=list(low_relevance),
        stats={
            "articles": len(articles),
            "outlets": len({o for a in articles for o in (a.outlets or [a.outlet]) if o}),
        },
    )
