"""Embedded posts: a web article copied as text keeps an embedded tweet as a paragraph
of the post's words signed "— Donald J. Trump (@realDonaldTrump) July 5, 2017", with no
quotation marks and no reporting verb.  The words are the account holder's direct
quotation; the signature names who said them.  A signature alone (the post was a
picture or a link) quotes nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefgen.nlp.speeches import paragraphs

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from briefgen.nlp.quotations import Item

# "<words> — <name> (@handle) <Month> <day>, <year>", a scrape's stray word after it.
_SIGNED = re.compile(
    r"\s*[—–]\s*(?P<name>[^\s()@—–][^()@\n—–]{0,60}?)\s*\(@\w{1,30}\)\s*"
    r"(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})(?:\s+\w+)?\s*$"
)
# Links a post ends with: they are the post's picture or page, not its words.
_LINK = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+))+\s*$")
_MARKS = "“”\"'‘’ "
# Words a post needs to be a statement.
_MIN_WORDS = 3


def tweet_items(doc: Doc, text: str) -> list[Item]:
    """A direct quotation (via "tweet") for each embedded post's words, its speaker the
    name of the signature."""
    from briefgen.nlp.quotations import Item

    out: list[Item] = []
    for a, b in paragraphs(text):
        m = _SIGNED.search(text, a, b)
        if m is None or m.end() != b:
            continue
        body = _LINK.sub("", text[a : m.start()])
        start, end = a, a + len(body)
        while start < end and text[start] in _MARKS:
            start += 1
        while end > start and text[end - 1] in _MARKS:
            end -= 1
        if len(text[start:end].split()) < _MIN_WORDS or text[start:end].endswith(":"):
            continue  # "Trump at the G20: pic.twitter.com/...": a caption of a picture
        name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        if name is None or not len(name):
            continue
        out.append(
            Item(
                kind="direct",
                start=start,
                end=end,
                sentence_start=start,
                sentence_end=end,
                cue=name.root,
                phrase=name,
                head=name.root,
                via="tweet",
            )
        )
    return out
