"""Word units of the keyphrase candidates (nlp/kpcandidates.py): tokens grouped into words
("freeze-for-freeze", "long-range"), each a noun, an adjective or a break, with the
surface a phrase shows (the case it is written in) and the key variants merge on.  Split
from kpcandidates.py (the module size limit)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefgen.knowledge.keyphrase_words import words
from briefgen.nlp.syntax import doc_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SKIP_ENTS = words("skip_entities")
_LATIN = re.compile(r"^[\w.'&\-]+$")


def word_units(doc: Doc) -> list[list[Token]]:
    """Tokens grouped into words: 'freeze-for-freeze', 'long-range' become one unit."""
    toks = doc_tokens(doc)  # indexing a Doc makes a new Token each time
    units: list[list[Token]] = []
    i, n = 0, len(toks)
    while i < n:
        unit = [toks[i]]
        j = i
        while (
            j + 2 < n
            and toks[j].whitespace_ == ""
            and toks[j + 1].text == "-"
            and toks[j + 1].whitespace_ == ""
            and not toks[j + 2].is_sent_start
            and toks[j].is_alpha
            and toks[j + 2].is_alpha
        ):
            unit.extend([toks[j + 1], toks[j + 2]])
            j += 2
        units.append(unit)
        i = j + 1
    return units


def unit_class(unit: list[Token]) -> str:
    """'N' (noun), 'A' (adjective) or 'O' (breaks a phrase) for a word unit."""
    last = unit[-1]
    if len(unit) == 1:
        t = last
        if t.is_stop or t.like_num or t.like_url or t.like_email or t.ent_type_ in _SKIP_ENTS:
            return "O"
        if len(t.text) < 2 or not any(c.isalpha() for c in t.text):
            return "O"
        if _after_number(t):
            return "O"  # "15-member": the word of a number, no phrase of its own
        if not _LATIN.match(t.text) or any(c.isalpha() and ord(c) > 0x24F for c in t.text):
            return "O"
        if t.pos_ in ("NOUN", "PROPN"):
            return "N"
        if t.pos_ == "ADJ" or t.tag_ == "VBN" and t.dep_ == "amod":
            return "A"
        return "O"
    if any(t.ent_type_ in _SKIP_ENTS for t in unit):
        return "O"
    if last.pos_ in ("NOUN", "PROPN"):
        return "N"
    return "A" if any(t.pos_ in ("ADJ", "NOUN", "PROPN", "VERB") for t in unit) else "O"


def _after_number(t: Token) -> bool:
    """The word follows a number and a hyphen: "member" of "15-member"."""
    i = t.i
    if i < 2:
        return False
    toks = doc_tokens(t.doc)
    hyphen, num = toks[i - 1], toks[i - 2]
    return hyphen.text == "-" and not hyphen.whitespace_ and not num.whitespace_ and num.like_num


def keep_case(t: Token) -> bool:
    """Names and acronyms keep their capitals, and so does a capital inside a sentence (a
    name the tagger took for a common noun: "Trump" is no "trump"); a common noun
    capitalised only by its place at the start of a sentence does not."""
    if t.pos_ == "PROPN" or bool(t.ent_type_) or (t.text.isupper() and len(t.text) > 1):
        return True
    return t.text[:1].isupper() and not _opens(t)


def _opens(t: Token) -> bool:
    """The token opens its sentence, or a quotation or a line within it."""
    if t.is_sent_start or t.i == 0:
        return True
    prev = t.doc[t.i - 1]
    return prev.is_quote or prev.is_space or prev.text in (":", "(", "-", "\u2014")


def unit_surface(unit: list[Token]) -> str:
    text = "".join(t.text for t in unit)
    return text if any(keep_case(t) for t in unit) else text.lower()


def capitalised(unit: list[Token]) -> bool:
    return unit[0].text[:1].isupper()


def _word_key(t: Token) -> str:
    """Plural and singular, case and possessive folded: 'Fireworks', 'fireworks' -> 'firework'."""
    w = (t.lemma_ if t.pos_ == "NOUN" else t.text).lower().replace("'", "").replace("\u2019", "")
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return w


def unit_key(unit: list[Token]) -> str:
    if len(unit) == 1:
        return _word_key(unit[0])
    return "".join(t.text for t in unit[:-1]).lower() + _word_key(unit[-1])


def unit_text(unit: list[Token]) -> str:
    return "".join(t.text for t in unit)
