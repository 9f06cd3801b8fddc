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
from briefgen.knowledge.retold import retold_phrases

if TYPE_CHECKING:
    from spacy.tokens import Token

# Words of a time before the article's news.
_EARLIER = re.compile(
    r"\b(last (?:year|month|week(?:end)?|spring|summer|autumn|fall|winter|decade)|previously|"
    r"in the past|(?:years?|months?|weeks?|decades?) ago|earlier this (?:year|month|week)|"
    r"at the time|once|(?<!as )recently|^earlier$|"
    r"in (?:19|20)\d\d|(?:19|20)\d\d|during (?:the|his|her|their) (?:campaign|confirmation))\b",
    re.IGNORECASE,
)
_MONTH_ONLY = re.compile(rf"\b[Ii]n ({MONTH_NAME_RE})\b")
# Closing quotation marks as the tokenizer leaves them.
_CLOSING_MARKS = frozenset({"”", '"', "''", "»"})
# Deps of the modifiers that say when a verb happened.
_TIME_DEPS = frozenset({"npadvmod", "tmod", "advmod", "prep", "pobj", "advcl"})
# "two days after", "a month after": the news followed the statement by that much.
# "A day after" is the same week's news.
_DAYS_OR_MORE = frozenset({"days", "week", "weeks", "month", "months", "year", "years"})
# Deps of a clause that tells the same act as its head's ("played down ..., saying").
_SAME_ACT = frozenset({"conj", "advcl", "xcomp"})
# A sentence that opens on a time before the news ("In the 2014 comedy, ...", "Last
# year, ...", "Back in March, ...") sets the scene: the next sentence, when it gives no
# time of its own, tells of that time too.
_SCENE_RE = re.compile(
    r"^\W*(?:(?:back |early |late )?in|during|by|last (?:year|month)|years? ago)\b[^,.;]{0,40}?"
    r"(?:\b((?:19|20)\d\d)\b|(?<=last year)|(?<=last month)|(?<=ago))",
    re.IGNORECASE,
)
# Deps by which a clause hangs from a verb whose time it shares (see _governing_time).
_SHARES_TIME = frozenset(
    {
        "conj",
        "advcl",
        "relcl",
        "acl",
        "xcomp",
        "ccomp",
        "dobj",
        "nsubj",
        "nsubjpass",
        "pobj",
        "prep",
    }
)
# A sentence that opens on a month or a past time ("In August, ...", "Last week, ...").
_OPENS_RE = re.compile(
    rf"^\W*(?:(?:back |early |late )?in ({MONTH_NAME_RE})\b|last (?:week|month|year)\b|"
    r"earlier this (?:week|month|year)\b)",
    re.IGNORECASE,
)
# A quotation of famous words no longer than this is their retelling, not new words.
RETOLD_WORDS = 12
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


def _own_time(
    cue: Token, published: date | None, tense: bool = True
) -> tuple[bool, date | None, bool]:
    """(earlier, said_on, stated) from the verb's own tense (unless `tense` is False) and
    time modifiers; `stated` says whether it gives a time at all."""
    earlier = tense and _past_perfect(cue)
    text = _time_text(cue)
    dated = any(t.ent_type_ in ("DATE", "TIME") for c in cue.children for t in c.subtree)
    if not text:
        return earlier, None, earlier
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
    if m is not None and said_on is None:
        # a month with no day is background ("in April"), unless it is the article's own
        month = MONTH_NAMES.index(m.group(1)) + 1
        if published is None or month != published.month:
            earlier = True
    # "even threatened", "said at the carefully choreographed meeting": no time of its own
    return earlier, said_on, earlier or dated or said_on is not None


def _past_perfect(cue: Token) -> bool:
    """ "had warned": before the time of the story, unless it is the tense of reported
    speech ("Abe said the two had agreed to keep up pressure": the agreement is Abe's
    news), whose time is the reporting verb's."""
    had = any(c.dep_ == "aux" and c.lower_ == "had" for c in cue.children)
    return had and cue.tag_ == "VBN" and cue.dep_ != "ccomp"


def _after_clause(cue: Token) -> bool:
    """Is the cue's statement one the news came days after ("two days after North Korea
    warned ...", "a day after officials said ...")?  Plain "after" is the same news
    ("the comments were published after Trump warned", "hours after Seoul said")."""
    for t in (cue, cue.head):
        for c in t.children:
            if c.dep_ == "mark" and c.lower_ == "after" and c.i > 0:
                return c.doc[c.i - 1].lower_ in _DAYS_OR_MORE
    return False


def _governing_time(cue: Token, published: date | None) -> tuple[bool, date | None] | None:
    """The time of the verb the cue's clause hangs from, when the cue gives none: "said
    this month ... and threatened", "dismissed the taunt earlier this week, saying",
    "on Nov. 29 it fired a missile which it said ...".  A reported clause (ccomp) takes
    only the earlier flag: its own day is not the reporting verb's."""
    t, day_too, same = cue, True, True
    if any(c.dep_ == "advmod" and c.lower_ == "later" for c in cue.children):
        return None  # "had reported ..., but later said": after that time
    for _ in range(4):
        if t.dep_ not in _SHARES_TIME or t.head is t:
            return None
        day_too = day_too and t.dep_ != "ccomp"
        same = same and t.dep_ in _SAME_ACT
        if t.dep_ == "conj" and _own_subject(t):
            return None  # "the Council adopted sanctions last month, but analysts said"
        t = t.head
        if _quoted_between(t, cue):
            return None  # a misparse hung the cue on a verb inside the words it reports
        if t.pos_ not in ("VERB", "AUX"):
            continue
        # the tense of the words reported is not the time of their telling ("According
        # to the adviser, the test had been expected"); one act's is ("Seoul had played
        # down expectations, saying ...")
        earlier, said_on, stated = _own_time(t, published, tense=same)
        if stated:
            return earlier, said_on if day_too else None
    return None


def _quoted_between(head: Token, cue: Token) -> bool:
    """Does a closing quotation mark stand between a verb and the cue after it?  ("'I
    believe in soft power,' Thae Yong Ho, ... until he defected in 2016, told CSIS": the
    parser made "told" a conjunct of "believe", whose modifiers are not the telling's.)"""
    if head.i >= cue.i:
        return False
    return any(t.text in _CLOSING_MARKS for t in cue.doc[head.i + 1 : cue.i])


def _present_perfect(cue: Token) -> bool:
    """ "has denied": a stand that holds now, whatever the sentence's other verbs' time."""
    return cue.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have") for c in cue.children
    )


def _own_subject(verb: Token) -> bool:
    """Does the verb name a subject of its own (not a pronoun for the first verb's)?"""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in verb.children)


def _retold(words: str, published: date | None) -> date | None:
    """The day famous words were said, when a short quotation is them retold later
    ("warning the dictator of 'fire and fury'" in a piece on the 2018 summit)."""
    if published is None or len(words.split()) > RETOLD_WORDS:
        return None
    low = words.lower()
    for phrase, day in retold_phrases():
        if phrase in low and day < published - NEWS_WINDOW:
            return day
    return None


def statement_time(
    cue: Token | None, published: date | None, words: str = ""
) -> tuple[bool, date | None]:
    """(earlier, said_on) for the statement the cue reports (`words`: what was said)."""
    day = _retold(words, published)
    if day is not None:
        return True, day
    if cue is None:
        return False, None
    if _after_clause(cue):
        return True, None
    earlier, said_on, stated = _own_time(cue, published)
    if earlier:
        return earlier, said_on
    if cue.tag_ in ("VBP", "VBZ") or _present_perfect(cue):
        return False, said_on  # "many experts say", "Pyongyang has denied it": now
    if _scene_before(cue, published):
        return True, None
    if stated:
        return earlier, said_on
    governing = _governing_time(cue, published)
    if governing is not None:
        return governing
    return _scene_opens(cue, published), None


def _scene_opens(cue: Token, published: date | None) -> bool:
    """Does the cue's own sentence open on an earlier time, which the parse hung on
    another word ("In March, after officials threatened to resume tests, Pompeo said
    ...")?  A month of the article's own is its news."""
    m = _OPENS_RE.search(cue.sent.text)
    if m is None or m.end() + cue.sent.start_char > cue.idx or cue.sent.text[:1] in "\"“‘'":
        return False
    if m.group(1) is None:
        return True
    month = MONTH_NAMES.index(m.group(1).capitalize()) + 1
    return published is None or month != published.month
