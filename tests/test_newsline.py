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


def test_comment_is_never_an_item_while_enough_developments_are() -> None:
    """A commentator's view of the week ("Experts agreed, however, that..."; train
    2017-W16) or a correspondent's note (dev 2014-W52) is what someone thinks of the news,
    not the news: ranked above real developments and taken by the newsline model for a
    news line, it still stays out while the developments fill the week's items."""

    def dev(text: str, aid: str) -> Development:
        return Development(text=text, kind="missile_launch", actor="PRK", score=1.0,
                           article_ids=[aid])  # fmt: skip

    devs = [
        dev("North Korea fired a ballistic missile on Sunday.", "a1"),
        dev(
            "Experts agreed, however, that North Korea probably has the means to fit a "
            "warhead to an ICBM.",
            "c1",
        ),
        dev("Japan protested to Pyongyang through its embassy in Beijing.", "a2"),
        dev("China urged restraint on all sides.", "a3"),
        dev("South Korea raised its military alert.", "a4"),
    ]
    out = bottom_line(devs, lines=[0.9, 0.9, 0.8, 0.7, 0.6])
    assert [d.article_ids[0] for d in out] == ["a1", "a2", "a3", "a4"]
    # with only two developments, the comment fills the third (least) place, last
    out = bottom_line(devs[:3], lines=[0.9, 0.9, 0.8])
    assert [d.article_ids[0] for d in out] == ["a1", "a2", "c1"]


def test_doubtful_lines_fill_only_the_minimum_not_every_place() -> None:
    """Ten articles ask for five items; with three likely news lines, a line the newsline
    model takes for colour ("the White House is now forced to consider...") does not fill
    the fourth and fifth places: three developments beat three and two colour lines."""

    def dev(text: str, aid: str) -> Development:
        return Development(text=text, kind="summit", actor="USA", score=1.0,
                           article_ids=[aid, f"{aid}-b"])  # fmt: skip

    devs = [
        dev("Moon and Kim met at Panmunjom and signed a declaration.", "a1"),
        dev("Trump welcomed the summit on Twitter.", "a2"),
        dev("The White House is now forced to consider what to do.", "c1"),
        dev("China welcomed the declaration.", "a3"),
        dev("Some wonder what it all means.", "c2"),
        dev("The mood in Seoul was festive.", "c3"),
    ]
    lines = [0.9, 0.8, 0.05, 0.7, 0.02, 0.03]
    out = bottom_line(devs, lines=lines)
    assert [d.article_ids[0] for d in out] == ["a1", "a2", "a3"]
    # two news lines: the first doubtful one in rank order fills the minimum of three
    out = bottom_line(devs[:3], lines=lines[:3])
    assert [d.article_ids[0] for d in out] == ["a1", "a2", "c1"]
