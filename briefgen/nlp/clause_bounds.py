"""Where a reported clause begins and ends: the branches of a cue that are no content
(another report, "according to", the writer's asides), a sentence the parser ran over a
paragraph break or a full stop, the writer's scene-setting clause before it, and the
punctuation around it.  reported.py finds the cues and their content; this module cuts
that content to the words the source said.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from briefgen.nlp.marks import MARK_TOKENS, OPENING_TOKENS, STRAIGHT_TOKENS
from briefgen.nlp.syntax import sent_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from briefgen.knowledge.reporting import ReportingVerbs

# Objects of a cue ("denied the report"): an occasion after one is no content.
OBJECT_DEPS = frozenset({"dobj", "oprd", "attr"})


def edges(tok: Token, stop: set[int]) -> tuple[int, int]:
    """[first, last] token index of `tok`'s subtree, leaving out the subtrees rooted at
    `stop` (other reports, "according to")."""
    lo, hi = tok.left_edge.i, tok.right_edge.i
    if not any(lo <= s <= hi and s != tok.i for s in stop):
        return lo, hi  # nothing stopped inside: the whole subtree, without walking it
    idx = [t.i for t in subtree_without(tok, stop)]
    return min(idx), max(idx)


def subtree_without(tok: Token, stop: set[int]) -> list[Token]:
    out = []
    todo = [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.i not in stop)
    return out


def stops(cue: Token, verbs: ReportingVerbs) -> set[int]:
    """Roots of branches that are not the cue's content: participles that open another
    report (", adding that ..."), "according to", relative and adverbial clauses hung on
    the cue itself, and the asides a writer hangs on the end of a report (_aside)."""
    stop: set[int] = set()
    for t in cue.subtree:
        if t.i == cue.i:
            continue
        if (
            t.lower_ == "according"
            and t.dep_ in ("prep", "advcl")
            or (
                t.dep_ in ("advcl", "conj")
                and t.head.i == cue.i
                and t.lemma_.lower() in verbs.indirect
                and t.i > cue.i
            )
            or (t.i > cue.i and _aside(t, verbs))
        ):
            stop.add(t.i)
    return stop


# Words that open the writer's own aside after a comma: "..., despite concerns that ...",
# "..., although the North had never ...", "..., ahead of the drills".
_ASIDE_OPENERS = frozenset(
    {"despite", "although", "though", "while", "whereas", "ahead", "amid", "following"}
)
# The dependencies an aside (_aside) can hang by.
_ASIDE_DEPS = frozenset({"conj", "prep", "relcl", "advcl", "acl", "mark"})
# Prepositions of an occasion after an object ("announced the order during a lunch").
_OCCASION_PREPS = frozenset({"during", "ahead", "amid", "following", "after", "despite"})


def after_comma(t: Token) -> bool:
    """Is `t` the first word after a comma or a dash?"""
    k = t.left_edge.i - 1
    doc = t.doc
    while k >= 0 and doc[k].is_space:
        k -= 1
    return k >= 0 and doc[k].text in (",", "—", "–", "--", ";")


def _aside(t: Token, verbs: ReportingVerbs) -> bool:
    """A branch that comments on the report rather than reporting: after a comma, a
    non-restrictive relative clause (", which included threats ..."), a participle of
    saying (", adding ...") or of what the report led to (", triggering opposition ...",
    ", echoing comments made Tuesday"), another cue verb joined by
    "and" (", and called on other countries to ...": a statement of its own) or a
    concession or occasion (", despite ...", ", ahead of ..."); without a comma, an
    occasion after an object cue's object ("the new order during a working lunch")."""
    dep = t.dep_
    if dep not in _ASIDE_DEPS:
        return False  # what follows returns True for these only; asked of every token
    if dep == "conj" and t.lemma_.lower() in verbs.indirect and t.tag_ in ("VBD", "VBZ", "VBP"):
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        return not own_subject and t.head.pos_ in ("VERB", "AUX")
    if dep == "prep" and t.lower_ in _OCCASION_PREPS and t.head.pos_ in ("NOUN", "PROPN"):
        return t.head.dep_ in OBJECT_DEPS and t.head.head.lemma_.lower() in verbs.object_content
    if not after_comma(t):
        return False
    if dep == "relcl":
        first = t.left_edge
        return first.tag_ in ("WDT", "WP", "WP$", "WRB") or first.dep_ == "prep"
    if dep in ("advcl", "acl") and t.tag_ == "VBG" and t.left_edge.i == t.i:
        lemma = t.lemma_.lower()  # ", saying ...": a statement of its own
        return lemma in verbs.indirect or lemma in verbs.aftermath  # ", triggering ..."
    return dep in ("advcl", "prep", "mark") and t.left_edge.lower_ in _ASIDE_OPENERS


def words_upto(doc: Doc, a: int, b: int, enough: int) -> int:
    """Words among tokens a..b, counted up to `enough` (a bound, not a count)."""
    n = 0
    for i in range(a, b + 1):
        if doc[i].is_alpha:
            n += 1
            if n >= enough:
                break
    return n


# What a leading "that" is when it belongs to what was said, not the "that" opening it.
_THAT_KEPT = frozenset({"det", "nsubj", "nsubjpass"})


def trim(doc: Doc, a: int, b: int, least: int = 3) -> tuple[int, int] | None:
    """Token range [a, b] without a leading "that"/comma and trailing punctuation; "that"
    as a determiner ("called that assurance “feeble”") or as the clause's own subject
    ("That's almost irrelevant, said Chinoy") is part of what was said."""
    while a <= b and (
        doc[a].lower_ in ("that", ",", ":", "—", "–", "-")
        and not (doc[a].lower_ == "that" and doc[a].dep_ in _THAT_KEPT)
        or doc[a].is_space
        or doc[a].dep_ == "cc"
        and a < b
    ):
        a += 1
    while b >= a and (
        doc[b].is_punct and doc[b].text not in ("”", '"', "’", ")") or doc[b].is_space
    ):
        b -= 1
    if b < a or words_upto(doc, a, b, least) < least:
        return None  # "he decided", "she liked what": no statement
    while b > a and (doc[b].is_punct and doc[b].text in ",;—–" or doc[b].dep_ == "cc"):
        b -= 1  # "denied the allegation and": the "and" of a branch left out
    return a, b


def without_asides(doc: Doc, lo: int, hi: int, stop: set[int], cue: Token) -> tuple[int, int]:
    """[lo, hi] ending before the first aside left out of it (a stopped branch inside the
    range: what follows it is the writer's again), before a dash that no second dash
    closes ("... -- the President called it ..."), and at a sentence end the parser ran
    over ("... entering the U.S. Critics pointed to ...")."""
    quoted = False
    dashes = 0
    for i in range(lo, hi + 1):
        t = doc[i]
        if t.text in MARK_TOKENS:
            quoted = t.text in OPENING_TOKENS or (t.text in STRAIGHT_TOKENS and not quoted)
            continue
        if t.text in ("—", "–", "--"):
            dashes += 1
        if quoted or i <= cue.i:
            continue
        if i in stop and t.left_edge.i > lo and _ends(doc, t.right_edge.i, hi):
            return lo, t.left_edge.i - 1  # an aside at the end; one inside stays
        if (
            t.text in ("—", "–", "--")
            and dashes % 2 == 1
            and i > lo
            and i + 1 <= hi
            and doc[i + 1].tag_ not in ("VBN", "VBG", "CC")
            and not any(x.text == t.text for x in doc[i + 1 : hi + 1])
        ):
            return lo, i - 1
        if (
            t.text == "."
            and i + 1 <= hi
            and doc[i + 1].is_alpha
            and doc[i + 1].text[:1].isupper()
            and i > lo
        ):
            return lo, i
    return lo, _before_closing_aside(doc, lo, hi)


def _before_closing_aside(doc: Doc, lo: int, hi: int) -> int:
    """hi before an aside set between dashes that closes the range: "said the meetings
    went well -- the President called it a good meeting -- and confirmed ..." ended
    its clause at the second dash, the writer's aside inside it.  An aside between
    dashes with words after it ("the talks -- the first in years -- went well") stays, and
    so does one with no subject of its own ("the group -- called Bureau 121 --")."""
    k = hi
    while k > lo and (doc[k].is_space or doc[k].dep_ == "cc"):
        k -= 1
    if doc[k].text not in ("—", "–", "--"):
        return hi
    j = next((i for i in range(k - 1, lo, -1) if doc[i].text == doc[k].text), None)
    if j is None or words_upto(doc, lo, j - 1, 3) < 3:
        return hi
    own = any(c.dep_ == "nsubj" and j < c.i < k for t in doc[j + 1 : k] for c in t.children)
    return j - 1 if own else hi  # "-- called Bureau 121 --": a phrase of the clause's


def past_clock(cue: Token, hi: int, stop: set[int]) -> int:
    """hi carried past a clock time the parser misread: in "said that the missile was
    launched at about 11:30 a.m. Seoul time (0230 GMT) in waters east of ..." it hung
    "a.m." and all after it on the cue, and the clause stopped at "11:30".  What the cue
    carries right after the time, up to a comma, is that clause's."""
    from briefgen.knowledge.dates import CLOCK_MARKS

    doc = cue.doc
    j = hi + 1
    if j >= len(doc) or j <= cue.i or doc[j].lower_ not in CLOCK_MARKS:
        return hi
    hi = j
    for c in cue.rights:
        if c.i <= j:
            continue
        if c.left_edge.i > hi + 1 or c.dep_ in ("punct", "cc", "conj") or c.i in stop:
            break
        hi = c.right_edge.i
    return hi


def _ends(doc: Doc, last: int, hi: int) -> bool:
    """Nothing but punctuation follows token `last` up to `hi`."""
    return all(t.is_punct or t.is_space for t in doc[last + 1 : hi + 1])


def content_bounds(
    cue: Token, lo: int, hi: int, stop: set[int], least: int = 3
) -> tuple[int, int] | None:
    """The content [lo, hi] of `cue` as a statement: cut to its sentence and paragraph,
    ended before an aside, trimmed; None when too little is left (verb and noun cues)."""
    lo, hi = within_paragraph(cue, lo, hi)
    lo, hi = without_asides(cue.doc, lo, hi, stop, cue)
    return trim(cue.doc, lo, hi, least)


def within_paragraph(cue: Token, lo: int, hi: int) -> tuple[int, int]:
    """[lo, hi] cut to the cue's sentence and paragraph: the parser may run a sentence
    over a paragraph break."""
    doc = cue.doc
    sent = sent_of(cue)
    lo, hi = max(lo, sent.start), min(hi, sent.end - 1)
    breaks = _paragraph_breaks(doc)  # a scan per cue was quadratic in a long sentence
    k = bisect.bisect_left(breaks, cue.i)
    if k < len(breaks) and breaks[k] <= hi:
        hi = breaks[k]
    if k > 0 and breaks[k - 1] >= lo:
        lo = breaks[k - 1] + 1
    return lo, hi


def _paragraph_breaks(doc: Doc) -> list[int]:
    """Indices of the tokens that end a paragraph (a blank line in or after them)."""
    cached = doc.user_data.get("briefgen_paragraph_breaks")
    if cached is None:
        cached = doc.user_data["briefgen_paragraph_breaks"] = [
            t.i for t in doc if "\n\n" in t.whitespace_ or "\n\n" in t.text
        ]
    return cached


# Subordinators of a clause that sets the scene before what was said ("After Hicks
# announced ..., Sanders was asked ...", "But while the fallout ..., it remains unclear").
_LEAD_MARKS = frozenset({"after", "while", "when", "as", "before", "since", "although", "though"})


def after_lead(root: Token, lo: int, floor: int) -> int:
    """`lo` moved past a leading adverbial clause of `root` that ends in a comma: the
    writer's scene, not the source's words."""
    for c in root.children:
        if (
            c.dep_ == "advcl"
            and c.i < root.i
            and c.left_edge.i >= lo
            and any(m.dep_ == "mark" and m.lower_ in _LEAD_MARKS for m in c.children)
        ):
            nxt = c.right_edge.i + 1
            if nxt < len(root.doc) and root.doc[nxt].text == ",":
                lo = max(lo, nxt + 1)
    return max(lo, floor)
