"""Is a sentence a line an analyst would tell the week's news with?  A small learned model.

An item of the bottom line must report an act or a statement of an actor of the period
(an official, a body, state media), not an evaluation by the writer, an outside expert's
view or a hypothetical ("three generations of Kims have spent their existence trying to
get people to notice them").  Word lists for comment catch some of it; what a sentence
does is read better from its meaning and its parse together.  A logistic regression over
the sentence embedding and a few parse features (who acts and how officially, the kind of
event and whether something happened, a preview, a guess, a modal, comment, background,
its place in the article), trained by `benchmarks/train_newsline.py` on the train weeks'
analyst bottom lines only (a report is positive when an analyst's item says it), ships as
briefgen/data/models/newsline.npz.  Without the file, or without sentence embeddings,
nothing changes.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

from briefgen.book.reports import Report, background, media_led, opinion
from briefgen.book.sentences import condense

MODEL_FILE = "data/models/newsline.npz"

HAND: tuple[str, ...] = (
    "official",  # the rank of who speaks or is named (0 nobody, 1 a top official)
    "subject",  # a country (or its official) is the sentence's subject
    "doer",  # ... read strictly: it acts
    "subject_first",  # the sentence opens on it
    "tagged",  # a known kind of event (data/events.yaml)
    "action",  # ... and what happened to it
    "outcome",  # how it came out, as done
    "future",  # a preview
    "speculative",  # a guess
    "modal",  # would, could, may, might, should
    "comment",  # the writer's voice, a commentator's view, nobody in particular
    "media_led",  # a report about reporting
    "background",  # the pluperfect in its own clause
    "dated",  # a stated day in or just before the period
    "lead",  # 1 / (1 + its place among its article's usable sentences)
    "news",  # +1 this week's event, -1 background
    "quoted",  # a quotation in it
)

_MODAL = re.compile(r"\b(?:would|could|may|might|should|must)\b", re.I)


def hand_features(r: Report) -> list[float]:
    """HAND of one report, in order."""
    c = r.cand
    text = condense(c.sent.text)
    return [
        c.official,
        float(c.subject is not None),
        float(c.doer is not None),
        float(c.subject_first),
        float(r.tag is not None),
        float(bool(r.tag and r.tag.action)),
        float(r.outcome),
        float(r.future),
        float(r.speculative),
        float(bool(_MODAL.search(text))),
        float(opinion(text)),
        float(media_led(text)),
        float(background(text)),
        float(r.when is not None),
        1.0 / (1.0 + c.rank),
        c.news,
        float(text.count("“") + text.count('"') >= 2),
    ]


@lru_cache(maxsize=1)
def shipped_model() -> dict[str, Any] | None:
    """The packaged weights, or None when none ship or they were trained on other features."""
    import numpy as np

    try:
        with resources.files("briefgen").joinpath(MODEL_FILE).open("rb") as f:
            z = np.load(f)
            model = {k: z[k] for k in z.files}
    except (FileNotFoundError, OSError):
        return None
    if [str(n) for n in model["names"]] != list(HAND):
        return None
    return model


def newsline_scores(reports: list[Report], vecs: Any) -> Any:
    """P(an analyst tells the week's news with it) per report, or None without a model.
    `vecs`: the reports' sentence embeddings (rows aligned)."""
    import numpy as np

    model = shipped_model()
    if model is None or vecs is None or not reports:
        return None
    hand = np.array([hand_features(r) for r in reports], dtype=float)
    x = np.hstack([hand, np.asarray(vecs, dtype=float)])
    if x.shape[1] != len(model["mean"]):
        return None
    z = ((x - model["mean"]) / model["scale"]) @ model["coef"] + float(model["intercept"])
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


def mark_newslines(reports: list[Report], vecs: Any) -> None:
    """Set each report's `newsline` (left None without a model)."""
    scores = newsline_scores(reports, vecs)
    if scores is None:
        return
    for r, p in zip(reports, scores, strict=True):
        r.newsline = float(p)
