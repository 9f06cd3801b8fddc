"""The sentence pool's corpus-wide sums at numpy speed, to the last bit of the plain loops.

A whole-corpus brief weighs ten thousand sentences against every article (support) and
looks for the articles that carry a chosen line (similar articles): Python loops over
dicts cost seconds there.  Both give here exactly the floats the loops gave:

- support adds each article's products in the order of the sentence's terms and then
  the capped sums in the order the articles were first met, one addition at a time
  (numpy's cumulative sum is sequential, unlike its pairwise `sum`);
- a similarity test against a threshold is first made on numpy's dot products (which
  add in another order, off by far less than `MARGIN`), and only the pairs within
  `MARGIN` of the threshold or above are tested again with `textsim.cosine`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from briefgen.book.textsim import Vector

# Well above the rounding of a dot product of two unit vectors of a few thousand terms.
MARGIN = 1e-9
# Cells of one block of the support's sentences x articles table.
BLOCK_CELLS = 4_000_000


def support(
    vecs: Sequence[Vector],
    owners: Sequence[str],
    postings: Mapping[str, list[tuple[str, float]]],
    skip: set[str],
    articles: Sequence[str],
    terms_cap: int | None,
    cap: float = 0.25,
) -> list[float]:
    """For each sentence vector (of the article `owners[i]`): the sum over the other
    articles of min(cap, sum over its first `terms_cap` terms (by weight, then term; all
    when None), `skip` left out, of its weight times the article's in `postings`), over
    `cap`.  The same floats as

        acc = {}
        for t, w in terms:
            for aid, w2 in postings.get(t, ()):
                if aid != own: acc[aid] = acc.get(aid, 0.0) + w * w2
        sum(min(v, cap) for v in acc.values()) / cap
    """
    import numpy as np

    if not vecs:
        return []
    col = {aid: j for j, aid in enumerate(articles)}
    row_of: dict[str, int] = {}
    width = max((len(p) for t, p in postings.items() if t not in skip), default=0)
    rows = [[-1] * width]  # row 0: a term with no postings (or one left out)
    weights = [[0.0] * width]
    for t, p in postings.items():
        if t in skip or not p:
            continue
        row_of[t] = len(rows)
        rows.append([col[a] for a, _ in p] + [-1] * (width - len(p)))
        weights.append([w for _, w in p] + [0.0] * (width - len(p)))
    post_col = np.asarray(rows, dtype=np.int64)
    post_w = np.asarray(weights, dtype=np.float64)
    ordered = [sorted(v.items(), key=lambda x: (-x[1], x[0])) for v in vecs]
    if terms_cap is not None:
        ordered = [terms[:terms_cap] for terms in ordered]
    k = max((len(terms) for terms in ordered), default=0)
    term = np.zeros((len(vecs), k), dtype=np.int64)
    tw = np.zeros((len(vecs), k), dtype=np.float64)
    for i, terms in enumerate(ordered):
        term[i, : len(terms)] = [row_of.get(t, 0) for t, _ in terms]
        tw[i, : len(terms)] = [w for _, w in terms]
    own = np.asarray([col.get(o, -1) for o in owners], dtype=np.int64)
    out = np.zeros(len(vecs), dtype=np.float64)
    n = len(articles)
    # a block's widest tables: sentences x articles, and sentences x (terms x postings)
    block = max(1, BLOCK_CELLS // max(n, k * width, 1))
    for lo in range(0, len(vecs), block):
        hi = min(len(vecs), lo + block)
        out[lo:hi] = _block(term[lo:hi], tw[lo:hi], own[lo:hi], post_col, post_w, n, cap)
    return [float(x) for x in out]


def _block(term: Any, tw: Any, own: Any, post_col: Any, post_w: Any, n: int, cap: float) -> Any:
    """support() for one block of sentences."""
    import numpy as np

    r, k = term.shape
    width = post_col.shape[1]
    acc = np.zeros((r, n), dtype=np.float64)
    first = np.full((r, n), -1, dtype=np.int64)  # when each article was first met
    for j in range(k):
        cols = post_col[term[:, j]]  # r x width: the articles of each sentence's j-th term
        prod = tw[:, j, None] * post_w[term[:, j]]
        ok = (cols >= 0) & (cols != own[:, None])
        rr, pos = np.nonzero(ok)
        cc = cols[rr, pos]
        acc[rr, cc] += prod[rr, pos]  # one posting per article and term: no repeats
        new = first[rr, cc] < 0
        first[rr[new], cc[new]] = j * width + pos[new]
    # the capped sums in the order the articles were met, added one at a time
    rr, cc = np.nonzero(first >= 0)
    seq = np.zeros((r, max(k * width, 1)), dtype=np.float64)
    seq[rr, first[rr, cc]] = np.minimum(acc[rr, cc], cap)
    return np.cumsum(seq, axis=1)[:, -1] / cap


class SparseRows:
    """Sparse vectors as rows over one vocabulary: their dot products with a query."""

    def __init__(self, vecs: Sequence[Vector]) -> None:
        import numpy as np

        self.vocab: dict[str, int] = {}
        idx: list[int] = []
        data: list[float] = []
        owner: list[int] = []
        for i, v in enumerate(vecs):
            for t, w in v.items():
                idx.append(self.vocab.setdefault(t, len(self.vocab)))
                data.append(w)
                owner.append(i)
        self.n = len(vecs)
        self.idx = np.asarray(idx, dtype=np.int64)
        self.data = np.asarray(data, dtype=np.float64)
        self.owner = np.asarray(owner, dtype=np.int64)

    def dot(self, q: Vector) -> Any:
        """Each row's dot product with q (within MARGIN of textsim.cosine)."""
        import numpy as np

        dense = np.zeros(len(self.vocab) + 1)
        for t, w in q.items():
            j = self.vocab.get(t)
            if j is not None:
                dense[j] = w
        return np.bincount(self.owner, weights=self.data * dense[self.idx], minlength=self.n)
