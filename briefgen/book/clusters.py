"""Average-linkage clustering over a similarity matrix, for grouping reports of one event.

Average linkage joins two clusters only when their members are, on average, similar:
one sentence that mentions two developments cannot chain them together (single
linkage would).  Deterministic: ties go to the lower indices.
"""

from __future__ import annotations

from typing import Any


def average_linkage(sim: Any, threshold: float) -> list[list[int]]:
    """Clusters of row indices whose average pairwise similarity stays >= threshold.

    `sim` is a square numpy array (symmetric); entries may be negative (a pair that must
    never meet can be given -inf).  Each cluster lists its indices in ascending order;
    clusters come in order of their first index.
    """
    import numpy as np

    n = int(sim.shape[0])
    if n == 0:
        return []
    s = np.array(sim, dtype=np.float64, copy=True)
    np.fill_diagonal(s, -np.inf)
    if np.isnan(s).any():
        return _average_linkage_scan(s, threshold)
    members: list[list[int]] = [[i] for i in range(n)]
    # Each row's best entry (first column on ties), kept up to date as clusters merge:
    # the closest pair is then found in O(n), not by scanning the whole matrix.  Merged-
    # away rows and columns are -inf, so the first row with the best value and its best
    # column are exactly the first maximum of the whole matrix in row-major order.
    best_val = s.max(axis=1)
    best_idx = s.argmax(axis=1)
    while True:
        r = int(np.argmax(best_val))
        if best_val[r] < threshold:
            break
        i, j = sorted((r, int(best_idx[r])))
        _merge(s, members, i, j)
        # rows whose best was i or j look again; the rest only compare the new column i
        stale = (best_idx == i) | (best_idx == j)
        stale[i] = stale[j] = True
        col = s[:, i]
        better = ~stale & ((col > best_val) | ((col == best_val) & (best_idx > i)))
        best_val[better] = col[better]
        best_idx[better] = i
        rows = np.nonzero(stale)[0]
        sub = s[rows]
        best_val[rows] = sub.max(axis=1)
        best_idx[rows] = sub.argmax(axis=1)
    return [m for m in members if m]


def _average_linkage_scan(s: Any, threshold: float) -> list[list[int]]:
    """The same by scanning the whole matrix at each merge (NaN entries order as
    numpy's argmax orders them)."""
    import numpy as np

    n = int(s.shape[0])
    members: list[list[int]] = [[i] for i in range(n)]
    alive = np.ones(n, dtype=bool)
    while True:
        masked = np.where(alive[:, None] & alive[None, :], s, -np.inf)
        flat = int(np.argmax(masked))
        i, j = divmod(flat, n)
        if masked[i, j] < threshold:
            break
        i, j = min(i, j), max(i, j)
        _merge(s, members, i, j)
        alive[j] = False
    return [m for m in members if m]


def _merge(s: Any, members: list[list[int]], i: int, j: int) -> None:
    """Cluster j joins cluster i (i < j): row and column i become the merged cluster's
    average similarity to every other cluster, j is emptied and set to -inf."""
    ni, nj = len(members[i]), len(members[j])
    s[i, :] = (s[i, :] * ni + s[j, :] * nj) / (ni + nj)
    s[:, i] = s[i, :]
    s[i, i] = -float("inf")
    members[i] = sorted(members[i] + members[j])
    members[j] = []
    s[j, :] = -float("inf")
    s[:, j] = -float("inf")
