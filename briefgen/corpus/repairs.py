"""Whole-text repairs before the text is cut into paragraphs: words glued by lost markup.

Each repair runs only when a cheap test says it can apply (the cleaner is a hot spot).
"""

from __future__ import annotations

import re

from briefgen.corpus.kinds import DATED_ENTRY, DATED_ENTRY_RE, SOCIAL
from briefgen.knowledge.dates import MONTH_SHORT_RE

# ("...difficult to dismiss.“North Korea’s ...": an opening curly quote starts a sentence)
_RUN_ON_RE = re.compile(
    r"(?<=[a-z0-9%][.!?])(?=[A-Z][a-z](?![\w.]*@)|“[A-Z])|(?<=[.!?][”\"’])(?=[A-Z“])"
)
_CREDIT_RUN_ON_RE = re.compile(
    r"(\((?:[^()]{0,30}(?:Yonhap|Reuters|AP|AFP|EPA|KCNA|Xinhua|DB|Photo|photo|Getty|News1|"
    rf"Newsis|Pool|{SOCIAL})[^()]{{0,20}})\))(?=[A-Z“\"])"
)
# KCNA pages bold the leaders' names and lose the spaces on both sides:
# "ComradeKim Jong Unreceived", "At that time,Kim Jong Un", "Kim Il SungUniversity".
_GLUED_LEADER_RE = re.compile(
    r"(?<=[a-z,;:])(?=Kim (?:Jong Un|Il Sung|Jong Il|Jong Suk|Yo Jong))|"
    r"(?<=Kim Jong Un)(?=[A-Za-z])|(?<=Kim Il Sung)(?=[A-Za-z])|(?<=Kim Jong Il)(?=[A-Za-z])|"
    r"(?<=Kim Jong Suk)(?=[A-Za-z])|(?<=Kim Yo Jong)(?=[A-Za-z])"
)
_GLUED_HINT_RE = re.compile(
    r"[a-z,;:]Kim |Kim (?:Jong Un|Il Sung|Jong Il|Jong Suk|Yo Jong)[A-Za-z]"
)
# a list of dated entries run together ("... is founded.2007 -- South and North Korea
# agree ..."): each entry is its own paragraph again, and so is the day heading before
# the first one ("Dec. 29 1967 -- ...")
_GLUED_ENTRY_RE = re.compile(rf"(?<=[.!?])[”\"’)]?(?={DATED_ENTRY})")
# (prose writes "Dec. 29, 2007"; the heading has no comma, or lost its space: "Dec. 291967")
_DAY_HEADING_RE = re.compile(
    rf"(?<![\w.])((?:{MONTH_SHORT_RE})\.? (?:[1-9]|[12]\d|3[01]))(?: |(?=\d{{4}}))(?={DATED_ENTRY})"
)
# KCNA's note that pictures went with the item: "... flood-hit areas (photos accompanied)."
_PHOTOS_NOTE_RE = re.compile(r"\s*\((?:photos?|pictures?|video) accompanied\)")
_CREDIT_RUN_ON_HINT_RE = re.compile(r"\)[A-Z“\"]")
_RUN_ON_HINT_RE = re.compile(r"[.!?][”\"’]?[A-Z“]")
_BRACKET_TAG_RE = re.compile(
    r"\[(?:REPORT|ANCHOR|LEAD|SOUNDBITE|INTERVIEW|VIDEO|PHOTO|CLOSING|STANDUP|[A-Z]{3,12} ?[A-Z]{0,12})\]"
)
# The Hill's name hover-cards: "Rex Tillerson Rex Wayne TillersonSteve Schmidt: '...' ... MORE"
_HOVERCARD_RE = re.compile(
    r"\b(?P<last>[A-Z][A-Za-z'-]{1,20})\s(?:\(?[A-Z][\w.'-]*\)?\s){1,5}(?P=last)(?=[A-Z0-9'\"‘“])[^\n]{0,600}?\s?MORE\b"
)
# a day run into a year by a lost ", ": "Dec. 311973" (5 or 6 digits: d or dd, then yyyy)
_GLUED_YEAR_RE = re.compile(rf"({MONTH_SHORT_RE})(\.? )([1-9]|[12]\d|3[01])((?:1[5-9]|20)\d\d)\b")
# EPA's picture id glued to the headline: "...cruise missilesepaselect epa12616479 People watch"
_EPA_ID_RE = re.compile(r"(?:epaselect\s+)?\bepa\d{6,}\s+")


def _split_entries(text: str) -> str:
    """Dated list entries run together, one paragraph each again; a day heading that
    heads the whole list (one heading, several entries) a paragraph of its own.  Where
    every entry has its own day ("Jan. 11883 -- ..."), the day stays with its entry."""
    text = _GLUED_ENTRY_RE.sub(lambda m: m[0] + "\n\n", text)
    heads = _DAY_HEADING_RE.findall(text)
    if len(heads) == 1 and len(DATED_ENTRY_RE.findall(text)) >= 2:
        text = _DAY_HEADING_RE.sub("\\1\n\n", text)
    return text


def repair_text(text: str) -> str:
    """Leaders' names, sentences, dated list entries, credits and years that lost the space
    between them split apart again; picture ids and notes, broadcast script tags and
    separator rules gone."""
    # hover-cards first: their name runs into what follows ("Kim Jong UnTrump says ...")
    if "MORE" in text:
        text = _HOVERCARD_RE.sub(r"\g<last>", text)
    if "Kim " in text and _GLUED_HINT_RE.search(text):
        text = _GLUED_LEADER_RE.sub(" ", text)
    if _CREDIT_RUN_ON_HINT_RE.search(text):
        text = _CREDIT_RUN_ON_RE.sub(r"\1\n\n", text)
    if _RUN_ON_HINT_RE.search(text):
        text = _RUN_ON_RE.sub("\n\n", text)
    if ("--" in text or "—" in text or "–" in text) and DATED_ENTRY_RE.search(text):
        text = _split_entries(text)
    if "accompanied)" in text:
        text = _PHOTOS_NOTE_RE.sub("", text)
    if _GLUED_YEAR_RE.search(text):
        text = _GLUED_YEAR_RE.sub(r"\1\2\3, \4", text)  # "Jan. 11883 --" -> "Jan. 1, 1883 --"
    if "epa" in text:
        text = _EPA_ID_RE.sub("\n\n", text)
    if "[" in text:
        text = _BRACKET_TAG_RE.sub(" ", text)  # broadcast script tags: [REPORT], [ANCHOR]
    if "----" in text or "■" in text:
        text = re.sub(r"-{4,}|\s*■\s*", "\n\n", text)
    return text
