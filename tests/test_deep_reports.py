"""The week's main event reaches the bottom line even when told deep in an article, and a
development's item is written from the sentence that states the event, not a reaction.

Dev 2017-W38: the president's order on secondary sanctions was told only in sentences
44-52 of a story about the UN speeches; dev 2014-W52: the Security Council's first
session on the North's human rights was written from "North Korea sat out the meeting in
protest"."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.book.assemble import assemble
from briefgen.model import Actor, Article
from briefgen.nlp.attribution import Attribution
from briefgen.periods import Period
from tests.texts import news_article

WEEK = Period(date(2017, 9, 18), date(2017, 9, 24), "2017-W38")

# Colour of a long story about the speeches at the United Nations, none of it an event.
COLOUR = [
    "Delegates filled the General Assembly hall in New York for the annual debate this week.",
    "Security around the United Nations headquarters was tighter than usual, police said.",
    "Traffic in midtown Manhattan slowed to a crawl as motorcades crossed the city.",
    "Many diplomats spent the evenings at receptions hosted by their missions.",
    "The speeches ran long, and the assembly's schedule slipped by several hours.",
    "Some leaders used their time to talk about climate change and migration.",
    "Others spoke about the wars in Syria and Yemen and the plight of refugees.",
    "Observers said the tone of the debate was sharper than in recent years.",
    "The assembly's president urged delegates to keep their remarks within fifteen minutes.",
    "Reporters crowded the corridors hoping to catch leaders between meetings.",
    "The French president spoke of the need to defend the Paris climate accord.",
    "The Iranian president criticised what he called the rhetoric of hatred.",
    "Several delegations walked to the podium with prepared texts in many languages.",
    "Interpreters worked in shifts to keep up with the pace of the speeches.",
    "The debate is expected to continue through the end of next week.",
    "Outside the building, small groups of protesters held up signs about many causes.",
    "A number of leaders held side meetings with business executives in hotels nearby.",
    "Analysts in the city compared the speeches with those of previous years.",
    "The secretary general opened the session with a call for unity among nations.",
]
ORDER = (
    "President Donald Trump signed an executive order on Thursday imposing new sanctions "
    "on foreign banks and companies that trade with North Korea."
)


def _art(aid: str, title: str, sentences: list[str], day: int, outlet: str) -> Article:
    return news_article(aid, title, "\n\n".join(sentences), outlet, date(2017, 9, day))


OTHERS = [
    _art(
        "b",
        "South Korea approves aid",
        [
            "South Korea approved a plan on Thursday to send $8 million in humanitarian aid "
            "to North Korea through United Nations agencies.",
            "The unification ministry said the timing of the shipment had not been decided.",
        ],
        21,
        "Yonhap",
    ),
    _art(
        "c",
        "Japan holds missile drill",
        [
            "Japan held an evacuation drill on Wednesday in a town on Hokkaido in case of a "
            "North Korean missile launch.",
            "Residents practised taking cover in a school gymnasium, officials said.",
        ],
        20,
        "NHK",
    ),
    _art(
        "d",
        "China urges calm",
        [
            "China's foreign ministry urged all sides on Tuesday to show restraint over "
            "North Korea and return to talks.",
            "The spokesman said sanctions alone could not solve the problem.",
        ],
        19,
        "Xinhua",
    ),
]


@pytest.fixture(scope="module")
def embed():  # type: ignore[no-untyped-def]
    from briefgen.nlp.embeddings import Embedder

    return Embedder().embed


# The president, as attribution finds him: an official actor of the week.
TRUMP = Actor("donald-trump", "Donald Trump", "government", "President", "USA", article_ids=["a"])


def _items(articles: list[Article], embed) -> list[str]:  # type: ignore[no-untyped-def]
    att = Attribution([], [TRUMP], [])
    b = assemble(articles, att, {}, WEEK, date(2017, 9, 24), "T", embed=embed)
    return [s.text for s in b.bluf]


def test_a_main_event_in_sentence_20_reaches_the_bottom_line(embed) -> None:  # type: ignore[no-untyped-def]
    long = _art("a", "Leaders speak at the United Nations", [*COLOUR, ORDER], 22, "AP")
    assert any("executive order" in t for t in _items([long, *OTHERS], embed)), "order missed"


def test_a_deep_sentence_of_background_or_comment_stays_out(embed) -> None:  # type: ignore[no-untyped-def]
    """The lead window still holds for what is no top event of the period done by an
    official: last year's order, an analyst's guess."""
    old = "President Barack Obama had signed an executive order imposing sanctions on the North."
    guess = "An analyst said the president might sign an order imposing sanctions on banks."
    long = _art("a", "Leaders speak at the United Nations", [*COLOUR, old, guess], 22, "AP")
    items = _items([long, *OTHERS], embed)
    assert not any("executive order" in t or "might sign" in t for t in items), items
