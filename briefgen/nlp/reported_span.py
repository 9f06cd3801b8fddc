"""The content of a reported-speech cue: which of the verb's children carry what was
said ("said (that) ...", "urged China to ...", "warned of ...", "accused X of ..."), the
clause before a cue that follows it ("The talks will resume, an official said"), and
the token range they cover.  reported.py finds the cues and their speakers; this module
says what each cue reports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.nlp.clause_bounds import (
    OBJECT_DEPS,
    after_lead,
    content_bounds,
    edges,
    past_clock,
    stops,
    words_upto,
)
from briefgen.nlp.marks import MARK_TOKENS
from briefgen.nlp.syntax import sent_of, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from briefgen.knowledge.reporting import ReportingVerbs

# Complements that carry what was said.
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
# Prepositions whose object is what was said about ("warned of", "called for", "accused X of").
_CONTENT_PREPS = frozenset({"of", "for", "on", "upon", "about", "against", "over", "to", "as"})
# Entity types of a preposition's object that make it an adverbial, not content.
_ADVERBIAL_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT", "ORG", "PERSON", "NORP"})
_SAY_LIKE = frozenset({"say", "tell", "add", "state", "write", "tweet", "post", "report"})
# Cues whose object is whom they address ("told reporters in response to ...").
_ADDRESSED = frozenset({"tell", "remind", "assure", "inform", "notify", "brief", "ask"})


def _content_children(cue: Token, verbs: ReportingVerbs) -> tuple[list[Token], str]:
    """The cue's children that carry what was said, and how they were found."""
    lemma = cue.lemma_.lower()
    after = [c for c in cue.children if c.i > cue.i]
    clauses = [c for c in after if c.dep_ in _CLAUSE_DEPS]
    if lemma in verbs.requests or lemma in verbs.particles:
        parts = verbs.particles.get(lemma, frozenset())
        objs = [c for c in after if c.dep_ in ("dobj", "dative")]
        preps = [c for c in after if c.dep_ == "prep" and c.lower_ in parts]
        xcomps = [c for c in after if c.dep_ == "xcomp"]
        if preps and not (objs or xcomps):
            return preps, "object"  # "called for talks"
        marked = [c for c in after if c.dep_ == "advcl" and _opens_with(c, cue.i + 1, parts)]
        if marked and not (objs or preps or xcomps):
            return marked[:1], "request"  # "called for North Korea to stop", as a "for" clause
        if (objs or preps) and xcomps:
            return [*objs, *preps, *xcomps], "request"  # "urged China to ..."
    if clauses:
        return _misread_subject(cue, clauses) + clauses + _second_clause(
            cue, clauses, verbs
        ), "clause"
    misread = _that_clause(cue, verbs)
    if misread is not None:
        return [misread], "clause"
    clause = _misread_clause(cue)
    if clause:
        return clause, "clause"
    if lemma in _SAY_LIKE or lemma not in verbs.object_content:
        return [], ""  # "said nothing", "told reporters": no content of their own
    objs = [c for c in after if c.dep_ in OBJECT_DEPS and c.pos_ != "PRON"]
    preps = [
        c
        for c in after
        if c.dep_ == "prep"
        and c.lower_ in _CONTENT_PREPS
        and not any(o.ent_type_ in _ADVERBIAL_ENTS for o in c.children if o.dep_ == "pobj")
    ]
    if lemma in verbs.object_for and not any(p.lower_ == "for" for p in preps):
        return [], ""  # "thanked Xi Jinping": for nothing said
    if objs:
        # "accused X of Y", "blamed X for Y", "called X a threat": the object and what is
        # said of it; "during a lunch", "on Monday" after it are no content
        ends = ("of", "for", "as", "to") if lemma in verbs.object_to else ("of", "for", "as")
        more = [p for p in preps if p.i > objs[0].i and p.lower_ in ends]
        more += [c for c in after if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > objs[0].i]
        return objs[:1] + more, "object"
    if preps:
        return preps[:1], "object"  # "warned of a war"
    return [], ""


def _opens_with(clause: Token, i: int, words: frozenset[str]) -> bool:
    """Does `clause` open with a subordinator of `words` at token `i`?"""
    return any(m.dep_ == "mark" and m.i == i and m.lower_ in words for m in clause.children)


def _misread_subject(cue: Token, clauses: list[Token]) -> list[Token]:
    """ "said a simple closure of the site, where ..., was more likely": the parser takes
    the subject of a long reported clause for the cue's object and leaves the clause
    without one; the object is the clause's subject, so part of what was said."""
    first = min(clauses, key=lambda c: c.i)
    if cue.lemma_.lower() in _ADDRESSED or any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in first.children
    ):
        return []
    return [
        c
        for c in cue.children
        if c.dep_ == "dobj"
        and c.pos_ in ("NOUN", "PROPN")
        and cue.i < c.i < first.left_edge.i
        and c.right_edge.i < first.left_edge.i
    ]


def _second_clause(cue: Token, clauses: list[Token], verbs: ReportingVerbs) -> list[Token]:
    """ "said it is possible the virus came from a lab, but the data still point to a
    market": the parser hangs the clause after ", and" / ", but" on the cue; it goes on
    with what was said when it has a subject of its own and is no report or act of the
    speaker (a reporting verb, or a pronoun subject: ", and he left")."""
    if cue.lemma_.lower() not in _SAY_LIKE:
        return []
    last = max(c.i for c in clauses)
    for c in cue.children:
        if c.dep_ != "conj" or c.i <= last or c.pos_ not in ("VERB", "AUX"):
            continue
        if c.lemma_.lower() in verbs.indirect:
            continue
        subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
        cc = next((x for x in cue.children if x.dep_ == "cc" and last < x.i < c.i), None)
        if subj is None or subj.pos_ == "PRON" or cc is None or cc.lower_ not in ("and", "but"):
            continue
        return [c]
    return []


def _that_clause(cue: Token, verbs: ReportingVerbs) -> Token | None:
    """ "said Sunday on CNN's “State of the Union” that she is happy": a "that" clause
    after the cue the parser hung elsewhere (here on the title) is the cue's content,
    when no other reporting verb comes between."""
    if cue.lemma_.lower() not in _SAY_LIKE and cue.lemma_.lower() not in verbs.frame_that:
        return None
    sent = sent_of(cue)
    for t in cue.doc[cue.i + 1 : min(sent.end, cue.i + 15)]:
        if t.lemma_.lower() in verbs.indirect and t.pos_ == "VERB":
            return None
        if t.pos_ == "NOUN" and not _in_frame(t, cue):
            return None  # "criticism that ...": the clause is the noun's, not the cue's
        if t.lower_ == "that" and t.dep_ == "mark" and t.head.i > t.i:
            return t.head
        if t.lower_ == "that":
            before = cue.doc[t.i - 1]
            if before.dep_ == "pobj" and _in_frame(before.head, cue, 1):
                return _clause_after(t)  # "said during a briefing that the bombers were ..."
            return None
    return None


# Prepositions of a phrase that says where, when or how a cue spoke ("in a statement",
# "during a briefing", "at a news conference"); not "despite X's assertion that ...".
_FRAME_PREPS = frozenset({"in", "during", "at", "on", "after", "before"})


def _in_frame(t: Token, cue: Token, reach: int = 3) -> bool:
    """Is `t` in a phrase that says where or how the cue spoke, hung on the cue: "in a
    statement", "during a briefing", "at a news conference", "on Tuesday"?  The parser
    hangs the "that" clause after it on its noun ("a statement that ..."), but what the
    statement said is the cue's: its noun is no cue with a clause of its own."""
    for _ in range(reach):
        if t.dep_ == "prep" and t.head.i == cue.i:
            return t.lower_ in _FRAME_PREPS
        if t.head is t or t.head.i < cue.i:
            return False
        t = t.head
    return False


def _clause_after(that: Token) -> Token | None:
    """The clause a "that" opens when the parser read it as a relative pronoun ("a
    briefing that the bombers were not intended ..."): the finite verb above the next
    word, with a subject of its own after the "that"."""
    doc = that.doc
    if that.i + 1 >= len(doc):
        return None
    t = doc[that.i + 1]
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") and t.left_edge.i >= that.i:
            subj = _subject(t)
            return t if subj is not None and subj.i > that.i else None
        if t.head is t:
            break
        t = t.head
    return None


# Finite verb tags: a reported clause has one.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Cues whose object, when a finite verb follows it, is the subject of what was said.
_PLAIN_SAY = frozenset({"say", "add", "state"})


def _misread_clause(cue: Token) -> list[Token]:
    """A long clause after "said" the parser did not hang on it as one: "said the
    Hwasong-15 missile it fired ..., which reached ... and flew 950km ..., could have been
    tipped with ..." (the subject read as the cue's object, its verb as the cue's
    conjunct) or "said last weekend for the first time the administration had “no doubt”
    ..." (the clause read as a relative clause of "time").  What was said is that clause."""
    if cue.lemma_.lower() not in _PLAIN_SAY:
        return []
    after = [c for c in cue.children if c.i > cue.i]
    obj = next((c for c in after if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if obj is not None:
        verbs = [
            c
            for c in after
            if c.dep_ == "conj" and c.i > obj.right_edge.i and _finite(c) and not _subject(c)
        ]
        return [obj, verbs[0]] if verbs else []
    for prep in (c for c in after if c.dep_ in ("prep", "npadvmod")):
        for t in prep.subtree:
            subj = _subject(t) if t.dep_ == "relcl" and _finite(t) else None
            if subj is not None and subj.pos_ in ("NOUN", "PROPN") and subj.i < t.i:
                return [t]
    return []


def _bare_object(cue: Token, lo: int, verbs: ReportingVerbs) -> bool:
    """ "denied involvement", "rejected the plan": a noun the cue takes as its object,
    for a cue whose object alone is a stance (bare_objects)."""
    t = cue.doc[lo]
    return cue.lemma_.lower() in verbs.bare_objects and (
        t.head.i == cue.i and t.dep_ == "dobj" or t.head.head.i == cue.i and t.head.dep_ == "dobj"
    )


def _finite(v: Token) -> bool:
    return v.tag_ in _FINITE_TAGS or any(c.tag_ == "MD" for c in v.children)


def _subject(v: Token) -> Token | None:
    return next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _inverted_clause(cue: Token, verbs: ReportingVerbs) -> Token | None:
    """ "The talks will resume, an official said": the clause before the cue."""
    if _reported_by_head(cue, verbs):
        return None
    for c in cue.children:
        if c.dep_ in ("ccomp", "parataxis") and c.i < cue.i:
            return c
    misread = _finite_clause_before(cue)
    if misread is not None:
        return misread
    if (
        cue.dep_ in ("parataxis", "ccomp")
        and cue.head.i < cue.i
        and cue.head.pos_ in ("VERB", "AUX")
    ):
        # "Trump, the aide said, is not interested": the cue hangs on the clause
        return cue.head
    if _parenthetical(cue):
        return cue.head  # "Syria, the order says, doesn't identify security risks"
    return None


def _colon_clause(cue: Token) -> int | None:
    """ "Officials are warning North Korea: time is running out", "he explained to her the
    rest: He had accepted": the parser hangs a cue whose words follow its colon on the
    clause after it; that clause, with a subject of its own, is what was said.  Returns
    the colon's index."""
    head = cue.head
    if (
        cue.dep_ not in ("ccomp", "parataxis")
        or head.i <= cue.i
        or head.pos_ not in ("VERB", "AUX")
    ):
        return None
    doc = cue.doc
    end = min(cue.right_edge.i + 1, head.i - 1)
    colon = next((i for i in range(cue.i + 1, end + 1) if doc[i].text == ":"), None)
    if colon is None or colon + 1 >= len(doc) or doc[colon + 1].text in MARK_TOKENS:
        return None  # words in marks after the colon are a quotation of their own
    if any(
        doc[i].text in MARK_TOKENS or doc[i].pos_ in ("VERB", "AUX")
        for i in range(cue.i + 1, colon)
    ):
        return None  # "rejected the idea even though it has ...: “I know ...”": a clause between
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i > colon for c in head.children):
        return None
    return colon


def _finite_clause_before(cue: Token) -> Token | None:
    """ "A few minutes before midnight, the South shut off the power, the ministry said":
    the parser reads a long clause before the cue as an adverbial; one with a finite verb
    and a subject of its own, opened by no subordinator ("if", "when", "as"), and closed
    by the comma before the cue's speaker, is what the cue reports."""
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subj is None or cue.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return None
    first = min(subj.left_edge.i, cue.i)
    doc = cue.doc
    for c in cue.children:
        if c.dep_ != "advcl" or c.i > first or c.tag_ not in _FINITE_TAGS:
            continue
        if any(m.i < c.i and (m.dep_ == "mark" or m.tag_ == "WRB") for m in c.children):
            continue  # "if ...", "when ...": a condition or a time, not what was said
        if not any(s.dep_ in ("nsubj", "nsubjpass") and s.i < c.i for s in c.children):
            continue
        if first > 0 and doc[first - 1].text == "," and c.right_edge.i < first:
            return c
    return None


# Tags of a verb that has a tense of its own (not a participle or an infinitive).
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _reported_by_head(cue: Token, verbs: ReportingVerbs) -> bool:
    """ "The White House said Trump had agreed to the encounter", "The US has demanded that
    North Korea offer a list": a cue that is the clause another reporting verb before it
    reports, its subject not set off by a comma, is what was said, not a cue set after its own
    clause (read so, "The White House said" became Trump's words and the White House's
    report was dropped as nested in them)."""
    head = cue.head
    if cue.dep_ != "ccomp" or head.i >= cue.i or head.lemma_.lower() not in verbs.indirect:
        return False
    subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i > cue.i:
        return False
    first = subj.left_edge.i  # "..., official media reported": a comma before the subject
    return first > 0 and cue.doc[first - 1].text not in (",", ";", "—", "–")


def _as_clause(cue: Token, verbs: ReportingVerbs) -> Token | None:
    """ "As many analysts have noted, the costs are prohibitively high", "The talks will
    resume, as the ministry said": a cue of `as_cues` opened by "as" says the clause it
    hangs on."""
    head = cue.head
    if cue.dep_ != "advcl" or head.i == cue.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if cue.lemma_.lower() not in verbs.as_cues:
        return None
    first = cue.left_edge
    return head if first.lower_ == "as" and first.dep_ == "mark" and first.head.i == cue.i else None


# A clause's subject: a noun phrase, or a clause ("Talking to Pyongyang now, Moon said,
# would reward it").
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})


def _parenthetical(cue: Token) -> bool:
    """A cue set between commas inside the clause it reports, after that clause's
    subject ("Everything in the White House, he says, was harder") or after a phrase
    that opens it ("After all, he said, the main reason was ...")."""
    head = cue.head
    doc = cue.doc
    lo, hi = cue.left_edge.i, cue.right_edge.i
    if lo > 0 and doc[lo].text != ",":
        lo -= 1  # the commas may hang on the cue or on the clause
    if hi + 1 < len(doc) and doc[hi].text != ",":
        hi += 1
    return (
        cue.dep_ in ("parataxis", "ccomp", "advcl")
        and head.i > cue.i
        and head.pos_ in ("VERB", "AUX")
        and doc[lo].text == ","
        and doc[hi].text == ","
        and any(c.dep_ in _SUBJECTS and c.i != cue.i for c in head.children)
    )


def _after_colon(doc: Doc, lo: int, hi: int) -> int:
    """ "Vision 3000 had other problems: “It's tantamount to neocolonialism,” says Green":
    before a cue that follows its clause, a colon that opens quotation marks ends the
    writer's words; what the speaker said starts at the marks."""
    for i in range(hi - 1, lo - 1, -1):
        if doc[i].text == ":" and doc[i + 1].text in MARK_TOKENS:
            return i + 1
    return lo


# What may stand in an addressee's noun phrase before its head ("the 20 senior envoys").
_ADDRESSEE_DEPS = frozenset({"det", "nummod", "amod", "compound", "advmod", "poss", "case"})


def _past_addressee(cue: Token, lo: int, hi: int) -> int:
    """ "told the 20 senior envoys sanctions pressure is already making progress": a
    cue that names whom it addresses ("tell", "assure", "brief") but has no object in the
    parse has had the addressee read into the reported clause's subject, as a plural
    noun modifying the next one ("envoys sanctions pressure"); what was said starts
    after that noun."""
    if cue.lemma_.lower() not in _ADDRESSED or cue.lemma_.lower() == "ask":
        return lo
    if any(c.dep_ in ("dobj", "dative", "iobj") for c in cue.children):
        return lo
    doc = cue.doc
    if lo != cue.i + 1 or doc[lo].dep_ not in ("det", "nummod", "poss"):
        return lo  # an addressee read as part of the subject opens with "the", a number
    for i in range(lo, min(hi, lo + 6)):
        t = doc[i]
        if t.dep_ not in _ADDRESSEE_DEPS:
            break
        if t.dep_ == "compound" and t.tag_ == "NNS" and doc[i + 1].pos_ in ("NOUN", "PROPN"):
            return i + 1
    return lo


def span_of(cue: Token, verbs: ReportingVerbs) -> tuple[int, int, str] | None:
    """The content of `cue` as a token range and how it was found."""
    doc = cue.doc
    stop = stops(cue, verbs)
    children, via = _content_children(cue, verbs)
    colon = _colon_clause(cue) if via != "clause" else None
    if colon is not None:
        children, via = [], "clause"  # "warning North Korea: time is running out"
    parts = verbs.particles.get(cue.lemma_.lower(), frozenset())
    children = [
        next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), c)
        if c.dep_ == "prep" and c.lower_ in parts
        else c
        for c in children
    ]
    if children:
        bounds = [edges(c, stop) for c in children]
        lo = min(e[0] for e in bounds)
        hi = past_clock(cue, max(e[1] for e in bounds), stop)
        lo = max(lo, cue.i + 1)
        if via == "request" and doc[lo].lower_ in parts and doc[lo].dep_ == "mark":
            lo += 1  # the particle read as the clause's "for"
        if via == "clause":
            lo = _past_addressee(cue, lo, hi)
    elif colon is not None:
        stop |= {cue.i}
        lo, hi = edges(cue.head, stop)
        lo = max(lo, colon + 1)
    else:
        framed = _as_clause(cue, verbs)
        inv = framed or _inverted_clause(cue, verbs)
        if inv is None:
            return None
        stop |= {cue.i}
        lo, hi = edges(inv, stop)
        lo = after_lead(inv, lo, lo)
        if framed is not None and inv.i < cue.i:
            hi = min(hi, cue.left_edge.i - 1)  # "..., as the ministry said": before "as"
        if inv.i < cue.i:
            hi = min(hi, cue.i - 1)
            subj = subject_of(cue)
            if subj is not None and subj.left_edge.i > lo:
                hi = min(hi, subj.left_edge.i - 1)
            lo = _after_colon(doc, lo, hi)
            if doc[hi].tag_ in ("WP", "WDT"):
                return None  # "That was what Liz Wahl said": the cue's object, no clause
        elif not any(c.dep_ in _SUBJECTS and c.i < cue.i for c in inv.children):
            lo = max(lo, cue.right_edge.i + 1)  # "After all, he said, the reason was ..."
        via = "inverted"
    least = 1 if via == "object" and _bare_object(cue, lo, verbs) else 3
    trimmed = content_bounds(cue, lo, hi, stop, least)
    if trimmed is None:
        return None
    short = words_upto(doc, trimmed[0], trimmed[1], 4) < 4
    if via == "object" and short and cue.lemma_.lower() not in verbs.short_objects:
        return None  # "praised the speech", "cited world help": no statement of its own
    return trimmed[0], trimmed[1], via
