"""Which words attribute a quotation: the cue verb near it and the speaker phrase.

The nearest cue verb of the sentence frame wins (one whose clause holds the quote counts
nearer), "according to X" when that is nearer still; the speaker phrase is the cue's
subject, the noun after an inverted cue (“...,” said the official), or the nearest name
or noun before it when the parse has none.  Resolving the phrase to an actor is
speakers.py's job.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefgen.nlp.marks import QuoteSpan, QuoteSpans, in_spans
from briefgen.nlp.syntax import appos_text, doc_tokens, noun_phrase, sent_of, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from briefgen.knowledge.reporting import ReportingVerbs


@dataclass
class CueReading:
    """What the sentence around a quote says about who said it."""

    cue: Token | None = None
    speaker: Span | None = None  # the speaker phrase (noun phrase, pronoun, name)
    speaker_head: Token | None = None
    role_phrase: str | None = None  # an apposition after the name ("chief of mission ...")
    reporter: Span | None = None  # "..., RIA quoted him as saying": the agency
    via: str = ""  # how it was found: "parse", "left", "right", "according", "previous"


_NOUNISH = ("PROPN", "NOUN", "PRON")


def _left_speaker(doc: Doc, verb: Token, lo: int, spans: list[QuoteSpan]) -> Token | None:
    """Nearest noun before the verb, skipping time and place adverbials (parser fallback)."""
    i = verb.i - 1
    skipped = 0
    while i >= 0 and doc[i].idx >= lo and skipped < 12:
        t = doc[i]
        if t.is_space:
            i -= 1
            continue
        if in_spans(t.idx, spans) or t.text in ";:" or t.pos_ == "VERB":
            return None
        if t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return t
        if t.pos_ in _NOUNISH and t.ent_type_ not in ("DATE", "TIME") and t.dep_ != "pobj":
            return t
        i -= 1
        skipped += 1
    return None


def _right_speaker(doc: Doc, verb: Token, hi: int, spans: list[QuoteSpan]) -> Token | None:
    """`said the official`: the noun right after the verb, head of its phrase."""
    i = verb.i + 1
    while i < len(doc) and doc[i].idx < hi and i <= verb.i + 8:
        t = doc[i]
        if t.is_space:
            i += 1
            continue
        if in_spans(t.idx, spans) or t.text in ",;:.":
            return None
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            # walk to the end of the compound chain (hard-wrapped text has newline tokens)
            j, k = i, i + 1
            while (
                k < len(doc)
                and doc[k].idx < hi
                and (
                    doc[k].is_space
                    or doc[k].pos_ in ("PROPN", "NOUN")
                    or (doc[k].lower_ == "of" and k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN")
                )
            ):
                if not doc[k].is_space:
                    j = k
                k += 1
            return doc[j]
        i += 1
    return None


def _ends_phrase(doc: Doc, tok: Token, hi: int) -> bool:
    """True when the noun after an inverted cue closes the clause (`said the official.`)."""
    k = tok.i + 1
    while k < len(doc) and doc[k].is_space:
        k += 1
    if k >= len(doc) or doc[k].idx >= hi:
        return True
    return doc[k].is_punct or doc[k].pos_ in ("ADP", "SCONJ") or doc[k].dep_ == "appos"


def _first_entity(doc: Doc, cue: Token, lo: int, spans: list[QuoteSpan]) -> Token | None:
    """First person or organisation named between the last quote (or clause start) and the cue."""
    if isinstance(spans, QuoteSpans):
        last = spans.last_end_before(cue.idx)
        start = max(lo, last) if last is not None else lo
    else:
        start = max([lo, *(s.mark_end for s in spans if s.mark_end <= cue.idx)])
    best: Token | None = None
    for t in doc.char_span(start, cue.idx, alignment_mode="expand") or []:
        if t.ent_type_ in ("PERSON", "ORG") and not in_spans(t.idx, spans):
            best = t
            j = t.i
            while j + 1 < cue.i and doc[j + 1].ent_iob_ == "I":
                j += 1
            return doc[j]
    return best


class _DocIndex:
    """What attribution asks of every token, computed once per doc: where each token
    starts, which tokens can be cue verbs or "according", and subtree sizes (a subtree
    as large as its edge-to-edge range is that range, so "does the cue's clause hold the
    quote?" needs no walk over it)."""

    def __init__(self, doc: Doc, verbs: ReportingVerbs) -> None:
        self.verbs = verbs
        toks = doc_tokens(doc)
        n = len(toks)
        self.idx = [t.idx for t in toks]
        self.cues = [
            t.i
            for t in toks
            if t.lemma_.lower() in verbs.cues
            and (t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"))
        ]
        self.according = [
            t.i
            for t in toks
            if t.lower_ == "according" and t.i + 1 < n and toks[t.i + 1].lower_ == "to"
        ]
        heads = [t.head.i for t in toks]
        children: list[list[int]] = [[] for _ in range(n)]
        order = [i for i in range(n) if heads[i] == i]
        for i, h in enumerate(heads):
            if h != i:
                children[h].append(i)
        k = 0
        while k < len(order):
            order.extend(children[order[k]])
            k += 1
        self.size = [1] * n
        for i in reversed(order):
            if heads[i] != i:
                self.size[heads[i]] += self.size[i]


def _doc_index(doc: Doc, verbs: ReportingVerbs) -> _DocIndex:
    cached = doc.user_data.get("briefgen_quote_index")
    if cached is None or cached.verbs is not verbs:
        cached = doc.user_data["briefgen_quote_index"] = _DocIndex(doc, verbs)
    return cached


def _cues_outside(doc: Doc, ix: _DocIndex, spans: list[QuoteSpan]) -> list[int]:
    """The doc's cue-verb tokens outside quotation marks (a cue inside a quote is quoted
    words, not an attribution), once per text: kept on the spans object."""
    cached = getattr(spans, "_cues_outside", None)
    if cached is not None and cached[0] is doc and cached[1] == len(spans):
        return cached[2]
    cues = [i for i in ix.cues if not in_spans(ix.idx[i], spans)]
    if isinstance(spans, QuoteSpans):
        spans._cues_outside = (doc, len(spans), cues)
    return cues


def _holds(t: Token, ix: _DocIndex, ja: int, jb: int, qs: int, qe: int) -> bool:
    """Does a token of t's subtree other than t start inside [qs, qe) (tokens ja..jb-1)?"""
    lo, hi = t.left_edge.i, t.right_edge.i + 1
    if ix.size[t.i] == hi - lo:  # the subtree is exactly its edge-to-edge range
        a, b = max(ja, lo), min(jb, hi)
        return b - a - (1 if a <= t.i < b else 0) > 0
    return any(qs <= d.idx < qe for d in t.subtree if d.i != t.i)


def attribute_span(
    doc: Doc,
    frame: tuple[int, int],
    group: list[QuoteSpan],
    all_spans: list[QuoteSpan],
    verbs: ReportingVerbs,
) -> CueReading:
    """Find the cue verb and speaker phrase for a quote inside its sentence frame: the
    nearest cue (_nearest_cue), or "according to X" when that is nearer."""
    lo, hi = frame
    sent = doc.char_span(lo, hi, alignment_mode="expand")
    if sent is None:
        return CueReading()
    cue, best = _nearest_cue(doc, sent, group, all_spans, verbs)
    qe = group[-1].mark_end
    ix = _doc_index(doc, verbs)
    toks = doc_tokens(doc)
    a0 = bisect.bisect_left(ix.according, sent.start)
    for i in ix.according[a0 : bisect.bisect_left(ix.according, sent.end)]:  # "according to X"
        t = toks[i]
        obj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
        if obj is None and t.i + 2 < len(doc):
            obj = doc[t.i + 2]
        if obj is not None and not in_spans(obj.idx, all_spans):
            if cue is None or abs(t.idx - qe) < best:
                return CueReading(
                    cue=t, speaker=noun_phrase(obj), speaker_head=obj, via="according"
                )
            break
    if cue is None:
        return _colon_lead(doc, sent, group[0])
    return _from_cue(doc, cue, lo, hi, all_spans, verbs)


def _colon_lead(doc: Doc, sent: Span, first: QuoteSpan) -> CueReading:
    """`US Ambassador Samantha Power was among those who spoke out: “...”`: with no cue
    verb, a clause that ends on a colon right before the quote gives the quote to its
    subject when that is a name; the quote must not borrow the previous speaker."""
    lead = [t for t in sent if t.idx < first.mark_start and not t.is_space]
    if len(lead) < 3 or lead[-1].text != ":":
        return CueReading()
    a, b = lead[0].i, lead[-1].i
    # the verb heading the lead-in clause (the parser may hang it on the quoted verb)
    root = next((t for t in lead if t.pos_ in ("VERB", "AUX") and not a <= t.head.i < b), None)
    if root is None:
        return CueReading()
    # the subject inside the lead-in (a parse run over a paragraph break gives two)
    subj = next(
        (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and a <= c.i < root.i),
        None,
    )
    if subj is None or subj.pos_ != "PROPN":
        return CueReading()
    return CueReading(
        cue=root,
        speaker=noun_phrase(subj),
        speaker_head=subj,
        role_phrase=appos_text(subj),
        via="colon",
    )


def _nearest_cue(
    doc: Doc, sent: Span, group: list[QuoteSpan], all_spans: list[QuoteSpan], verbs: ReportingVerbs
) -> tuple[Token | None, float]:
    """The cue of a quote and its score: the nearest cue verb of the frame, a cue whose
    clause holds the quote counting 60 characters nearer.  Candidates are visited outward
    from the quote and the search stops once no farther one can win, so the work per
    quote does not grow with the sentence."""
    toks = doc_tokens(doc)
    ix = _doc_index(doc, verbs)
    qs, qe = group[0].mark_start, group[-1].mark_end
    ja, jb = bisect.bisect_left(ix.idx, qs), bisect.bisect_left(ix.idx, qe)
    cues = _cues_outside(doc, ix, all_spans)
    # cue candidates of the frame: before the quote, inside its range, after it
    c0, c3 = bisect.bisect_left(cues, sent.start), bisect.bisect_left(cues, sent.end)
    c1 = bisect.bisect_left(cues, ja, c0, c3)
    c2 = bisect.bisect_left(cues, jb, c1, c3)
    cands: list[tuple[float, int]] = []
    best = float("inf")

    def consider(i: int) -> None:
        nonlocal best
        t = toks[i]
        dist = qs - t.idx if t.idx < qs else (t.idx - qe if t.idx >= qe else 0)
        holds = t.left_edge.idx < qe and t.right_edge.idx >= qs and _holds(t, ix, ja, jb, qs, qe)
        if t.lemma_.lower() in verbs.complement_only and not holds:
            return
        cands.append((dist - (60 if holds else 0), i))
        best = min(best, cands[-1][0])

    for i in cues[c1:c2]:
        consider(i)
    left, right = c1 - 1, c2
    while True:
        dl = qs - ix.idx[cues[left]] if left >= c0 else float("inf")
        dr = ix.idx[cues[right]] - qe if right < c3 else float("inf")
        if min(dl, dr) == float("inf") or min(dl, dr) - 60 > best:
            break  # no candidate farther out can score lower
        if dl <= dr:
            consider(cues[left])
            left -= 1
        else:
            consider(cues[right])
            right += 1
    # the first minimal score in text order, as a scan of the whole frame would pick
    if not cands:
        return None, float("inf")
    score, i = min(cands)
    return toks[i], score


def _quoted_as(cue: Token) -> CueReading | None:
    """ "RIA quoted him as saying", "X was quoted by Y": the speaker is the object of
    "quote", the subject is the agency that reports."""
    q = cue
    if cue.lemma_.lower() == "say" and cue.dep_ in ("pcomp", "advcl") and cue.head.lemma_ == "as":
        q = cue.head.head
    if q.lemma_.lower() != "quote":
        return None
    obj = next((c for c in q.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    subj = subject_of(q)
    return CueReading(
        cue=q,
        speaker=noun_phrase(obj),
        speaker_head=obj,
        reporter=noun_phrase(subj) if subj is not None else None,
        via="parse",
    )


def _from_cue(
    doc: Doc, cue: Token, lo: int, hi: int, spans: list[QuoteSpan], verbs: ReportingVerbs
) -> CueReading:
    """The speaker phrase of a cue: its subject, or the noun after an inverted cue, or
    the nearest name or noun before it when the parse has none."""
    quoted = _quoted_as(cue)
    if quoted is not None:
        return quoted
    att = CueReading(cue=cue)
    subj, via = _cue_subject(doc, cue, hi, spans, verbs)
    if subj is None:
        subj, via = _first_entity(doc, cue, lo, spans), "left"
    if subj is None:
        subj = _left_speaker(doc, cue, lo, spans)
    if subj is None:
        return att
    subj = _past_abbreviation(doc, subj)
    # a subject inside a PERSON entity: use the entity's last token as head
    if subj.ent_type_ == "PERSON" and subj.ent_iob_ != "O":
        j = subj.i
        while j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I" and doc[j + 1].ent_type_ == "PERSON":
            j += 1
        subj = doc[j]
    att.speaker_head = subj
    att.speaker = noun_phrase(subj)
    att.role_phrase = appos_text(subj)
    att.via = via
    return att


def _past_abbreviation(doc: Doc, subj: Token) -> Token:
    """ "said Cmdr. Gary Ross, a Pentagon spokesman": a title abbreviation the tokenizer
    cut from its period (and the sentence there) is no speaker; the name after it is."""
    k = subj.i + 2
    if (
        k < len(doc)
        and subj.text[:1].isupper()
        and len(subj.text) <= 5
        and subj.ent_type_ in ("", "PERSON")
        and doc[subj.i + 1].text == "."
        and not subj.whitespace_
        and doc[k].ent_type_ == "PERSON"
        and doc[k].ent_iob_ == "B"
    ):
        return doc[k]
    return subj


def _cue_subject(
    doc: Doc, cue: Token, hi: int, spans: list[QuoteSpan], verbs: ReportingVerbs
) -> tuple[Token | None, str]:
    """The parsed subject of a cue, or the noun after it when the cue is inverted
    (“...,” said the official)."""
    subj = None
    if cue.tag_ == "VBG" and cue.dep_ != "ROOT":  # "..., saying ..." speaks for the main clause
        # the clause the participle hangs on first: the parser may join paragraphs into one
        # sentence whose root belongs to someone else
        root = sent_of(cue).root
        a, b = sorted((root.i, cue.i))
        if any("\n\n" in t.whitespace_ or "\n\n" in t.text for t in doc[a:b]):
            subj = subject_of(cue)
        else:
            subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        subj = subject_of(cue)
    if subj is not None and in_spans(subj.idx, spans):
        subj = None
    prev = cue.i - 1
    while prev >= 0 and (doc[prev].is_space or doc[prev].pos_ == "ADV"):
        prev -= 1
    inverted = prev >= 0 and (doc[prev].text in ',”"’' or in_spans(doc[prev].idx, spans))
    if (
        subj is not None
        and subj.i < cue.i
        and doc[prev].text == ","
        and subj.left_edge.i <= prev - 1 <= subj.right_edge.i
    ):
        # "Feinstein, former chairwoman of ..., said the policy “has not worked”": the comma
        # closes an apposition, the parsed subject stands and the noun after is the object
        inverted = False
    # "..., warning Pyongyang: “...”": the noun after a participle is its object, not its speaker
    if inverted and cue.lemma_.lower() in verbs.inverting and cue.tag_ != "VBG":
        right = _right_speaker(doc, cue, hi, spans)
        if right is not None and _ends_phrase(doc, right, hi):
            return right, "right"
    return subj, "parse"
