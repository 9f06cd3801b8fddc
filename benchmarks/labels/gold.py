"""Gold labels stored as offsets into the raw sources, and their alignment to briefgen's text.

Labels never carry article text: each quotation is a source key (see splits.py), start
and end offsets into the raw text of that source (the JSON field or the file as
published), a short hash of the normalised span, and the annotator's answers.  To score
briefgen, each span is found again in the cleaned Article.text by normalised matching,
so a change in cleaning does not break the labels.

    from labels.gold import load_gold, align
    gold = load_gold("quotes-test")          # list[GoldQuote]
    spans = align(gold, articles)            # {(key, i): (article_id, start, end)}
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent.parent / "shared" / "data" / "corpora"

_QUOTES = str.maketrans({c: '"' for c in "“”„«»″"} | {c: "'" for c in "‘’‚′`"})


def normalise(text: str) -> tuple[str, list[int]]:
    """Lower-cased text with entities decoded, quote marks unified, whitespace collapsed,
    and for each character of it the offset it came from."""
    out: list[str] = []
    where: list[int] = []
    i = 0
    n = len(text)
    space = False
    while i < n:
        c = text[i]
        j = i + 1
        if c == "&":
            m = re.match(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);", text[i : i + 12])
            if m:
                c = html.unescape(m.group(0))
                j = i + len(m.group(0))
        if c.isspace() or c == "\xa0":
            if not space and out:
                out.append(" ")
                where.append(i)
            space = True
        else:
            for ch in c.translate(_QUOTES).lower():
                out.append(ch)
                where.append(i)
            space = False
        i = j
    return "".join(out), where


def span_hash(text: str) -> str:
    return hashlib.sha1(normalise(text)[0].strip().encode()).hexdigest()[:10]


@dataclass
class GoldQuote:
    key: str  # source key
    start: int  # offsets into the raw source text
    end: int
    hash: str
    kind: str
    speaker: str | None
    speaker_type: str
    speaker_group: str
    country: str | None
    earlier: bool
    cue: str | None
    positions: list[dict[str, Any]] = field(default_factory=list)
    packet: str = ""
    annotator: str = "A"


@cache
def _allsides() -> dict[str, str]:
    out = {}
    with (DATA / "allsides-korea.jsonl").open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            out[str(d["ID"])] = d.get("content_original") or ""
    return out


@cache
def _kcna() -> list[str]:
    data = json.loads((DATA / "kcna-2024.json").read_text(encoding="utf-8"))
    return [str(d.get("story_text") or "") for d in data]


def raw_text(key: str) -> str:
    """The raw text of the source a key names (the field or the whole file)."""
    corpus, _, ident = key.partition(":")
    ident = ident.split("#", 1)[0]
    if corpus == "allsides":
        return _allsides()[ident]
    if corpus == "kcna":
        return _kcna()[int(ident)]
    folder = {"yonhap": "yonhap-2025", "reuters": "reuters-2016"}[corpus]
    return (DATA / folder / f"{ident}.md").read_text(encoding="utf-8")


def find(needle: str, hay: str, near: float = 0.0) -> tuple[int, int] | None:
    """Offsets in `hay` of the normalised `needle`; among several, the one nearest to the
    relative position `near` (0..1)."""
    n, _ = normalise(needle)
    n = n.strip()
    h, where = normalise(hay)
    if not n:
        return None
    hits = [m.start() for m in re.finditer(re.escape(n), h)]
    if not hits:
        # annotators and cleaning may differ at the edges: try the middle 80%
        cut = max(1, len(n) // 10)
        core = n[cut:-cut].strip() if len(n) > 30 else ""
        if not core:
            return None
        hits = [m.start() - cut for m in re.finditer(re.escape(core), h)]
        hits = [max(0, x) for x in hits]
        if not hits:
            return None
    best = min(hits, key=lambda x: abs(x / max(1, len(h)) - near))
    end = min(len(where) - 1, best + len(n) - 1)
    return where[best], where[end] + 1


_DOUBLE_MARKS = set('"“”„«»″')


def in_marks(text: str, start: int, end: int) -> bool:
    """Whether a quotation mark opens or closes the span text[start:end] (inside it, or
    within two characters of either end in its paragraph).  The guide's `direct` is words
    in quotation marks; a `direct` label without any shows a label of another kind (a
    speech printed without marks, a tweet as its own paragraph), which the direct figure
    should not mix with quotations in marks."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    window = text[max(para_start, start - 2) : min(para_end, end + 2)]
    return any(c in _DOUBLE_MARKS for c in window)


def load_gold(name: str) -> list[GoldQuote]:
    path = HERE / f"{name}.jsonl"
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(GoldQuote(**json.loads(line)))
    return out


def save_gold(name: str, quotes: Iterable[GoldQuote]) -> int:
    rows = [json.dumps(asdict(q), ensure_ascii=False) for q in quotes]
    (HERE / f"{name}.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


def align(gold: Sequence[GoldQuote], articles: Sequence[Any]) -> dict[int, tuple[str, int, int]]:
    """{index in gold: (article_id, start, end)} in the cleaned articles (briefgen Article
    records with source keys from splits.source_key); unaligned labels are left out."""
    from splits import source_key

    by_key = {source_key(a): a for a in articles}
    out: dict[int, tuple[str, int, int]] = {}
    for i, g in enumerate(gold):
        a = by_key.get(g.key)
        if a is None:
            continue
        raw = raw_text(g.key)
        span = raw[g.start : g.end]
        hit = find(span, a.text, near=g.start / max(1, len(raw)))
        if hit is not None:
            out[i] = (a.article_id, hit[0], hit[1])
    return out
