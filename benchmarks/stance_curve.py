"""Learning curve of the stance model: does more labelled data help?

    .venv/bin/python benchmarks/stance_curve.py [--c C] [--without NAME ...] [--fractions ...]

The model is trained as benchmarks/train_stance.py trains it (same features, same C, same
per-issue calibration, same week-grouped folds) on a share of the train-split articles
(nested: the 40% are inside the 60%, chosen by a fixed seed over article keys).  Each
share is measured twice, on the same denominators at every share:

- train, cross-validated: every training statement read by the fold model that did not
  see its week, that fold model fitted on the share's articles of the other folds only;
  floor and display threshold chosen on these (the most actor positions at
  train_stance.TARGET_PRECISION), as train_stance.py chooses them;
- dev: the model fitted on the whole share, read at those thresholds.

Figures are gold-speaker actor positions of official speakers (train_stance.actor_scores),
so extraction and speakers play no part.  Train labels only; dev is only read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_stance as ts  # noqa: E402


def best_setting(
    ex: list[ts.Example], probs: ts.Probs
) -> tuple[float, float, tuple[int, int, int, int]] | None:
    """(floor, show, scores) with the most gold positions found at the target precision."""
    best: tuple[float, float, tuple[int, int, int, int]] | None = None
    for floor in (0.2, 0.3, 0.4, 0.5):
        st = ts.stances_at(ex, probs, floor)
        for show in ts.SHOWS:
            sc = ts.actor_scores(ex, st, show)
            prec = sc[2] / sc[1] if sc[1] else 0.0
            if prec >= ts.TARGET_PRECISION and (best is None or sc[3] > best[2][3]):
                best = (floor, show, sc)
    return best


def cv_on_share(
    hand: np.ndarray, emb: np.ndarray, ex: list[ts.Example], share: np.ndarray, c: float
) -> tuple[ts.Probs, ts.Probs]:
    """(raw, calibrated) cross-validated probabilities of every training statement, each
    fold's model and calibration fitted on the share's rows of the other folds."""
    from briefgen.nlp.stance import StanceModel

    fold = ts._folds(ex)
    raw: ts.Probs = [{} for _ in ex]
    for f in range(ts.FOLDS):
        rows = (fold != f) & share
        model = StanceModel({**ts.fit(hand, emb, ex, rows, c), "threshold": np.float32(0)})
        test = np.where(fold == f)[0]
        p = model.probabilities(hand[test], emb[test])
        for j, n in enumerate(test):
            raw[n] = {i: (float(v[0][j]), float(v[1][j])) for i, v in p.items()}
    cal: ts.Probs = [{} for _ in ex]
    for f in range(ts.FOLDS):
        c_f = ts.fit_calibration(ex, raw, (fold != f) & share)
        test = np.where(fold == f)[0]
        for n, row in zip(test, ts.calibrate([raw[n] for n in test], c_f), strict=True):
            cal[n] = row
    return raw, cal


def main() -> int:
    from briefgen.config import Settings
    from briefgen.nlp.embeddings import Embedder
    from briefgen.nlp.stance import StanceModel

    ap = argparse.ArgumentParser()
    ap.add_argument("--c", type=float, default=0.005)
    ap.add_argument("--without", nargs="*", default=[], help="label files to leave out")
    ap.add_argument("--fractions", nargs="*", type=float, default=[0.4, 0.6, 0.8, 1.0])
    ap.add_argument(
        "--vetoes",
        nargs="*",
        default=["contradicted,mixed"],
        help="sets of nlp.stance vetoes to measure, each comma-separated ('' for none)",
    )
    ap.add_argument(
        "--target", type=float, default=ts.TARGET_PRECISION, help="train CV precision to reach"
    )
    args = ap.parse_args()
    ts.TARGET_PRECISION = args.target
    names = [n for n in ts.training_names() if n not in args.without]
    arts, docs = ts.load_articles_and_docs([*names, ts.DEV])
    ex = ts.examples(names, arts, docs)
    dev = ts.examples([ts.DEV], arts, docs)
    embedder = Embedder(Settings().cache_dir)
    emb = np.asarray(embedder.embed([e.text for e in ex]))
    hand = np.array([e.hand for e in ex], dtype=np.float32)
    dev_emb = np.asarray(embedder.embed([e.text for e in dev]))
    dev_hand = np.array([e.hand for e in dev], dtype=np.float32)
    keys = sorted({e.key for e in ex})
    order = {k: r for r, k in enumerate(np.random.RandomState(7).permutation(len(keys)))}
    rank = np.array([order[keys.index(e.key)] / len(keys) for e in ex])
    print(f"files: {', '.join(names)}; C {args.c}; {len(keys)} articles, {len(ex)} statements")
    print("share articles statements vetoes | train CV: floor show gold printed right found | dev")
    for frac in args.fractions:
        share = rank < frac
        raw, cal = cv_on_share(hand, emb, ex, share, args.c)
        arrays = ts.fit(hand, emb, ex, share, args.c)
        model = StanceModel({**arrays, "threshold": np.float32(0)})
        p = model.probabilities(dev_hand, dev_emb)
        dev_probs = [
            {i: (float(v[0][j]), float(v[1][j])) for i, v in p.items()} for j in range(len(dev))
        ]
        dev_probs = ts.calibrate(dev_probs, ts.fit_calibration(ex, raw, share))
        n_art = len({e.key for e, s in zip(ex, share, strict=True) if s})
        for vset in args.vetoes:
            ts.VETOES = tuple(v for v in vset.split(",") if v)
            head = f"{frac:5} {n_art:8d} {int(share.sum()):10d} {vset or 'none':>20} |"
            best = best_setting(ex, cal)
            if best is None:
                print(f"{head} no setting reaches {ts.TARGET_PRECISION} on train CV")
                continue
            floor, show, (g, made, right, found) = best
            dg, dmade, dright, dfound = ts.actor_scores(
                dev, ts.stances_at(dev, dev_probs, floor), show
            )
            print(
                f"{head} {floor:5} {show:5} {g:4d} {made:7d} {right:5d} {found:5d} "
                f"({found / g:.3f} at {right / max(1, made):.3f}) | "
                f"{dfound}/{dg} ({dfound / dg:.3f}) at {dright}/{dmade} "
                f"({dright / max(1, dmade):.3f})",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
