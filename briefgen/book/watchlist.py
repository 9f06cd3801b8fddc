"""What to watch: meetings and decisions the period leaves pending, conditions and
deadlines an official set, and events the sources date after the brief.

Every line rests on one sentence of the period, cited: a plain news sentence (not
background, not a guess, not dated before the period, not a columnist's own words) whose subject is a country or one
of its officials.  A date is shown only when the sentence states it (a month and day, or
a weekday the story's date resolves) and it falls after the brief's period; otherwise
the line has no date rather than an invented one.  A pending meeting is dropped once it
has come: dated inside the period, or a later report of a meeting of the same parties.
A deadline needs its time stated ("an ultimatum" alone gives nothing to watch for).
Positions feed the contradictions only when their evidence is this period's words of a
speaker named with confidence.  watchphrase.py turns a sentence into the question.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from briefgen.book.moves import own_move
from briefgen.book.reports import dated_before
from briefgen.book.sentfacts import story_day
from briefgen.book.summarize import SentenceCandidate, SentencePool
from briefgen.book.textsim import cosine, tokens
from briefgen.book.watchphrase import as_question, backshifted, condition_question
from briefgen.corpus.relevance import mentions_peninsula
from briefgen.knowledge.countries import countries_mentioned
from briefgen.knowledge.dates import MONTH_NAME_RE, long_date, looks_ahead, resolve_dates
from briefgen.knowledge.events import classify, speculative
from briefgen.knowledge.watch_cues import opinion_url, own_report_re, reaction_re
from briefgen.model import Article, Development, Position, Quote, Statement
from briefgen.periods import Period

CONDITION_RE = re.compile(
    r"\b(?:unless|until|as long as|only if|on (?:the )?condition that|provided that|"
    r"in exchange for|in return for|so long as)\b",
    re.I,
)
DEADLINE_RE = re.compile(
    r"\b(?:deadline|ultimatum|by the end of (?:the |this |next )?(?:year|month|week)|"
    r"within (?:\w+ ){0,2}(?:days|weeks|months)|no later than)\b",
    re.I,
)
# The pending verb is the marker's own, at most two words on ("plans to hold his
# historic summit", "will begin talks"), never a clause further on ("…will do nothing to
# bring North Korea back to talks", "skepticism that Pyongyang will abandon its weapons
# following this week's summit").
PENDING_RE = re.compile(
    r"\b(?:will|is expected to|are expected to|plans? to|planning to|is set to|are set to|"
    r"is due to|are due to|intends? to|is considering|are considering|weighing|mulling|"
    r"is scheduled to|are scheduled to|has yet to|have yet to|"
    # agreed, not yet held: "North Korea agreed on Friday to hold official talks next week"
    r"agreed(?:\s+on\s+\w+)?\s+to)\s+(?!not\b|never\b|do nothing\b)"
    r"(?:[\w’'-]+\s+){0,2}?(?:decide|decision|meet|meeting|summit|talks|visit|vote|sign|"
    r"announce|respond|resume|hold|travel|host|review|propos|submit|introduce|unveil)\w*\b",
    re.I,
)
# A deadline is one with its time stated ("by the end of the year", "within 60 days");
# "Trump then issued an ultimatum to Kim" gives nothing to watch for.
_TIMED_RE = re.compile(
    r"\b(?:by the end of|within (?:\w+ ){0,2}(?:days|weeks|months)|no later than|by "
    rf"(?:{MONTH_NAME_RE}|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|mid-\w+|the \w+ of)|"
    r"deadline (?:of|for|on|is|was|set for)\b)",
    re.I,
)
# A condition still to be met binds what comes ("will not let off the pressure until…",
# "would denuclearize in return for…"); a deal told as done ("Pompeo secured their
# freedom in exchange for a promise") sets none.
_BINDS_RE = re.compile(
    r"\b(?:will|would|won[’']t|wouldn[’']t|must|shall|should|cannot|can[’']t|can|to keep|"
    r"willing|ready|refuses?|demands?|insists?|keep|continue|maintain|propos\w*|offer\w*)\b",
    re.I,
)
# A statement the sentence dates to an earlier month ("said in October") is stale.
_STALE_RE = re.compile(
    r"\b(?:said|told|warned|declared|stated|wrote|announced)\s+(?:\w+\s+){0,3}?in\s+"
    rf"(?:{MONTH_NAME_RE}|(?:19|20)\d\d)\b"
)
MAX_PENDING = 2
# A development this close in words to a pending meeting reports that meeting held.
HELD_SIMILARITY = 0.2
MAX_CONDITIONS = 2
MAX_SCHEDULED = 2
MIN_SPEAKER_CONFIDENCE = 0.7
MIN_POSITION_CONFIDENCE = 0.6


def _plain_news(c: SentenceCandidate, period: Period | None, modal: bool = False) -> bool:
    """This period's news about the peninsula (named, or a Korean state the subject) in a
    sentence of its own, said by a country or its official (a week's reports also carry
    Iran's nuclear deal or Myanmar's Rohingya: nothing for this brief's reader to watch).
    `modal`: a sentence of what would be is news too (a condition is set in a "would")."""
    return (
        c.usable
        and (c.subject in ("PRK", "KOR") or mentions_peninsula(c.sent.text))
        and c.news >= 0
        and c.subject is not None
        and (modal or not speculative(c.sent.text))
        and not dated_before(c, period)
        and not c.text.startswith("Asked ")
        and not _STALE_RE.search(c.text)
        and not writers_own(c)
    )


def writers_own(c: SentenceCandidate) -> bool:
    """A line of an opinion piece (its address is in the site's opinion section) in the
    writer's own voice, reporting nobody's words: the columnist's forecast ("Kim and Trump
    will meet, and Kim's regime will reap hours of footage…"), not a matter an actor left
    pending (a blind reader: "speculation by commentators")."""
    if not opinion_url(c.article.url):
        return False
    t = c.text
    return not (own_report_re().search(t) or reaction_re().search(t) or "according to" in t)


def distinct_lines(
    picks: Iterable[tuple[SentenceCandidate, str]],
    kind: str,
    limit: int,
    cite: Callable[[str], int | None],
    taken: list[SentenceCandidate],
) -> list[Statement]:
    """Statements for the best picks, skipping any too close to a line already taken."""
    out: list[Statement] = []
    for c, text in picks:
        if any(cosine(c.vec, u.vec) >= 0.35 for u in taken):
            continue
        n = cite(c.article_id)
        out.append(Statement(text=text, cites=[n] if n else [], kind=kind, basis=c.text))
        taken.append(c)
        if len(out) >= limit:
            break
    return out


# A weekday resolved forward counts only when the words just before it look ahead ("will
# travel to Seoul on Friday", "next Tuesday"), not a past event in a forward-looking
# sentence ("…called off the meeting, which was scheduled for June 12, on Thursday").
_AHEAD_BEFORE = re.compile(
    r"(?:\b(?:will|is to|are to|to be|scheduled|due|set to|plans? to|expected to|next)\b"
    r"[^,.;]{0,40})$",
    re.I,
)


def _future_date(c: SentenceCandidate, after: date) -> tuple[date, str] | None:
    """The date the sentence gives its coming event, with the words that gave it."""
    pub = story_day(c.article)
    text = c.sent.text
    if pub is None or not looks_ahead(text):
        return None
    tag = classify(text)
    if tag is not None and tag.action == "cancelled":
        return None  # "…called off the meeting scheduled for June 12": nothing to watch
    for h in resolve_dates(text, pub):
        if h.when <= after:
            continue
        said = re.match(r"[\w.]+(?:\s+[\w.]+)?(?:\s+\d{4})?", text[h.pos :])
        words = said.group(0).rstrip(".,") if said else ""
        if not h.estimate or _AHEAD_BEFORE.search(text[: h.pos] + words.split()[0]):
            return h.when, words
    return None


# A time the sentence gives its matter that no resolved day stands for ("next week").
_LATER_RE = re.compile(
    r"\bnext (week|month|year)\b|\blater this (month|year)\b|\bin the coming (weeks|months)\b",
    re.I,
)


def _after_end(text: str, said: date, end: date) -> bool:
    """The sentence puts its matter after the brief's end: "next week" said in the last
    week of the period (no resolved day: dates.resolve_dates gives none for it)."""
    for m in _LATER_RE.finditer(text):
        unit = next(g for g in m.groups() if g)
        # a week on is past the end of a shorter rest of the period; a month on, of a
        # rest shorter than four weeks ("later this month" in a weekly brief)
        if (end - said).days < (7 if unit in ("week", "weeks") else 28):
            return True
    return False


# What a pending matter is: a meeting of some kind, or a measure.
_MATTER_RE = re.compile(r"\b(?:talks|summit|meeting|visit|vote|sanctions|treaty|deal|exercises?)\b")


def _one_each(picks: list[tuple[SentenceCandidate, str]]) -> list[tuple[SentenceCandidate, str]]:
    """One question a matter: two reports of the same talks by the same parties (dev
    reuters 2016-W06: "Will South Korea begin talks with Washington … on deploying an
    advanced U.S. missile defense system?" and "Will the United States and South Korea
    begin formal talks about deploying … THAAD?") ask it once, the better first."""
    seen: list[tuple[str, frozenset[str]]] = []
    out = []
    for c, q in picks:
        matter = _MATTER_RE.search(q)
        parties = frozenset(countries_mentioned(q))
        key = (matter.group(0) if matter else "", parties)
        if matter and len(parties) >= 2 and key in seen:
            continue
        seen.append(key)
        out.append((c, q))
    return out


class WatchList:
    """Pending matters, conditions and deadlines, and dated coming events."""

    def __init__(
        self,
        pool: SentencePool,
        cite: Callable[[str], int | None],
        period: Period | None,
        developments: Sequence[Development] = (),
    ) -> None:
        self.pool = pool
        self.cite = cite
        self.period = period
        self.developments = list(developments)
        self.taken: list[SentenceCandidate] = []
        self.cands = sorted(
            (c for c in pool.usable_candidates() if _plain_news(c, period)),
            key=lambda c: (-c.score, c.key()),
        )
        # Conditions are set in what would be ("the U.S. would not ease sanctions until…").
        self.modal_cands = sorted(
            (c for c in pool.usable_candidates() if _plain_news(c, period, modal=True)),
            key=lambda c: (-c.score, c.key()),
        )

    def scheduled(self) -> list[Statement]:
        """Events the sources date after the period (the date as the source gives it)."""
        after = (self.period.end if self.period and self.period.end else None) or max(
            (a.published for a in self.pool.articles if a.published), default=date.min
        )
        picks = []
        for c in self.cands:
            found = _future_date(c, after)
            if found is not None:
                when, said = found
                q = as_question(c.text)
                picks.append(
                    (
                        c,
                        f"{q} ({long_date(when)}, “{said}”)"
                        if q
                        else f"Watch for ({long_date(when)}, “{said}”): {c.text}",
                    )
                )
        return distinct_lines(picks, "scheduled", MAX_SCHEDULED, self.cite, self.taken)

    def pending(self) -> list[Statement]:
        """Meetings and decisions announced but not yet held or made (no date given)."""
        picks = [
            (c, q)
            for c in self.modal_cands
            # a guess is not pending, the "would" of what was said is its "will"; read up
            # to the pending verb ("…will propose sanctions and warned that if…")
            if (m := PENDING_RE.search(text := backshifted(c.text)))
            and not speculative(text[: m.end()])
            and c.official >= 0.5
            and not self._past(c)
            and (q := as_question(text)) is not None
        ]
        return distinct_lines(_one_each(picks), "pending", MAX_PENDING, self.cite, self.taken)

    def _past(self, c: SentenceCandidate) -> bool:
        """By the brief's end the pending matter has come: the sentence dates it inside the
        period ("…his speech to the General Assembly on Tuesday"), or a development of its
        kind is reported on or after the sentence's day ("Kim will hold talks with Moon",
        then "Moon and Kim met Friday")."""
        end = self.period.end if self.period else None
        if end is None:
            return False
        said = c.article.published
        ahead = [
            h for h in resolve_dates(c.sent.text, story_day(c.article)) if said and h.when > said
        ]
        if ahead and all(h.when <= end for h in ahead):
            return True
        if said is not None and _after_end(c.sent.text, said, end):
            return False  # "Mr. Kim will hold a summit next week…": after the brief's end
        tag = classify(c.text)
        if tag is None or said is None or tag.family != "diplomacy":
            return False  # only a meeting is known held by a later report of one
        parties = set(c.countries)
        for d in self.developments:
            if (
                d.when is None
                or not said <= d.when <= end
                or d.action in ("cancelled", "threatened")
                or looks_ahead(d.text)
                or c.text in d.text  # its own announcement is no sign it was held
            ):
                continue
            held = classify(d.text)
            if held is None or held.family != tag.family:
                continue
            # the same meeting: the same parties named, or the same words
            if parties <= set(countries_mentioned(d.text)) or (
                cosine(c.vec, self.pool.tfidf.vector(tokens(d.text))) >= HELD_SIMILARITY
            ):
                return True
        return False

    def conditions(self) -> list[Statement]:
        """Conditions and deadlines an official set ("…until the US drops…").  The
        sentence's words are tested before whether it tells a move (the dearer test)."""
        out: list[Statement] = []
        for kind, rx in (("deadline", DEADLINE_RE), ("condition", CONDITION_RE)):
            picks = [
                (c, c.text)
                for c in (self.cands if kind == "deadline" else self.modal_cands)
                # set by an official, or by the state the sentence opens on acting
                # ("Pyongyang will not negotiate … until Washington abandons…"), not an
                # expert's "Until North Korea begins ICBM tests, it will be difficult…"
                if rx.search(c.sent.text)
                and (kind != "deadline" or _TIMED_RE.search(c.sent.text))
                and (kind != "condition" or _BINDS_RE.search(c.text))
                and (
                    c.official >= 0.5
                    or (
                        c.subject is not None
                        and not CONDITION_RE.match(c.text)  # "Until North Korea begins…"
                        and own_move(c.text, c.subject, self.pool.official_countries)
                    )
                )
            ]
            if kind == "condition":
                # the condition as the question it leaves open, else not at all
                names = self.pool.official_countries
                picks = [(c, q) for c, _ in picks if (q := condition_question(c.text, names))]
            out += distinct_lines(picks, kind, MAX_CONDITIONS - len(out), self.cite, self.taken)
        return out


MIN_REPEATED_WORDS = 4


def _plain_words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def repeated_quotes(quotes: Sequence[Quote], earlier: Sequence[Article]) -> frozenset[str]:
    """The quotations whose words the compared period's articles already printed: Trump's
    "fire and fury" retold for months is not this period's statement, though no date
    says so (a blind reader struck an open question built on it)."""
    if not earlier:
        return frozenset()
    # padded once: a quotation's words match only whole words of the earlier text
    seen = " " + " \n ".join(_plain_words(a.text) for a in earlier) + " "
    out = set()
    for q in quotes:
        words = _plain_words(q.text)
        if len(words.split()) >= MIN_REPEATED_WORDS and f" {words} " in seen:
            out.add(q.quote_id)
    return frozenset(out)


def reliable_positions(
    positions: Sequence[Position], quotes: Sequence[Quote], stale: frozenset[str] = frozenset()
) -> list[Position]:
    """Positions resting on this period's words of a confidently named speaker: the only
    ones a contradiction may be built on.  `stale`: quotations already printed in the
    compared period (repeated_quotes)."""
    by_id = {q.quote_id: q for q in quotes}

    def sound(p: Position) -> bool:
        if p.confidence < MIN_POSITION_CONFIDENCE or not p.evidence:
            return False
        for e in p.evidence:
            q = by_id.get(e.quote_id or "")
            if q is not None and (
                q.earlier or q.speaker_confidence < MIN_SPEAKER_CONFIDENCE or q.quote_id in stale
            ):
                return False
        return True

    return [p for p in positions if sound(p)]
