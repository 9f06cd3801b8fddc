"""One file, several articles: find where a new article starts.

Scrapers that save "the page" often save two stories (a related-story widget, a feed
page).  A new article shows itself by a page header: a separator line, a headline that is
repeated right away (headline above and below the photo), or a headline after a wide gap
followed by a caption, byline, dateline or "Published" line.  Both sides must hold real
prose, so a short teaser never becomes an article of its own.
"""

from __future__ import annotations

import re
from collections import Counter

from briefgen.corpus.dates import DATELINE_RE, published_line_date
from briefgen.corpus.kinds import is_body, is_caption, is_title_like
from briefgen.corpus.paragraphs import norm_key, words

_SEPARATOR_RE = re.compile(r"^\s*(?:[-=*_#~]\s*){3,}$|^\s*\f\s*$")
_MIN_WORDS = 80


def _blocks(text: str) -> list[tuple[int, str]]:
    """(blank lines before it, block text) for every blank-line separated block."""
    out: list[tuple[int, str]] = []
    gap = 0
    cur: list[str] = []
    for ln in text.split("\n"):
        if ln.strip():
            cur.append(ln)
        else:
            if cur:
                out.append((gap, "\n".join(cur)))
                cur, gap = [], 0
            gap += 1
    if cur:
        out.append((gap, "\n".join(cur)))
    return out


def _header_signal(blocks: list[tuple[int, str]], i: int) -> bool:
    """True when the blocks after i look like an article header."""
    for _, b in blocks[i + 1 : i + 4]:
        first = b.strip().split("\n")[0]
        if (
            is_caption(first)
            or DATELINE_RE.match(first)
            or published_line_date(first)
            or re.match(r"^By\s+[A-Z]", first)
        ):
            return True
    return False


def split_articles(text: str, structured: bool = False) -> list[str]:
    """The article texts inside `text`, in order (one item when nothing splits).

    `structured`: the text is one record's body (JSON), so only the strongest signals count."""
    blocks = _blocks(text)
    if len(blocks) < 6:
        return [text]
    starts = _starts(blocks, structured)
    if not starts:
        return [text]
    return ["\n\n".join(seg) for seg in _merge_small(_segments(blocks, starts))]


def _starts(blocks: list[tuple[int, str]], structured: bool) -> list[int]:
    """The blocks that start a new article: after a separator, or a page header."""
    counts = Counter(norm_key(b.strip()) for _, b in blocks)
    starts: list[int] = []
    for i, (gap, b) in enumerate(blocks):
        if i == 0:
            continue
        line = b.strip()
        if _SEPARATOR_RE.match(line):
            if _separates_articles(blocks, i, line):
                starts.append(i)
            continue
        if "\n" in line or len(line) > 250 or not is_title_like(line):
            continue
        key = norm_key(line)
        if key in counts and counts[key] > 2:
            continue  # a speaker label or refrain, not a headline
        if _repeated_headline(blocks, i, key) or (
            not structured and gap >= 3 and _header_signal(blocks, i)
        ):
            starts.append(i)
    return starts


def _separates_articles(blocks: list[tuple[int, str]], i: int, line: str) -> bool:
    """A section break inside an op-ed is followed by prose, a new article by a headline."""
    nxt = blocks[i + 1][1].strip() if i + 1 < len(blocks) else ""
    return bool(
        nxt
        and "\n" not in nxt
        and is_title_like(nxt)
        and not nxt.endswith(".")
        # a long rule ("----------") between articles is deliberate; a short one
        # ("***") also sits inside articles, so it needs a header after it
        and (len(line.replace(" ", "")) >= 5 or _header_signal(blocks, i + 1))
    )


def _repeated_headline(blocks: list[tuple[int, str]], i: int, key: str) -> bool:
    """Headline, [photo caption, credit...], the same headline again: a page header."""
    caption_between = False
    for j in range(i + 1, min(i + 6, len(blocks))):
        other = blocks[j][1].strip()
        if norm_key(other) == key:
            return caption_between
        flat = other.replace("\n", " ")
        if is_caption(flat) or is_caption(other.split("\n")[0]):
            caption_between = True
        elif is_body(flat):
            return False
    return False


def _segments(blocks: list[tuple[int, str]], starts: list[int]) -> list[list[str]]:
    """The blocks cut at each start, separator lines left out."""
    segments: list[list[str]] = []
    cur: list[str] = []
    for i, (_, b) in enumerate(blocks):
        if i in starts and cur:
            segments.append(cur)
            cur = []
        if not _SEPARATOR_RE.match(b.strip()):
            cur.append(b)
    segments.append(cur)
    return segments


def _body_words(seg: list[str]) -> int:
    return sum(words(b) for b in seg if is_body(b.replace("\n", " ")))


def _merge_small(segments: list[list[str]]) -> list[list[str]]:
    """Segments too small to be articles merged back into the previous (or next) one."""
    merged: list[list[str]] = []
    for seg in segments:
        if merged and _body_words(seg) < _MIN_WORDS:
            merged[-1].extend(seg)
        else:
            merged.append(seg)
    if len(merged) > 1 and _body_words(merged[0]) < _MIN_WORDS:
        merged[1] = merged[0] + merged[1]
        merged.pop(0)
    return merged
