"""What the sentence pool reads from one article's own text, apart from the rest of the
period: its sentences, which can stand alone, their words, countries and news value.

None of it depends on the other articles (the pool adds what does: TF-IDF weights,
officials' names, support), so a build can keep it per article (`ArticleFacts.dumps`,
in the article store keyed by `facts_key`) and a rerun computes it only for new
articles.  `article_facts` is the one way it is computed; a stored copy must equal it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from briefgen.book.sentences import Sentence, split_sentences, usable
from briefgen.book.textsim import tokens
from briefgen.knowledge.countries import countries_acting, countries_mentioned, country_offsets
from briefgen.knowledge.countries import is_venue as _is_venue
from briefgen.knowledge.dates import WEEKDAY_RE, DateHit
from briefgen.knowledge.events import EventTag
from briefgen.model import Article

# Only the first sentences of each article are weighed (speed; the news is up top).
MAX_SENTENCES_PER_ARTICLE = 40

_BACKGROUND_RE = re.compile(
    r"\b(?:earlier this year|last year|years ago|in (?:19|20)\d\d|for years|for decades|"
    r"last (?:week|month|year|spring|summer|autumn|fall|winter|January|February|March|April|"
    r"May|June|July|August|September|October|November|December)|a (?:week|month) ago|"
    r"until (?:this|last) (?:week|month)|weeks ago|months ago|earlier this month|"
    r"usually|typically|often|all the time|routinely|traditionally|(?:its|the|their) recent|"
    r"previously|long concerned|(?:\w+ )?(?:years|decades|months) (?:later|earlier)|"
    r"no stranger|has long|have long|had long|in the past|history of|since the|"
    r"was elected|were elected|once again)\b",
    re.I,
)
_RECENT_RE = re.compile(
    rf"\b(?:on (?:{WEEKDAY_RE})|(?:{WEEKDAY_RE})(?:’s|'s)?|"
    r"this week|yesterday|today|days ago|latest|new)\b"
)
# What acts on a country named right after it ("exercises with South Korea"): not its doer.
OBJECT_RE = re.compile(
    r"\b(?:with|against|to|toward|towards|into|on|over|from|for|at|by|about|between|"
    r"destroy|attack|sanction|punish|accuse|blame|condemn|urge|urged|warn|warned)"
    r"[”’\"']?\s+"
    r"(?:(?:the|his|her|its|their)\s+)?(?:[A-Z][\w.]*\s+)?$"
)


def story_day(a: Article) -> date | None:
    """The day "on Tuesday" is resolved against: the publication date when it is known to
    the day (a story dated only to its month has no day to count from)."""
    return a.published if a.date_precision == "day" else None


def newsworthiness(text: str, article: Article) -> float:
    """+1 for a sentence reporting the week's events, -1 for background.

    Stated dates decide when there are any: within a week of the story is news, only
    older dates ("held a summit on April 27") are background.
    """
    from briefgen.knowledge.dates import resolve_dates

    if _BACKGROUND_RE.search(text):
        return -1.0
    pub = story_day(article)
    if pub is not None:
        hits = resolve_dates(text, pub)
        if hits:
            return 1.0 if any(abs((h.when - pub).days) <= 7 for h in hits) else -1.0
    return 1.0 if _RECENT_RE.search(text) else 0.0


def agents(text: str) -> set[str]:
    """Countries named in the sentence other than as a venue or as what is acted on
    ("exercises with South Korea", "sanctions against North Korea")."""
    return {
        code
        for pos, code in country_offsets(text)
        if not _is_venue(text, pos) and not OBJECT_RE.search(text[max(0, pos - 30) : pos])
    }


@dataclass
class ReportFacts:
    """What a report of a development reads of its sentence's own text and day
    (book.reports.report_facts computes it; kept here so a rerun need not)."""

    tag: EventTag | None
    dates: list[DateHit]  # every date the sentence states, resolved against its story's day
    speculative: bool
    future: bool
    stage: str
    comment: bool  # opinion, told as a report about reporting, or background

    def row(self) -> list[object]:
        t = self.tag
        tag = (
            None
            if t is None
            else [t.kind, t.family, t.label, t.weight, t.direction, t.action, t.trigger]
        )
        dates = [[h.when.isoformat(), h.estimate, h.basis, h.pos] for h in self.dates]
        return [tag, dates, self.speculative, self.future, self.stage, self.comment]

    @classmethod
    def of_row(cls, r: list[Any]) -> ReportFacts:
        tag = None if r[0] is None else EventTag(*r[0])
        dates = [DateHit(date.fromisoformat(d[0]), d[1], d[2], d[3]) for d in r[1]]
        return cls(tag, dates, r[2], r[3], r[4], r[5])


@dataclass
class SentenceFacts:
    """One sentence and what its own text says (`acting`, `agents`, `news`: usable only;
    `report`: kept only for a build's first sentences that may report news)."""

    sent: Sentence
    usable: bool
    tokens: list[str]
    countries: Counter[str]
    acting: Counter[str]
    agents: set[str]
    news: float
    report: ReportFacts | None = None


@dataclass
class ArticleFacts:
    """The article's words (title and text, title alone) and its first sentences' facts."""

    tokens: list[str]
    title_tokens: list[str]
    sentences: list[SentenceFacts]

    def dumps(self) -> bytes:
        rows = [
            [
                f.sent.text,
                f.sent.start,
                f.sent.end,
                f.sent.index,
                f.sent.para,
                f.usable,
                f.tokens,
                dict(f.countries),
                dict(f.acting),
                sorted(f.agents),
                f.news,
                f.report.row() if f.report is not None else None,
            ]
            for f in self.sentences
        ]
        return json.dumps([self.tokens, self.title_tokens, rows], ensure_ascii=False).encode()

    @classmethod
    def loads(cls, data: bytes, article: Article) -> ArticleFacts:
        toks, title, rows = json.loads(data)
        aid = article.article_id
        return cls(
            toks,
            title,
            [
                SentenceFacts(
                    Sentence(aid, r[0], r[1], r[2], r[3], r[4]),
                    r[5],
                    r[6],
                    Counter(r[7]),
                    Counter(r[8]),
                    set(r[9]),
                    r[10],
                    ReportFacts.of_row(r[11]) if len(r) > 11 and r[11] is not None else None,
                )
                for r in rows
            ],
        )


def article_facts(a: Article) -> ArticleFacts:
    """The facts of one article, computed."""
    out = []
    for s in split_sentences(a)[:MAX_SENTENCES_PER_ARTICLE]:
        ok = usable(s.text)
        out.append(
            SentenceFacts(
                s,
                ok,
                tokens(s.text),
                countries_mentioned(s.text),
                countries_acting(s.text) if ok else Counter(),
                agents(s.text) if ok else set(),
                newsworthiness(s.text, a) if ok else 0.0,
            )
        )
    return ArticleFacts(tokens(a.title + " " + a.text), tokens(a.title), out)


def facts_key(a: Article) -> str:
    """What the facts depend on: the article's id, title, text and publication day."""
    h = hashlib.sha1()
    for part in (a.article_id, a.title, a.text, str(a.published), a.date_precision or ""):
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()


# articles -> their facts, in order (computed, or read from a store)
Facts = Callable[[Sequence[Article]], list[ArticleFacts]]


def computed(articles: Sequence[Article]) -> list[ArticleFacts]:
    return [article_facts(a) for a in articles]
