"""Quotations in quotation marks: each stretch of quoted words (marks.py) in its sentence
frame, with the words that attribute it (cues.py), told apart from scare quotes, titles
and names in marks, and marked direct (a whole statement) or mixed (quoted words inside
a reported clause).  Reported speech without marks is reported.py's; joining the two and
resolving speakers is quotations.py's and speakers.py's.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefgen.knowledge.reporting import ReportingVerbs, load_reporting_verbs
from briefgen.nlp.cues import CueReading, attribute_span
from briefgen.nlp.marks import (
    QuoteSpan,
    QuoteSpans,
    find_quote_spans,
    paragraphs,
)
from briefgen.nlp.syntax import (
    doc_sents,
    doc_text,
    noun_phrase,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "CueReading",
    "QuoteSpan",
    "QuoteSpans",
    "RawQuote",
    "attribute_span",
    "doc_sents",
    "extract_raw",
    "find_quote_spans",
    "noun_phrase",
]

# Words right before a mark that make the quote a name or a scare quote, not a statement.
_SCARE_BEFORE = re.compile(
    r"(?:so-called|so called|dubbed|nicknamed|named|titled|entitled|known as|"
    r"the term|the phrase|the word|the words|slogan|motto|codenamed|code-named|"
    r"policy of|campaign of|strategy of|doctrine of)\s*$",
    re.IGNORECASE,
)


@dataclass
class RawQuote:
    """A quote before its speaker is resolved: spans, sentence and attribution."""

    spans: list[QuoteSpan]
    sentence_start: int
    sentence_end: int
    kind: str = "direct"
    attribution: CueReading = field(default_factory=CueReading)
    scare: bool = False

    @property
    def start(self) -> int:
        return self.spans[0].start

    @property
    def end(self) -> int:
        return self.spans[-1].end


def _sentence_bounds(doc: Doc, spans: QuoteSpans, verbs: ReportingVerbs) -> list[tuple[int, int]]:
    """spaCy sentences merged so that no quote is cut and no clause starts in lower case.

    The parser splits `“…?” he said.` after the question mark and ends sentences inside
    quotes, and splits `“…!” Trump wrote.` before the name; merging restores one
    attribution frame per quote (a quote left alone borrows an earlier speaker).  No frame grows beyond
    MAX_FRAME characters (a sentence that long is cut at a space): real frames stay well
    under it, and text without sentence ends or with unclosed marks would otherwise make
    one frame of a whole paragraph, searched again for every quote in it.
    """
    text = doc_text(doc)
    paras = paragraphs(text)
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
    shifted = _marks_open_sentences(text, sents, spans)
    for (a, _), (x, _) in zip(sents, shifted, strict=True):
        if x != a and a in para_of:
            para_of[x] = para_of[a]
    sents = shifted
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
            tail = same_para and _attribution_tail(doc, text, (pa, pb), (a, b), spans, verbs)
            if same_para and (crosses or lower or tail) and b - pa <= MAX_FRAME:
                merged[-1] = (pa, b)
                continue
        merged.append((a, b))
    return merged


# The longest sentence read as a bare attribution after a quote: `Trump wrote on Twitter.`
_TAIL_TOKENS = 12
# ... and the longest whose cue says nothing of its own (no clause, no object): `Clinton's
# senior foreign policy adviser, Jake Sullivan, said in a statement.`, a speaker described
# at length after a quotation that ends on "?" or "!".
_BARE_TAIL_TOKENS = 30
# What a cue says when it says something of its own.
_SAID_DEPS = frozenset({"ccomp", "xcomp", "dobj", "dative", "parataxis"})


def _attribution_tail(
    doc: Doc,
    text: str,
    prev: tuple[int, int],
    cur: tuple[int, int],
    spans: QuoteSpans,
    verbs: ReportingVerbs,
) -> bool:
    """`cur` is only the attribution of the quote that ends `prev` (`“…!” Trump wrote.`):
    a short sentence without marks whose main verb is a reporting verb with its subject
    before it, right after a closing mark."""
    end = prev[0] + len(text[prev[0] : prev[1]].rstrip())
    if not any(s.mark_end == end for s in spans) or spans.strictly_inside(cur[0]):
        return False
    sent = doc.char_span(cur[0], cur[1], alignment_mode="expand")
    if sent is None or len(sent) > _BARE_TAIL_TOKENS:
        return False
    if not text[cur[0] : cur[1]].rstrip().endswith("."):
        return False
    if any(cur[0] <= s.mark_start < cur[1] for s in spans):
        return False
    root = sent.root
    if len(sent) > _TAIL_TOKENS and any(c.dep_ in _SAID_DEPS for c in root.children):
        return False
    return root.lemma_.lower() in verbs.cues and any(
        c.dep_ == "nsubj" and c.i < root.i for c in root.children
    )


def _marks_open_sentences(
    text: str, sents: list[tuple[int, int]], spans: QuoteSpans
) -> list[tuple[int, int]]:
    """A sentence the parser ended on the opening mark of the next one's quotation
    (it takes '' and " for closing marks: "... the campaign. ''I don't think ...''")
    ends before that mark, so the quotation's frame opens on its mark."""
    opens = {s.mark_start for s in spans}
    out = list(sents)
    for k in range(1, len(out)):
        pa, pb = out[k - 1]
        a, b = out[k]
        j = pb
        while j > pa and text[j - 1].isspace():
            j -= 1
        for w in (2, 1):
            if j - w > pa and j - w in opens:
                out[k - 1], out[k] = (pa, j - w), (j - w, b)
                break
    return out


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


# "on CBS’s “Face the Nation”", "a ticket for “The Interview”", "told “Hannity”": a
# programme or a work is named after a possessive or "on"/"for"/"in"/"told".
_TITLE_BEFORE = re.compile(
    r"(?:\b[A-Z][\w.&]*(?:’s|'s|’|')|\b(?:[Oo]n|[Ii]n|for|of|to|told|watch|see)\s)\s*$"
)
# "the book “A World In Disarray: ...”", "a report called “Surviving Secondary: ...”": a
# work named after the noun for it names a title however long it is.
_WORK_BEFORE = re.compile(
    r"\b(?:book|film|movie|documentary|memoir|novel|essay|report|study|column|song|"
    r"programme|program|show|series)(?:,?\s+(?:called|titled|entitled))?,?\s*$",
    re.IGNORECASE,
)
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "on", "in", "and", "for", "to", "at", "with"})
# Words in title case up to this many are a name or a title, never a statement.
_TITLE_WORDS = 14


def _is_title(text: str, span: QuoteSpan, alone: bool = False) -> bool:
    """Words in title case after "on", "told", "for" or a possessive name a programme, a
    book or a film ("on CBS’s “Face the Nation”"); standing `alone` (as a sentence, or
    with no cue) two or more such words are a title or a slogan wherever they stand
    ("A World In Disarray: American Foreign Policy ...", "Make Bubbles Great Again"):
    people do not speak in title case.  A shout in capitals ("NO COLLUSION") is a
    statement; a name a speaker gives ("called Kim “Little Rocket Man”") is a mixed
    quotation, so not `alone`."""
    words = re.findall(r"[\w’']+", text[span.start : span.end])
    if not words or len(words) > _TITLE_WORDS or not words[0][:1].isupper():
        return False
    if not all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words):
        return False
    if not any(any(c.islower() for c in w[1:]) for w in words if w[:1].isupper()):
        return False
    if len(words) >= 2 and alone:
        return True
    before = text[max(0, span.mark_start - 25) : span.mark_start]
    if _WORK_BEFORE.search(before):
        return True
    if len(words) > 6:
        return False
    return bool(_TITLE_BEFORE.search(before))


def _is_scare(text: str, span: QuoteSpan, doc: Doc | None) -> bool:
    before = text[max(0, span.mark_start - 40) : span.mark_start]
    return bool(_SCARE_BEFORE.search(before)) or _is_title(text, span)


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
    frames = _sentence_bounds(doc, spans, vb)
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
    for fr, group in groups:
        # a title inside a statement in pieces (“...,” she said on “State of the Union.”
        # “...”) is left out; the pieces around it stay one statement
        grp = [s for s in group if not _is_scare(text, s, doc)] or group
        att = attribute_span(doc, fr, grp, spans, vb)
        kind = _kind(text, fr, grp)
        rq = RawQuote(
            spans=grp, sentence_start=fr[0], sentence_end=fr[1], kind=kind, attribution=att
        )
        alone = kind == "direct" or att.cue is None
        rq.scare = (
            all(_is_scare(text, s, doc) for s in grp)
            or (alone and all(_is_title(text, s, alone=True) for s in grp))
            or (kind == "mixed" and len(grp) == 1 and _modifier_of_noun(doc, grp[0]))
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
