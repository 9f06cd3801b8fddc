"""Dated events of the period, from stated dates resolved against each article's date.

News text dates events relative to the story: "on Sept. 19", "Oct. 17", "on Tuesday",
"yesterday".  Each is resolved against the article's publication date (a month-day
later than the story is last year's; a weekday is the last such day on or before the
story unless the sentence looks ahead).  Articles with no dated sentence in the period
contribute their lead on the publication date.  Estimated dates are marked.  Events from
the user's lists (book/eventlists.py) join as lines of their own, marked with the list's
name; a listed event the articles also report marks that line instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from briefgen.book.eventlists import ListedEvent, in_period, same_event
from briefgen.book.reports import media_led
from briefgen.book.summarize import SentenceCandidate, SentencePool
from briefgen.book.textsim import cosine
from briefgen.knowledge.dates import DateHit, long_date, resolve_dates, shift
from briefgen.model import TimelineEntry
from briefgen.periods import Period

MAX_ENTRIES = 20
MAX_PER_DAY = 3
MAX_WORDS = 35
# Two lines of the same day this similar (TF-IDF cosine) are one event.
SAME_EVENT = 0.25


# A line a little over MAX_WORDS is printed whole rather than cut.
MAX_WHOLE = 45
# Where a clause ends: at ; or :, or at a comma or dash before a word that opens a new
# clause (a comma in a list, "Iran, the United States, Britain", ends nothing).
_CLAUSE_END = re.compile(
    r"[;:]\s|(?:,|\s[—–-])\s(?=(?:which|who|while|as|after|before|but|and|saying|adding|"
    r"when|where|though|although|because|including|even as|amid|in which|a day)\b)"
)
# With no clause end early enough, a line up to this long is printed whole.
MAX_UNCUT = 60
# A cut never leaves a line shorter than this many words.
MIN_CUT_WORDS = 10


def _in_quote(head: str) -> bool:
    """Does `head` end inside a quotation (a cut there would leave its mark open)?"""
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1


def _shorten(text: str, max_words: int = MAX_WORDS) -> str:
    """The line, or its first clauses: a long line ends at a sentence or clause boundary
    ("… said on Tuesday, in a speech that" read as a line cut off mid-thought)."""
    words = text.split()
    if len(words) <= max(max_words, MAX_WHOLE):
        return text
    cut = " ".join(words[:max_words])
    ends = [
        m.start()
        for m in _CLAUSE_END.finditer(cut)
        if len(cut[: m.start()].split()) >= MIN_CUT_WORDS and not _in_quote(cut[: m.start()])
    ]
    if not ends:
        if len(words) <= MAX_UNCUT:
            return text
        return cut.rstrip(" ,;:—–-") + " …"  # no clause ends early enough: say it is cut
    clause = cut[: ends[-1]].rstrip(" ,;:—–-")
    return clause if clause[-1:] in ".!?”\"'" else clause + "."


@dataclass
class _Entry:
    when: date
    cand: SentenceCandidate
    cites: set[str]
    estimate: bool
    basis: str
    note: str = ""


def build_timeline(
    pool: SentencePool,
    period: Period,
    cite: Callable[[str], int | None],
    events: Sequence[ListedEvent] = (),
    max_entries: int = MAX_ENTRIES,
) -> list[TimelineEntry]:
    """Short cited lines, one per event, sorted by date; listed events marked."""
    lines = _article_lines(pool, period, cite, max_entries)
    return _with_lists(lines, in_period(events, period))


def _with_lists(lines: list[TimelineEntry], listed: Sequence[ListedEvent]) -> list[TimelineEntry]:
    """Listed events join the timeline; one the articles report that day marks its line."""
    out = list(lines)
    for e in listed:
        twin = next(
            (t for t in out if t.when == e.when and t.cites and same_event(t.text, e)), None
        )
        if twin is not None:
            twin.origin = twin.origin or e.origin
            continue
        out.append(
            TimelineEntry(
                when=e.when,
                text=_shorten(e.text),
                date_basis=f"events list {e.origin}",
                origin=e.origin,
            )
        )
    out.sort(key=lambda t: (t.when, not t.cites, t.text))
    return out


def _window(pool: SentencePool, period: Period) -> tuple[date | None, date | None]:
    """The dates a stated date must fall in: the period, or around an open period's stories."""
    lo, hi = period.start, period.end
    dated = [a.published for a in pool.articles if a.published]
    if lo is None and hi is None and dated:
        lo = shift(min(dated), -31) or min(dated)
        hi = shift(max(dated), 7) or max(dated)
    return lo, hi


def _entries(pool: SentencePool, period: Period) -> list[_Entry]:
    """Every dated sentence of the period (and the lead of an article with none)."""
    lo, hi = _window(pool, period)
    entries: list[_Entry] = []
    for a in pool.articles:
        found = False
        # a story dated only to its month or year has no day to resolve "Tuesday" against
        day = a.published if a.date_precision == "day" else None
        for c in pool.by_article[a.article_id]:
            if not c.usable or media_led(c.text):
                continue  # "The Post's reporters broke the news…" is not the event
            hits = [
                h
                for h in resolve_dates(c.sent.text, day)
                if (lo is None or h.when >= lo) and (hi is None or h.when <= hi)
            ]
            if hits:
                unsure = a.date_source in ("estimate", "unknown")
                est = hits[0].estimate or unsure
                note = _date_note(hits[0], day, unsure)
                entries.append(_Entry(hits[0].when, c, {a.article_id}, est, hits[0].basis, note))
                found = True
        if not found and day is not None and period.contains(day):
            # The heaviest of the first few sentences: the news of the story.
            firsts = [c for c in pool.by_article[a.article_id] if c.usable and c.rank < 5]
            lead = min(firsts, key=lambda c: (-c.score, c.rank), default=None)
            if lead is not None:
                est = a.date_source in ("estimate", "unknown")
                note = "the report's date, itself estimated"
                entries.append(_Entry(day, lead, {a.article_id}, est, "publication date", note))
    return entries


def _date_note(hit: DateHit, day: date | None, unsure: bool) -> str:
    """Where the date came from, in plain words ("date inferred from 'Tuesday' in a
    report of 19 September 2017"), not the resolver's code."""
    report = f"a report of {'about ' if unsure else ''}{long_date(day)}" if day else "the report"
    if hit.word and not hit.basis.startswith("stated"):
        return f"date inferred from ‘{hit.word}’ in {report}"
    if hit.basis.startswith("stated date, year"):
        return f"year taken from {report}"
    return f"date as stated in {report}"


def _merged(entries: list[_Entry]) -> list[_Entry]:
    """Same day, same event (similar words): one line citing every article."""
    entries.sort(key=lambda e: (-e.cand.score, e.cand.key()))
    merged: list[_Entry] = []
    for e in entries:
        twin = next(
            (
                m
                for m in merged
                if m.when == e.when and cosine(m.cand.vec, e.cand.vec) >= SAME_EVENT
            ),
            None,
        )
        if twin is not None:
            twin.cites |= e.cites
            twin.estimate = twin.estimate and e.estimate
        elif sum(1 for m in merged if m.when == e.when) < MAX_PER_DAY:
            merged.append(e)
    return merged


def _article_lines(
    pool: SentencePool, period: Period, cite: Callable[[str], int | None], max_entries: int
) -> list[TimelineEntry]:
    """Lines from the articles' dated sentences (and undated articles' leads)."""
    kept = _merged(_entries(pool, period))[:max_entries]
    kept.sort(key=lambda e: (e.when, -e.cand.score, e.cand.key()))
    return [
        TimelineEntry(
            when=e.when,
            text=_shorten(e.cand.text),
            cites=sorted(n for n in (cite(aid) for aid in e.cites) if n is not None),
            date_is_estimate=e.estimate,
            date_basis=e.basis,
            date_note=e.note if e.estimate else "",
        )
        for e in kept
    ]
