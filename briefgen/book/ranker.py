"""Which developments are the week's main news: a small learned ranker.

Hand-set weights for the kind of event, the outlets and the prominence fitted the four
development weeks and lost on the held-out ones.  The signals that hold in every week are
few: how many of the week's articles and outlets report the development, how many of the
week's *headlines* tell it (an editor's choice of the main news), how near the top of its
articles it sits, what kind of event it is and who acted, and whether it is news of the
period rather than a preview, a comment or last week's story.  Each is expressed against
the week (shares, not counts), so that a week of 15 articles and one of 60 read alike.

A logistic regression over these features, trained by `benchmarks/train_ranker.py` on
the train weeks' analyst bottom lines only (a development is positive when it tells an
analyst's item), ships as briefgen/data/models/bottom_line.json: the feature names, their
means and scales, the coefficients and the intercept.  Without the file the hand-set
score stands.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from briefgen.book.reports import (
    DevelopmentWeights,
    Group,
    Report,
    background,
    media_led,
    opinion,
    outlets_of,
    tag_weight,
)
from briefgen.book.sentences import condense

MODEL_FILE = "data/models/bottom_line.json"

# A headline this close to a development's lead (sentence-embedding cosine) tells it;
# with TF-IDF vectors only (no embedder), this close.
TITLE_TELLS = 0.5
TITLE_TELLS_LEXICAL = 0.25

# The bottom line takes every development the model gives at least this probability of
# being among an analyst's items (within its three to six).
LIKELY = 0.5

FEATURES: tuple[str, ...] = (
    "log_articles",  # log(1 + articles of the group)
    "article_share",  # the group's articles / the week's articles
    "outlet_share",  # the group's outlets / the week's outlets
    "title_share",  # the week's headlines that tell the lead / the week's articles
    "title_near",  # the lead's closeness to its own articles' headlines (mean)
    "lead_top",  # 1 / (1 + the best position of a report among its article's sentences)
    "led_share",  # the group's articles that lead with it / its articles
    "kind_weight",  # the kind of event (data/events.yaml), less without an action
    "official",  # the rank of who acts (an official named in the sentence)
    "ahead",  # the lead previews or guesses
    "comment",  # the lead is comment, reporting about reporting or background
    "continued",  # the comparison period reported it already
    "dated",  # the lead states a day in or just before the period
    "heuristic",  # the hand-set consequence score / the week's top one
)


@dataclass(frozen=True)
class Ranker:
    """A linear model over FEATURES: standardise, weigh, squash."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def score(self, feats: Mapping[str, float]) -> float:
        z = self.intercept
        for n, m, s, c in zip(self.names, self.mean, self.scale, self.coef, strict=True):
            z += c * (feats.get(n, 0.0) - m) / (s or 1.0)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict[str, Any]:
        return {
            "names": list(self.names),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "intercept": self.intercept,
        }


def ranker_from(data: Mapping[str, Any]) -> Ranker | None:
    """The model of a parsed model file; None when it was trained on other features."""
    names = tuple(str(n) for n in data.get("names", ()))
    if not names or set(names) - set(FEATURES):
        return None
    return Ranker(
        names,
        tuple(float(x) for x in data["mean"]),
        tuple(float(x) for x in data["scale"]),
        tuple(float(x) for x in data["coef"]),
        float(data["intercept"]),
    )


@lru_cache(maxsize=1)
def shipped_ranker() -> Ranker | None:
    """The packaged model, or None when no model file ships."""
    try:
        text = resources.files("briefgen").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    return ranker_from(json.loads(text))


def _led(g: Group, w: DevelopmentWeights) -> float:
    arts = g.articles()
    led = {r.article_id for r in g.members if r.cand.rank < w.anchor_rank}
    return len(led) / max(1, len(arts))


def group_features(
    groups: Sequence[Group],
    w: DevelopmentWeights,
    week_articles: int,
    week_outlets: int,
    title_sims: Sequence[Mapping[str, float]],
    title_cut: float,
) -> list[dict[str, float]]:
    """FEATURES of each group (aligned).  `title_sims`: per group, the closeness of its
    lead to each of the week's headlines, by article id."""
    top = max((g.score for g in groups), default=0.0) or 1.0
    n = max(1, week_articles)
    out = []
    for g, sims in zip(groups, title_sims, strict=True):
        lead: Report = g.lead or g.seed
        text = condense(lead.cand.sent.text)
        arts = g.articles()
        own = [sims[a] for a in arts if a in sims]
        out.append(
            {
                "log_articles": math.log1p(len(arts)),
                "article_share": len(arts) / n,
                "outlet_share": len(outlets_of(g.members)) / max(1, week_outlets),
                "title_share": sum(1 for s in sims.values() if s >= title_cut) / n,
                "title_near": sum(own) / len(own) if own else 0.0,
                "lead_top": 1.0 / (1.0 + min(r.cand.rank for r in g.members)),
                "led_share": _led(g, w),
                "kind_weight": tag_weight(lead.tag, w),
                "official": max(r.cand.official for r in g.members),
                "ahead": float(lead.future or lead.speculative),
                "comment": float(opinion(text) or media_led(text) or background(text)),
                "continued": float(g.novelty == "continued"),
                "dated": float(lead.when is not None),
                "heuristic": g.score / top,
            }
        )
    return out
