"""Whether a plain sentence is the country's own line (book/sections.py's judgement).

Split from sections.py (issue 14's size limit): an official that only passes on another
country's news ("Trump tweeted North Korea has agreed to suspend…") tells no move of its
own; a reason after the move or a modal after the official's own reporting verb is no
reporter's guess; a present perfect of the period's news, not of how things stand.
"""

from __future__ import annotations

import re

from briefgen.knowledge.countries import country_matches

# The reason given after the move ("…suspended the project, saying it would no longer
# allow…") is reported speech: its "would" does not make the move a guess.
_SAYING_RE = re.compile(r"[,\s]\s*(?:saying|adding|warning|arguing|insisting)\b")
# A modal after the official's own reporting verb ("Geng Shuang said that sanctions could
# be lifted") is the stated position, not the reporter's guess.
_REPORTED_RE = re.compile(
    r"\b(?:said|says|told\s+\w+|stressed|insisted|stated|announced|declared)\b"
)

QUOTED_WORDS_RE = re.compile(r"[“\"](?:[^”\"\s]+\s+){3,}[^”\"]*[”\"]")
PERFECT_RE = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ne|un|ght)\b")
# A perfect that tells how things stand, not the period's news ("North Korea has also
# developed a missile … but so far struggled to launch it").
STANDING_RE = re.compile(
    r"\b(?:also|already|long|so far|since|repeatedly|for (?:years|decades|months))\b", re.I
)

# A perfect told as how things have long stood ("U.N. investigations have also reported
# human rights violations", "China has long opposed…"): background, not the period's move.
STANDING_PERFECT_RE = re.compile(
    r"\b(?:has|have|had)\s+(?:also|already|long|repeatedly|often|since|so far|for years)\s+"
    r"\w+(?:ed|en|wn|ne|un|ght)\b",
    re.I,
)


# A reporting verb, then the time it was said, then what was reported ("tweeted Friday
# evening North Korea has agreed to suspend…").
_TELLS_RE = re.compile(
    r"\b(?:said|says|told\s+[^,]{1,40}?|tweeted|tweets|announced|reported|confirmed|wrote|"
    r"added|noted|claimed|revealed)\s+"
    r"(?:(?:on|late|early|this|last|that)\s+)*(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|week|day|morning|afternoon|evening|night)\b,?\s+)*(?:that\s+)?"
)
# The official's own line in what it reports: a modal, a stance, "we", its own words.
_OWN_LINE_RE = re.compile(
    r"\b(?:will|would|should|must|could|can|may|might|need|needs|wants?|hopes?|we|our|us|"
    r"opposes?|supports?|welcomes?|condemns?)\b|[“\"]",
    re.I,
)


def tells_anothers_news(text: str, code: str) -> bool:
    """The country's official only passes on another country's news in plain words:
    "Trump, referencing a North Korean state media report, tweeted Friday evening North
    Korea has agreed to suspend all nuclear weapons testing" is the North's move, not an
    American one.  What is reported opens on the other country and holds no line of the
    speaker's own (a modal, a stance, "we", quoted words, its own country named)."""
    m = _TELLS_RE.search(text[:160])
    if m is None:
        return False
    content = text[m.end() :]
    named = country_matches(content)
    if not named or named[0][0] > 4 or named[0][3] == code:
        return False
    return not (_OWN_LINE_RE.search(content) or any(n[3] == code for n in named))


def own_words(text: str) -> str:
    """The sentence before the reason given after the move and before a reporting verb:
    what a guess would be the reporter's."""
    head = _SAYING_RE.split(text, maxsplit=1)[0]
    return _REPORTED_RE.split(head, maxsplit=1)[0]
