"""The news-line model (book/newsline.py): an opinion line never leads over an official act.

Small corpora written here; the real embedding model and the shipped weights.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from briefgen.book.bottomline import bottom_line
from briefgen.book.newsline import HAND, shipped_model
from briefgen.book.reports import DEFAULT_WEIGHTS
from briefgen.model import Article, Development
from briefgen.periods import Period
from tests.texts import news_article

WEEK = Period(date(2017, 10, 23), date(2017, 10, 29), "2017-W43")


def art(aid: str, title: str, text: str, day: int, outlet: str) -> Article:
    return news_article(aid, title, text, outlet, date(2017, 10, day))


ARTICLES = [
    art(
        "a1",
        "North Korea fires missile",
        "North Korea fired a ballistic missile into the sea off its east coast on Tuesday, "
        "South Korea's military said.\n\nThe missile flew about 700 km.",
        24,
        "Yonhap",
    ),
    art(
        "a2",
        "China urges restraint",
        "China's foreign ministry on Wednesday urged all sides to show restraint after the "
        "launch.\n\nIt called for a return to talks.",
        25,
        "Xinhua",
    ),
    art(
        "c1",
        "The attention economy of Pyongyang",
        "The North Korean regime has spent its entire bizarre existence trying to get people "
        "to notice it, and nobody should be surprised by the theatrics.\n\n"
        "Its rhetoric is as predictable as the seasons.",
        26,
        "Opinion Weekly",
    ),
]


@pytest.fixture(scope="module")
def embed():  # type: ignore[no-untyped-def]
    from briefgen.nlp.embeddings import Embedder

    return Embedder().embed


def test_the_shipped_model_reads_its_own_features() -> None:
    model = shipped_model()
    assert model is not None
    assert [str(n) for n in model["names"]] == list(HAND)
    assert model["coef"].shape == model["mean"].shape == model["scale"].shape


def test_an_opinion_line_scores_below_an_official_act(embed) -> None:  # type: ignore[no-untyped-def]
    from briefgen.book.developments import DevelopmentFinder
    from briefgen.book.summarize import SentencePool

    finder = DevelopmentFinder(SentencePool(ARTICLES), WEEK, embed)
    devs = finder.find()
    line = {d.text: p for d, p in zip(devs, finder.newslines, strict=True)}
    act = next(p for t, p in line.items() if t.startswith("North Korea fired"))
    view = next(p for t, p in line.items() if t.startswith("The North Korean regime"))
    assert act is not None and view is not None
    assert act > 0.5 > view, line


def test_an_opinion_line_never_leads_over_an_official_act() -> None:
    """Ranked first by the scores, the comment still comes after every likely news line;
    it fills a place only when there are too few of them."""

    def dev(text: str, score: float, aid: str) -> Development:
        return Development(text=text, kind="missile_launch", actor="PRK", score=score,
                           article_ids=[aid])  # fmt: skip

    devs = [
        dev("The regime has spent its existence seeking attention.", 3.0, "c1"),
        dev("North Korea fired a ballistic missile on Tuesday.", 2.0, "a1"),
        dev("China urged restraint.", 1.5, "a2"),
        dev("Japan protested.", 1.2, "a3"),
    ]
    w = replace(DEFAULT_WEIGHTS, newsline_floor=0.5)
    out = bottom_line(devs, w, lines=[0.05, 0.9, 0.7, 0.6])
    assert [d.article_ids[0] for d in out] == ["a1", "a2", "a3"]
    # too few news lines for the three items a week needs: the comment fills the gap, last
    out = bottom_line(devs[:3], w, lines=[0.05, 0.9, 0.7])
    assert [d.article_ids[0] for d in out] == ["a1", "a2", "c1"]
