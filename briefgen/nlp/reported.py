"""Reported speech: "X said (that) ...", "X told reporters ...", "according to X, ...",
"X urged Y to ...", "X warned of ...", "X denied ...", read from the parse.

Each finding is a reporting verb of knowledge/reporting.py (`indirect`), outside
quotation marks, with its speaker phrase (the verb's subject) and its content: the
reported clause after the verb (and after "that"), to the end of that clause.  A
participle that opens another report (", adding that ...") ends the clause, as does
"according to".  When the verb comes after its clause ("The talks will resume, an
official said"), the clause before it is the content.  Reports put as questions,
hypotheses or negations ("did not say", "would say", "if Kim says") are no statements
and are left out here.  What each cue reports is reported_span.py's; which speakers are
news sources rather than speakers is decided where speakers are resolved
(attribution.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefgen.nlp.clause_bounds import (
    after_comma,
    after_lead,
    edges,
    stops,
    subtree_without,
    trim,
)
from briefgen.nlp.marks import MARK_TOKENS, in_spans, spans_near
from briefgen.nlp.noun_cues import noun_reports, statement_speaker
from briefgen.nlp.reported_span import span_of
from briefgen.nlp.syntax import doc_sents, doc_text, noun_phrase, sent_of, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from briefgen.knowledge.reporting import ReportingVerbs
    from briefgen.nlp.marks import QuoteSpan


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
    found = span_of(cue, verbs)
    if found is None:
        return None
    a, b, _ = found
    r = _make(cue.doc, cue, a, b, None, "", sent_of(cue), marks)
    return r.start, r.end


def not_a_statement(cue: Token, verbs: ReportingVerbs) -> bool:
    """A negated, hypothetical or imagined report: "did not say", "would say", "if Kim
    says", "even if Kim walks in and says", "imagine Trump saying", "declined to say",
    "nor did he indicate", "is expected to call on", "stopped short of calling", "has yet
    to agree"; nor is a participle after "as" ("as opposed to", "as compared with") or
    one that compares ("compared to 6,500 tests")."""
    if cue.tag_ == "VBN" and cue.i > 0 and cue.doc[cue.i - 1].lower_ == "as":
        return True
    if _comparing(cue, verbs) or _passive_infinitive(cue):
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
    if any(t.lower_ in verbs.negating_words for t in cue.doc[max(sent.start, cue.i - 4) : cue.i]):
        return True  # "nor did he indicate", "neither Kim nor Moon saying"
    if cue.i - 2 >= sent.start and cue.doc[cue.i - 2 : cue.i].text.lower() in verbs.not_yet:
        return True  # "has yet to agree", "is about to announce"
    t = cue
    chain = True  # the cue is, so far, the complement of each head above it
    for _ in range(4):  # the clauses the cue hangs in
        if t.head is t:
            break
        head = t.head
        if head.lemma_.lower() in verbs.hypothetical_verbs or _unsaid_head(head, t, verbs):
            return True
        chain = chain and t.dep_ in ("xcomp", "ccomp", "pcomp", "prep")
        if chain and head.i < cue.i and _negated_report(head, t, verbs):
            return True  # "did not need to announce", "did not say why ... by agreeing to"
        if t.dep_ in ("advcl", "ccomp") and any(
            c.dep_ == "mark" and c.lower_ in verbs.hypothetical_marks for c in t.children
        ):
            return True
        t = head
    return False


def _comparing(cue: Token, verbs: ReportingVerbs) -> bool:
    """ "210,000 tested, compared to 6,500 in the U.S.": a participle of `object_to` with
    no subject or auxiliary of its own, right before "to"/"with", compares; nobody says."""
    nxt = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    return (
        cue.tag_ == "VBN"
        and cue.lemma_.lower() in verbs.object_to
        and nxt is not None
        and nxt.lower_ in ("to", "with")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in cue.children)
    )


def _passive_infinitive(cue: Token) -> bool:
    """ "people who are confirmed to have the virus": a passive cue with an infinitive and
    nobody named as its agent states a finding, not somebody's words."""
    kids = list(cue.children)
    return (
        any(c.dep_ == "auxpass" for c in kids)
        and not any(c.dep_ == "agent" for c in kids)
        and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in kids)
    )


def _unsaid_head(head: Token, t: Token, verbs: ReportingVerbs) -> bool:
    """Does `head` keep `t`, under it, from being said ("declined to say", "is expected to
    call", "stopped short of calling")? An entry of one word takes its infinitive; one of
    two words is that verb with its second word on the way down ("stop short")."""
    lemma = head.lemma_.lower()
    for entry in verbs.unsaid_heads:
        first, _, then = entry.partition(" ")
        if first == lemma and (t.lower_ == then if then else t.dep_ == "xcomp"):
            return True
    return False


def _negated_report(head: Token, t: Token, verbs: ReportingVerbs) -> bool:
    """Is `head` negated and either a reporting verb whose words the cue is in ("did not
    say why ...") or a verb whose infinitive it is ("did not need to announce")?"""
    if not any(c.dep_ == "neg" for c in head.children):
        return False
    return t.dep_ == "xcomp" or head.lemma_.lower() in verbs.indirect


def _question(cue: Token, marks: list[QuoteSpan]) -> bool:
    """A report put as a question, the writer's own ("Did Kim say ...?", "Will Kim say the
    same about his country?"): its sentence ends in a question mark outside quotation
    marks, with no colon after the cue (in "suggested asking yourself this: Would I ...?"
    the question is what was said)."""
    sent = sent_of(cue)
    last = next((t for t in reversed(sent) if not (t.is_space or t.text in MARK_TOKENS)), None)
    if last is None or last.text != "?" or _in_marks(last.idx, marks):
        return False
    return not any(t.text == ":" for t in cue.doc[cue.i : last.i])


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
        if _own_report(root, t, verbs):
            continue
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


def _own_report(root: Token, according: Token, verbs: ReportingVerbs) -> bool:
    """ "Ri said the offer “lacks sincerity,” according to the unnamed official": the
    clause is a report of its own, with its own speaker before the source that passes
    it on; that report stands (the labels give Ri), the source's is no second one.  A
    person's only: "Kyodo News said the temblor was ..., according to the China
    Earthquake Network Center" is the press passing on the center's words."""
    return (
        root.i < according.i
        and root.pos_ == "VERB"
        and root.lemma_.lower() in verbs.indirect
        and any(c.dep_ == "nsubj" and _a_person(c) for c in root.children)
    )


def _a_person(t: Token) -> bool:
    """A name the tagger took for a person's, or for nothing ("Ri", a family name
    alone); not a body's, a place's or a paper's."""
    return t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and not t.ent_type_)


def _made_clear(sent: Span, verbs: ReportingVerbs) -> list[tuple[Token, Token, int, int]]:
    """ "X made it clear that ...", "made it known that ...": (the verb, its subject, first
    and last token of the "that" clause); not when negated or hypothetical."""
    out = []
    for t in sent:
        if t.lemma_.lower() != "make" or t.pos_ not in ("VERB", "AUX"):
            continue
        adj = next((c for c in t.children if c.lower_ in verbs.make_clear), None)
        if adj is None or not any(c.lower_ == "it" for c in (*adj.children, *t.children)):
            continue
        clause = next(
            (
                c
                for c in adj.children
                if c.pos_ in ("VERB", "AUX")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ),
            None,
        )
        subj = subject_of(t)
        if clause is None or subj is None or not_a_statement(t, verbs):
            continue
        lo, hi = edges(clause, stops(t, verbs))
        trimmed = trim(t.doc, lo, hi)
        if trimmed is not None:
            out.append((t, subj, trimmed[0], trimmed[1]))
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
            if _in_marks(t.idx, marks) or not_a_statement(t, verbs) or _question(t, marks):
                continue
            found = span_of(t, verbs)
            if found is None:
                continue
            a, b, via = found
            subj = (
                _participle_speaker(t, verbs)
                or _report_conjunct_subject(t, verbs)
                or subject_of(t)
                or _it_subject(t)
            )
            if subj is None and via != "inverted":
                subj = _series_subject(t) or _done_frame_subject(t, verbs)
            left = None if subj is not None else _left_subject(t, marks)
            if subj is not None and _in_marks(subj.idx, marks):
                subj = None
            rep = _make(doc, t, a, b, subj or left, via, sent, marks)
            if left is not None:
                _end_before(out, first, _name_start(left), doc_text(doc))
            out.append(rep)
        for obj, a, b in _according(doc, sent, verbs):
            if _in_marks(obj.idx, marks):
                continue
            out.append(_make(doc, obj.head.head, a, b, obj, "according", sent, marks))
        for cue, subj, a, b in _made_clear(sent, verbs):
            if not (_in_marks(cue.idx, marks) or _in_marks(subj.idx, marks)):
                out.append(_make(doc, cue, a, b, subj, "clause", sent, marks))
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
    report's speaker; "The ministry issued a statement saying ...": a participle that
    says what a statement, message or warning says speaks for whoever made it."""
    if cue.tag_ == "VBG" and cue.dep_ == "acl" and cue.head.lower_ in verbs.nouns:
        return statement_speaker(cue.head, verbs)
    if cue.tag_ != "VBG" or cue.dep_ not in ("advcl", "conj") or not after_comma(cue):
        return None
    closed = _closed_report(cue, verbs)
    if closed is not None:
        return subject_of(closed)
    t = cue.head
    for _ in range(4):
        if t.lemma_.lower() in verbs.indirect and t.pos_ == "VERB" and t.i < cue.i:
            return subject_of(t) or _it_subject(t)  # "It has urged ..., while also calling"
        if t.head is t:
            break
        t = t.head
    return None


def _closed_report(cue: Token, verbs: ReportingVerbs) -> Token | None:
    """ "... Kim Kye-gwan, who said that the decision was regrettable, adding that ...":
    the report the comma before the participle closes goes on in it, whatever verb the
    parser hung the participle on (here the sentence's "He was referring to", which
    gave Kim's words to the writer's subject)."""
    k = cue.i - 1
    while k > cue.sent.start and (cue.doc[k].is_punct or cue.doc[k].is_space):
        k -= 1
    t = cue.doc[k]
    for _ in range(6):
        if t.i >= cue.i or t.head is t:
            return None
        t = t.head
        if t.pos_ == "VERB" and t.lemma_.lower() in verbs.indirect:
            return t if t.dep_ == "relcl" and cue.head is not t else None
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


def _series_subject(cue: Token) -> Token | None:
    """ "Trump called for a new accord, said he disapproved ..., and said he would ...";
    "China, considered the most capable ..., has said that ...": the parser hangs the
    verb before a subjectless finite cue on the cue, and the speaker with that verb; the
    cue's speaker is that verb's subject (a coordinated cue's, its first cue's)."""
    v = cue
    for _ in range(3):  # "..., and said": the conjunct's first verb
        if v.dep_ != "conj" or v.head.i >= v.i:
            break
        v = v.head
    if v.tag_ not in _FINITE and not any(c.dep_ == "aux" for c in v.children):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in v.children):
        return None
    for c in v.children:
        if c.dep_ not in ("ccomp", "advcl") or c.i > v.i:
            continue
        subj = next((s for s in c.children if s.dep_ == "nsubj" and s.i < c.i), None)
        if subj is not None and subj.lower_ not in ("it", "there", "that", "this", "which"):
            return subj
    return None


def _report_conjunct_subject(cue: Token, verbs: ReportingVerbs) -> Token | None:
    """ "Pompeo reiterated that negotiating could be fruitful and stressed it would take
    time": the parser joins the second cue to the first one's clause; a finite cue with
    no subject, joined to a clause another cue reports, speaks for that cue's speaker
    (not for the clause's subject, which it would inherit: "Trump and Pompeo said the
    meetings went well and confirmed that ..." is theirs, not the meetings')."""
    if cue.dep_ != "conj" or cue.tag_ not in _FINITE or cue.head.i > cue.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in cue.children):
        return None
    clause = cue.head
    report = clause.head
    if clause.dep_ != "ccomp" or report.i > clause.i or report.lemma_.lower() not in verbs.indirect:
        return None
    return subject_of(report)


def _done_frame_subject(cue: Token, verbs: ReportingVerbs) -> Token | None:
    """ "The administration was quick to condemn the launch", "Beijing took the opportunity
    to condemn THAAD": an infinitive cue under an adjective or noun of `done_frames` is
    said by the subject of the clause that adjective or noun is in."""
    frame = cue.head
    if cue.dep_ not in ("xcomp", "acl") or frame.i >= cue.i:
        return None
    if frame.lemma_.lower() not in verbs.done_frames or frame.dep_ not in ("acomp", "dobj", "attr"):
        return None
    return subject_of(frame.head)


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
