"""benchmarks/quotes_korea.py's labelled_precision: a scored article with no gold label at
all (a packet never labelled) must not pass for a set of false positives, so the Korea
scorer prints precision over labelled articles beside the plain figure."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _pred(aid: str, start: int, end: int) -> SimpleNamespace:
    return SimpleNamespace(article_id=aid, start=start, end=end)


def test_predictions_in_unlabelled_articles_are_counted_apart() -> None:
    sys.path[:0] = [str(BENCH), str(BENCH / "labels")]
    from quotes_korea import _match, labelled_precision

    spans = {0: ("a1", 0, 40), 1: ("a1", 50, 90)}
    preds = [_pred("a1", 0, 40), _pred("a1", 100, 130)] + [
        _pred("blog", i * 10, i * 10 + 8) for i in range(5)
    ]
    matched = _match(spans, preds)
    line = labelled_precision(spans, preds, matched, n_arts=3)
    # 1 of the 2 predictions in the labelled article is right; the blog's 5 stand apart,
    # and the third scored article (no label, no prediction) counts as unlabelled too
    assert "0.500  (1/2;" in line
    assert "2 scored articles have no gold label, 5 predictions there" in line


def test_all_labelled_gives_the_plain_precision() -> None:
    sys.path[:0] = [str(BENCH), str(BENCH / "labels")]
    from quotes_korea import _match, labelled_precision

    spans = {0: ("a1", 0, 40), 1: ("a2", 0, 40)}
    preds = [_pred("a1", 2, 40), _pred("a2", 60, 90), _pred("a2", 0, 38)]
    line = labelled_precision(spans, preds, _match(spans, preds), n_arts=2)
    assert "0.667  (2/3;" in line and "0 scored articles have no gold label" in line


def test_unmatched_predictions_are_told_apart_by_where_they_fall() -> None:
    sys.path[:0] = [str(BENCH), str(BENCH / "labels")]
    from quotes_korea import _match, miss_kinds

    texts = {"a1": "A" * 100 + "\n" + "B" * 100 + "\n" + "C" * 100, "blog": "D" * 50}
    gold = [SimpleNamespace(kind="indirect"), SimpleNamespace(kind="direct")]
    spans = {0: ("a1", 0, 60), 1: ("a1", 101, 141)}  # paragraphs 1 and 2 are labelled
    preds = [
        _pred("a1", 0, 60),  # matched
        _pred("a1", 0, 100),  # mixed, overlaps label 0 by .6 but it is taken
        _pred("a1", 40, 100),  # overlaps label 0 by 1/3: boundary
        _pred("a1", 131, 201),  # overlaps the direct label 1 a little: other kind
        _pred("a1", 160, 190),  # paragraph 2, beside label 1
        _pred("a1", 210, 250),  # paragraph 3 has no label
        _pred("blog", 0, 20),  # the article has none
    ]
    for q, kind in zip(
        preds, ["indirect", "mixed", "mixed", "indirect", "indirect"] + ["x"] * 2, strict=True
    ):
        q.kind = kind
    got = miss_kinds(gold, spans, preds, _match(spans, preds), texts)
    assert got == {
        "label taken by another": 1,
        "boundary": 1,
        "other kind": 1,
        "beside labels": 1,
        "paragraph unlabelled": 1,
        "article unlabelled": 1,
    }
