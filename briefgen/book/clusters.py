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
    members: list[list[int]] = [[i] for i in range(n)]
    alive = np.ones(n, dtype=bool)
    while True:
        masked = np.where(alive[:, None] & alive[None, :], s, -np.inf)
        flat = int(np.argmax(masked))
        i, j = divmod(flat, n)
        if masked[i, j] < threshold:
            break
        i, j = min(i, j), max(i, j)
        ni, nj = len(members[i]), len(members[j])
        # The merged cluster's average similarity to every other cluster.
        s[i, :] = (s[i, :] * ni + s[j, :] * nj) / (ni + nj)
        s[:, i] = s[i, :]
        s[i, i] = -np.inf
        members[i] = sorted(members[i] + members[j])
        members[j] = []
        alive[j] = False
        s[j, :] = -np.inf
        s[:, j] = -np.inf
    return [m for m in members if m]
