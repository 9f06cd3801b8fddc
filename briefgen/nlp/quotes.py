"""Find quotations in news text and the words that attribute them (cue verb, speaker phrase).

Quotation marks are paired per paragraph, the way news writing uses them: a quote that
runs over several paragraphs reopens at each paragraph and closes only at the end, so an
unclosed mark at a paragraph end closes there (and the next paragraph's quote continues
it).  Straight and curly marks are both read.  Speaker phrases come from the spaCy parse
of the sentence around the quote, with word-order fallbacks for the parser's misses;
resolving a phrase ("he", "the official") to an actor is actors.py's job.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefgen.knowledge.reporting import ReportingVerbs, load_reporting_verbs
from briefgen.nlp.syntax import (
    appos_text,
    doc_sents,
    doc_tokens,
    noun_phrase,
    sent_of,
    subject_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Words right before a mark that make the quote a name or a scare quote, not a statement.
_SCARE_BEFORE = re.compile(
    r"(?:so-called|so called|dubbed|nicknamed|named|titled|entitled|known as|"
    r"the term|the phrase|the word|the words|slogan|motto|codenamed|code-named|"
    r"policy of|campaign of|strategy of|doctrine of)\s*$",
    re.IGNORECASE,
)
_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_STRAIGHT = '"'
_PARA_RE = re.compile(r"\n[ \t]*\n")
# ‘…’ not inside a word; an apostrophe followed by a letter (’s) does not close it.
_SINGLE_RE = re.compile(r"(?<![\w’])‘([^‘’\n]*(?:’\w[^‘’\n]*)*?)’(?!\w)")


@dataclass
class QuoteSpan:
    """One stretch of quoted words inside one paragraph (offsets exclude the marks)."""

    start: int
    end: int
    mark_start: int  # offset of the opening mark
    mark_end: int  # offset just past the closing mark (or the paragraph end when unclosed)
    closed: bool = True
    # This span continues a quote from the previous paragraph (opening mark, no close there).
    continues: bool = False
    single: bool = False  # marked with ‘…’ rather than double marks


class QuoteSpans(list[QuoteSpan]):
    """The spans of one text, with an index that answers "is offset i inside quotation
    marks?" in O(log n): attribution asks it for every candidate token, and a linear scan
    per question made text with thousands of unclosed marks take minutes (issue 13)."""

    _built_for: int = -1  # len() when the index was built; spans are only ever appended
    _cues_outside: tuple[Any, int, list[int]] | None = None  # (doc, len, cue tokens)

    def _index(self) -> tuple[list[int], list[int], list[int]]:
        if self._built_for != len(self):
            # merge overlapping (not merely touching) mark ranges into disjoint intervals
            starts: list[int] = []
            ends: list[int] = []
            for a, b in sorted(
                (x.mark_start, x.mark_end) for x in self if x.mark_end > x.mark_start
            ):
                if ends and a < ends[-1]:
                    ends[-1] = max(ends[-1], b)
                else:
                    starts.append(a)
                    ends.append(b)
            self._starts, self._ends = starts, ends
            self._sorted_ends = sorted(x.mark_end for x in self)
            self._built_for = len(self)
        return self._starts, self._ends, self._sorted_ends

    def covers(self, i: int) -> bool:
        """Some span has mark_start <= i < mark_end."""
        starts, ends, _ = self._index()
        k = bisect.bisect_right(starts, i) - 1
        return k >= 0 and i < ends[k]

    def strictly_inside(self, i: int) -> bool:
        """Some span has mark_start < i < mark_end."""
        starts, ends, _ = self._index()
        k = bisect.bisect_left(starts, i) - 1
        return k >= 0 and i < ends[k]

    def last_end_before(self, i: int) -> int | None:
        """The largest mark_end <= i, if any."""
        _, _, sorted_ends = self._index()
        k = bisect.bisect_right(sorted_ends, i) - 1
        return sorted_ends[k] if k >= 0 else None


@dataclass
class Attribution:
    """What the sentence around a quote says about who said it."""

    cue: Token | None = None
    speaker: Span | None = None  # the speaker phrase (noun phrase, pronoun, name)
    speaker_head: Token | None = None
    role_phrase: str | None = None  # an apposition after the name ("chief of mission ...")
    reporter: Span | None = None  # "..., RIA quoted him as saying": the agency
    via: str = ""  # how it was found: "parse", "left", "right", "according", "previous"


@dataclass
class RawQuote:
    """A quote before its speaker is resolved: spans, sentence and attribution."""

    spans: list[QuoteSpan]
    sentence_start: int
    sentence_end: int
    kind: str = "direct"
    attribution: Attribution = field(default_factory=Attribution)
    scare: bool = False

    @property
    def start(self) -> int:
        return self.spans[0].start

    @property
    def end(self) -> int:
        return self.spans[-1].end


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _PARA_RE.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _is_opening_straight(text: str, i: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    if before.isspace() or before in "([{—–-/:":
        return not after.isspace()
    return False


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == ","):
        b -= 1
    return a, b


def find_quote_spans(text: str) -> QuoteSpans:
    """Every quoted stretch in `text`, paired per paragraph, double and curly-single marks.

    One pass over the text (and one regex pass for single marks): linear whatever the
    marks, closed, unclosed or nested."""
    spans = QuoteSpans()
    prev_unclosed = False
    for lo, hi in _paragraphs(text):
        open_at: int | None = None
        para_spans: list[QuoteSpan] = []
        i = lo
        first_mark = True
        while i < hi:
            c = text[i]
            if c in _OPEN_DOUBLE or (c == _STRAIGHT and open_at is None):
                if c == _STRAIGHT and not _is_opening_straight(text, i, lo, hi) and open_at is None:
                    i += 1
                    continue
                if open_at is not None:  # a second opener: the first was never closed
                    a, b = _strip(text, open_at + 1, i)
                    if b > a:
                        para_spans.append(QuoteSpan(a, b, open_at, i, closed=False))
                cont = prev_unclosed and first_mark and not text[lo:i].strip()
                open_at = i
                if cont:
                    para_spans.append(QuoteSpan(-1, -1, i, i, continues=True))  # placeholder
                first_mark = False
            elif (c in _CLOSE_DOUBLE or c == _STRAIGHT) and open_at is not None:
                a, b = _strip(text, open_at + 1, i)
                cont = bool(para_spans and para_spans[-1].start == -1)
                if cont:
                    para_spans.pop()
                if b > a:
                    para_spans.append(QuoteSpan(a, b, open_at, i + 1, continues=cont))
                open_at = None
                first_mark = False
            i += 1
        prev_unclosed = False
        if open_at is not None:
            cont = bool(para_spans and para_spans[-1].start == -1)
            if cont:
                para_spans.pop()
            a, b = _strip(text, open_at + 1, hi)
            if b > a:
                para_spans.append(QuoteSpan(a, b, open_at, hi, closed=False, continues=cont))
                prev_unclosed = True
        spans.extend(s for s in para_spans if s.start >= 0)
        # Curly single quotes (‘…’) outside double-quoted stretches: headlines and
        # British style.  Straight single quotes are left alone: too many apostrophes.
        taken = QuoteSpans(s for s in para_spans if s.start >= 0)
        for m in _SINGLE_RE.finditer(text, lo, hi):
            ms, me = m.start(), m.end()
            if taken.covers(ms):
                continue
            a, b = _strip(text, ms + 1, me - 1)
            if b > a:
                spans.append(QuoteSpan(a, b, ms, me, single=True))
    spans.sort(key=lambda s: s.start)
    return spans


# ----------------------------------------------------------------------------- parse side


def _sentence_bounds(doc: Doc, spans: QuoteSpans) -> list[tuple[int, int]]:
    """spaCy sentences merged so that no quote is cut and no clause starts in lower case.

    The parser splits `“…?” he said.` after the question mark and ends sentences inside
    quotes; merging restores one attribution frame per quote.  No frame grows beyond
    MAX_FRAME characters (a sentence that long is cut at a space): real frames stay well
    under it, and text without sentence ends or with unclosed marks would otherwise make
    one frame of a whole paragraph, searched again for every quote in it.
    """
    text = doc.text
    paras = _paragraphs(text)
    para_starts = [pa for pa, _ in paras]
    sents: list[tuple[int, int]] = []
    para_of = {}
    for s in doc_sents(doc):  # a sentence never runs over a paragraph break
        k = max(0, bisect.bisect_right(para_starts, s.start_char) - 1)
        while k < len(paras) and paras[k][0] < s.end_char:
            pa, pb = paras[k]
            a, b = max(s.start_char, pa), min(s.end_char, pb)
            if a < b and text[a:b].strip():
                for x, y in _cut(text, a, b):
                    sents.append((x, y))
                    if pa <= x < pb:
                        para_of[x] = k
            k += 1
    merged: list[tuple[int, int]] = []
    for a, b in sents:
        if merged:
            pa, pb = merged[-1]
            j = a
            while j < b and text[j] in "”’\"' \t\n":
                j += 1
            crosses = spans.strictly_inside(a) or spans.strictly_inside(pb)
            same_para = para_of.get(a) == para_of.get(pa)
            lower = j < b and text[j].islower()
            if same_para and (crosses or lower) and b - pa <= MAX_FRAME:
                merged[-1] = (pa, b)
                continue
        merged.append((a, b))
    return merged


# The longest attribution frame, in characters; the longest real one seen in 250 news
# articles with quotes is about 1,600.
MAX_FRAME = 3000


def _cut(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """(a, b) in pieces of at most MAX_FRAME characters, cut at a space where there is one."""
    out = []
    while b - a > MAX_FRAME:
        cut = text.rfind(" ", a + MAX_FRAME // 2, a + MAX_FRAME)
        cut = cut if cut > a else a + MAX_FRAME
        out.append((a, cut))
        a = cut
    out.append((a, b))
    return out


def _in_spans(i: int, spans: list[QuoteSpan]) -> bool:
    if isinstance(spans, QuoteSpans):
        return spans.covers(i)
    return any(s.mark_start <= i < s.mark_end for s in spans)


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
        if _in_spans(t.idx, spans) or t.text in ";:" or t.pos_ == "VERB":
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
        if _in_spans(t.idx, spans) or t.text in ",;:.":
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
        if t.ent_type_ in ("PERSON", "ORG") and not _in_spans(t.idx, spans):
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
    cues = [i for i in ix.cues if not _in_spans(ix.idx[i], spans)]
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
) -> Attribution:
    """Find the cue verb and speaker phrase for a quote inside its sentence frame.

    The nearest cue wins (a cue whose clause holds the quote counts 60 characters nearer),
    so candidates are visited outward from the quote and the search stops once no farther
    one can win: the work per quote does not grow with the sentence.
    """
    lo, hi = frame
    sent = doc.char_span(lo, hi, alignment_mode="expand")
    if sent is None:
        return Attribution()
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
        # a cue whose clause holds the quote beats a nearer one in another clause
        holds = t.left_edge.idx < qe and t.right_edge.idx >= qs and _holds(t, ix, ja, jb, qs, qe)
        if t.lemma_.lower() in verbs.complement_only and not holds:
            return
        score = dist - (60 if holds else 0)
        cands.append((score, i))
        best = min(best, score)

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
    first_best = toks[min(cands)[1]] if cands else None
    a0 = bisect.bisect_left(ix.according, sent.start)
    for i in ix.according[a0 : bisect.bisect_left(ix.according, sent.end)]:  # "according to X"
        t = toks[i]
        obj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
        if obj is None and t.i + 2 < len(doc):
            obj = doc[t.i + 2]
        if obj is not None and not _in_spans(obj.idx, all_spans):
            dist = abs(t.idx - qe)
            return (
                Attribution(cue=t, speaker=noun_phrase(obj), speaker_head=obj, via="according")
                if first_best is None or dist < best
                else _from_cue(doc, first_best, lo, hi, all_spans, verbs)
            )
    if first_best is None:
        return Attribution()
    return _from_cue(doc, first_best, lo, hi, all_spans, verbs)


def _from_cue(
    doc: Doc, cue: Token, lo: int, hi: int, spans: list[QuoteSpan], verbs: ReportingVerbs
) -> Attribution:
    att = Attribution(cue=cue)
    # "RIA quoted him as saying": the speaker is the object of "quote".
    if cue.lemma_.lower() == "say" and cue.dep_ in ("pcomp", "advcl") and cue.head.lemma_ == "as":
        q = cue.head.head
        if q.lemma_.lower() == "quote":
            obj = next((c for c in q.children if c.dep_ == "dobj"), None)
            if obj is not None:
                att.cue, att.speaker_head, att.via = q, obj, "parse"
                att.speaker = noun_phrase(obj)
                subj = subject_of(q)
                att.reporter = noun_phrase(subj) if subj is not None else None
                return att
    if cue.lemma_.lower() == "quote":
        obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if obj is not None:
            att.speaker_head, att.speaker, att.via = obj, noun_phrase(obj), "parse"
            subj = subject_of(cue)
            att.reporter = noun_phrase(subj) if subj is not None else None
            return att
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
    via = "parse"
    if subj is not None and _in_spans(subj.idx, spans):
        subj = None
    prev = cue.i - 1
    while prev >= 0 and (doc[prev].is_space or doc[prev].pos_ == "ADV"):
        prev -= 1
    inverted = prev >= 0 and (doc[prev].text in ',”"’' or _in_spans(doc[prev].idx, spans))
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
            subj, via = right, "right"
    if subj is None:
        subj = _first_entity(doc, cue, lo, spans)
        via = "left"
    if subj is None:
        subj = _left_speaker(doc, cue, lo, spans)
        via = "left"
    if subj is None:
        return att
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


def _is_scare(text: str, span: QuoteSpan, doc: Doc | None) -> bool:
    before = text[max(0, span.mark_start - 40) : span.mark_start]
    return bool(_SCARE_BEFORE.search(before))


def _modifier_of_noun(doc: Doc, span: QuoteSpan) -> bool:
    """`the “maximum pressure” campaign`: a short quote used as a modifier of a noun."""
    inner = doc.char_span(span.start, span.end, alignment_mode="expand")
    if inner is None or len(inner) > 4:
        return False
    nxt = inner.end + 1  # skip the closing mark
    if nxt < len(doc) and doc[nxt].pos_ in ("NOUN",) and doc[nxt].idx >= span.mark_end:
        root = inner.root
        return root.dep_ in ("compound", "amod", "nmod") or root.head.i >= nxt
    return False


def extract_raw(text: str, doc: Doc, verbs: ReportingVerbs | None = None) -> list[RawQuote]:
    """Every quote of the article with its sentence frame and attribution (unresolved)."""
    vb = verbs or load_reporting_verbs()
    spans = find_quote_spans(text)
    if not spans:
        return []
    frames = _sentence_bounds(doc, spans)
    frame_starts = [a for a, _ in frames]

    def frame_of(pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(frame_starts, pos) - 1
        if k >= 0 and pos < frames[k][1]:
            return frames[k]
        return pos, pos

    # Group spans in one frame (“…,” Kono said, “…”), keep continued paragraphs apart.
    groups: list[tuple[tuple[int, int], list[QuoteSpan]]] = []
    for s in spans:
        fr = frame_of(s.start)
        if groups and groups[-1][0] == fr and not s.continues and not s.single:
            prev = groups[-1][1][-1]
            gap = text[prev.mark_end : s.mark_start]
            # two quotes joined only by an attribution: one statement in pieces
            if len(gap) < 80 and any(f" {w}" in gap.lower() for w in vb.join_words):
                groups[-1][1].append(s)
                continue
        groups.append((fr, [s]))
    out: list[RawQuote] = []
    for fr, grp in groups:
        att = attribute_span(doc, fr, grp, spans, vb)
        kind = _kind(text, fr, grp)
        rq = RawQuote(
            spans=grp, sentence_start=fr[0], sentence_end=fr[1], kind=kind, attribution=att
        )
        rq.scare = any(_is_scare(text, s, doc) for s in grp) or (
            kind == "mixed" and len(grp) == 1 and _modifier_of_noun(doc, grp[0])
        )
        out.append(rq)
    return out


def _kind(text: str, frame: tuple[int, int], grp: list[QuoteSpan]) -> str:
    """direct: the quote is a full statement; partial: quoted words inside our sentence."""
    first = grp[0]
    words = text[first.start : first.end]
    before = text[frame[0] : first.mark_start].strip()
    starts_sentence = not before or before.endswith((":", ",")) or first.continues
    if not words[:1].isupper() and not words[:1].isdigit():
        return "mixed"
    if starts_sentence:
        return "direct"
    return "mixed"
