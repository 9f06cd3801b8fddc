"""Each way of training the stance model scored on each kind of span, cross-validated.

    .venv/bin/python benchmarks/stance_spans.py [--c C] [--at FLOOR SHOW]

Trains on gold spans with gold speakers (as shipped), on briefgen's own extracted spans
and speakers (benchmarks/own_spans.py), or on both, and scores each on both kinds of
span of train by week-grouped cross-validation over the same folds (the gold
statements' weeks): each fold's statements read by the model of the other folds,
calibrated on the other folds' cross-validated probabilities of the training kind.
The own-span figure is the nearer to end to end (benchmarks/positions.py), which reads
briefgen's spans and speakers; its gold positions are only those of quotations briefgen
extracts.  Scored at the shipped floor and display threshold (or --at), and at the
setting the grid chooses on the training kind.  Nothing is written.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "benchmarks" / "labels"))

import numpy as np  # noqa: E402
import train_stance as ts  # noqa: E402
from own_spans import own_examples  # noqa: E402
from stance_variants import shipped_settings  # noqa: E402


def read_across(
    train: list[ts.Example], evals: list[list[ts.Example]], emb: dict[str, np.ndarray], c: float
) -> tuple[ts.Probs, list[ts.Probs]]:
    """(train's own cross-calibrated probabilities, each of evals read by the same fold
    models and calibrations)."""
    from briefgen.nlp.stance import StanceModel

    def arrays(ex: list[ts.Example]) -> tuple[np.ndarray, np.ndarray]:
        hand = np.array([e.hand for e in ex], dtype=np.float32)
        return hand, np.stack([emb[e.text] for e in ex])

    hand, x = arrays(train)
    raw = ts._cv_probs(hand, x, train, c)
    fold = ts._folds(train)
    outs: list[ts.Probs] = [[{} for _ in ev] for ev in evals]
    for f in range(ts.FOLDS):
        model = StanceModel({**ts.fit(hand, x, train, fold != f, c), "threshold": np.float32(0)})
        cal = ts.fit_calibration(train, raw, fold != f)
        for ev, out in zip(evals, outs, strict=True):
            test = np.where(ts._folds(ev) == f)[0]
            if not len(test):
                continue
            p = model.probabilities(*arrays([ev[n] for n in test]))
            rows = [
                {i: (float(v[0][j]), float(v[1][j])) for i, v in p.items()}
                for j in range(len(test))
            ]
            for n, row in zip(test, ts.calibrate(rows, cal), strict=True):
                out[n] = row
    return ts.cross_calibrated(train, raw), outs


def main() -> int:
    from briefgen.config import Settings
    from briefgen.nlp.embeddings import Embedder

    ap = argparse.ArgumentParser()
    ap.add_argument("--c", type=float, default=0.01)
    ap.add_argument("--at", nargs=2, type=float, help="floor and display threshold")
    args = ap.parse_args()
    names = ts.training_names()
    arts, docs = ts.load_articles_and_docs(names)
    gold = ts.examples(names, arts, docs)
    ts.FOLD_KEYS.update(e.week or e.key for e in gold)
    own = own_examples(names, arts, docs)
    texts = sorted({e.text for e in gold + own})
    emb = dict(zip(texts, np.asarray(Embedder(Settings().cache_dir).embed(texts)), strict=True))
    kinds = {"gold": gold, "own": own}
    fixed = tuple(round(x, 3) for x in (args.at or shipped_settings()))
    print(f"C {args.c}; found/gold printed right/printed, at floor/show {fixed} and as chosen")
    for label, train in (("gold", gold), ("own", own), ("union", gold + own)):
        mine, read = read_across(train, list(kinds.values()), emb, args.c)
        with contextlib.redirect_stdout(io.StringIO()):
            best = ts._grid(train, mine, label)
        for (on, evals), probs in zip(kinds.items(), read, strict=True):
            line = f"trained on {label:5} read on {on:4} spans:"
            for floor, show in [fixed] + ([best[1:3]] if best else []):
                g, made, right, found = ts.actor_scores(
                    evals, ts.stances_at(evals, probs, floor), show
                )
                line += f"  {floor}/{show}: {found}/{g} {right}/{made}"
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
