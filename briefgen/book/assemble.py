"""Build the Brief from the records: what a reader sees, in reading order, all of it cited.

Pure Python over the records (the only model used is the optional sentence embedder).
Every line of the brief is a sentence taken verbatim from an article (bottom line,
judgements, summaries, timeline) or a line built from such a sentence or from attributed
positions (open questions, disagreements, what changed), and carries the numbers of the
sources it rests on.  The choosing is done by the modules named below, one concern each:

- developments.py  the period's developments, grouped and ranked (the bottom line)
- sections.py      one country section: judgement, trend, summary, actors, quotes
  (sectionjudgement.py: the judgement; sectiontrend.py: the trend marker)
  (ownlines.py: whether a plain sentence is the country's own line)
  (quotelines.py: the judgement from an official's words; sectionctx.py: its context)
- trend.py         trend markers: moves this period against the period compared with
- changes.py       what changed since the last brief
- keyquotes.py     key quotes by weight and variety
- questions.py     open questions and what to watch
  (contradictions.py: position pairs; watchlist.py, watchphrase.py: what to watch)
- timeline.py      dated events of the period, with the user's events lists
- chart.py         country mentions, section order, chart data
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from briefgen.book.bottomline import bottom_line
from briefgen.book.changes import ChangeFinder
from briefgen.book.chart import (
    CORE_ORDER,
    chart_data,
    mentions_per_country,
    quotes_per_country,
    section_order,
)
from briefgen.book.developments import DevelopmentFinder
from briefgen.book.eventlists import ListedEvent, date_developments
from briefgen.book.keyquotes import not_shown, pick_quotes, rank_quotes
from briefgen.book.parties import period_positions
from briefgen.book.questions import open_questions
from briefgen.book.record import computed_record, make_record, period_label
from briefgen.book.sections import (
    KIND_ORDER,
    BookContext,
    CountrySectionBuilder,
    cites_for,
    on_the_peninsula,
)
from briefgen.book.sentfacts import Facts
from briefgen.book.summarize import SentencePool
from briefgen.book.timeline import build_timeline
from briefgen.book.trend import Move, moves_of
from briefgen.book.watchlist import reliable_positions, repeated_quotes
from briefgen.knowledge.countries import countries_acting
from briefgen.knowledge.dates import date_range
from briefgen.knowledge.watch_cues import opinion_url
from briefgen.model import (
    Article,
    Brief,
    Change,
    CountrySection,
    Development,
    Keyphrase,
    PeriodRecord,
    Quote,
    Source,
    Statement,
)
from briefgen.nlp.attribution import Attribution
from briefgen.periods import Period

# texts -> unit vectors, one row per text (a numpy array); see nlp.embeddings.Embedder.
Embed = Callable[[list[str]], Any]

# An article is "about" a country when the country is named this often (or in the title).
MIN_MENTIONS = 2


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
    Opinion pieces (data/watch_cues.yaml opinion_url_sections) do not count toward either.
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
    # an opinion column joins a country's group but never makes one: a columnist's view of
    # Russia is no Russian move (a section and a judgement from one column, 2019-W22)
    news = {c: [a for a in arts if not opinion_url(a.url)] for c, arts in groups.items()}
    keep = {
        c: arts
        for c, arts in groups.items()
        if len(news[c]) >= (1 if c in CORE_ORDER else need_other)
    }
    order = section_order(keep, {c: len(v) for c, v in keep.items()})
    return {c: keep[c] for c in order}


def number_sources(
    articles: Sequence[Article], low: Sequence[Article]
) -> tuple[list[Source], dict[str, int]]:
    """Every article of the period, numbered by date (undated last), then by title;
    low-relevance articles after the rest, so the cited sources come first."""
    from briefgen.book.record import source_of

    rows = [(a, False) for a in articles] + [(a, True) for a in low]
    rows.sort(key=lambda r: (r[1], r[0].published or date.max, r[0].title, r[0].article_id))
    out: list[Source] = []
    num: dict[str, int] = {}
    for a, is_low in rows:
        if a.article_id in num:
            continue
        num[a.article_id] = len(out) + 1
        s = source_of(a)
        s.number, s.low_relevance = len(out) + 1, is_low
        out.append(s)
    return out, num


# Fewer articles than this in the period compared with (no stored brief) make "What
# changed" a comparison with almost nothing, and the brief says so.
MIN_ARTICLES_BEFORE = 5
THIN_BEFORE_NOTE = "too few to say much of what changed"


@dataclass
class BookInput:
    """Everything the book is assembled from."""

    articles: Sequence[Article]
    attribution: Attribution
    keyphrases: Mapping[str, list[Keyphrase]]
    period: Period
    as_of: date
    title: str
    low_relevance: Sequence[Article] = ()
    # The comparison period's articles and attribution (trends, "What changed" when no
    # stored brief covers it); `before` is that period (default: the one just before).
    previous: Sequence[Article] = ()
    previous_attribution: Attribution | None = None
    before: Period | None = None
    # The stored brief compared with (history), preferred over the previous articles.
    last: PeriodRecord | None = None
    embed: Embed | None = None
    groups: Mapping[str, list[Article]] | None = None
    events: Sequence[ListedEvent] = ()
    # What each article's own text says (book.sentfacts), kept between builds; None:
    # computed here.
    facts: Facts | None = None


def _unseen_quotes(
    ranked: Sequence[tuple[float, Quote]], built: CountrySectionBuilder, bluf: Sequence[Statement]
) -> list[Quote]:
    """The key quotes: none a reader has just seen in full, boxed in a country section or
    quoted in its lines or the bottom line (the record keeps its own picks).  Fewer are
    not padded out with light ones: the heaviest are often boxed already."""
    unseen = not_shown(ranked, built.boxed, [*built.lines, *(s.text for s in bluf)])
    return pick_quotes(unseen, k=8, min_k=3)


class BookBuilder:
    """Assembles one Brief, section by section, in reading order."""

    def __init__(self, inp: BookInput) -> None:
        self.inp = inp
        self.main = list(inp.articles)
        self.sources, self.numbers = number_sources(self.main, inp.low_relevance)
        ids = {a.article_id for a in self.main}
        self.quotes = [q for q in inp.attribution.quotes if q.article_id in ids]
        self.att = Attribution(self.quotes, inp.attribution.actors, inp.attribution.positions)
        self.pool = SentencePool(self.main, self.quotes, inp.attribution.actors, inp.facts)
        # quotations the compared period already printed: no side of a disagreement
        self.stale = repeated_quotes(self.quotes, inp.previous)
        self.compared = self._compared()
        # The record of this brief (for the history), once built.
        self.record: PeriodRecord | None = None

    def cite(self, article_id: str) -> int | None:
        return self.numbers.get(article_id)

    def cite_before(self, article_id: str) -> int | None:
        """Number of an article of the compared period, listed on first use."""
        if article_id in self.numbers:
            return self.numbers[article_id]
        src = next((s for s in self._compared_sources() if s.article_id == article_id), None)
        if src is None:
            return None
        n = len(self.sources) + 1
        self.sources.append(
            Source(**{**src.__dict__, "number": n, "earlier": self.compared_label()})
        )
        self.numbers[article_id] = n
        return n

    def _compared_sources(self) -> list[Source]:
        return self.compared.sources if self.compared is not None else []

    def _compared(self) -> PeriodRecord | None:
        """The record compared with: the stored brief, else the previous period's articles."""
        if self.inp.last is not None:
            return self.inp.last
        before = self.inp.before or self.inp.period.previous()
        if not self.inp.previous or before is None:
            return None
        return computed_record(
            self.inp.previous, self.inp.previous_attribution, before, self.inp.embed, self.inp.facts
        )

    def compared_label(self) -> str:
        return self.compared.label if self.compared is not None else ""

    def compared_with(self) -> str:
        rec = self.compared
        if rec is None:
            return ""
        span = date_range(rec.start, rec.end) if rec.start and rec.end else rec.label
        if rec.built:
            # the period the stored brief covered, not the day it was built (noise to a reader)
            return f"the brief for {span}"
        n = len(self.inp.previous)
        thin = f"; {THIN_BEFORE_NOTE}" if n < MIN_ARTICLES_BEFORE else ""
        return f"the articles of {span} ({n} article{'s' * (n != 1)}, no stored brief{thin})"

    def _moves(self, rec: PeriodRecord, codes: Sequence[str]) -> dict[str, list[Move]]:
        return {c: moves_of(c, rec.developments, rec.positions, rec.actors) for c in codes}

    def build(self) -> Brief:
        inp = self.inp
        finder = DevelopmentFinder(self.pool, inp.period, inp.embed)
        before_texts = [d.text for d in self.compared.developments] if self.compared else []
        devs = finder.find(before=before_texts)
        date_developments(devs, inp.events, inp.period)
        for d in devs:
            own = d.sentences[0].article_id if d.sentences else None
            # cited to the articles that tell the item (writeup.told_by), not every one
            # its group gathered
            d.cites = cites_for(d.told_by or d.article_ids, self.cite, own)
        chosen = bottom_line(
            devs,
            finder.w,
            hand=finder.hand_scores,
            lines=finder.newslines,
            start=inp.period.start,
        )
        bluf = [Statement(text=d.text, cites=d.cites) for d in chosen]
        ranked = rank_quotes(
            self.quotes, inp.attribution.actors, {a.article_id: a for a in self.main}
        )
        key_quotes = pick_quotes(ranked, k=8, min_k=5)
        groups = dict(inp.groups) if inp.groups is not None else country_groups(self.main, self.att)
        groups = {
            c: arts
            for c, arts in groups.items()
            if c in CORE_ORDER or on_the_peninsula(self.pool, c, arts)
        }
        stated = period_positions(self.att.positions, self.pool.by_article, inp.period.start)
        sound = Attribution(self.quotes, self.att.actors, reliable_positions(stated, self.quotes))
        now = make_record(
            inp.period,
            self.main,
            devs,
            sound,
            key_quotes,
            inp.keyphrases.get("corpus", []),
            inp.as_of,
        )
        self.record = now
        ctx = BookContext(
            pool=self.pool,
            attribution=self.att,
            keyphrases=inp.keyphrases,
            cite=self.cite,
            ranked_quotes=ranked,
            mentions=mentions_per_country(self.main),
            finder=finder,
            moves=self._moves(now, list(groups)),
            moves_before=self._moves(self.compared, list(groups)) if self.compared else None,
            before_label=self.compared_label(),
            period=inp.period,
            stale_quotes=self.stale,
            used={
                id(r.cand): 1
                for d, g in zip(devs, finder.groups, strict=True)
                if any(d is c for c in chosen)
                for r in [g.lead]
                if r
            },
        )
        builder = CountrySectionBuilder(ctx)
        sections = [builder.build(code, grp) for code, grp in groups.items()]
        changes = (
            ChangeFinder(now, self.compared, self.cite, self.cite_before, inp.embed).changes()
            if self.compared is not None
            else []
        )
        shown = _unseen_quotes(ranked, builder, bluf)
        return self._brief(bluf, devs, sections, shown, changes, ctx)

    def _stats(
        self,
        sections: list[CountrySection],
        mentions: Mapping[str, int],
        per_country_quotes: Mapping[str, int],
        outlets: set[str],
    ) -> dict[str, Any]:
        """Counts for the cover and the chart."""
        inp = self.inp
        order = [s.code for s in sections]
        return {
            "articles": len(self.main),
            "outlets": len(outlets),
            "quotes": len(self.quotes),
            "countries": len(sections),
            "actors": len(inp.attribution.actors),
            "low_relevance": len(inp.low_relevance),
            "sources": len(self.sources),
            "previous_articles": len(inp.previous),
            "compared_with": period_label(inp.before) if inp.before else self.compared_label(),
            "mentions_by_country": {c: int(mentions.get(c, 0)) for c in order},
            "quotes_by_country": {c: int(per_country_quotes.get(c, 0)) for c in order},
            "top_mentions": dict(
                sorted(Counter(mentions).items(), key=lambda kv: (-kv[1], kv[0]))[:10]
            ),
        }

    def _brief(
        self,
        bluf: list[Statement],
        devs: list[Development],
        sections: list[CountrySection],
        key_quotes: list[Quote],
        changes: list[Change],
        ctx: BookContext,
    ) -> Brief:
        inp = self.inp
        # the days the articles are dated; one known only to its month or year gives no day
        dates = [a.published for a in self.main if a.published and a.date_precision == "day"]
        order = [s.code for s in sections]
        per_country_quotes = quotes_per_country(self.quotes)
        mentions = ctx.mentions
        questions = open_questions(
            self.pool,
            self.att.positions,
            self.att.actors,
            self.cite,
            inp.period,
            self.quotes,
            devs,
            self.stale,
        )
        timeline = build_timeline(self.pool, inp.period, self.cite, inp.events)
        outlets = {
            o for a in self.main for o in (a.outlets or ([a.outlet] if a.outlet else [])) if o
        }
        return Brief(
            title=inp.title,
            as_of=inp.as_of,
            period_start=inp.period.start or (min(dates) if dates else None),
            period_end=inp.period.end or (max(dates) if dates else None),
            articles=sorted(self.main, key=lambda a: self.numbers.get(a.article_id, 0)),
            sources=self.sources,
            bluf=bluf,
            developments=devs,
            countries=sections,
            key_quotes=key_quotes,
            open_questions=questions,
            timeline=timeline,
            changes=changes,
            compared_with=self.compared_with() if changes else "",
            keyphrases=list(inp.keyphrases.get("corpus", [])),
            actors=sorted(
                inp.attribution.actors,
                key=lambda a: (KIND_ORDER.get(a.kind, 9), -a.quote_count, -a.mentions, a.name),
            ),
            quotes=self.quotes,
            low_relevance=list(inp.low_relevance),
            chart=chart_data(order, mentions, per_country_quotes),
            stats=self._stats(sections, mentions, per_country_quotes, outlets),
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
    **more: Any,
) -> Brief:
    """Everything the templates need, in reading order (see BookInput for `more`).

    `articles` are the period's articles for the sections (the caller has already left
    out low-relevance ones unless asked to keep them); `low_relevance` are listed among
    the sources only; `previous` are the articles of the period compared with (empty:
    no trends unless a stored brief is given as `last`).  `embed`, when given, maps texts
    to unit sentence vectors (nlp.embeddings.Embedder.embed).
    """
    inp = BookInput(
        articles, attribution, keyphrases, period, as_of, title, low_relevance, previous,
        embed=embed, groups=groups, **more,
    )  # fmt: skip
    return BookBuilder(inp).build()
