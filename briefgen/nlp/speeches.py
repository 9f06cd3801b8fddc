"""Speeches printed without quotation marks: "In the speech, he said:", "He went on:",
"the editorial says, adding:", "a press statement ..., which said:" end a paragraph, and
the paragraphs after it are the speaker's own words, as state media print a leader's
speech or a statement in full.

Each such paragraph is one direct quotation of the speaker the cue before the colon
names, up to the first paragraph where the narration speaks again: one that attributes
words to anyone (a cue the article's other quotations found), one led by the same
subject as the cue ("He said that ...", "The editorial calls upon ..."), or one that
opens another speech with a colon, or one that mixes marks and narration.  A paragraph
that is one quotation in marks is quoted without them, and a speech that opens in marks
ends with the first paragraph out of them.
A short address ("Comrades,", "How are you?") is
passed over, not quoted.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefgen.nlp.marks import closing_width, has_mark, opening_width

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from briefgen.knowledge.reporting import ReportingVerbs
    from briefgen.nlp.quotations import Item

# Words a paragraph needs to be a quotation rather than an address ("Comrades,").
_MIN_WORDS = 5
# Tokens before the colon in which the cue verb is looked for ("he said as follows:").
_CUE_REACH = 6


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph's text, blank lines apart, spaces trimmed."""
    out = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _cue_before_colon(doc: Doc, start: int, colon: int, verbs: ReportingVerbs) -> Token | None:
    """The reporting verb just before a paragraph's closing colon, with a subject, in that
    paragraph: a heading ("CORRECTION:") after "Mr. Verdery said." opens no speech."""
    span = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if span is None:
        return None
    end = span.start
    for t in reversed(doc[max(0, end - _CUE_REACH) : end]):
        if t.idx < start:
            break
        if t.pos_ in ("VERB", "AUX") and (
            t.lemma_.lower() in verbs.cues or (t.lemma_.lower() == "go" and _has_on(t))
        ):
            return t
    return None


def _has_on(t: Token) -> bool:
    return any(c.lower_ == "on" and c.dep_ in ("prt", "prep", "advmod") for c in t.children)


def speaker_of(cue: Token) -> Token | None:
    """The subject that says the speech: the cue's own, the clause's it adds to ("the
    editorial says, adding:"), or the noun a "which said:" describes."""
    t: Token | None = cue
    if cue.tag_ == "VBG" and cue.dep_ in ("advcl", "xcomp", "conj") and cue.head is not cue:
        t = cue.head  # "the white paper says, stating:": the participle adds to "says"
    for _ in range(3):
        if t is None:
            return None
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            if subj.lower_ in ("which", "that", "who") and t.dep_ == "relcl":
                return t.head
            return subj
        t = t.head if t.dep_ in ("advcl", "conj", "xcomp") and t.head is not t else None
    return None


def speech_items(doc: Doc, text: str, verbs: ReportingVerbs, attributed: list[int]) -> list[Item]:
    """Direct quotations of the paragraphs after a cue and a colon (module docstring).
    `attributed` holds the character offsets of the cues the article's other quotations
    were found by: a paragraph holding one is narration again."""
    from briefgen.nlp.quotations import Item
    from briefgen.nlp.syntax import noun_phrase

    paras = paragraphs(text)
    out: list[Item] = []
    k = 0
    while k < len(paras):
        a, b = paras[k]
        k += 1
        if not text[a:b].endswith(":"):
            continue
        cue = _cue_before_colon(doc, a, b - 1, verbs)
        head = speaker_of(cue) if cue is not None else None
        if cue is None or head is None or head.pos_ == "PRON" and head.lower_ in ("i", "we"):
            continue
        marked: bool | None = None  # a speech in marks ends with its marks
        while k < len(paras):
            pa, pb = paras[k]
            body = text[pa:pb]
            if marked is not None and marked != (opening_width(body) > 0):
                break
            if body.endswith(":") or any(pa <= c < pb for c in attributed):
                break
            if _led_by(doc, pa, head):
                break
            if opening_width(body):
                pa, pb = _inside_marks(body, pa, pb)
                if pa == pb:
                    break  # marks and narration: quotes.py reads the paragraph
            k += 1
            marked = opening_width(body) > 0
            if len(body.split()) < _MIN_WORDS or body.endswith(","):
                continue  # "Comrades,", "How are you?": an address
            out.append(
                Item(
                    kind="direct",
                    start=pa,
                    end=pb,
                    sentence_start=pa,
                    sentence_end=pb,
                    cue=cue,
                    phrase=noun_phrase(head),
                    head=head,
                    via="speech",
                )
            )
    return out


def _inside_marks(body: str, pa: int, pb: int) -> tuple[int, int]:
    """The words of a paragraph that is one quotation in marks, without them; (pa, pa)
    when the paragraph holds more than that."""
    w = opening_width(body)
    inner = body[w:].rstrip()
    c = closing_width(inner)
    if not inner or not c or has_mark(inner[: len(inner) - c]):
        return pa, pa
    return pa + w, pa + w + len(inner) - c


def _led_by(doc: Doc, pos: int, head: Token) -> bool:
    """Does the paragraph at `pos` open with the speech's speaker as its subject ("He
    said that ...", "The editorial calls upon ...")?"""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None:
        return False
    sent = doc[span.start].sent
    if sent.start_char < pos:
        return False  # the sentence of the cue runs on into the speech
    subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.lower_ == head.lower_ and subj.lower_ not in ("we", "i")
