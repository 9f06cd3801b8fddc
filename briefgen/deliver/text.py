"""Small text helpers shared by the delivery modules."""

from __future__ import annotations

import re

MAX_ITEM_CHARS = 600
MB = 1024 * 1024
_CTRL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def count_noun(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def clean_text(text: str, limit: int = MAX_ITEM_CHARS) -> str:
    s = " ".join(_CTRL_RE.sub(" ", text).split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def size_text(n: int) -> str:
    if n >= MB:
        return f"{n / MB:.1f} MB"
    return f"{max(1, round(n / 1024))} KB"
