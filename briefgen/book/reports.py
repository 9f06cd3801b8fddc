"""Reports: the sentences that tell a development of the period.

A *report* is a sentence near the top of an article that tells news, not background:
what kind of development it is (data/events.yaml: a launch, a summit, sanctions...), who
acted (the country or official it opens on) and when (a stated date resolved against the
story's date).  Its weight says how central, prominent and plain it is; previews, guesses,
comment in the writer's voice and reports about reporting weigh less.  The knobs of
finding, grouping and ranking developments are book/devweights.py's (imported here, where
the book has always imported them from).
Whether a sentence is comment is book/comment.py's to say (imported here, where the
book has always imported it from).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from briefgen.book.comment import media_led, opinion
from briefgen.book.devweights import DEFAULT_WEIGHTS, DevelopmentWeights
from briefgen.book.sentences import condense
from briefgen.book.sentfacts import ArticleFacts, ReportFacts, story_day
from briefgen.book.summarize import SentenceCandidate, SentencePool
from briefgen.knowledge.dates import MONTH_NAMES, DateHit, looks_ahead, resolve_dates
from briefgen.knowledge.events import (
    EventTag,
    classify,
    kinds_named,
    speculative,
    stage,
    top_event,
)
from briefgen.knowledge.retold import earlier_roles, retold_before
from briefgen.model import Article
from briefgen.periods import Period


@dataclass(eq=False)
class Report:
    """One sentence reporting (part of) a development."""

    cand: SentenceCandidate
    tag: EventTag | None
    when: DateHit | None
    speculative: bool
    future: bool
    weight: float = 0.0
    stage: str = ""  # "outcome", "opening" or "" (knowledge.events.stage)
    newsline: float | None = None  # P(an analyst tells the news with it): book.newsline

    @property
    def outcome(self) -> bool:
        """Tells how the development came out, as done (not a preview or a guess)."""
        return self.stage == "outcome" and not (self.future or self.speculative)

    @property
    def article_id(self) -> str:
        return self.cand.article_id


@dataclass(eq=False)
class Group:
    members: list[Report] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)  # rows of the similarity matrix
    score: float = 0.0
    novelty: str = "new"
    lead: Report | None = None  # the report the development is written from

    @property
    def seed(self) -> Report:
        return self.members[0]

    def articles(self) -> list[str]:
        return sorted({r.article_id for r in self.members})


# "had invested", "had been warned": the story's background, told in the pluperfect.
_PLUPERFECT = re.compile(r"\bhad (?:long |already |been |not )?\w+(?:ed|en|wn|un|ught)\b")
# ... and of the irregular verbs an earlier statement or meeting is told with: "state media
# had said before the summit that..." (judges, 2018-W18: a pre-summit pledge retold).
_PLUPERFECT_SAID = re.compile(
    r"\bhad (?:long |already |been |not )?"
    r"(?:\w+(?:ed|en|wn|un|ught)|said|told|made|met|held|sent|led|won|lost|left|set)\b"
)
# A preview of what is to come ("diplomats are eager to hear…"), beyond dates' "will".
_PREVIEW = re.compile(r"\b(?:eager to|poised to|preparing to|gearing up|looms? large|is slated)\b")


# What a pluperfect after it tells is no background of the story: a relative clause ("the
# cyberattack, which had led the studio to cancel…") is said of a noun of the main clause,
# and reported speech shifts the week's news back ("the FBI announced it had determined…").
_RELATIVE_BEFORE = re.compile(r"\b(?:which|that|who|whom|whose)\s+(?:[\w’'-]+\s+){0,2}$")


@lru_cache(maxsize=1)
def _reporting_past() -> str:
    """The reporting verbs in the past ("said", "warned", "admitted"), as alternatives."""
    from briefgen.knowledge.reporting import load_reporting_verbs

    irregular = {"say": "said", "tell": "told", "write": "wrote"}
    forms = set(irregular.values())
    for v in load_reporting_verbs().cues:
        if v in irregular:
            continue
        forms.add(v + "d" if v.endswith("e") else v[:-1] + "ied" if v.endswith("y") else v + "ed")
        forms.add(v + v[-1] + "ed")  # admitted, regretted
    return "|".join(sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=1)
def _reported_before() -> re.Pattern[str]:
    """A reporting verb in the past, an optional 'that' and a short subject, at the end."""
    words = _reporting_past()
    return re.compile(rf"\b(?:{words})\s+(?:that\s+)?(?:[\w.’'-]+\s+){{0,4}}$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _opens_reported() -> re.Pattern[str]:
    """A line that opens on a short subject and a reporting verb in the past ("South Korea
    said 70 percent of the dollars paid for the suspended Kaesong project, run jointly
    with the North, had been diverted..."): what follows is reported speech, however long
    its own subject (dev reuters 2016-W06 lost that item's lead to the background)."""
    words = _reporting_past()
    return re.compile(rf"^\W*(?:[\w.’'-]+\s+){{1,6}}(?:{words})\b", re.IGNORECASE)


# What a sentence tells after one of these is another's act it answers ("...after the
# regime promised talks", "sat out the meeting in protest").
_ANSWERS = r"after|following|in (?:response|reaction|protest)|in answer to|responding to"


_PROTEST = re.compile(r"\bin protest\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _answer_or_report() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_reporting_past()}|says|tells|{_ANSWERS})\b", re.IGNORECASE)


def told_as_answer(text: str, at: int) -> bool:
    """Before position `at` the sentence reports someone's words or answers another's act:
    what it tells from there is not its subject's own act.  A protest anywhere in it is
    an answer too ("sat out the meeting in protest")."""
    return bool(_answer_or_report().search(text[:at]) or _PROTEST.search(text))


def has_pluperfect(text: str) -> bool:
    """Any pluperfect in the sentence: a report that has one weighs as comment does (it
    is seldom the plainest telling of the week's news, even when the pluperfect is not
    the background itself)."""
    return bool(_PLUPERFECT.search(text))


def background(text: str, said: bool = False) -> bool:
    """The story's background, told in the pluperfect ("had invested", "had been warned")
    in its own clause: not in a relative clause or in reported speech, where the
    pluperfect tells of a noun of the sentence or is the week's news shifted back.
    `said`: the irregular participles too ("had said", "had met"), for what leads an
    item (the weights and the models' features read the regular ones only)."""
    opens = _opens_reported().match(text) if said else None
    for m in (_PLUPERFECT_SAID if said else _PLUPERFECT).finditer(text):
        before = text[max(0, m.start() - 80) : m.start()]
        if _RELATIVE_BEFORE.search(before) or _reported_before().search(before):
            continue
        if said and opens and opens.end() <= m.start():
            # the whole line is reported speech, its subject however long (only for
            # what leads an item: the models were trained on the reading without it)
            continue
        return True
    return False


def actors_of(r: Report) -> set[str]:
    """The countries a report has acting (not as venues), its subject included."""
    out = set(r.cand.acting)
    if r.cand.subject:
        out.add(r.cand.subject)
    return out


# A tally or a stretch of time: how things have gone, not the week's act ("this year
# conducted its sixth and most powerful nuclear detonation", "tests at a steady pace since
# April").
_HISTORY = re.compile(
    r"\b(?:this year|since|so far|to date|in recent (?:weeks|months|years)|at a \w+ pace|"
    r"(?:its|their|the) (?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d+(?:st|nd|rd|th)) (?:and )?)\b",
    re.IGNORECASE,
)


def tells_history(text: str, this_year: bool = True) -> bool:
    """The sentence tells how things have gone over a stretch of time (a tally, 'since').
    `this_year` False: a bare "this year" does not count (a plan "to end the war this
    year" looks ahead)."""
    return any(this_year or m.group(0).lower() != "this year" for m in _HISTORY.finditer(text))


# What a sentence names after one of these is another event, told in passing: the one it
# follows, answers or comes amid ("...to begin talks on THAAD following North Korea's rocket
# launch"), up to the clause's end.  Not a bare "after": "websites were back online after
# an hours-long shutdown" tells the shutdown's end, "agreed... as they embraced after a
# historic summit" the summit's outcome.
_IN_PASSING = re.compile(
    r"\b(?:following|in (?:response|reaction|answer|retaliation) (?:to|for)|responding to|"
    r"in the wake of|amid|ahead of)\b[^,;:]*",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 14)
def own_tag(text: str) -> EventTag | None:
    """The kind of event the sentence tells as its own: classify without what it names in
    passing (the first kind a sentence matches may be the launch it says the talks
    followed).  None: every kind it names is named in passing."""
    return classify(_IN_PASSING.sub(" ", text))


def own_kinds(text: str) -> frozenset[str]:
    """Every kind of event the sentence names as its own (not in passing)."""
    return kinds_named(_IN_PASSING.sub(" ", text))


def names_other(a: Report, b: Report) -> bool:
    """One report names, as its own, the kind of event the other is of (talks "on
    deploying THAAD" beside the placing of a THAAD unit)."""
    if a.tag is None or b.tag is None:
        return False
    return a.tag.kind in own_kinds(b.cand.sent.text) or b.tag.kind in own_kinds(a.cand.sent.text)


def distinct(a: Report, b: Report) -> bool:
    """Two reports tell two developments, whatever their words share: they are of two
    kinds of event, and either of two families or by two actors ("North Korea threatened
    to sink a carrier" beside "Trump ordered the carrier to sail"; the drills beside the
    North's threat of a strike; Trump ending the exercises beside the summit statement).
    One article often tells both, and their sentences embed close (one story's actors and
    places): that closeness must not make them one group.  Kinds of one family by one
    actor may be one event (a summit and its declaration); an untagged report says too
    little to tell."""
    if a.tag is None or b.tag is None or a.tag.kind == b.tag.kind:
        return False
    if tells_history(a.cand.sent.text) or tells_history(b.cand.sent.text):
        return False  # the story's history ("its sixth test", "since April"): no news
    if a.tag.family != b.tag.family:
        return True
    sa, sb = a.cand.subject, b.cand.subject
    return bool(sa and sb and sa != sb)


def outlets_of(reports: list[Report]) -> set[str]:
    """Every outlet that carried one of the reports' articles."""
    out: set[str] = set()
    for r in reports:
        a = r.cand.article
        out.update(o for o in (a.outlets or ([a.outlet] if a.outlet else [])) if o)
    return out


# "…cessation of testing to allow talks to be held": a purpose, not the event's future.
_PURPOSE = re.compile(
    r"\b(?:to allow|in order to|so that|so as to|to enable|to ensure|to pave the way)\b.*"
)


def looks_forward(text: str) -> bool:
    """The sentence previews what is to come (outside a purpose clause)."""
    main = _PURPOSE.sub("", text)
    return looks_ahead(main) or bool(_PREVIEW.search(main))


def _stated_date(cand: SentenceCandidate, lo: date | None, hi: date | None) -> DateHit | None:
    """The first date the sentence states that falls in [lo, hi] (exact dates first)."""
    hits = [
        h for h in _dates(cand) if (lo is None or h.when >= lo) and (hi is None or h.when <= hi)
    ]
    exact = [h for h in hits if not h.estimate]
    pick = exact or hits
    return pick[0] if pick else None


def dated_before(c: SentenceCandidate, period: Period | None) -> bool:
    """The sentence dates what it tells before the period (beyond the day before)."""
    if period is None or period.start is None:
        return False
    start = period.start
    hits = _dates(c)
    day = story_day(c.article) or start
    if earlier_month_subject(c.sent.text, day):
        return True
    if not hits and earlier_months_clause(c.sent.text, day):
        return True  # (a day of the period stated beside them is the week's act)
    return bool(hits) and all(h.when < start - timedelta(days=1) for h in hits)


# A sentence whose subject is an act named by its month ("The November Security Council
# sanctions resolution “calls upon”…"): that act's words, not the period's news (judges
# read it as the UN's judgement of an April week).
# So does one opening on the month itself ("In March, Trump unexpectedly accepted an offer
# of talks...": judges struck it as an item of a May week, 2018-W19).
_MONTH_SUBJECT_RE = re.compile(
    rf"^(?:(?:The|A|Its|Their)\s+({'|'.join(MONTH_NAMES)})\s+"
    r"(?:\d{1,2},?\s+)?(?:\d{4}\s+)?[a-zA-Z]"
    rf"|(?:Back\s+)?[Ii]n\s+({'|'.join(MONTH_NAMES)})(?:\s+\d{{4}})?,)"
)


# Words said in a month named after the verb ("Pompeo ... said at the Aspen Security
# Conference in July that...", in a March story: judges read it as that week's, 2018-W12).
# Nothing between the verb and the month looks ahead ("said it would hold talks in July").
_SAID_IN_MONTH_RE = re.compile(
    r"\b(?:said|told|wrote|declared|announced|argued|warned|testified|remarked)\s+"
    r"((?:[\w’'.-]+\s+){0,7}?)in\s+(" + "|".join(MONTH_NAMES) + r")\b(?!\s+\d)"
)
# (lower case: "in May" is a month)
_AHEAD_WORDS = re.compile(r"\b(?:will|would|to|plans?|next|could|may)\b")


def earlier_month_subject(text: str, day: date) -> bool:
    """The sentence opens on an act of a month before the story's (not this month and not
    one of the next two: a "June summit" told in May is to come), or tells words said in
    a month before the story's (not in the first week of the next month: the period may
    span both)."""
    m = _MONTH_SUBJECT_RE.match(text.strip())
    if m is not None:
        month = MONTH_NAMES.index(m.group(1) or m.group(2)) + 1
        return (month - day.month) % 12 > 2
    for s in _SAID_IN_MONTH_RE.finditer(text):
        if _AHEAD_WORDS.search(s.group(1)):
            continue
        back = (day.month - (MONTH_NAMES.index(s.group(2)) + 1)) % 12
        if back > 1 or (back == 1 and day.day > 7):
            return True
    return False


# The main clause, up to the first comma or joined clause, and the months it names with
# "in" ("Tensions spiked on the Korean Peninsula in March and April as the North..." in a
# June story: judges read such lines as no development of the week, 2013-W23).
_MAIN_CLAUSE = re.compile(r"^[^,;:–—]*?(?=[,;:–—]|\b(?:as|when|after|while|which|that|who)\b|$)")
_IN_MONTHS = re.compile(
    rf"\bin ({'|'.join(MONTH_NAMES)})(?: and ({'|'.join(MONTH_NAMES)}))?\b(?!\s+\d)"
)


def earlier_months_clause(text: str, day: date) -> bool:
    """The main clause tells what happened in months before the story's (not the month
    before within its first week), and nothing to come."""
    clause = _MAIN_CLAUSE.match(text.strip())
    m = _IN_MONTHS.search(clause.group(0)) if clause else None
    if m is None or _AHEAD_WORDS.search(clause.group(0)):  # type: ignore[union-attr]
        return False
    backs = [(day.month - (MONTH_NAMES.index(x) + 1)) % 12 for x in m.groups() if x]
    return all(b > 1 or (b == 1 and day.day > 7) for b in backs)


# What retold words are when they are the whole of a sentence's news: the threat or the
# statement itself (a summit that mentions them in passing is still the summit's news).
_RETOLD_KINDS = frozenset({"threat", "statement"})


def retells_earlier(c: SentenceCandidate, period: Period | None) -> bool:
    """The sentence tells, as if new, what was said before the period: famous words first
    said months before ("fire and fury" in a piece on a later crisis: data/retold.yaml),
    when they are its news, or a view from before its speaker took office."""
    if period is None or period.start is None:
        return False
    text = c.sent.text
    if earlier_roles().search(text):
        return True
    if not retold_before(text, period.start - timedelta(days=1)):
        return False
    tag = own_tag(text)
    return tag is None or tag.kind in _RETOLD_KINDS


def _dates(c: SentenceCandidate) -> list[DateHit]:
    """Every date the sentence states, resolved against its story's day (kept, or now)."""
    if c.report is not None:
        return c.report.dates
    return resolve_dates(c.sent.text, story_day(c.article))


def tag_weight(tag: EventTag | None, w: DevelopmentWeights) -> float:
    """A kind named without a verb of what happened ("Kaesong's workers") counts less."""
    if tag is None:
        return w.untagged_weight
    return tag.weight if tag.action else tag.weight * w.no_action_factor


def find_reports(pool: SentencePool, period: Period, w: DevelopmentWeights) -> list[Report]:
    """The period's news sentences, heaviest first: those of each article's lead window,
    and up to `deep_reports` deeper ones that tell a top event of a day of the period by
    an official actor (a story of the UN speeches may tell the order signed that day in
    its 44th sentence, and nowhere else)."""
    start = period.start
    lo = start - timedelta(days=7) if start else None
    out = []
    deep: Counter[str] = Counter()  # article -> deep reports taken
    for c in pool.usable_candidates():
        if c.news < 0 or not (c.topical or portfolio(c.sent.text)):
            continue
        if c.rank >= w.lead_sentences and (
            deep[c.article_id] >= w.deep_reports or not top_event(classify(c.sent.text))
        ):
            continue  # (the cheap tests of a deep sentence first: most articles are long)
        f = c.report or report_facts(c.sent.text, c.article)
        when = _stated_date(c, lo, period.end)
        if c.rank >= w.lead_sentences:
            if when is None or not _deep_event(c, f):
                continue  # deep in its article: only a top event on a day of the period
            deep[c.article_id] += 1
        r = Report(
            cand=c,
            # the event it tells as its own, not one it names in passing (own_tag)
            tag=f.tag and own_tag(c.sent.text),
            when=when,
            speculative=f.speculative,
            future=f.future,
            stage=f.stage,
        )
        # Dated before the period (beyond the day before), or words said before it told
        # again: last period's news, or older.
        if dated_before(c, period) or retells_earlier(c, period):
            continue
        r.weight = c.score * (0.4 + tag_weight(r.tag, w))
        if r.speculative or r.future:
            r.weight *= w.speculative_factor
        if f.comment:
            r.weight *= w.opinion_factor
        out.append(r)
    out.sort(key=lambda r: (-r.weight, r.cand.key()))
    return out


def portfolio(text: str) -> bool:
    """A senior post changes hands (data/events.yaml kind `personnel`: a national security
    adviser, a secretary of state, an envoy): the peninsula's news in a story of the
    peninsula, though the sentence names no Korea ("...the transition from Gen. McMaster
    to Mr. Bolton, set to become official April 9", judges 2018-W12)."""
    tag = classify(text)
    return tag is not None and tag.kind == "personnel"


def _deep_event(c: SentenceCandidate, f: ReportFacts) -> bool:
    """A sentence beyond the lead window that is still the period's news: an official
    actor's top event, done (not previewed, guessed, commented or background)."""
    if not top_event(f.tag) or f.speculative or f.future or f.comment:
        return False
    if not (c.subject or c.doer or c.official >= 0.5):
        return False
    return not background(c.sent.text)


def report_facts(text: str, article: Article) -> ReportFacts:
    """What find_reports reads of one sentence's own text and its story's day."""
    plain = condense(text)
    return ReportFacts(
        classify(text),
        resolve_dates(text, story_day(article)),
        speculative(plain[:160]),
        looks_forward(text),
        stage(plain),
        opinion(plain) or media_led(plain) or has_pluperfect(text),
    )


def with_reports(facts: ArticleFacts, article: Article) -> ArticleFacts:
    """`facts` with the report facts of the sentences find_reports may read (the first
    usable ones that are not background), so a store keeps them with the rest."""
    rank = 0
    for sf in facts.sentences:
        if not sf.usable:
            continue
        if rank >= DEFAULT_WEIGHTS.lead_sentences:
            break
        rank += 1
        if sf.news >= 0:
            sf.report = report_facts(sf.sent.text, article)
    return facts
