"""When a statement was made: in the article's news, or earlier ("said last year",
"tweeted in October", "had warned in March", "in a 2017 speech").

A statement reported from an earlier time keeps that time (Quote.earlier, and
Quote.said_on when the text gives the day), so a period's positions can come from the
statements made in the period.  The time is read from the modifiers of the reporting
verb (and of its clause), resolved against the article's date by knowledge/dates.py.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from briefgen.knowledge.dates import MONTH_NAME_RE, MONTH_NAMES, resolve_dates

if TYPE_CHECKING:
    from spacy.tokens import Token

# Words of a time before the article's news.
_EARLIER = re.compile(
    r"\b(last (?:year|month|spring|summer|autumn|fall|winter|decade)|previously|in the past|"
    r"(?:years?|months?|decades?) ago|earlier this (?:year|month)|at the time|once|"
    r"in (?:19|20)\d\d|(?:19|20)\d\d|during (?:the|his|her|their) (?:campaign|confirmation))\b",
    re.IGNORECASE,
)
_MONTH_ONLY = re.compile(rf"\bin ({MONTH_NAME_RE})\b")
# Deps of the modifiers that say when a verb happened.
_TIME_DEPS = frozenset({"npadvmod", "tmod", "advmod", "prep", "pobj", "advcl"})
# A sentence that opens on a time before the news ("In the 2014 comedy, ...", "Last
# year, ...", "Back in March, ...") sets the scene: the next sentence, when it gives no
# time of its own, tells of that time too.
_SCENE_RE = re.compile(
    r"^\W*(?:(?:back |early |late )?in|during|by|last (?:year|month)|years? ago)\b[^,.;]{0,40}?"
    r"(?:\b((?:19|20)\d\d)\b|(?<=last year)|(?<=last month)|(?<=ago))",
    re.IGNORECASE,
)
# How far before the article's date a statement is still its news.
NEWS_WINDOW = timedelta(days=6)


def _time_text(cue: Token) -> str:
    """The words of the cue's time modifiers ("last year", "in October", "on Monday")."""
    parts: list[str] = []
    for c in cue.children:
        if c.dep_ not in _TIME_DEPS:
            continue
        if c.dep_ == "prep" and c.lower_ not in ("in", "on", "during", "at", "since", "before"):
            continue
        if c.dep_ == "advcl" and not any(t.ent_type_ == "DATE" for t in c.subtree):
            continue
        sub = list(c.subtree)
        if len(sub) <= 8:
            parts.append(" ".join(t.text for t in sub))
    return " ".join(parts)


def _scene_before(cue: Token, published: date | None) -> bool:
    """Does the sentence before the cue's open on a time before the news, while the
    cue's own sentence gives none?  ("In the 2014 comedy, ... North Korea was not happy
    about it - Pyongyang even threatened military action": the threat is 2014's.)"""
    sent = cue.sent
    if published is None or _EARLIER.search(sent.text) or resolve_dates(sent.text, published):
        return False
    i = sent.start - 1
    while i >= 0 and cue.doc[i].is_space:
        i -= 1
    if i < 0:
        return False
    m = _SCENE_RE.search(cue.doc[i].sent.text)
    if m is None:
        return False
    return m.group(1) is None or int(m.group(1)) < published.year


def statement_time(cue: Token | None, published: date | None) -> tuple[bool, date | None]:
    """(earlier, said_on) for the statement the cue reports."""
    if cue is None:
        return False, None
    if _scene_before(cue, published):
        return True, None
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in cue.children) and cue.tag_ == "VBN":
        earlier = True  # "had warned"
    else:
        earlier = False
    text = _time_text(cue)
    if not text:
        return earlier, None
    said_on: date | None = None
    for hit in resolve_dates(text, published):
        if published is None:
            break
        if hit.when < published - NEWS_WINDOW:
            earlier = True
        said_on = None if hit.estimate else hit.when
    if _EARLIER.search(text):
        year = re.search(r"\b((?:19|20)\d\d)\b", text)
        if year is None or published is None or int(year.group(1)) < published.year:
            earlier = True
    m = _MONTH_ONLY.search(text)
    if m is not None and published is not None and said_on is None:
        month = MONTH_NAMES.index(m.group(1)) + 1
        if month != published.month:
            earlier = True
    return earlier, said_on
