"""Quotation marks: every stretch of quoted words in a text, paired per paragraph.

Marks are paired the way news writing uses them: a quote that runs over several
paragraphs reopens at each paragraph and closes only at the end, so an unclosed mark at
a paragraph end closes there (and the next paragraph's quote continues it).  Straight
and curly marks are both read; curly single marks (‘…’) outside double-quoted stretches
too.  Scanning is linear in the text (issue 13).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_STRAIGHT = '"'
# Characters a double mark can start with (_mark_at decides).
_CANDIDATE = re.compile("[" + re.escape(_OPEN_DOUBLE + _CLOSE_DOUBLE + _STRAIGHT) + "`']")
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
            members: list[list[int]] = []  # list positions of each interval's spans
            for a, b, k in sorted(
                (x.mark_start, x.mark_end, k)
                for k, x in enumerate(self)
                if x.mark_end > x.mark_start
            ):
                if ends and a < ends[-1]:
                    ends[-1] = max(ends[-1], b)
                    members[-1].append(k)
                else:
                    starts.append(a)
                    ends.append(b)
                    members.append([k])
            self._starts, self._ends, self._members = starts, ends, members
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

    def near(self, a: int, b: int) -> list[QuoteSpan]:
        """The spans whose marks overlap [a, b] (touching counts) and every span that
        overlaps one of those, in list order: all that can lie inside a stretch of text
        that starts at a and ends at b once it is widened to whole quotations.  A scan of
        every span per stretch was quadratic."""
        starts, ends, _ = self._index()
        lo, hi = bisect.bisect_left(ends, a), bisect.bisect_right(starts, b)
        picked = sorted(k for m in self._members[lo:hi] for k in m)
        return [self[k] for k in picked]

    def last_end_before(self, i: int) -> int | None:
        """The largest mark_end <= i, if any."""
        _, _, sorted_ends = self._index()
        k = bisect.bisect_right(sorted_ends, i) - 1
        return sorted_ends[k] if k >= 0 else None


def paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _PARA_RE.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _is_opening_straight(text: str, i: int, lo: int, hi: int, width: int = 1) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + width] if i + width < hi else " "
    if before.isspace() or before in "([{—–-/:":
        return not after.isspace()
    return False


def _mark_at(text: str, i: int) -> tuple[str, int]:
    """The double quotation mark at `i`, if any: ("open", width) for “ „ « and ``,
    ("close", width) for ” », ("straight", width) for " and '' (typewriter style, as some
    newspapers' archives print them: ''We will,'' he said), else ("", 0)."""
    c = text[i]
    if c in _OPEN_DOUBLE:
        return "open", 1
    if c in _CLOSE_DOUBLE:
        return "close", 1
    if c == _STRAIGHT:
        return "straight", 1
    if c == "`" and text.startswith("``", i):
        return "open", 2
    if c == "'" and text.startswith("''", i) and not text.startswith("'''", i):
        return "straight", 2
    return "", 0


def opening_width(s: str) -> int:
    """Width of the double quotation mark that opens `s` (0 when none opens it)."""
    what, w = _mark_at(s, 0) if s else ("", 0)
    return w if what in ("open", "straight") else 0


def closing_width(s: str) -> int:
    """Width of the double quotation mark that closes `s` (0 when none closes it)."""
    if s.endswith("''"):
        return 2
    return 1 if s.endswith(("”", "»", '"')) else 0


def has_mark(s: str) -> bool:
    """Does `s` hold a double quotation mark anywhere?"""
    return any(_mark_at(s, i)[1] for i in range(len(s)))


# Tokens that are a double quotation mark in the parse (spaCy keeps `` and '' whole).
MARK_TOKENS = frozenset({"“", "”", '"', "„", "«", "»", "``", "''"})
# Of those, the ones that only open a quotation, and the ones that open or close one.
OPENING_TOKENS = frozenset({"“", "„", "«", "``"})
STRAIGHT_TOKENS = frozenset({'"', "''"})


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == ","):
        b -= 1
    return a, b


def find_quote_spans(text: str) -> QuoteSpans:
    """Every quoted stretch in `text`, paired per paragraph, double and curly-single marks.

    One pass over the text (and one regex pass for single marks): linear whatever the
    marks, closed, unclosed or nested.  Typewriter marks (`` ... '' and '' ... '') are
    double marks two characters wide."""
    spans = QuoteSpans()
    prev_unclosed = False
    for lo, hi in paragraphs(text):
        open_at: int | None = None
        open_w = 1  # width of the opening mark
        para_spans: list[QuoteSpan] = []
        i = lo
        first_mark = True
        while i < hi:
            m = _CANDIDATE.search(text, i, hi)  # jump to the next character a mark can start
            if m is None:
                break
            i = m.start()
            what, w = _mark_at(text, i)
            if not w:
                i += 1
                continue
            if what == "open" or (what == "straight" and open_at is None):
                if (
                    what == "straight"
                    and open_at is None
                    and not _is_opening_straight(text, i, lo, hi, w)
                ):
                    i += w
                    continue
                if open_at is not None:  # a second opener: the first was never closed
                    a, b = _strip(text, open_at + open_w, i)
                    if b > a:
                        para_spans.append(QuoteSpan(a, b, open_at, i, closed=False))
                cont = prev_unclosed and first_mark and not text[lo:i].strip()
                open_at, open_w = i, w
                if cont:
                    para_spans.append(QuoteSpan(-1, -1, i, i, continues=True))  # placeholder
                first_mark = False
            elif open_at is not None:  # a closing or straight mark closes the open quote
                a, b = _strip(text, open_at + open_w, i)
                cont = bool(para_spans and para_spans[-1].start == -1)
                if cont:
                    para_spans.pop()
                if b > a:
                    para_spans.append(QuoteSpan(a, b, open_at, i + w, continues=cont))
                open_at = None
                first_mark = False
            i += w
        prev_unclosed = False
        if open_at is not None:
            cont = bool(para_spans and para_spans[-1].start == -1)
            if cont:
                para_spans.pop()
            a, b = _strip(text, open_at + open_w, hi)
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


def spans_near(spans: list[QuoteSpan], a: int, b: int) -> list[QuoteSpan]:
    """QuoteSpans.near for an indexed list; a plain list is returned whole."""
    return spans.near(a, b) if isinstance(spans, QuoteSpans) else list(spans)


def in_spans(i: int, spans: list[QuoteSpan]) -> bool:
    if isinstance(spans, QuoteSpans):
        return spans.covers(i)
    return any(s.mark_start <= i < s.mark_end for s in spans)
