"""ROUGE-N F between a summary and a reference, as rouge-score computes it.

Lower-case, every run of letters and digits a token, Porter-stemmed (rouge-score's
`use_stemmer=True`), no stop-word removal; n-gram counts are clipped, F is the harmonic
mean of precision and recall.  Small enough to read, so the figure can be checked.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

_TOKEN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


def tokens(text: str) -> list[str]:
    stem = _stemmer().stem
    return [stem(t) if len(t) > 3 else t for t in _TOKEN.findall(text.lower())]


def ngrams(toks: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def rouge_n(summary: str, reference: str, n: int) -> tuple[float, float, float]:
    """(precision, recall, F) of n-grams of `summary` against `reference`."""
    s, r = ngrams(tokens(summary), n), ngrams(tokens(reference), n)
    overlap = sum((s & r).values())
    p = overlap / max(sum(s.values()), 1)
    rec = overlap / max(sum(r.values()), 1)
    f = 2 * p * rec / (p + rec) if p + rec else 0.0
    return p, rec, f
