"""Reported speech cued by a noun: "its accusation that Pyongyang was behind the hack",
"Pompeo's past warnings that Iran ...", "an offer by Kim to meet Trump", "US calls for an
oil embargo", "North Korea issued a warning that ...".

The cue is a noun of reporting_verbs.yaml `nouns`; its content is the noun's "that"
clause or, for a pledge, offer or call, its "to" infinitive (`noun_infinitive`) or what it
is "for" (`noun_for`: "calls for an embargo"); its speaker is
the noun's possessor, the object of its "by"/"from", a name or nationality in front of
it ("US calls", "Chinese demands"), or the subject of a verb that issues it
(`noun_cue_verbs`: "issued a warning that").  A noun with none of these has no speaker
the text gives ("fears that ...", "the accusation that ...") and reports nothing here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.nlp.clause_bounds import content_bounds, edges, stops

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from briefgen.knowledge.reporting import ReportingVerbs

# Determiners that deny the statement ("no claim that ...").
_NO = frozenset({"no", "any", "without"})
# Entity types of a modifier in front of the noun that can speak ("US calls").
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def noun_reports(
    sent: Span, verbs: ReportingVerbs, limit: int
) -> list[tuple[Token, Token, int, int]]:
    """(cue noun, speaker token, first and last content token) of each noun cue in `sent`,
    of its first `limit` noun cues (each walks the sentence: a garbled text may repeat one)."""
    out = []
    cues = 0
    for t in sent:
        if t.pos_ != "NOUN" or t.lower_ not in verbs.nouns:
            continue
        cues += 1
        if cues > limit:
            break
        content = _content(t, verbs)
        if content is None:
            continue
        speaker = statement_speaker(t, verbs)
        if speaker is None or any(c.lower_ in _NO for c in t.children if c.dep_ == "det"):
            continue
        stop = stops(t, verbs) | {speaker.i}
        lo, hi = edges(content, stop)
        if content.dep_ == "prep":
            lo += 1  # "calls for an embargo": the embargo
        lo = max(lo, t.i + 1)
        trimmed = content_bounds(t, lo, hi, stop)
        if trimmed is not None:
            out.append((t, speaker, trimmed[0], trimmed[1]))
    return out


def _content(noun: Token, verbs: ReportingVerbs) -> Token | None:
    """The clause, infinitive or "for" phrase that says what the noun reports."""
    for c in noun.children:
        if c.i < noun.i:
            continue
        if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX"):
            marks = [m for m in c.children if m.dep_ in ("mark", "aux") and m.i < c.i]
            if any(m.lower_ == "that" for m in marks) or any(
                m.lower_ == "to" and noun.lower_ in verbs.noun_infinitive for m in marks
            ):
                return c
        if c.dep_ == "prep" and c.lower_ == "for" and noun.lower_ in verbs.noun_for:
            return c
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        # "Tillerson's view is that Iran has violated the spirit of the deal"
        for c in noun.head.children:
            if (
                c.i > noun.head.i
                and c.dep_ in ("ccomp", "attr")
                and c.pos_ in ("VERB", "AUX")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ):
                return c
    # "Pompeo's past warnings that Iran was bound ...": the parser hangs the clause on a
    # noun before; the "that" right after the noun phrase opens the noun's clause
    nxt = noun.right_edge.i + 1
    doc = noun.doc
    if nxt < len(doc) and doc[nxt].lower_ == "that" and doc[nxt].dep_ == "mark":
        head = doc[nxt].head
        if head.i > nxt and head.pos_ in ("VERB", "AUX"):
            return head
    return None


def statement_speaker(noun: Token, verbs: ReportingVerbs) -> Token | None:
    """Who made the statement the noun names (module docstring)."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from") and c.i > noun.i:
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ or obj.tag_ == "NNS"):
                return obj
    for c in noun.lefts:
        if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in _SPEAKER_ENTS:
            return c
    v = noun.head
    if noun.dep_ == "dobj" and v.lemma_.lower() in verbs.noun_cue_verbs:
        return next((s for s in v.children if s.dep_ == "nsubj"), None)
    return None
