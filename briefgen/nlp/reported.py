"""Reported speech: "X said (that) ...", "X told reporters ...", "according to X, ...",
"X urged Y to ...", "X warned of ...", "X denied ...", read from the parse.

Each finding is a reporting verb of knowledge/reporting.py (`indirect`), outside
quotation marks, with its speaker phrase (the verb's subject) and its content: the
reported clause after the verb (and after "that"), to the end of that clause.  A
participle that opens another report (", adding that ...") ends the clause, as does
"according to".  When the verb comes after its clause ("The talks will resume, an
official said"), the clause before it is the content.  Reports put as questions,
hypotheses or negations ("did not say", "would say", "if Kim says") are no statements
and are left out here; which speakers are news sources rather than speakers is decided
where speakers are resolved (attribution.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefgen.nlp.clause_bounds import (
    OBJECT_DEPS,
    after_comma,
    after_lead,
    content_bounds,
    edges,
    stops,
    subtree_without,
    trim,
    words_upto,
)
from briefgen.nlp.marks import MARK_TOKENS, in_spans, spans_near
from briefgen.nlp.noun_cues import noun_reports
from briefgen.nlp.syntax import doc_sents, noun_phrase, sent_of, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from briefgen.knowledge.reporting import ReportingVerbs
    from briefgen.nlp.marks import QuoteSpan

# Complements that carry what was said.
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
# Prepositions whose object is what was said about ("warned of", "called for", "accused X of").
_CONTENT_PREPS = frozenset({"of", "for", "on", "upon", "about", "against", "over", "to", "as"})
# Entity types of a preposition's object that make it an adverbial, not content.
_ADVERBIAL_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT", "ORG", "PERSON", "NORP"})
_SAY_LIKE = frozenset({"say", "tell", "add", "state", "write", "tweet", "post", "report"})
# Cues whose object is whom they address ("told reporters in response to ...").
_ADDRESSED = frozenset({"tell", "remind", "assure", "inform", "notify", "brief", "ask"})


@dataclass
class Reported:
    """One reported statement: its cue, speaker phrase and content (character offsets)."""

    cue: Token
    start: int
    end: int
    speaker: Span | None = None
    speaker_head: Token | None = None
    sentence_start: int = 0
    sentence_end: int = 0
    via: str = "clause"  # clause | object | request | according | inverted | noun
    # Quotation marks inside the content (a mixed quotation).
    spans: list[QuoteSpan] = field(default_factory=list)


def _in_marks(pos: int, spans: list[QuoteSpan]) -> bool:
    return in_spans(pos, spans)


def content_of(cue: Token, verbs: ReportingVerbs, marks: list[QuoteSpan]) -> tuple[int, int] | None:
    """Character offsets of what `cue` reports, or None when it reports nothing."""
    found = _span_of(cue, verbs)
    if found is None:
        return None
    a, b, _ = found
    r = _make(cue.doc, cue, a, b, None, "", sent_of(cue), marks)
    return r.start, r.end


def not_a_statement(cue: Token, verbs: ReportingVerbs) -> bool:
    """A negated, hypothetical or imagined report: "did not say", "would say", "if Kim
    says", "even if Kim walks in and says", "imagine Trump saying", "declined to say"; nor
    is a participle after "as" ("as opposed to", "as compared with")."""
    if cue.tag_ == "VBN" and cue.i > 0 and cue.doc[cue.i - 1].lower_ == "as":
        return True
    for c in cue.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ == "aux" and c.lower_ in verbs.hypothetical_aux:
            return True
        if c.dep_ == "mark" and c.lower_ in verbs.hypothetical_marks:
            return True
    sent = sent_of(cue)
    for t in cue.doc[max(sent.start, cue.i - 8) : cue.i]:
        if t.lower_ in verbs.hypothetical_verbs or t.lemma_.lower() in verbs.hypothetical_verbs:
            return True  # "Imagine Trump saying", however the parser reads it
    t = cue
    for _ in range(4):  # the clauses the cue hangs in
        if t.head is t:
            break
        head = t.head
        if head.lemma_.lower() in verbs.hypothetical_verbs:
            return True
        if head.lemma_.lower() in ("decline", "refuse", "fail") and t.dep_ == "xcomp":
            return True
        if t.dep_ in ("advcl", "ccomp") and any(
            c.dep_ == "mark" and c.lower_ in verbs.hypothetical_marks for c in t.children
        ):
            return True
        t = head
    return False


def _question(cue: Token) -> bool:
    """A report put as a question ("Did Kim say ...?")."""
    if not any(c.dep_ == "aux" and c.i < cue.i and c.lemma_ == "do" for c in cue.children):
        return False  # asked first: the sentence's text was built for every cue
    sent = cue.sent
    return sent.text.rstrip().endswith("?")


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
        if (objs or preps) and xcomps:
            return [*objs, *preps, *xcomps], "request"  # "urged China to ..."
    if clauses:
        return _misread_subject(cue, clauses) + clauses + _second_clause(
            cue, clauses, verbs
        ), "clause"
    misread = _that_clause(cue, verbs)
    if misread is not None:
        return [misread], "clause"
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
    if objs:
        # "accused X of Y", "blamed X for Y", "called X a threat": the object and what is
        # said of it; "during a lunch", "on Monday" after it are no content
        more = [p for p in preps if p.i > objs[0].i and p.lower_ in ("of", "for", "as")]
        more += [c for c in after if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > objs[0].i]
        return objs[:1] + more, "object"
    if preps:
        return preps[:1], "object"  # "warned of a war"
    return [], ""


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
    if cue.lemma_.lower() not in _SAY_LIKE:
        return None
    sent = sent_of(cue)
    for t in cue.doc[cue.i + 1 : min(sent.end, cue.i + 15)]:
        if t.pos_ == "NOUN" or t.lemma_.lower() in verbs.indirect and t.pos_ == "VERB":
            return None  # "criticism that ...": the clause is the noun's, not the cue's
        if t.lower_ == "that" and t.dep_ == "mark" and t.head.i > t.i:
            return t.head
    return None


def _inverted_clause(cue: Token) -> Token | None:
    """ "The talks will resume, an official said": the clause before the cue."""
    for c in cue.children:
        if c.dep_ in ("ccomp", "parataxis") and c.i < cue.i:
            return c
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
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.i != cue.i for c in head.children)
    )


def _after_colon(doc: Doc, lo: int, hi: int) -> int:
    """ "Vision 3000 had other problems: “It's tantamount to neocolonialism,” says Green":
    before a cue that follows its clause, a colon that opens quotation marks ends the
    writer's words; what the speaker said starts at the marks."""
    for i in range(hi - 1, lo - 1, -1):
        if doc[i].text == ":" and doc[i + 1].text in MARK_TOKENS:
            return i + 1
    return lo


def _span_of(cue: Token, verbs: ReportingVerbs) -> tuple[int, int, str] | None:
    """The content of `cue` as a token range and how it was found."""
    doc = cue.doc
    stop = stops(cue, verbs)
    children, via = _content_children(cue, verbs)
    parts = verbs.particles.get(cue.lemma_.lower(), frozenset())
    children = [
        next((o for o in c.children if o.dep_ == "pobj"), c)
        if c.dep_ == "prep" and c.lower_ in parts
        else c
        for c in children
    ]
    if children:
        bounds = [edges(c, stop) for c in children]
        lo = min(e[0] for e in bounds)
        hi = max(e[1] for e in bounds)
        lo = max(lo, cue.i + 1)
    else:
        inv = _inverted_clause(cue)
        if inv is None:
            return None
        stop |= {cue.i}
        lo, hi = edges(inv, stop)
        lo = after_lead(inv, lo, lo)
        if inv.i < cue.i:
            hi = min(hi, cue.i - 1)
            subj = subject_of(cue)
            if subj is not None and subj.left_edge.i > lo:
                hi = min(hi, subj.left_edge.i - 1)
            lo = _after_colon(doc, lo, hi)
        elif not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i for c in inv.children):
            lo = max(lo, cue.right_edge.i + 1)  # "After all, he said, the reason was ..."
        via = "inverted"
    trimmed = content_bounds(cue, lo, hi, stop)
    if trimmed is None:
        return None
    short = words_upto(doc, trimmed[0], trimmed[1], 4) < 4
    if via == "object" and short and cue.lemma_.lower() not in verbs.short_objects:
        return None  # "praised the speech", "cited world help": no statement of its own
    return trimmed[0], trimmed[1], via


def _according(doc: Doc, sent: Span, verbs: ReportingVerbs) -> list[tuple[Token, int, int]]:
    """ "According to X, Y": (X's head, first and last token of Y)."""
    out = []
    for t in sent:
        if t.lower_ != "according" or t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "to":
            continue
        obj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        root = t.head if t.head.i != t.i else sent.root
        skip = {x.i for x in t.subtree}
        toks = [x for x in subtree_without(root, {t.i}) if x.i not in skip]
        after = [x.i for x in toks if x.i > max(skip)]
        before = [x.i for x in toks if x.i < t.i]
        run = after if len(after) >= len(before) else before
        if not run:
            continue
        lo = after_lead(root, min(run), t.i) if run is after else min(run)
        trimmed = trim(doc, lo, max(run))
        if trimmed is not None:
            out.append((obj, trimmed[0], trimmed[1]))
    return out


# Reading a cue walks its sentence, so a "sentence" repeating "said" thousands of times
# (a garbled or fuzzed text: 96 KB took over 90 s) cost cues x length.  Prose has a few
# cues a sentence; past this many the rest of the sentence is not read.
MAX_CUES_PER_SENTENCE = 8


def extract_reported(doc: Doc, verbs: ReportingVerbs, marks: list[QuoteSpan]) -> list[Reported]:
    """Every reported statement of the doc, in text order (speakers unresolved)."""
    out: list[Reported] = []
    for sent in doc_sents(doc):
        cues = 0
        first = len(out)  # this sentence's reports are out[first:]
        for t in sent:
            if t.lemma_.lower() not in verbs.indirect or t.pos_ not in ("VERB", "AUX"):
                continue
            cues += 1
            if cues > MAX_CUES_PER_SENTENCE:
                break
            if _in_marks(t.idx, marks) or not_a_statement(t, verbs) or _question(t):
                continue
            found = _span_of(t, verbs)
            if found is None:
                continue
            a, b, via = found
            subj = _participle_speaker(t, verbs) or subject_of(t) or _it_subject(t)
            left = None if subj is not None else _left_subject(t, marks)
            if subj is not None and _in_marks(subj.idx, marks):
                subj = None
            rep = _make(doc, t, a, b, subj or left, via, sent, marks)
            if left is not None:
                _end_before(out, first, _name_start(left), doc.text)
            out.append(rep)
        for obj, a, b in _according(doc, sent, verbs):
            if _in_marks(obj.idx, marks):
                continue
            out.append(_make(doc, obj.head.head, a, b, obj, "according", sent, marks))
        for noun, subj, a, b in noun_reports(sent, verbs, MAX_CUES_PER_SENTENCE):
            if not (_in_marks(noun.idx, marks) or _in_marks(subj.idx, marks)):
                out.append(_make(doc, noun, a, b, subj, "noun", sent, marks))
    out.sort(key=lambda r: r.start)
    return out


def _name_start(t: Token) -> int:
    """Where the name `t` is in begins (its entity's first word), else `t` itself."""
    i = t.i
    while t.ent_iob_ == "I" and i > 0 and t.doc[i - 1].ent_type_ == t.ent_type_:
        i -= 1
        if t.doc[i].ent_iob_ == "B":
            break
    return t.doc[i].idx


def _end_before(reps: list[Reported], first: int, pos: int, text: str) -> None:
    """A report of the sentence whose words run on to `pos`, where the speaker of the
    next report stands ("... into the U.S.\nChris Christie added"), ends before it."""
    for r in reps[first:]:
        if r.start < pos < r.end:
            end = pos
            while end > r.start and (text[end - 1].isspace() or text[end - 1] in ",;"):
                end -= 1
            r.end = end
            r.spans = [s for s in r.spans if s.end <= end]


def _participle_speaker(cue: Token, verbs: ReportingVerbs) -> Token | None:
    """ "North Korea said it was expelling the workers, calling the move a declaration
    of war": a participle cue after a comma inside another report speaks for that
    report's speaker."""
    if cue.tag_ != "VBG" or cue.dep_ not in ("advcl", "conj") or not after_comma(cue):
        return None
    t = cue.head
    for _ in range(4):
        if t.lemma_.lower() in verbs.indirect and t.pos_ == "VERB" and t.i < cue.i:
            return subject_of(t)
        if t.head is t:
            break
        t = t.head
    return None


# Tags of a finite verb: one that must have a subject of its own.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
# Entity types a name right before a subjectless cue can be the speaker as.
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _left_subject(cue: Token, marks: list[QuoteSpan]) -> Token | None:
    """The name or noun phrase right before a finite cue the parser left without a
    subject: a hard line break ("... into the U.S.\nChris Christie added that ...") or a
    name read as a conjunct of the phrase before it ("Alarmed by the unrest in Nevada,
    Senator Harry Reid, the minority leader, said that ...") hangs the speaker elsewhere.
    An apposition gives the name it describes; a clause in between gives nothing."""
    if cue.tag_ not in _FINITE or cue.dep_ in ("relcl", "conj", "xcomp", "ccomp", "acl"):
        return None
    doc = cue.doc
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in cue.children):
        return None
    i = cue.i - 1
    while i >= 0 and (doc[i].is_space or doc[i].pos_ == "ADV" and doc[i].i > cue.i - 3):
        i -= 1
    if i >= 0 and doc[i].text == ",":  # ", the minority leader, said": an apposition's end
        i -= 1
        if i < 0:
            return None
        t = doc[i]
        for _ in range(4):  # from the apposition's last word up to its head
            if t.dep_ == "appos" or not t.i < t.head.i < cue.i:
                break
            t = t.head
        if t.dep_ != "appos" or t.head.pos_ != "PROPN" or t.head.i > t.i:
            return None
        t = t.head
    elif i >= 0:
        t = doc[i]
    else:
        return None
    if _in_marks(t.idx, marks) or t.sent.start != cue.sent.start:
        return None
    named = t.pos_ == "PROPN" and t.ent_type_ in _SPEAKER_ENTS
    if named or t.pos_ == "NOUN" and t.dep_ != "pobj" and t.tag_ == "NNS" or t.tag_ == "PRP":
        return t if t.lower_ not in ("it", "there", "that", "this") else None
    return None


def _it_subject(cue: Token) -> Token | None:
    """ "It added that ...": "it" is a body speaking when the cue is active (not the "it"
    of "it was said")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children):
        return None
    return next((c for c in cue.children if c.dep_ == "nsubj" and c.lower_ == "it"), None)


def _make(
    doc: Doc,
    cue: Token,
    a: int,
    b: int,
    subj: Token | None,
    via: str,
    sent: Span,
    marks: list[QuoteSpan],
) -> Reported:
    start, end = doc[a].idx, doc[b].idx + len(doc[b].text)
    near = spans_near(marks, start, end)  # the marks that can matter, not all of them
    for s in near:  # never end or start inside quotation marks: take the whole quote
        if s.mark_start < end < s.mark_end and s.mark_start >= start:
            end = s.mark_end
        if s.mark_start < start < s.mark_end and s.mark_end <= end:
            start = s.mark_start
    inside = [s for s in near if start <= s.start and s.end <= end]
    return Reported(
        cue=cue,
        start=start,
        end=end,
        speaker=noun_phrase(subj) if subj is not None else None,
        speaker_head=subj,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        via=via,
        spans=inside,
    )
