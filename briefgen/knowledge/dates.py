"""Dates in news text: month and weekday names, and resolving "on Tuesday" or "Oct. 17"
against the date of the story that says it.

News text dates events relative to the story.  Each stated date is resolved against the
article's publication date: a month-day later than the story is last year's (unless the
sentence looks ahead); a weekday is the last such day on or before the story unless the
sentence looks ahead (and no past verb says it: "said Friday"), and "last Friday" is never
yesterday.  A date inside a phrase naming another event the news answers or follows ("in
response to Trump's speech on Tuesday") dates that event and is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

# The dates briefgen reads and briefs: a date outside them in an article is a typo or a
# placeholder (0000-00-00, 9999-12-31), and period options outside them are refused.
EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)


def in_range(d: date | None) -> bool:
    """Is `d` a date briefgen can use (1900-01-01 to 2100-12-31)?"""
    return d is not None and EARLIEST <= d <= LATEST


def shift(d: date, days: int) -> date | None:
    """d + days, or None when that leaves the calendar (no OverflowError)."""
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return None


def long_date(d: date, precision: str = "day") -> str:
    """ "3 August 2024"; "August 2024" or "2024" for a date known only to its month or
    year: the one way the brief, its exports and its email write a date."""
    if precision == "year":
        return str(d.year)
    if precision == "month":
        return d.strftime("%B %Y")
    return f"{d.day} {d:%B %Y}"


def date_range(start: date, end: date) -> str:
    """ "11–17 September 2017", "28 August – 3 September 2017": a period as a reader
    names it, without repeating the month or year the two ends share."""
    if start == end:
        return long_date(start)
    if start.year != end.year:
        return f"{long_date(start)} – {long_date(end)}"
    if start.month != end.month:
        return f"{start.day} {start:%B} – {long_date(end)}"
    return f"{start.day}–{long_date(end)}"


# The one home of month and weekday names: every date pattern in briefgen is built here.
# month abbreviation (and "sept") -> its number
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Clock times ("11:30 a.m.") and the zones written after them ("a.m. GMT", "p.m. KST")
CLOCK_MARKS = frozenset({"a.m.", "p.m."})
TIME_ZONES = frozenset({"GMT", "UTC", "KST", "JST", "EST", "EDT", "ET", "PST", "PDT", "CST"})
# regex alternations (no group): a month full or abbreviated, without its dot ("Sept",
# "June"); a month's three-letter abbreviation; its short form; a full month name; a weekday
MONTH_RE = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
MONTH_ABBR_RE = "|".join(m[:3] for m in MONTH_NAMES)
# a month as written short ("Dec", "June", "Sept"), never in full ("December")
MONTH_SHORT_RE = "Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec"
MONTH_NAME_RE = "|".join(MONTH_NAMES)
WEEKDAY_RE = "|".join(WEEKDAYS)

# here a dot after an abbreviation is part of the month token ("Oct. 17")
_MONTH_ALT = (
    r"Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?"
)
_MD_RE = re.compile(
    r"\b(" + _MONTH_ALT + r")\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!:)(?:,?\s+(\d{4})\b)?"
)
_DM_RE = re.compile(r"\b(\d{1,2})\s+(" + _MONTH_ALT + r")(?:\s+(\d{4})\b)?")
_WD_RE = re.compile(rf"\b(?:((?i:last|next|this|on|since|by|until))\s+)?({WEEKDAY_RE})\b")
_REL_RE = re.compile(r"\b(yesterday|today|tonight|earlier today)\b", re.I)
_FUTURE_RE = re.compile(
    r"\b(?:will|is to|are to|is due|are due|plans? to|planned|scheduled|expected to|"
    r"is set to|are set to|to be held|upcoming|ahead of)\b"
)
_QUOTED_RE = re.compile(r"[“\"][^”\"]*[”\"]")
# A past verb just before a weekday ("said Friday", "launched on Tuesday"): that day is
# past, whatever the rest of the sentence looks ahead to ("expected to respond").
_PAST_BEFORE_RE = re.compile(
    r"\b(?<!is )(?<!are )(?<!be )(?<!been )(?:said|told|met|spoke|wrote|held|gave|took|"
    r"made|sent|fired|began|\w+ed)\s+(?:on\s+|late\s+|early\s+)?$"
)
# The opening of a phrase naming another, earlier event the sentence's news answers or
# follows ("in response to Trump's speech on Tuesday"): a date in it is that event's.
_OTHER_EVENT_RE = re.compile(
    r"\b(?:in (?:response|reply|reaction|answer) to|in retaliation for|responding to|"
    r"(?<!the )following|after)\s+([^,;:()—–]*)$",
    re.I,
)
# How many words such a phrase runs to before a date in it (beyond, it is another clause).
_OTHER_EVENT_WORDS = 12


def looks_ahead(text: str) -> bool:
    """Does the sentence itself (not a quotation inside it) speak of the future?"""
    return bool(_FUTURE_RE.search(_QUOTED_RE.sub(" ", text)))


@dataclass
class DateHit:
    when: date
    estimate: bool
    basis: str
    pos: int
    # the words the date was read from ("on Tuesday"), for the timeline's note; not kept
    # in the stored facts, so no part of a hit's identity
    word: str = field(default="", compare=False)


def _of_other_event(text: str, pos: int) -> bool:
    """Is the date at `pos` inside a phrase naming an earlier event the sentence answers
    or follows ("Kim's statement, in response to Trump's speech on Tuesday")?  It dates
    that event, not the sentence's news, and is left out."""
    m = _OTHER_EVENT_RE.search(text[:pos])
    return m is not None and len(m.group(1).split()) <= _OTHER_EVENT_WORDS


def _last_weekday(back: int) -> int:
    """Days back to "last Friday": yesterday or today is "Friday" or "today" in news
    copy, so "last Friday" in a Saturday story is the Friday of the week before."""
    return back if back >= 2 else back + 7


def _month(token: str) -> int:
    return MONTHS[token[:3].lower()]


def _weekdays(text: str, published: date, future: bool) -> list[DateHit]:
    """The weekdays `text` names, resolved against the story's day (module docstring)."""
    hits: list[DateHit] = []
    for m in _WD_RE.finditer(text):
        if _of_other_event(text, m.start()):
            continue
        mod = (m.group(1) or "").lower()
        past = mod not in ("next", "this") and bool(_PAST_BEFORE_RE.search(text[: m.start()]))
        wd = WEEKDAYS.index(m.group(2))
        back = (published.weekday() - wd) % 7
        fwd = (wd - published.weekday()) % 7
        if fwd == 1 and mod not in ("last", "since", "on"):
            # "early Thursday" in a story dated Wednesday: a late edition or another
            # time zone, the day after.
            d = published + timedelta(days=1)
            est = True
        elif mod == "next" or (future and not past and mod not in ("last", "since")):
            d = published + timedelta(days=fwd or (7 if mod == "next" else 0))
            est = True
        else:
            d = published - timedelta(days=back if mod != "last" else _last_weekday(back))
            est = False
        basis = "weekday resolved against the publication date"
        hits.append(DateHit(d, est, basis, m.start(), m.group(0)))
    return hits


def resolve_dates(text: str, published: date | None) -> list[DateHit]:
    """Every date stated in `text`, resolved against the publication date (in text order).

    Dates outside 1900-2100 are left out, and so is a publication date outside them:
    the arithmetic below then never leaves the calendar."""
    hits: list[DateHit] = []
    if published is not None and not in_range(published):
        published = None
    future = looks_ahead(text)
    for rx, mi, di in ((_MD_RE, 1, 2), (_DM_RE, 2, 1)):
        for m in rx.finditer(text):
            mon, day, yr = _month(m.group(mi)), int(m.group(di)), m.group(3)
            if not 1 <= day <= 31:
                continue
            year = int(yr) if yr else (published.year if published else None)
            if year is None:
                continue
            try:
                d = date(year, mon, day)
            except ValueError:
                continue
            if not in_range(d) or _of_other_event(text, m.start()):
                continue
            estimate = False
            basis = "stated date"
            if not yr and published is not None:
                if d > published + timedelta(days=7) and not future:
                    d = d.replace(year=year - 1) if not (mon == 2 and day == 29) else d
                elif d < published - timedelta(days=300) and future:
                    d = d.replace(year=year + 1) if not (mon == 2 and day == 29) else d
                basis = "stated date, year from the publication date"
            hits.append(DateHit(d, estimate, basis, m.start(), m.group(0)))
    if published is not None:
        hits += _weekdays(text, published, future)
        for m in _REL_RE.finditer(text):
            if _of_other_event(text, m.start()):
                continue
            d = published - timedelta(days=1 if m.group(1).lower() == "yesterday" else 0)
            hits.append(
                DateHit(d, False, "relative to the publication date", m.start(), m.group(0))
            )
    hits.sort(key=lambda h: h.pos)
    return hits
