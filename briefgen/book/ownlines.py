"""Whether a plain sentence is the country's own line (book/sections.py's judgement).

Split from sections.py (issue 14's size limit): an official that only passes on another
country's news ("Trump tweeted North Korea has agreed to suspend…") tells no move of its
own; a reason after the move or a modal after the official's own reporting verb is no
reporter's guess; a present perfect of the period's news, not of how things stand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefgen.knowledge.countries import country_matches
from briefgen.model import Actor

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
# The official's own line in what it reports: a modal, a stance, "we" or "he", its own words.
_OWN_LINE_RE = re.compile(
    r"\b(?:will|would|should|must|could|can|may|might|need|needs|wants?|hopes?|we|our|us|"
    r"opposes?|opposed|supports?|supported|welcomes?|welcomed|condemns?|condemned|"
    # the speaker itself the subject of what it reports ("said he welcomed the summit")
    r"he|she|itself)\b|[“\"]",
    re.I,
)


def tells_anothers_news(text: str, code: str) -> bool:
    """The country's official only passes on another country's news in plain words:
    "Trump, referencing a North Korean state media report, tweeted Friday evening North
    Korea has agreed to suspend all nuclear weapons testing" is the North's move, not an
    American one.  What is reported names the other country early (_ANOTHER_WITHIN), not
    as a party to the act, and holds no line of the speaker's own (a modal, a stance,
    "we", quoted words, its own country named).  Named further on, the other country's
    news is still passed on when nothing in it is the speaker's own ("…said Saturday's
    quake was detected … in northeastern North Korea"); what opens on the other country
    keeps a modal as its own ("Abe said North Korea may have the capability…"); what
    opens on a thing an earlier sentence named ("said those sites … were inaccessible")
    is an observation with no line of the speaker's own."""
    m = _TELLS_RE.search(text[:160])
    if m is None:
        return False
    content = text[m.end() :]
    if re.match(r"(?:it|they)\s+(?:had|has|have|was|were|is|are)\b", content):
        return False  # the speaker the subject of its own finding ("said it had seen…")
    if (
        _BACK_REFERENCE_RE.match(content)
        or _OBSERVED_RE.match(content)
        or _HAD_DONE_RE.search(content)
    ) and not _OWN_LINE_RE.search(content):
        return True  # "officials said those sites … were earlier inaccessible": whose?
    named = country_matches(content)
    if not named or named[0][3] == code or any(n[3] == code for n in named):
        return False
    if named[0][0] > _ANOTHER_WITHIN and _OWN_LINE_RE.search(content):
        return False
    possessive = content[named[0][1] : named[0][1] + 2] in ("'s", "’s")
    if _JOINT_RE.search(content[: named[0][0]]) and not possessive:
        return False  # "talks with North Korea were held": an act the country joined
    if (
        named[0][0] == 0
        and _CLAUSE_VERB_RE.match(content[named[0][1] :])
        and not _OWN_STANCE_RE.search(content)
    ):
        return True  # "…said North Korea may have the capability…": the North's modal
    return not _OWN_LINE_RE.search(content)


# What is reported opens on a thing named by an earlier sentence ("those sites", "these
# tests"): an observation that leans on what came before, no line of the speaker's own.
_BACK_REFERENCE_RE = re.compile(r"(?:those|these|such)\s+[a-z]", re.I)
# What is reported is an event seen, not an act or stance of the speaker's ("the KMA said
# the activity occurred in Kilju", "…said a tremor was detected near the test site").
_OBSERVED_RE = re.compile(
    r"(?:the|a|an)\s+(?:[\w’'-]+\s+){0,5}?(?:occurred|was (?:detected|recorded|observed|spotted|"
    r"felt|measured))\b",
    re.I,
)
# What is reported told as done before ("…said neither Kim's father … had issued a
# similar statement"): an account of others' past, not the speaker's own line (the
# speaker's own finding, "said it had seen…", is read before this).
_HAD_DONE_RE = re.compile(r"\bhad\s+(?:not\s+|never\s+|already\s+)?\w+(?:ed|en|wn|ne|un|ght)\b")
# The speaker's own line in what opens on another country: a demand of it, "we", a stance
# or its own words; a modal there is the other country's ("North Korea may have…").
_OWN_STANCE_RE = re.compile(
    r"\b(?:should|must|need|needs|we|our|us|opposes?|opposed|supports?|supported|welcomes?|"
    r"welcomed|condemns?|condemned|urged?|warned)\b|[“\"]",
    re.I,
)
# The other country the subject of what is reported: a verb or a modal of what may be
# right after it ("North Korea may have…"), not a noun it qualifies ("United Nations
# sanctions…"); a "will" or "would" there is the speaker's warning ("Haley said North
# Korea would face consequences").
_CLAUSE_VERB_RE = re.compile(
    r"(?:[’']s\s+(?:leader|government|regime)\s+)?\s*(?:may|might|could|can|is|are|"
    r"was|were|has|had|have|\w+ed)\b"
)
# How far into what is reported the other country may be named: not only as its opener
# ("South Korea's weather agency said a magnitude 3.0 earthquake rocked North Korea",
# "officials told the AP that Internet access to the North's news agency was restored" are
# the North's news, judges read them as no South Korean move), unless the country is
# named as a party to the act ("talks with North Korea").
_ANOTHER_WITHIN = 60
_JOINT_RE = re.compile(r"\b(?:with|between|and|to|on|against|toward|towards)\s+(?:the\s+)?$", re.I)


def own_words(text: str) -> str:
    """The sentence before the reason given after the move and before a reporting verb:
    what a guess would be the reporter's."""
    head = _SAYING_RE.split(text, maxsplit=1)[0]
    return _REPORTED_RE.split(head, maxsplit=1)[0]


# The speaker a sentence closes on (", Fisher said.", "…, according to Richard Fisher."):
# what comes before is that speaker's account.
_NAME = r"(?:the\s+)?([A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3})"
_CREDIT_RE = re.compile(
    rf"(?:,\s*{_NAME}\s+(?:said|says|added|wrote|argued|noted|claimed|contended)"
    rf"|\baccording to\s+{_NAME})\.?[”\"]?\s*$"
)
OFFICIAL_VOICE_KINDS = ("government", "international", "state-media", "legislator", "media")


def credited_to_another(text: str, code: str, actors: Iterable[Actor]) -> bool:
    """The sentence closes on a named speaker who is no official of the country: an
    analyst's account ("The China Aerospace Science and Industry Corporation … have
    provided trucks …, Fisher said.") is no Chinese move, however it opens.  A news
    agency passing on the country's act ("…, Yonhap added.") is not another speaker."""
    m = _CREDIT_RE.search(text.strip())
    if m is None:
        return False
    name = (m.group(1) or m.group(2)).rstrip(".")
    for a in actors:
        names = {a.name, *a.aliases, a.name.split()[-1] if a.name.split() else ""}
        if name in names:
            return a.kind not in OFFICIAL_VOICE_KINDS or (a.kind != "media" and a.country != code)
    return False
