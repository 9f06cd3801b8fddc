"""Undo word damage done by the scrapers, not by the writers.

A profanity filter behind some scraped pages replaced every "ass" inside words with "bad":
"assertion" -> "badertion", "embassy" -> "embbady", "class" -> "clbad".  A token is repaired
only when (1) the text shows the filter ran: that letter case of "ass" occurs nowhere in it,
(2) the token is not itself a word with "bad" (bad, badge, badminton, Islamabad, Sinbad...),
and (3) putting "ass" back gives an English word.  The word lists are derived data shipped in
briefgen/data/ (their headers say where they came from).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from itertools import combinations

_CASES = (("bad", "ass"), ("Bad", "Ass"), ("BAD", "ASS"))
_TOKEN_RE = re.compile(r"[A-Za-z]*(?:bad|Bad|BAD)[A-Za-z]*")
_BAD_AT_RE = re.compile(r"bad|Bad|BAD")
_SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "er", "ers")


@cache
def _words(name: str) -> frozenset[str]:
    text = resources.files("briefgen").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and ln[0] != "#")


def _is_ass_word(w: str) -> bool:
    low = w.lower()
    ass = _words("words_with_ass.txt")
    if low in ass:
        return True
    # inflections the lists lack ("bypasses", "reassessing"): a listed root plus a suffix
    return any(
        low.endswith(s) and low[: -len(s)] in ass for s in _SUFFIXES if "ass" in low[: -len(s)]
    )


def _repair(tok: str, allowed: set[str]) -> str:
    if tok.lower() in _words("words_with_bad.txt"):
        return tok
    spots = [m.start() for m in _BAD_AT_RE.finditer(tok) if m[0] in allowed]
    if not spots or len(spots) > 3:
        return tok
    # every "bad" back to "ass" first ("badbadination"), then fewer
    for k in range(len(spots), 0, -1):
        for chosen in combinations(spots, k):
            cand = tok
            for i in chosen:
                cand = cand[:i] + dict(_CASES)[tok[i : i + 3]] + cand[i + 3 :]
            if _is_ass_word(cand):
                return cand
    return tok


def undo_ass_filter(text: str, context: str | None = None) -> str:
    """`text` with filter-damaged tokens repaired; `context` (default `text`) is what must
    show the filter ran (the whole article when `text` is its title)."""
    if "bad" not in text.lower():
        return text
    ctx = text if context is None else context
    allowed = {bad for bad, ass in _CASES if ass not in ctx}
    if not allowed:
        return text
    return _TOKEN_RE.sub(lambda m: _repair(m[0], allowed), text)
