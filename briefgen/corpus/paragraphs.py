"""Raw text -> paragraphs: entities and odd spaces normalised, hard-wrapped lines re-joined.

The cheap text helpers every corpus step shares (word count, comparison key) live here too.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

BULLET_RE = re.compile(r"^\s*(?:[•●▪◦·⦁*]|-(?=\s)|\d+[.)](?=\s))\s*")
TERMINAL = ".!?\"”’'…:;)]"
_BROKEN_END_RE = re.compile(r"(?:[a-z]{2}|,)$")
# no sentence ends on these words: "... and warned that" / "If Russia ..." is one sentence
_DANGLING_END_RE = re.compile(
    r"[a-z,] (?:the|a|an|of|to|by|that|and|or|in|on|for|with|from|at|as|is|was|are|were|"
    r"his|her|their|its|our|who|which|than)$"
)


def normalize_text(raw: str) -> str:
    """Entities decoded, odd spaces and invisible characters gone, newlines unified."""
    s = raw.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in s:
        for _ in range(2):  # double-escaped feeds: &amp;quot;
            t = html.unescape(s)
            if t == s:
                break
            s = t
    s = s.replace("\xa0", " ").replace("\u2009", " ").replace("\u202f", " ").replace("\t", " ")
    s = re.sub(r"[\u200b-\u200d\u2060\ufeff\u00ad]", "", s)
    s = s.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\f", "\n\n\n\n")
    return s


def words(s: str) -> int:
    """Whitespace word count: cheap, and close enough for the length rules here."""
    return len(s.split())


@lru_cache(maxsize=65536)
def norm_key(s: str) -> str:
    """A comparison key: lower case, plain quotes, words only (for "the same line" tests)."""
    s = s.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(re.findall(r"\w+", s))


def _wrap_width(blocks: list[list[str]]) -> int | None:
    """The column a hard-wrapped text breaks at, or None when lines are paragraphs."""
    lens = [len(ln.rstrip()) for b in blocks if len(b) > 1 for ln in b[:-1]]
    if len(lens) < 4:
        return None
    lens.sort()
    width = lens[int(len(lens) * 0.9)]
    if width > 110 or width < 20:
        return None
    near = sum(1 for n in lens if n >= 0.55 * width)
    return width if near / len(lens) >= 0.6 else None


def to_paragraphs(text: str) -> list[str]:
    """Split on blank lines; inside a block re-join hard-wrapped lines, keep bullets apart."""
    blocks = [[ln for ln in b.split("\n") if ln.strip()] for b in re.split(r"\n[ \t]*\n", text)]
    blocks = [b for b in blocks if b]
    width = _wrap_width(blocks)
    paras: list[str] = []
    for b in blocks:
        cur: list[str] = []
        for i, ln in enumerate(b):
            s = ln.strip()
            if not cur:
                cur.append(s)
                continue
            prev = b[i - 1].rstrip()
            bullet = bool(BULLET_RE.match(s)) and not s.startswith("-")
            if bullet:
                join = False
            elif width:
                # a wrapped line ends near the width; a short line ending a sentence ends a paragraph
                join = not (len(prev) < 0.55 * width and prev.endswith((".", "!", "?", "”", '"')))
            else:
                join = not prev.endswith(tuple(TERMINAL)) and (s[:1].islower() or len(prev) < 40)
            if join:
                cur.append(s)
            else:
                paras.append(" ".join(cur))
                cur = [s]
        if cur:
            paras.append(" ".join(cur))
    out: list[str] = []
    for p in paras:
        p = re.sub(r"(\w)- (\w)", lambda m: m[0] if m[2].isupper() else m[1] + "-" + m[2], p)
        p = re.sub(r"\s+", " ", p).strip()
        if not p:
            continue
        # a sentence broken across a blank line: the first part ends on a word or comma,
        # the rest starts in lower case (short lines ending so are list items; keep them)
        if (
            out
            and words(out[-1]) >= 8
            and (
                (p[:1].islower() and not p.startswith("by ") and _BROKEN_END_RE.search(out[-1]))
                or (p[:1].isalpha() and _DANGLING_END_RE.search(out[-1]))
                # '..., he told CBS News,' then '"I hope..."' (a salutation such as
                # "Dear comrades," is followed by prose, not by a quote)
                or (p[:1] in '"“' and out[-1].endswith(","))
            )
        ):
            out[-1] = out[-1] + " " + p
        else:
            out.append(p)
    return out
