"""Plain typed records that flow through the pipeline.

Article -> Quote / Actor / Position / Keyphrase -> Brief -> files.  Every stage takes
and returns these; none of them imports a heavy library, so they are cheap to use
in tests, exports and templates.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

# Where an article's publication date came from; the brief shows it so a reader knows
# how far to trust the date.
# "desk": set by a correction (briefgen/corrections).
DateSource = Literal["metadata", "published-line", "dateline", "url", "estimate", "unknown", "desk"]
# How much of the publication date is known: the day, or only the month or year (a feed
# that gives "2017"); `published` is then the first day of that month or year, and the
# brief prints "October 2017" or "2017", never an invented day.
DatePrecision = Literal["day", "month", "year"]

# The kinds of actor.  Governments, international bodies, legislators and state media
# speak for a state or body; experts, defectors and media speak for themselves and are
# kept apart in country sections.
ActorKind = Literal[
    "government",
    "international",
    "legislator",
    "state-media",
    "expert",
    "defector",
    "media",
    "other",
]
# Actors whose words are their country's (or body's) official voice.
OFFICIAL_KINDS = frozenset({"government", "international", "state-media"})
# Actors who speak for a state or body (legislators too), as against those who speak for
# themselves: the two groups of a country section's table of positions.
STATE_VOICE_KINDS = OFFICIAL_KINDS | {"legislator"}
# Speakers who report or comment as the press (not a state's media): no issue position is
# printed for them as actors (nlp/positions.py).
NO_POSITION_KINDS = frozenset({"media"})

# direct: the statement is in quotation marks; mixed: a reported statement with some of
# the speaker's words quoted; indirect: reported speech ("X said that ...").
QuoteKind = Literal["direct", "mixed", "indirect"]

KeyphraseScope = Literal["article", "country", "corpus"]

_WORD_RE = re.compile(r"\w+", re.UNICODE)


def date_span(d: date | None, precision: str = "day") -> tuple[date, date] | None:
    """(first, last) day of a date known to the day, month or year."""
    if d is None:
        return None
    if precision == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    if precision == "month":
        nxt = date(d.year + 1, 1, 1) if d.month == 12 else date(d.year, d.month + 1, 1)
        return date(d.year, d.month, 1), date.fromordinal(nxt.toordinal() - 1)
    return d, d


def content_id(text: str, length: int = 12) -> str:
    """A stable id from text: the same article gets the same id on every run."""
    norm = " ".join(text.split()).lower()
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:length]


@dataclass
class Article:
    """One cleaned news article.

    `text` holds the body only (no title, byline or boilerplate), paragraphs separated
    by a blank line.  Character offsets elsewhere (Quote.start/end) index into it.
    """

    article_id: str
    title: str
    text: str
    source_path: str
    outlet: str | None = None
    published: date | None = None
    date_source: DateSource = "unknown"
    url: str | None = None
    byline: str | None = None
    # Every outlet that carried this story (after near-duplicates were merged).
    outlets: list[str] = field(default_factory=list)
    # source_path#part of each merged duplicate, for traceability.
    merged_from: list[str] = field(default_factory=list)
    # 0..1: how much the article is about the Korean peninsula.
    relevance: float = 1.0
    # Below the relevance threshold: counted and listed, kept out of country sections.
    low_relevance: bool = False
    # Position of this article inside its file when one file held several.
    part: int = 0
    meta: dict[str, Any] = field(default_factory=dict)
    date_precision: DatePrecision = "day"
    # What the desk changed (briefgen/corrections), one line; "" when nothing.
    edited: str = ""

    @property
    def date_span(self) -> tuple[date, date] | None:
        """The first and last day the publication date may be (one day unless only the
        month or year is known); None when undated."""
        return date_span(self.published, self.date_precision)

    @property
    def words(self) -> int:
        return len(_WORD_RE.findall(self.text))

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]

    def to_dict(self, with_text: bool = True) -> dict[str, Any]:
        d = asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        d["words"] = self.words
        if not with_text:
            d.pop("text")
        return d


@dataclass
class Actor:
    """A person or body that speaks in the corpus, resolved to whom it speaks for."""

    actor_id: str  # slug of the canonical name, e.g. "rex-tillerson"
    name: str  # canonical name, or a description when no name is given
    kind: ActorKind = "other"
    role: str | None = None  # "Secretary of State", "Foreign Ministry spokeswoman"
    # ISO 3166-1 alpha-3 (USA, PRK, KOR, CHN, JPN, RUS, ...) or a body acronym
    # (UN, NATO, EU, ASEAN, IAEA); None when unknown.
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    mentions: int = 0
    quote_count: int = 0
    edited: str = ""  # what the desk changed, one line

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Stance:
    """Where one statement stands on one tracked issue (knowledge/issues.yaml)."""

    issue: str  # "sanctions", "talks", "military_force", ...
    stance: int  # +1 or -1, read as the issue's labels say
    confidence: float = 1.0  # 0..1; low ones are not shown


@dataclass
class Quote:
    """A statement attributed to a speaker in one article: quoted, mixed or reported."""

    quote_id: str
    article_id: str
    # The statement's words: inside the marks for a direct quotation, the reported clause
    # for mixed and indirect ones.  start/end are their offsets in Article.text.
    text: str
    start: int
    end: int
    speaker: str | None = None  # canonical name or description; None when unknown
    speaker_role: str | None = None
    country: str | None = None  # see Actor.country
    actor_id: str | None = None
    cue: str | None = None  # said, told, urged, according to, ...
    kind: QuoteKind = "direct"
    sentence: str = ""  # the sentence(s) around it, for context and position analysis
    # How sure the speaker is (1.0: named in the clause; lower: resolved pronoun, description).
    speaker_confidence: float = 1.0
    # Reported from before the article's news ("said last year", "tweeted in October");
    # said_on is the day when the text gives it.
    earlier: bool = False
    said_on: date | None = None
    stances: list[Stance] = field(default_factory=list)
    edited: str = ""  # what the desk changed (speaker, country, pinned), one line

    @property
    def words(self) -> int:
        return len(_WORD_RE.findall(self.text))

    def to_dict(self, article: Article | None = None) -> dict[str, Any]:
        d = asdict(self)
        d["said_on"] = self.said_on.isoformat() if self.said_on else None
        if article is not None:
            d["title"] = article.title
            d["published"] = article.published.isoformat() if article.published else None
            d["source_path"] = article.source_path
            d["outlet"] = article.outlet
            d["url"] = article.url
        return d


@dataclass
class Evidence:
    """The piece of text a claim in the brief rests on."""

    article_id: str
    text: str
    quote_id: str | None = None


@dataclass
class Position:
    """Where an actor or a country stands on one issue, with the words it rests on."""

    holder: str  # actor_id or country code
    holder_kind: Literal["actor", "country"]
    issue: str  # a key of knowledge/issues.yaml: "sanctions", "talks", ...
    stance: int  # +1 or -1, read as the issue's labels say
    label: str  # one line a reader understands: "seeks sanctions relief"
    country: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 1.0  # 0..1; the brief leaves out low ones
    edited: str = ""  # set, flipped by the desk: its reason

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ArticleAnalysis:
    """What the analysis finds in one article, independent of every other article, so it
    is computed once per article text and can be stored and reused."""

    article_id: str
    quotes: list[Quote] = field(default_factory=list)
    # The article's speakers as this article names them; mentions and quote_count count
    # this article only.  Merging across articles is by actor_id.
    actors: list[Actor] = field(default_factory=list)
    # quote_id -> what the statement's words say to the stance model (nlp/stance.py
    # text_features), read from the parse once; stances are read from them per build.
    stance_features: dict[str, list[float]] = field(default_factory=dict)


@dataclass
class Keyphrase:
    phrase: str
    score: float
    scope: KeyphraseScope
    scope_id: str  # article_id, country code, or "corpus"
    variants: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    edited: str = ""  # pinned or renamed by the desk

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Source:
    """A numbered entry of the brief's source list; statements cite it by number."""

    number: int
    article_id: str
    title: str
    outlet: str | None
    published: date | None
    date_source: DateSource
    url: str | None
    source_path: str
    outlets: list[str] = field(default_factory=list)
    # Listed for completeness but kept out of the country sections (Article.low_relevance).
    low_relevance: bool = False
    date_precision: DatePrecision = "day"
    # What the desk changed in this article or its quotations ("" when nothing).
    edited: str = ""
    # The label of the earlier period ("2017-W49") when the source is cited only by
    # "What changed since the last brief"; "" for the period's own articles.
    earlier: str = ""


@dataclass
class Statement:
    """A sentence of the brief with the sources it rests on (numbers into Brief.sources)."""

    text: str
    cites: list[int] = field(default_factory=list)
    quote: Quote | None = None
    # What sort of statement: "" (plain), open questions: "unanswered" | "contradiction"
    # | "no-response" | "scheduled"; lets a template group or mark them.
    kind: str = ""
    # The article sentence the statement was condensed or phrased from, verbatim, when
    # `text` is not itself that sentence (open questions, condensed judgements).
    basis: str = ""
    edited: str = ""  # pinned by the desk


@dataclass
class Development:
    """One event of the period (who did what, when), as every article that reported it
    tells it: the bottom line's items, the basis of trends and of "What changed"."""

    # The item as the brief shows it: sentences taken verbatim from the articles (no
    # dateline or byline), the clearest first; `sentences` names the article of each.
    text: str
    sentences: list[Evidence] = field(default_factory=list)
    kind: str = ""  # a kind of data/events.yaml ("missile_launch", "summit"...), "" if none
    action: str = ""  # "held", "cancelled", "imposed", "eased", ...
    direction: int = 0  # +1 escalation, -1 engagement, 0 neither
    actor: str | None = None  # country code (or body) of who acted, when the text says
    when: date | None = None
    date_basis: str = ""  # "stated date", "first reported", "events list <name>", ...
    date_is_estimate: bool = False
    article_ids: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    cites: list[int] = field(default_factory=list)
    score: float = 0.0
    # The articles that tell the item as the brief shows it (its sentences, in their words
    # or close to them, or the same act): what it is cited to.  Empty: every article.
    told_by: list[str] = field(default_factory=list)
    # "new", or "continued" when the comparison period reported the same development.
    novelty: str = "new"


@dataclass
class TimelineEntry:
    when: date
    text: str
    cites: list[int] = field(default_factory=list)
    date_is_estimate: bool = False
    # How the date was found: "publication date", "stated date", "weekday resolved
    # against the publication date", ... (shown next to estimated dates).
    date_basis: str = ""
    # Where an uncertain date came from, in words a reader understands ("date inferred
    # from 'Tuesday' in a report of 19 September 2017"); "" when the date is sure.
    date_note: str = ""
    # "" when the articles report it; else the events list it came from ("csis.csv").
    origin: str = ""


@dataclass
class Change:
    """One line of "What changed since the last brief"."""

    # "reversed" (a position turned round), "new-position", "new-actor", "continued"
    # (a development reported in both periods), "ended" (reported before, not now).
    kind: str
    text: str
    cites: list[int] = field(default_factory=list)  # this period's sources
    earlier_cites: list[int] = field(default_factory=list)  # sources of the earlier period


@dataclass
class PeriodRecord:
    """What one brief found, kept in the history so the next brief can say what changed."""

    label: str  # "2017-W50", or "2017-12-01 to 2017-12-07"
    start: date | None
    end: date | None
    as_of: date | None = None
    built: str = ""  # ISO timestamp of the build, "" when computed, not stored
    developments: list[Development] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    key_quotes: list[Quote] = field(default_factory=list)
    keyphrases: list[Keyphrase] = field(default_factory=list)
    # The articles the records cite (Source.number unused here: citations are by id).
    sources: list[Source] = field(default_factory=list)


@dataclass
class CountrySection:
    code: str  # ISO3 or body acronym
    name: str  # "United States", "North Korea", "United Nations"
    judgement: Statement | None = None
    # "insufficient": too little in one of the two periods to compare (trend_basis says).
    trend: Literal["deteriorated", "improved", "unchanged", "new", "insufficient"] | None = None
    summary: list[Statement] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    keyphrases: list[Keyphrase] = field(default_factory=list)
    disagreements: list[Statement] = field(default_factory=list)
    article_count: int = 0
    # Why the trend marker says what it says, one line (counts it rests on).
    trend_basis: str = ""
    # Times the country is named across the period's articles (chart and cover figures).
    mentions: int = 0


@dataclass
class Brief:
    """Everything the templates render.  Built by assemble.py, rendered by render.py."""

    title: str
    as_of: date
    period_start: date | None
    period_end: date | None
    articles: list[Article]
    sources: list[Source]
    bluf: list[Statement] = field(default_factory=list)
    # The period's developments, most consequential first (the bottom line shows the top).
    developments: list[Development] = field(default_factory=list)
    countries: list[CountrySection] = field(default_factory=list)
    key_quotes: list[Quote] = field(default_factory=list)
    open_questions: list[Statement] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    # "What changed since the last brief", and what it compares with ("the brief of
    # 2017-W49, built 11 December 2017" or "the articles of 2017-W49"); "" when nothing.
    changes: list[Change] = field(default_factory=list)
    compared_with: str = ""
    keyphrases: list[Keyphrase] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    # Counts for the cover and the chart: {"articles": 5, "outlets": 4, ...}
    stats: dict[str, Any] = field(default_factory=dict)
    # Articles counted but kept out of country sections (low relevance).
    low_relevance: list[Article] = field(default_factory=list)
    # Data for the small chart (see briefgen/chart.py): {"title": str, "unit": str,
    # "series": [{"code", "label", "mentions", "quotes"}...]} in section order.
    chart: dict[str, Any] = field(default_factory=dict)

    def source_number(self, article_id: str) -> int | None:
        for s in self.sources:
            if s.article_id == article_id:
                return s.number
        return None
