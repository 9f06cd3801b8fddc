"""Where a reported clause ends once the quoted words its own cue reports later in the
sentence are part of it (quotations.collect): one cue, one statement (GUIDE.md), so "said
the development was positive, and it was a moment to show “political courage.”" is one
mixed quotation, not a clause and a quoted phrase beside it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from briefgen.nlp.gazetteer import Lexicon
    from briefgen.nlp.quotes import RawQuote
    from briefgen.nlp.reported import Reported

# Subjects of a clause joined to a cue that cannot be its speaker acting: the clause is
# more of what was said ("said the talks were over, and it was time to ...").
_NOT_THE_SPEAKER = frozenset({"it", "there", "this", "that", "i", "we", "you"})
# Dependencies by which a cue's reported words hang under it.
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "prep", "dative"})


def run_on(doc: Doc, rep: Reported, raws: list[RawQuote], ks: Sequence[int], lex: Lexicon) -> int:
    """Where `rep` ends once the quoted words its own cue reports later in the sentence are
    part of it: "said the development was positive, and it was a moment to show “political
    courage.”" is one statement, not a clause and a quoted phrase beside it.  The words
    must hang in what the cue reports, not in a clause joined to the cue ("said ..., but
    opted not to, citing the “close relationship”") nor under another cue."""
    end = rep.end
    if rep.via == "according":
        return end
    for k in ks:
        r = raws[k]
        if r.start < rep.end or r.spans[-1].mark_end > rep.sentence_end:
            continue
        words = doc.char_span(r.start, r.end, alignment_mode="expand")
        if words is not None and _reported_by(_head_word(words), rep.cue, lex, r.start):
            end = max(end, r.spans[-1].mark_end)
    return end


def _head_word(words: Span) -> Token:
    """The words' head, past a conjunction that opens them ("“and avoid intensifying
    tensions”": spaCy's root may be the "and", which hangs on the verb before)."""
    outer = [t for t in words if not (words.start <= t.head.i < words.end) or t.head.i == t.i]
    return next((t for t in outer if t.dep_ not in ("cc", "punct")), words.root)


def _reported_by(t: Token, cue: Token, lex: Lexicon, quoted_from: int) -> bool:
    """Is `t` inside what `cue` reports: below it through its content, with no other
    reporting verb with a speaker of its own between ("that Kim's regime felt “repugnance”
    and rejected a “Libya model”" is all the cue's)?  A clause the parser joined to the
    cue itself is the cue's too when it is no act of the speaker's (_said_conjunct)."""
    while t.head.i != t.i:
        if t.head.i == cue.i:
            return t.dep_ in _CONTENT_DEPS or (t.dep_ == "conj" and _said_conjunct(t, quoted_from))
        t = t.head
        if t.lemma_.lower() in lex.verbs.indirect and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in t.children
        ):
            return False
    return False


def _said_conjunct(conj: Token, quoted_from: int) -> bool:
    """ "said the development was positive, and it was a moment to show “political
    courage”", "urged all sides to exercise restraint “and avoid intensifying tensions”",
    "said he thought ... but “I'm sure ...”": the parser joins the second clause to the
    cue, but it is more of what was said when its subject is a pronoun that cannot be the
    speaker acting ("it", "there", "I"), or when the speaker's quoted words begin by that
    clause's verb.  A verb with no subject ("but opted not to, citing the “close
    relationship”"), or with a noun or "he" for one ("but the president opted not to"),
    may be the speaker acting: not what was said."""
    if quoted_from <= conj.idx:
        return True
    subj = next((c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    return subj is not None and subj.lower_ in _NOT_THE_SPEAKER
