"""Whole-array pieces of grouping reports (book.developments): the pair rules over every
two reports at once, and the growing table of groups' keys.  Thousands of reports in a
whole-corpus brief: a loop over pairs or a list turned into an array per group is
quadratic in Python."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from briefgen.book.reports import DevelopmentWeights, Report, actors_of


def adjusted(sim: Any, reports: Sequence[Report], w: DevelopmentWeights) -> Any:
    """sim plus DevelopmentFinder._pair of every two reports (the upper triangle's,
    mirrored), over whole arrays: the same sums in the same order as _pair."""
    import numpy as np

    n = len(reports)
    if n < 2:
        return sim.copy()
    whens = [r.when.when.toordinal() if r.when else None for r in reports]
    pubs = [p.toordinal() if (p := r.cand.article.published) else None for r in reports]
    has_when = np.array([x is not None for x in whens])
    when = np.array([x or 0 for x in whens], dtype=np.int64)
    has_pub = np.array([x is not None for x in pubs])
    pub = np.array([x or 0 for x in pubs], dtype=np.int64)
    codes: dict[Any, int] = {}
    subj = np.array([codes.setdefault(r.cand.subject, len(codes)) for r in reports])
    has_subj = np.array([bool(r.cand.subject) for r in reports])
    has_tag = np.array([r.tag is not None for r in reports])
    tags = [r.tag for r in reports]
    fam = np.array([codes.setdefault(("f", t.family), len(codes)) if t else -1 for t in tags])
    kind = np.array([codes.setdefault(("k", t.kind), len(codes)) if t else -1 for t in tags])
    direction = np.array([t.direction if t else 0 for t in tags], dtype=np.int64)

    def both(x: Any) -> Any:
        return x[:, None] & x[None, :]

    def far(x: Any, limit: int) -> Any:
        # days fit in int32: half the bytes of int64 over an n x n table, same answers
        y = x.astype(np.int32)
        return np.abs(y[:, None] - y[None, :]) > limit

    apart = both(has_when) & far(when, w.max_days_apart)
    apart |= both(has_pub) & far(pub, w.max_days_reported)
    same_subj = subj[:, None] == subj[None, :]
    tagged = both(has_tag)
    # each rule adds to the cells it holds for, in place (`where=`): the same floats as
    # np.where(rule, adj + x, adj), without two new n x n tables per rule
    adj = np.zeros((n, n))
    np.subtract(adj, w.other_actor, out=adj, where=both(has_subj) & ~same_subj)
    family = tagged & both(has_when) & (when[:, None] == when[None, :])
    family &= fam[:, None] == fam[None, :]
    rows, cols = np.nonzero(np.triu(family, 1))
    if len(rows):
        acts = [actors_of(r) for r in reports]
        hit = np.array([bool(acts[i] & acts[j]) for i, j in zip(rows, cols, strict=True)])
        family[:] = False
        family[rows[hit], cols[hit]] = True
        family |= family.T
        np.add(adj, w.same_day_family, out=adj, where=family)
    opposite = tagged & (direction[:, None] * direction[None, :] < 0)
    np.subtract(adj, w.opposite, out=adj, where=opposite)
    relief = tagged & ~opposite & (kind[:, None] == kind[None, :]) & same_subj
    np.add(adj, w.same_kind_relief, out=adj, where=relief)
    adj[apart] = -np.inf
    upper = np.triu(np.ones((n, n), dtype=bool), 1)
    # as in _pair's `joint[i, j] + adj`: the float is taken in the matrix's own dtype
    joint = sim + adj.astype(sim.dtype)
    out = np.where(upper, joint, joint.T)  # the upper triangle's, mirrored
    np.fill_diagonal(out, sim.diagonal())
    return out


class KeyTable:
    """DevelopmentFinder._keys of a growing list of groups, kept as one int64 array."""

    def __init__(self, capacity: int) -> None:
        import numpy as np

        self._rows = np.zeros((max(capacity, 1), 3), dtype=np.int64)
        self._n = 0

    def append(self, key: tuple[int, int, int]) -> None:
        import numpy as np

        if self._n == len(self._rows):
            self._rows = np.concatenate([self._rows, np.zeros_like(self._rows)])
        self._rows[self._n] = key
        self._n += 1

    def __setitem__(self, k: int, key: tuple[int, int, int]) -> None:
        self._rows[k] = key

    def array(self) -> Any:
        """The keys so far, (n, 3): a view, valid until the next append."""
        return self._rows[: self._n]
