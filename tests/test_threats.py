"""Threats, pledges and conditions a side stated in the period, as what to watch (issue
11, part 6): a demanding analyst tracks "if the North conducts another test, we will…"
and "North Korea threatened to sink a carrier"; never another region's matter, a
standing threat told as background, or a pronoun with nobody named."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.book.questioncheck import sound
from briefgen.book.questions import open_questions
from briefgen.book.summarize import SentencePool
from briefgen.book.threats import condition_set, intent_question
from briefgen.model import Actor, Statement
from briefgen.periods import Period
from tests.texts import news_article

WEEK = Period(date(2018, 4, 16), date(2018, 4, 22), "2018-W16")
NAMES = {"Kim Jong Un": "PRK", "Kim": "PRK", "Trump": "USA", "Moon Jae-in": "KOR", "Moon": "KOR"}
OFFICIALS = [
    Actor("trump", "Donald Trump", kind="government", country="USA", role="President"),
    Actor("kim", "Kim Jong Un", kind="government", country="PRK", role="leader"),
    Actor("moon", "Moon Jae-in", kind="government", country="KOR", role="President"),
    Actor("ri", "Ri Yong Ho", kind="government", country="PRK", role="Foreign Minister"),
    Actor("kang", "Kang Kyung-wha", kind="government", country="KOR", role="Foreign Minister"),
]


def pool_of(*texts: tuple[str, int]) -> SentencePool:
    arts = [
        news_article(f"a{i}", "Korea news", t, "AP", date(2018, 4, day))
        for i, (t, day) in enumerate(texts)
    ]
    return SentencePool(arts, [], OFFICIALS)


@pytest.mark.parametrize(
    ("text", "code", "question"),
    [
        ("Shortly after these comments, North Korea’s foreign minister threatened to test a hydrogen "
         "bomb in the atmosphere — something no country has done in decades.", "PRK",
         "Will North Korea test a hydrogen bomb in the atmosphere? (threatened by North Korea’s "
         "foreign minister)"),
        ("North Korea threatened Sunday to sink a U.S. aircraft carrier to demonstrate its military "
         "prowess as two Japanese Navy ships joined a U.S. strike group.", "PRK",
         "Will North Korea sink a U.S. aircraft carrier to demonstrate its military prowess? "
         "(threatened by North Korea)"),
        ("North Korea called the annual drills nuclear war moves and threatened to respond with an "
         "all-out offensive.", "PRK",
         "Will North Korea respond with an all-out offensive? (threatened by North Korea)"),
        ("Moon and Kim met Friday at the border village of Panmunjom and vowed to remove nuclear "
         "weapons from the Korean Peninsula.", "KOR",
         "Will Moon and Kim remove nuclear weapons from the Korean Peninsula? (vowed jointly)"),
        # a standing threat told as background, a pronoun, a guess: nothing to watch
        ("Since taking office, Trump has threatened to attack North Korea and imposed tough "
         "sanctions.", "USA", None),
        ("A day after he threatened to destroy North Korea, Trump called for more sanctions.", "USA", None),
        ("Trump has long threatened to strike North Korea.", "USA", None),
        # a party named only by an earlier sentence (the seeds: "the country")
        ("The US has not ruled out force, and Trump has threatened to “totally destroy” the "
         "country.", "USA", None),
        # said by another side than the one asked of
        ("North Korea threatened to strike Guam.", "USA", None),
        # nothing to track beyond the verb
        ("Japanese Prime Minister Shinzo Abe pledged Saturday to do “everything, to the best of my "
         "ability,” to protect his nation’s people.", "JPN", None),
    ],
)  # fmt: skip
def test_a_stated_threat_or_pledge_is_asked_of_the_side_that_made_it(
    text: str, code: str, question: str | None
) -> None:
    found = intent_question(text, code, NAMES)
    assert (found[0] if found else None) == question


@pytest.mark.parametrize(
    ("text", "code", "question"),
    [
        ("On Saturday, a spokesman for North Korea's Foreign Ministry promised \"grave "
         "consequences\" if the U.S. does not agree to a joint investigation.", "PRK",
         "Will the U.S. agree to a joint investigation? (the condition North Korea set)"),
        ("The US will respond if North Korea conducts another nuclear test, Mattis said.", "USA",
         "Will North Korea conduct another nuclear test? (the condition the United States set)"),
        # a reported past, whose sense a rule cannot tell; a pronoun; no consequence stated
        ("Trump warned the U.S. would destroy North Korea if Pyongyang continued its provocations.",
         "USA", None),
        ("Trump said he would walk away if he feels Kim is not serious.", "USA", None),
        ("Reporters asked if North Korea plans another test.", "USA", None),
        ("A day after he threatened to destroy North Korea if the U.S. was forced to defend "
         "itself, Trump called for sanctions.", "PRK", None),
    ],
)  # fmt: skip
def test_a_condition_set_on_another_side_is_asked_of_the_side_it_binds(
    text: str, code: str, question: str | None
) -> None:
    assert condition_set(text, code, NAMES) == question


def test_a_pending_summit_becomes_a_question_with_its_evidence() -> None:
    """A summit agreed but not held by the brief's end: the question cites its sentence,
    and a report in the period of another meeting of the same sides does not close it."""
    summit = "In another breakthrough, Mr. Kim will hold a summit next week with South Korean President Moon Jae-in."
    pool = pool_of(
        (summit, 19),
        ("Moon Jae-in met Kim Jong Un's envoy in Seoul on Tuesday to discuss the Olympics.", 20),
    )
    qs = open_questions(pool, [], OFFICIALS, lambda aid: 1 + int(aid[1:]), WEEK)
    pending = [q for q in qs if q.kind == "pending"]
    assert [q.text for q in pending] == [
        "Will Mr. Kim hold a summit next week with South Korean President Moon Jae-in?"
    ], [q.text for q in qs]
    assert pending[0].basis == summit and pending[0].cites == [1]


def test_another_region_s_matter_is_no_open_question() -> None:
    """A week's report on the UN General Assembly also carries Iran's nuclear deal: not
    this brief's to watch, though its sentence names a meeting and a deadline."""
    pool = pool_of(
        ("The foreign ministers of Iran, the United States, Britain, Germany, Russia, China and "
         "France are due to meet on Wednesday ahead of an October deadline for Trump to tell "
         "Congress if Tehran is sticking to the deal.\n\n"
         "Trump all but threatened to tear up the nuclear deal negotiated with Iran by the "
         "United States and five other countries.\n\n"
         "North Korea threatened on Friday to test a hydrogen bomb over the Pacific.", 21),
    )  # fmt: skip
    qs = [q.text for q in open_questions(pool, [], OFFICIALS, lambda _: 1, WEEK)]
    assert qs == [
        "Will North Korea test a hydrogen bomb over the Pacific? (threatened by North Korea)"
    ]
    iran = "The foreign ministers of Iran and the United States are due to meet on the deal."
    assert not sound(Statement("Will the foreign ministers of Iran meet?", basis=iran), NAMES)
    talks = "Asked if he supported unconditional talks, Trump did not answer directly."
    assert sound(
        Statement("Watch for: whether Trump supported unconditional talks.", basis=talks), NAMES
    )


def test_a_demand_without_an_answer_is_listed_with_its_evidence() -> None:
    """North Korea demanded a joint investigation of the U.S. and no report of the period
    answers it: the demand is on the list, resting on its cited sentence."""
    demand = (
        "On Saturday, a spokesman for North Korea's Foreign Ministry promised \"grave "
        'consequences" if the U.S. does not agree to a joint investigation.'
    )
    pool = pool_of(
        (demand, 22), ("South Korea's parliament debated the budget for the Olympics.", 21)
    )
    qs = open_questions(pool, [], OFFICIALS, lambda aid: 1 + int(aid[1:]), WEEK)
    found = [q for q in qs if "joint investigation" in q.text]
    assert [q.text for q in found] == [
        "Will the U.S. agree to a joint investigation? (the condition North Korea set)"
    ], [q.text for q in qs]
    assert found[0].basis == demand and found[0].cites == [1]


def test_a_demand_of_an_official_by_name_waits_for_that_side_s_answer() -> None:
    """Train 2017-W32: South Korea's foreign minister urged Ri (the North's) to answer an
    offer of talks; no report of the period has the North answering: the demand is listed,
    resting on its sentence.  'Urged restraint in dealing with North Korea' names no one
    side to answer, and an answer in the period closes the demand."""
    from briefgen.book.questions import no_response

    demand = (
        "South Korean Foreign Minister Kang Kyung-wha urged Ri Yong Ho on Sunday to respond as "
        "soon as possible to an offer to resume talks between the two countries."
    )
    restraint = (
        "Chinese President Xi Jinping on Sunday urged restraint in dealing with North Korea."
    )
    pool = pool_of((demand + "\n\n" + restraint, 21))
    found = no_response(pool, lambda _: 1, WEEK)
    assert [(q.text.split(":")[0], q.basis) for q in found] == [
        ("Watch for an answer from North Korea to South Korea", demand)
    ]
    answer = "North Korea's Ri Yong Ho on Sunday rejected South Korea's offer of talks, saying it lacked sincerity."
    answered = pool_of((demand, 21), (answer, 22))
    assert no_response(answered, lambda _: 1, WEEK) == []


def test_one_pending_matter_reported_twice_is_asked_once() -> None:
    """Dev reuters 2016-W06: two reports of the same talks of the same parties were two
    pending questions; talks of other parties stay."""
    from briefgen.book.watchlist import WatchList

    pool = pool_of(
        ("South Korean President Moon Jae-in will begin talks with Washington next week on "
         "deploying an advanced U.S. missile defense system following North Korea's rocket "
         "launch, as Seoul cut power to a factory park run jointly with the North.", 20),
        ("The United States and South Korea will begin formal talks about deploying the "
         "sophisticated Terminal High Altitude Area Defense system to the Korean peninsula at "
         "the earliest possible date, Moon Jae-in said.", 21),
    )  # fmt: skip
    found = [s.text for s in WatchList(pool, lambda _: 1, WEEK).pending()]
    assert len(found) == 1 and found[0].startswith("Will "), found
