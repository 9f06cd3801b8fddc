"""The week's main event reaches the bottom line even when told deep in an article, and a
development's item is written from the sentence that states the event, not a reaction.

Dev 2017-W38: the president's order on secondary sanctions was told only in sentences
44-52 of a story about the UN speeches; dev 2014-W52: the Security Council's first
session on the North's human rights was written from "North Korea sat out the meeting in
protest"."""

from __future__ import annotations

from dataclasses import replace
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


# Two reports of the Council's session, each led by the North's protest against it.
SESSION = [
    _art(
        "u1",
        "North Korea boycotts UN council session on its rights record",
        [
            "North Korea sat out the UN Security Council meeting on Monday in protest, "
            "calling the session on its human rights record a plot by the United States.",
            "The UN Security Council held its first meeting on North Korea's human rights "
            "record on Monday, despite objections from China and Russia.",
            "Diplomats said the session lasted about three hours.",
        ],
        18,
        "AP",
    ),
    _art(
        "u2",
        "North Korea shuns Security Council rights debate",
        [
            "North Korea stayed away from the Security Council session on Monday in protest, "
            "its envoy calling it a U.S. plot.",
            "The Security Council held the meeting on North Korea's human rights on Monday "
            "after a procedural vote.",
            "Rights groups welcomed the debate.",
        ],
        18,
        "Reuters",
    ),
]


def test_a_reaction_does_not_write_the_item_of_the_event_it_answers(embed) -> None:  # type: ignore[no-untyped-def]
    from briefgen.book.developments import DevelopmentFinder
    from briefgen.book.reports import DEFAULT_WEIGHTS
    from briefgen.book.summarize import SentencePool

    def session_item(states_event: float) -> str:
        pool = SentencePool([*SESSION, *OTHERS], [], [], None)
        w = replace(DEFAULT_WEIGHTS, states_event=states_event)
        devs = DevelopmentFinder(pool, WEEK, embed, weights=w).find()
        return next(d.text for d in devs if d.kind == "un_action")

    item = session_item(DEFAULT_WEIGHTS.states_event)
    assert item.startswith("The") and "Security Council held" in item, item
    assert "in protest" not in item
    # Without the rule the protest, the heavier line that opens both stories, wrote it.
    assert "in protest" in session_item(0.0)


def test_told_as_answer_reads_reporting_and_reactions_before_the_event() -> None:
    from briefgen.book.reports import told_as_answer

    said = 'Trump said "the world is watching" after the regime promised talks.'
    assert told_as_answer(said, said.find("talks"))
    held = "The Security Council held its first meeting on the North's rights on Monday."
    assert not told_as_answer(held, held.find("rights"))
    assert told_as_answer("North Korea sat out the meeting in protest.", 0)
