"""A bottom-line item tells more than its lead when its group holds more (issue 11, part 1).

A week's main story often holds several things an analyst tells (the summit and its
declaration and the agreement to seek an end to the war): the item adds up to
`max_details` sentences of its group to the lead, within `max_item_words`.  A short corpus
written here; the real embedding model decides what adds to the lead.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from briefgen.book.developments import DevelopmentFinder
from briefgen.book.reports import DEFAULT_WEIGHTS
from briefgen.book.summarize import SentencePool
from briefgen.model import Article
from briefgen.periods import Period
from tests.texts import news_article

WEEK = Period(date(2018, 4, 23), date(2018, 4, 29), "2018-W17")


def art(aid: str, title: str, text: str, day: int, outlet: str) -> Article:
    return news_article(aid, title, text, outlet, date(2018, 4, day))


# One summit in three outlets, each with what else the leaders agreed.
SUMMIT = [
    art(
        "s1",
        "Kim and Moon meet at the border",
        "North Korean leader Kim Jong Un and South Korean President Moon Jae-in met at "
        "Panmunjom on Friday, the first summit of the two Koreas in more than a decade.\n\n"
        "The two leaders signed a declaration pledging the complete denuclearization of the "
        "Korean Peninsula.\n\n"
        "At the summit Kim and Moon also agreed to seek talks with the United States on "
        "formally ending the Korean War this year.\n\n"
        "Moon will visit Pyongyang in the autumn, the declaration said.",
        27,
        "Reuters",
    ),
    art(
        "s2",
        "Koreas hold historic summit",
        "Kim Jong Un and Moon Jae-in held a summit at the border village of Panmunjom on "
        "Friday.\n\n"
        "In a joint declaration the leaders committed to the complete denuclearization of the "
        "peninsula.\n\n"
        "The two Koreas will push for talks with the United States to declare an end to the "
        "war.\n\n"
        "Kim and Moon agreed at the summit that loudspeaker broadcasts along the border will "
        "stop on May 1.",
        27,
        "AP",
    ),
    art(
        "s3",
        "Summit at Panmunjom",
        "The leaders of North and South Korea met on Friday at Panmunjom for a historic "
        "summit.\n\n"
        "Kim and Moon signed a declaration on denuclearization and a permanent peace regime."
        "\n\n"
        "Kim, at the summit, became the first North Korean leader to set foot in South Korea "
        "since the Korean War.\n\n"
        "The two sides will halt all hostile acts along the border from May 1.",
        28,
        "CNN",
    ),
]
OTHER = [
    art(
        "o1",
        "Japan protests",
        "Japan on Tuesday lodged a protest with North Korea over the abductions of its "
        "citizens.\n\nTokyo wants the issue raised at any talks.",
        24,
        "Kyodo",
    ),
    art(
        "o2",
        "China sanctions",
        "China on Wednesday banned exports of dual-use goods to North Korea.\n\n"
        "The list covers 32 items.",
        25,
        "Xinhua",
    ),
]


@pytest.fixture(scope="module")
def embed():  # type: ignore[no-untyped-def]
    from briefgen.nlp.embeddings import Embedder

    return Embedder().embed


def _summit(embed, **over: int):  # type: ignore[no-untyped-def]
    w = replace(DEFAULT_WEIGHTS, **over)
    devs = DevelopmentFinder(SentencePool(SUMMIT + OTHER), WEEK, embed, weights=w).find()
    return next(d for d in devs if "Panmunjom" in d.text)


def test_the_main_storys_item_tells_more_than_one_thing_it_holds(embed) -> None:  # type: ignore[no-untyped-def]
    d = _summit(embed)
    assert set(d.article_ids) == {"s1", "s2", "s3"}  # one item citing all three outlets
    assert "declaration" in d.text and "ending the Korean War" in d.text, d.text
    assert len(d.text.split()) <= DEFAULT_WEIGHTS.max_item_words
    # With one detail (the old setting) the agreement on the war is left out.
    one = _summit(embed, max_details=1)
    assert len(one.sentences) == 2 and "Korean War" not in one.text, one.text


def test_the_item_keeps_within_its_words(embed) -> None:  # type: ignore[no-untyped-def]
    d = _summit(embed, max_item_words=50)
    assert len(d.sentences) == 2, d.text  # the third sentence would pass 50 words
