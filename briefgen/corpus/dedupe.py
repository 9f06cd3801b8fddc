"""Near-duplicate articles (one wire story in several outlets, reposts, updated versions).

Word 5-gram shingles -> 64 MinHash values -> LSH (16 bands of 4 rows) proposes candidate
pairs in about linear time; each candidate pair is then checked on its exact shingle sets
(Jaccard >= 0.5, or >= 0.8 of the shorter text contained in the longer, for a trimmed
repost).  Nothing compares every article with every other one.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Callable, Sequence

import numpy as np

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 5
MIN_SHINGLES = 12
JACCARD = 0.5
CONTAINMENT = 0.8
SHORT_SHINGLES = 60
_rng = np.random.RandomState(20240727)  # fixed: the same corpus always merges the same way
# multiply-shift hashing: (a*x + b) mod 2**64 with odd random a, keep the high 32 bits
_A = (
    _rng.randint(0, 1 << 62, size=NUM_PERM, dtype=np.int64).astype(np.uint64) << np.uint64(1)
) | np.uint64(1)
_B = _rng.randint(0, 1 << 62, size=NUM_PERM, dtype=np.int64).astype(np.uint64)


_TOKEN_HASH: dict[str, int] = {}


def shingles(text: str) -> set[int]:
    """Hashes (32-bit, deterministic across runs) of the text's word 5-grams."""
    toks = re.findall(r"\w+", text.lower())
    if not toks:
        return set()
    cache = _TOKEN_HASH
    if len(cache) > 500_000:
        cache.clear()
    for t in set(toks).difference(cache):
        cache[t] = zlib.crc32(t.encode("utf-8"))
    ids = np.array([cache[t] for t in toks], dtype=np.uint64)
    if len(ids) < SHINGLE:
        return {int(ids.sum() % np.uint64(1 << 32))}
    n = len(ids) - SHINGLE + 1
    h = np.zeros(n, dtype=np.uint64)
    for k in range(SHINGLE):  # polynomial hash, wrapping in 64 bits, folded to 32
        h = h * np.uint64(1000003) + ids[k : k + n]
    h = (h ^ (h >> np.uint64(32))) & np.uint64(0xFFFFFFFF)
    return set(h.tolist())


def minhash(sh: set[int]) -> np.ndarray:
    x = np.fromiter(sh, dtype=np.uint64, count=len(sh))
    with np.errstate(over="ignore"):
        h = (np.outer(_A, x) + _B[:, None]) >> np.uint64(32)  # wraps mod 2**64 on purpose
    return h.min(axis=1)


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature of a text (None when it is too short to compare).

    It depends on the text alone, so the article store keeps it and a rerun compares
    stored articles without shingling them again."""
    sh = shingles(text)
    return minhash(sh) if len(sh) >= MIN_SHINGLES else None


def alike(sa: set[int], sb: set[int]) -> bool:
    """The exact test of a candidate pair on its shingle sets."""
    if not sa or not sb:
        return False
    inter = len(sa & sb)
    jac = inter / len(sa | sb)
    contain = inter / min(len(sa), len(sb))
    short = min(len(sa), len(sb)) < SHORT_SHINGLES
    # short templated items ("delegation arrives" / "delegation leaves") share most of
    # their words: ask for near-identity there
    return jac >= 0.8 if short else (jac >= JACCARD or contain >= CONTAINMENT)


def bands(sig: np.ndarray) -> list[bytes]:
    """The LSH band keys of a signature (a pair sharing one is a candidate)."""
    return [sig[b * ROWS : (b + 1) * ROWS].tobytes() for b in range(BANDS)]


def duplicate_groups(
    texts: Sequence[str],
    can_merge: Callable[[int, int], bool] | None = None,
    signatures: Sequence[np.ndarray | None] | None = None,
) -> list[list[int]]:
    """Groups (lists of indexes, in input order) of near-duplicate texts; singletons left out.

    `can_merge(i, j)`, when given, can veto a pair (e.g. dates a month apart).
    `signatures` (one per text, see `signature`) skips computing them; the exact check of
    a candidate pair then shingles only the texts of candidate pairs."""
    sets: dict[int, set[int]] = {}

    def shingle_set(i: int) -> set[int]:
        if i not in sets:
            sets[i] = shingles(texts[i])
        return sets[i]

    if signatures is None:
        sigs: list[np.ndarray | None] = []
        for i in range(len(texts)):
            sh = shingle_set(i)
            sigs.append(minhash(sh) if len(sh) >= MIN_SHINGLES else None)
    else:
        sigs = list(signatures)
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    for i, sig in enumerate(sigs):
        if sig is None:
            continue
        for b, key in enumerate(bands(sig)):
            buckets[(b, key)].append(i)
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    checked: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if (i, j) in checked or find(i) == find(j):
                    continue
                checked.add((i, j))
                similar = alike(shingle_set(i), shingle_set(j))
                if similar and (can_merge is None or can_merge(i, j)):
                    parent[find(j)] = find(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(texts)):
        groups[find(i)].append(i)
    return sorted((g for g in groups.values() if len(g) > 1), key=lambda g: g[0])
