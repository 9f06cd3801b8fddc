"""Train the news-line model (briefgen/data/models/newsline.npz) on analyst bottom lines.

    .venv/bin/python benchmarks/train_newsline.py --cache /tmp/x/cache            # fit on train, check on dev
    .venv/bin/python benchmarks/train_newsline.py --cache /tmp/x/cache --write    # ... and ship it

Every report (book/reports.py: a news sentence near the top of an article) briefgen
finds in a train week is an example: the sentence embedding and book.newsline's parse
features (who acts and how officially, the kind of event and its action, a preview, a
guess, comment, background, its place in the article).  It is positive when an analyst's
bottom-line item for the week says it (sentence-embedding cosine >= POSITIVE with one of
the item's sentences).  Each week weighs the same.  The regularisation is chosen by
leave-one-week-out on train (mean ROC AUC); the check prints the AUC on the dev weeks,
not fitted on.  The held-out weeks are never read.
"""

from __future__ import annotations

import argparse
import os
import pickle
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bottom_line as bl  # noqa: E402

from briefgen.book.developments import DevelopmentFinder  # noqa: E402
from briefgen.book.newsline import HAND, MODEL_FILE, hand_features  # noqa: E402
from briefgen.book.sentences import condense  # noqa: E402
from briefgen.config import Settings  # noqa: E402

OUT = ROOT / "briefgen" / MODEL_FILE
POSITIVE = 0.62
_SENT = re.compile(r"(?<=[.!?])[”\"]?\s+(?=[A-Z“\"])")


@dataclass
class WeekData:
    name: str
    hand: Any = None  # reports x HAND
    emb: Any = None  # reports x embedding
    y: Any = None  # 1: an analyst item says it
    texts: list[str] = field(default_factory=list)


def _week(w: bl.Week, settings: Settings, cache: Path) -> WeekData:
    import numpy as np

    hit = cache / f"{w.name}-{bl.code_key(book=True)}.newsline.pickle"
    if hit.is_file():
        data = pickle.loads(hit.read_bytes())
        if data.hand.shape[1] == len(HAND):
            return data
    seen: list[DevelopmentFinder] = []
    an = bl._analysis(w, settings, cache)
    bl.briefgen_brief(an, settings, finders=seen)
    reports = seen[0]._reports
    texts = [condense(r.cand.sent.text) for r in reports]
    ref = bl.reference(w)
    gold = [s for t in ref for s in _SENT.split(t) if s.strip()]
    emb = np.asarray(an.embedder.embed(texts))
    sim = emb @ np.asarray(an.embedder.embed(gold)).T
    data = WeekData(
        w.name,
        np.array([hand_features(r) for r in reports], dtype=float),
        emb,
        (sim.max(axis=1) >= POSITIVE).astype(int),
        texts,
    )
    hit.write_bytes(pickle.dumps(data))
    return data


def _design(weeks: list[WeekData]) -> tuple[Any, Any, Any]:
    import numpy as np

    x = np.vstack([np.hstack([w.hand, w.emb]) for w in weeks])
    y = np.concatenate([w.y for w in weeks])
    sw = np.concatenate([np.full(len(w.y), 1.0 / max(1, len(w.y))) for w in weeks])
    return x, y, sw * len(weeks)


def _fit(weeks: list[WeekData], c: float) -> dict[str, Any]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x, y, sw = _design(weeks)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    m = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    m.fit((x - mean) / scale, y, sample_weight=sw)
    return {
        "names": np.array(HAND),
        "mean": mean.astype(np.float32),
        "scale": scale.astype(np.float32),
        "coef": m.coef_[0].astype(np.float32),
        "intercept": np.array(float(m.intercept_[0])),
    }


def _scores(model: dict[str, Any], w: WeekData) -> Any:
    import numpy as np

    x = (np.hstack([w.hand, w.emb]) - model["mean"]) / model["scale"]
    return 1 / (1 + np.exp(-(x @ model["coef"] + model["intercept"])))


def _auc(model: dict[str, Any], weeks: list[WeekData]) -> float:
    from sklearn.metrics import roc_auc_score

    aucs = [roc_auc_score(w.y, _scores(model, w)) for w in weeks if 0 < w.y.sum() < len(w.y)]
    return sum(aucs) / len(aucs)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--write", action="store_true", help=f"write {OUT}")
    args = ap.parse_args()
    settings = replace(Settings(), cache_dir=args.cache / "briefgen-cache")
    train = [_week(w, settings, args.cache) for w in bl.weeks("train")]
    dev = [_week(w, settings, args.cache) for w in bl.weeks("dev")]
    print(
        f"train: {sum(len(w.y) for w in train)} reports, {sum(int(w.y.sum()) for w in train)} "
        f"positive; dev: {sum(len(w.y) for w in dev)}, {sum(int(w.y.sum()) for w in dev)}"
    )
    best = (0.0, 0.0)
    for c in (0.003, 0.01, 0.03, 0.1, 0.3, 1.0):
        lowo = [_auc(_fit(train[:i] + train[i + 1 :], c), [w]) for i, w in enumerate(train)]
        auc = sum(lowo) / len(lowo)
        print(f"C {c}: leave one train week out, mean AUC {auc:.3f}")
        best = max(best, (auc, c))
    model = _fit(train, best[1])
    print(f"chosen C {best[1]}; fitted on train, dev AUC {_auc(model, dev):.3f}")
    for n, c in zip(HAND, model["coef"][: len(HAND)], strict=True):
        print(f"  {n:<14} {c:+.3f}")
    if args.write:
        import numpy as np

        OUT.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(OUT, **model)
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
