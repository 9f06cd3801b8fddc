"""Lexical similarity (TF-IDF over content words) for choosing and de-duplicating lines.

The brief must say the same thing on every run and explain itself, so "how many
articles carry this development" and "is this bullet a repeat" are measured with
plain TF-IDF cosine over content words: cheap, deterministic, no model to load.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import repeat
from operator import mul

Vector = dict[str, float]

_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[0-9]+")

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "aren't",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "let",
        "me",
        "more",
        "most",
        "much",
        "must",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "said",
        "same",
        "say",
        "says",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "told",
        "tell",
        "tells",
        "telling",
        "according",
        "mr",
        "mrs",
        "ms",
        "one",
        "two",
        "three",
        "year",
        "years",
        "week",
        "day",
        "days",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "new",
        "time",
        "like",
        "get",
        "got",
        "also",
        "many",
        "may",
        "might",
        "even",
        "still",
        "yet",
        "however",
        "another",
        "made",
        "make",
        "makes",
        "us",
    ]
)


def _stem(w: str) -> str:
    """A light suffix-stripper: enough to match 'talks'/'talk', 'tested'/'test'."""
    for suf, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            w = w[: -len(suf)] + keep
            break
    # "release" / "released" / "releases" -> "releas"
    return w[:-1] if w.endswith("e") and len(w) > 4 else w


@functools.cache
def _content_word(raw: str) -> str | None:
    """A word as `tokens` keeps it (None: left out); kept per word, as words repeat."""
    w = raw.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in STOPWORDS or len(w) < 2:
        return None
    return _stem(w)


def tokens(text: str) -> list[str]:
    """Content words of `text`, lower-cased and stemmed."""
    words = map(_content_word, _TOKEN_RE.findall(text))
    return [w for w in words if w is not None]


class TfIdf:
    """IDF fitted on a set of documents (articles); vectors are L2-normalised."""

    def __init__(self, documents: Iterable[Sequence[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for doc in documents:
            n += 1
            df.update(set(doc))
        self.n = n
        self.idf = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}
        self._default = math.log(n + 1) + 1.0

    def vector(self, toks: Sequence[str]) -> Vector:
        # the loops run in C (map), adding in the same order: the same floats as
        # {t: (1 + log c) * idf} and the square root of sum(x * x), per term in turn
        tf = Counter(toks)
        idf = map(self.idf.get, tf, repeat(self._default))
        xs = list(map(mul, map(_log_tf, tf.values()), idf))
        norm = math.sqrt(sum(map(mul, xs, xs)))
        return dict(zip(tf, [x / norm for x in xs], strict=True)) if norm else {}


@functools.lru_cache(maxsize=1024)
def _log_tf(c: int) -> float:
    """A term's count, damped: 1 + log(count)."""
    return 1.0 + math.log(c)


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two unit vectors: the products added in the order of the shorter's
    terms (a loop in C, a whole-corpus brief takes millions)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)
