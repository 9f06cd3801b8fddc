"""Train the stance model (briefgen/data/models/stance.npz) from the labelled statements.

    .venv/bin/python benchmarks/train_stance.py [--dry-run] [--out PATH] [--c C] [--uncalibrated]
        [--spans gold|own|union]

Data: the labelled statements of the train split only — quotes-train.jsonl (every
quotation of whole articles, with the positions its speaker takes) and
statements-*.jsonl (single statements of train-split articles sampled for the issues).
quotes-dev.jsonl is kept apart to check and to measure (benchmarks/positions.py --split
dev); the test labels are never read here.  Every quotation of quotes-train.jsonl was
labelled (GUIDE.md: no position listed is a labelled 'no clear position'), so one with
no positions is a negative for every issue, not an unlabelled statement.  They are read
as model inputs by benchmarks/stance_examples.py, and scored by stance_scores.py.
`--relevance-only NAME...`: train-split label sets that teach the relevance models only
(does a statement take a stance on the issue at all?), not the sign models nor the
scoring; none by default (see RELEVANCE_ONLY for what they did).  `--spans own` trains
on briefgen's own extracted quotations of those articles instead (benchmarks/own_spans.py),
`union` on both.

The regularisation C, the statement floor (a stance below it is not kept) and the
display threshold (a position below it is not printed) are chosen by 5-fold
cross-validation on train grouped by week (no week's statements in two folds): the most actor
positions at a precision of at least TARGET_PRECISION, counted as benchmarks/positions.py counts
them: per speaker and week (or article), official speakers, through the same
aggregation code the brief uses (nlp.positions.actor_positions).  Statement
confidences are calibrated per issue (fit_calibration: how often a reading of that
P(stance) and P(side) was right among the whole-article statements), each fold by the
other folds' cross-validated probabilities, so the display threshold means the same for
every issue (`--uncalibrated`: the older raw product).  The model is then
fitted on all of train and only checked on dev at those settings (the dev grid is
printed beside, not chosen from; `--thresholds-on dev` is the older way, kept to
compare).  A model whose printed positions fall below 0.85 precision on dev at those
settings is not written.  Prints the figures it chose by.
"""

from __future__ import annotations

import argparse
import os
import sys
import zlib
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks" / "labels"))

import numpy as np  # noqa: E402
from stance_examples import (  # noqa: E402,F401  (re-exported: benchmarks import them here)
    DEV,
    GROUP_TO_KIND,
    Example,
    examples,
    load_articles_and_docs,
    training_names,
)
from stance_scores import OFFICIAL, Key, actor_scores, miss_causes  # noqa: E402,F401

OUT = ROOT / "briefgen" / "data" / "models" / "stance.npz"
TARGET_PRECISION = 0.95  # a margin over the 0.9 the brief promises: train flatters
DEV_CHECK = 0.85  # a model whose printed positions fall below this on dev is not written
FOLDS = 5
# which of nlp.stance's vetoes the grid applies (--vetoes); the shipped code's by default
VETOES: tuple[str, ...] | None = None
# the weeks folds are drawn over (--spans own|union: the gold statements', as for gold)
FOLD_KEYS: set[str] = set()
# display thresholds tried: calibrated confidences crowd between 0.8 and 0.95, so the
# grid steps 0.005 there (a 0.025 step from 0.85 to 0.875 passed over 0.87, which on
# week-grouped CV train finds one more position at the same precision, and let a wrong
# 'talks +1' at 0.86 print in another model); positions' confidences have 3 decimals
SHOWS = (0.5, 0.6, 0.7, 0.75, *(round(0.8 + 0.005 * n, 3) for n in range(31)))


# Relevance-only label sets tried (--relevance-only): anytopic-statements6, speech of any
# topic with mostly no position, the negatives the issue-sampled statements-* lack.
# Measured 2026-12-02 (C 0.005, with d553748's phrases): CV train 53/219 found, 53/55
# printed right (shipped 48/50); dev statements 39/96 (39/45, 0.867; shipped 38/43); end to
# end on dev (benchmarks/positions.py --split dev) 39/95 found, 26/32 printed right, against
# the shipped model's 40/95, 26/30: more wrong, none more found, so not the default.
RELEVANCE_ONLY: tuple[str, ...] = ()


def fit(
    hand: np.ndarray,
    emb: np.ndarray,
    ex: list[Example],
    rows: np.ndarray,
    c: float,
    weights: np.ndarray | None = None,
) -> dict[str, Any]:
    """Per-issue relevance and sign models on `rows`; arrays in the shipped layout.
    `weights` (one per statement, default 1) lets benchmarks/stance_variants.py count a
    label set for less.  Relevance-only statements train the relevance models alone."""
    from sklearn.linear_model import LogisticRegression

    from briefgen.knowledge.issues import issue_keys
    from briefgen.nlp.stance import issue_design, model_feature_names

    issues = list(issue_keys())
    w = np.ones(len(ex)) if weights is None else weights
    only = np.array([e.relevance_only for e in ex], dtype=bool)
    arrays: dict[str, list[Any]] = defaultdict(list)
    for k, issue in enumerate(issues):
        x = issue_design(hand, emb, k)
        mean, scale = x[rows].mean(0), x[rows].std(0) + 1e-6
        xs = (x - mean) / scale
        y = np.array([issue in e.labels for e in ex])
        rel = LogisticRegression(C=c, max_iter=5000).fit(xs[rows], y[rows], sample_weight=w[rows])
        signs = np.array([e.labels.get(issue, 0) for e in ex])
        srows = rows & (signs != 0) & ~only
        if len(set(signs[srows] > 0)) > 1:
            pos = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
            pos.fit(xs[srows], signs[srows] > 0, sample_weight=w[srows])
            pos_coef, pos_icpt = pos.coef_[0], float(pos.intercept_[0])
        else:
            pos_coef, pos_icpt = np.zeros(x.shape[1]), 4.0 if (signs[srows] > 0).all() else -4.0
        arrays["x_mean"].append(mean)
        arrays["x_scale"].append(scale)
        arrays["rel_coef"].append(rel.coef_[0])
        arrays["rel_icpt"].append(float(rel.intercept_[0]))
        arrays["pos_coef"].append(pos_coef)
        arrays["pos_icpt"].append(pos_icpt)
    out: dict[str, Any] = {k: np.array(v, dtype=np.float32) for k, v in arrays.items()}
    out["issues"] = np.array(issues)
    out["feature_names"] = np.array(model_feature_names())
    return out


def _folds(ex: list[Example]) -> np.ndarray:
    """Each statement's fold: by week (undated articles by article).  One statement quoted
    by several outlets that week must not be in two folds, or the folds flatter the model
    (grouped by article, thresholds chosen on them printed at 0.82 precision on dev)."""
    keys = sorted(FOLD_KEYS or {e.week or e.key for e in ex if not e.relevance_only})
    rng = np.random.RandomState(20261201)
    fold_of = {k: rng.randint(FOLDS) for k in keys}
    # a relevance-only statement goes with its week, or (a week of its own) by its hash:
    # the scored statements' folds stay those of the model without them
    return np.array(
        [fold_of.get(k, zlib.crc32(k.encode()) % FOLDS) for k in (e.week or e.key for e in ex)]
    )


Probs = list[dict[str, tuple[float, float]]]


def _cv_probs(
    hand: np.ndarray,
    emb: np.ndarray,
    ex: list[Example],
    c: float,
    weights: np.ndarray | None = None,
) -> Probs:
    """Each training statement's probabilities from the fold model that did not see it."""
    from briefgen.nlp.stance import StanceModel

    fold = _folds(ex)
    probs: Probs = [{} for _ in ex]
    for f in range(FOLDS):
        arrays = fit(hand, emb, ex, fold != f, c, weights)
        model = StanceModel({**arrays, "threshold": np.float32(0)})
        test = np.where(fold == f)[0]
        p = model.probabilities(hand[test], emb[test])
        for j, n in enumerate(test):
            probs[n] = {i: (float(v[0][j]), float(v[1][j])) for i, v in p.items()}
    return probs


def fit_calibration(ex: list[Example], probs: Probs, rows: np.ndarray) -> dict[str, np.ndarray]:
    """Per issue, P(the stance read is right) over the logits of P(stance) and P(side):
    fitted on cross-validated probabilities of whole-article statements (quotes-*), where
    most statements take no stance, as in a week's articles (the sampled statements-*
    all name an issue's terms and flatter relevance).  Issues differ: a talks reading
    was right less often than a sanctions reading of the same P(stance)."""
    from sklearn.linear_model import LogisticRegression

    from briefgen.knowledge.issues import issue_keys
    from briefgen.nlp.calibration import RAW_FLOOR

    coef, icpt = [], []
    for issue in issue_keys():
        x, y = [], []
        for n in np.where(rows)[0]:
            e = ex[n]
            if not e.source.startswith("quotes-") or issue not in probs[n]:
                continue
            pr, pp = probs[n][issue]
            side = max(pp, 1 - pp)
            if pr * side < RAW_FLOOR:
                continue
            x.append([_logit(pr), _logit(side)])
            y.append(e.labels.get(issue) == (1 if pp >= 0.5 else -1))
        if len(set(y)) > 1:
            m = LogisticRegression(C=1.0).fit(np.array(x), np.array(y))
            coef.append(m.coef_[0])
            icpt.append(float(m.intercept_[0]))
        else:  # no example either way: no reading of this issue is trusted
            coef.append(np.zeros(2))
            icpt.append(-6.0)
    return {
        "cal_coef": np.array(coef, dtype=np.float32),
        "cal_icpt": np.array(icpt, dtype=np.float32),
    }


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return float(np.log(p / (1 - p)))


def calibrate(probs: Probs, cal: dict[str, np.ndarray]) -> Probs:
    """The probabilities as the shipped model reads them: (calibrated confidence, 1.0 or
    0.0 for the side), so that _stance and the grid take them as they are."""
    from briefgen.knowledge.issues import issue_keys
    from briefgen.nlp.calibration import calibrated

    k_of = {i: k for k, i in enumerate(issue_keys())}
    out: Probs = []
    for q in probs:
        row = {}
        for i, (pr, pp) in q.items():
            k = k_of[i]
            conf = float(calibrated(pr, pp, cal["cal_coef"][k], float(cal["cal_icpt"][k])))
            row[i] = (conf, 1.0 if pp >= 0.5 else 0.0)
        out.append(row)
    return out


def cross_calibrated(ex: list[Example], probs: Probs) -> Probs:
    """Cross-validated probabilities, each fold calibrated by the other folds only."""
    fold = _folds(ex)
    out: Probs = [{} for _ in ex]
    for f in range(FOLDS):
        cal = fit_calibration(ex, probs, fold != f)
        test = np.where(fold == f)[0]
        for n, row in zip(test, calibrate([probs[n] for n in test], cal), strict=True):
            out[n] = row
    return out


def _grid(
    ex: list[Example], probs: Probs, label: str
) -> tuple[int, float, float, tuple[int, int, int, int]] | None:
    """The (found, floor, show, scores) with the most gold actor positions found at the
    target precision, printing each setting."""
    best: tuple[int, float, float, tuple[int, int, int, int]] | None = None
    for floor in (0.2, 0.3, 0.4, 0.5):
        stances = stances_at(ex, probs, floor)
        for show in SHOWS:
            g, made, right, found = actor_scores(ex, stances, show)
            prec = right / made if made else 0.0
            line = f"{label:>8} {floor:5} {show:5}   {g:4d} {made:7d} {right:5d}  {prec:.2f} {found / max(1, g):.2f}"
            if prec >= TARGET_PRECISION and (best is None or found > best[0]):
                best = (found, floor, show, (g, made, right, found))
                line += "  *"
            print(line)
    return best


def main() -> int:
    from briefgen.config import Settings
    from briefgen.knowledge.issues import issue_keys
    from briefgen.nlp.embeddings import Embedder
    from briefgen.nlp.stance import StanceModel

    ap = argparse.ArgumentParser()
    ap.add_argument("--dry-run", action="store_true", help="report, do not write the model")
    ap.add_argument("--out", type=Path, default=OUT, help=f"where to write (default {OUT})")
    ap.add_argument("--c", type=float, help="use this C (skip the cross-validation on train)")
    ap.add_argument(
        "--uncalibrated", action="store_true", help="no per-issue calibration (the older way)"
    )
    ap.add_argument("--also", nargs="*", default=[], help="more train-split label files")
    ap.add_argument(
        "--relevance-only",
        nargs="*",
        default=list(RELEVANCE_ONLY),
        help="train-split label sets for the relevance models only (anytopic-statements6)",
    )
    ap.add_argument(
        "--thresholds-on",
        choices=["train", "dev"],
        default="train",
        help="choose floor and display threshold on cross-validated train (default) or dev",
    )
    ap.add_argument(
        "--vetoes",
        nargs="*",
        help="nlp.stance vetoes the grid applies (contradicted, mixed); default the shipped ones",
    )
    ap.add_argument(
        "--spans",
        choices=["gold", "own", "union"],
        default="gold",
        help="train on gold spans (default), briefgen's own extracted ones, or both",
    )
    args = ap.parse_args()
    global VETOES
    VETOES = tuple(args.vetoes) if args.vetoes is not None else None
    names = training_names() + [n for n in args.also if n not in training_names()]
    rel_names = [n for n in args.relevance_only if n not in names]
    arts, docs = load_articles_and_docs([*names, *rel_names, DEV])
    ex = examples(names, arts, docs)
    if args.spans != "gold":  # the same folds, drawn over the gold statements' weeks
        from own_spans import own_examples

        FOLD_KEYS.update(e.week or e.key for e in ex)
        ex = own_examples(names, arts, docs) + (ex if args.spans == "union" else [])
    for e in (rel := examples(rel_names, arts, docs)):
        e.relevance_only = True
    dev = examples([DEV], arts, docs)
    counts = Counter(e.source for e in ex + rel)
    print(
        "statements:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), f"(dev {len(dev)})"
    )
    embedder = Embedder(Settings().cache_dir)
    emb = np.asarray(embedder.embed([e.text for e in ex + rel]))
    hand = np.array([e.hand for e in ex + rel], dtype=np.float32)
    dev_emb = np.asarray(embedder.embed([e.text for e in dev]))
    dev_hand = np.array([e.hand for e in dev], dtype=np.float32)
    print(
        f"{'C':>8} {'floor':>5} {'show':>5}   gold printed right  prec recall  (train, cross-validated)"
    )
    chosen_c, cv_best = 0.01, -1
    cv: dict[float, Probs] = {}
    raw: dict[float, Probs] = {}
    on_train: dict[float, tuple[int, float, float, tuple[int, int, int, int]]] = {}
    for c in (args.c,) if args.c else (0.005, 0.01, 0.02):
        raw[c] = _cv_probs(hand, emb, ex + rel, c)[: len(ex)]
        cv[c] = raw[c] if args.uncalibrated else cross_calibrated(ex, raw[c])
        best = _grid(ex, cv[c], str(c))
        if best is not None:
            on_train[c] = best
            if best[0] > cv_best:
                chosen_c, cv_best = c, best[0]
    chosen_c = args.c or chosen_c
    arrays = fit(hand, emb, ex + rel, np.ones(len(ex) + len(rel), dtype=bool), chosen_c)
    model = StanceModel({**arrays, "threshold": np.float32(0)})
    p = model.probabilities(dev_hand, dev_emb)
    dev_probs = [
        {i: (float(v[0][j]), float(v[1][j])) for i, v in p.items()} for j in range(len(dev))
    ]
    if chosen_c not in raw:
        raw[chosen_c] = _cv_probs(hand, emb, ex + rel, chosen_c)[: len(ex)]
        cv[chosen_c] = raw[chosen_c] if args.uncalibrated else cross_calibrated(ex, raw[chosen_c])
    if not args.uncalibrated:
        cal = fit_calibration(ex, raw[chosen_c], np.ones(len(ex), dtype=bool))
        arrays.update(cal)
        dev_probs = calibrate(dev_probs, cal)
    print(f"\nC {chosen_c} (cross-validated on train); dev, {args.thresholds_on} chooses:")
    dev_best = _grid(dev, dev_probs, "dev")
    best = on_train.get(chosen_c) if args.thresholds_on == "train" else dev_best
    assert best is not None, f"no setting reaches the target precision on {args.thresholds_on}"
    _, floor, show, (g, made, right, found) = best
    cv_scores = on_train[chosen_c][3] if chosen_c in on_train else (0, 0, 0, 0)
    dev_stances = stances_at(dev, dev_probs, floor)
    dev_scores = actor_scores(dev, dev_stances, show)
    for label, (g, made, right, found) in (
        ("train (cross-validated)", cv_scores if args.thresholds_on == "train" else (0, 0, 0, 0)),
        ("dev", dev_scores),
    ):
        if g:
            print(
                f"chosen: C {chosen_c}, statement floor {floor}, display threshold {show}: "
                f"{label} actor positions precision {right / max(1, made):.3f}, recall "
                f"{found / g:.3f} ({found} of {g} gold positions of official speakers, "
                f"{right} of {made} printed right)"
            )
    print("gold actor positions of official speakers (gold speakers) found or why missed:")
    cv_probs = cv[chosen_c]
    for label, part, probs in (("train (cross-validated)", ex, cv_probs), ("dev", dev, dev_probs)):
        stances = stances_at(part, probs, floor)
        causes = miss_causes(part, stances, show)
        print(f"  {label}: " + ", ".join(f"{k} {v}" for k, v in causes.most_common()))
    arrays["threshold"] = np.float32(floor)
    arrays["show"] = np.float32(show)
    print("training stances per issue (+1/-1):")
    for issue in issue_keys():
        pos = sum(1 for e in ex if e.labels.get(issue) == 1)
        neg = sum(1 for e in ex if e.labels.get(issue) == -1)
        print(f"  {issue:18} {pos:4d} {neg:4d}")
    dev_precision = dev_scores[2] / max(1, dev_scores[1])
    if not args.dry_run and dev_precision < DEV_CHECK:
        print(
            f"not written: the dev check fails (precision {dev_precision:.3f} < {DEV_CHECK} "
            "at the settings chosen on train); the shipped model stays"
        )
        return 1
    if not args.dry_run:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(args.out, **arrays)
        print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)")
    return 0


def stances_at(ex: list[Example], probs: Probs, floor: float) -> list[list[Any]]:
    """Each statement's stances at or above the floor that the words do not veto (the
    shipped model's nlp.stance.vetoed, with the vetoes of --vetoes) nor rule out
    (nlp.ruled_out.not_ruled_out), an official's backed readings lifted (nlp.backed), as
    the brief reads them."""
    from functools import partial

    from briefgen.knowledge.issues import issue_keys
    from briefgen.nlp.backed import lifted
    from briefgen.nlp.ruled_out import not_ruled_out
    from briefgen.nlp.stance import feature_names, own_official_word, vetoed, words_back

    k_of = {i: k for k, i in enumerate(issue_keys())}
    prk = feature_names().index("country:PRK")  # the speaker is North Korean
    return [
        lifted(
            not_ruled_out(
                e.text,
                [
                    _stance(i, pr, pp)
                    for i, (pr, pp) in q.items()
                    if pr * max(pp, 1 - pp) >= floor
                    and not vetoed(e.hand, k_of[i], 1 if pp >= 0.5 else -1, VETOES)
                ],
                e.hand[prk] > 0,
            ),
            own_official_word(e.hand),
            partial(words_back, e.hand),
        )
        for e, q in zip(ex, probs, strict=True)
    ]


def _stance(issue: str, p_rel: float, p_pos: float) -> Any:
    from briefgen.model import Stance

    return Stance(issue, 1 if p_pos >= 0.5 else -1, round(p_rel * max(p_pos, 1 - p_pos), 3))


if __name__ == "__main__":
    sys.exit(main())
