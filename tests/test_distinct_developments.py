"""Two developments one article tells stay two (issue 11: the bottom line's groups).

A summit story often reports, a sentence or two down, another act of the week (Trump
ending the joint exercises; China saying sanctions could be eased); the sentences share
the story's actors and places and embed close, and the grouping took the second act into
the summit's development, where no item could tell it.
Small corpora written here, the real embedding model.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from briefgen.book.assemble import assemble
from briefgen.book.reports import Report, distinct
from briefgen.book.summarize import SentenceCandidate
from briefgen.knowledge.events import classify
from briefgen.model import Article, Development
from briefgen.nlp.attribution import Attribution
from briefgen.periods import Period
from tests.texts import news_article

WEEK = Period(date(2018, 6, 11), date(2018, 6, 17), "2018-W24")


def art(aid: str, title: str, text: str, day: int, outlet: str) -> Article:
    return news_article(aid, title, text, outlet, date(2018, 6, day))


# The summit statement, told by two outlets; one of them adds, in its second sentence,
# that Trump will end the joint exercises: another development, by the same actor.
SUMMIT = [
    art(
        "s1",
        "Trump and Kim sign statement in Singapore",
        "Trump and North Korean leader Kim Jong Un signed a joint statement after their "
        "summit in Singapore on Tuesday, in which the North committed to work toward "
        "complete denuclearization.\n\n"
        "Trump said at a press conference that he will be ending joint military exercises "
        "between the United States and South Korea.\n\n"
        "The statement gave no timetable for denuclearization.",
        12,
        "AP",
    ),
    art(
        "s2",
        "Singapore summit ends with pledge",
        "President Donald Trump and Kim Jong Un signed a joint statement in Singapore on "
        "Tuesday, with Kim committing to complete denuclearization of the Korean peninsula."
        "\n\nThe two leaders shook hands at a hotel on Sentosa island.",
        12,
        "Reuters",
    ),
]
OTHER = [
    art(
        "o1",
        "Philippines seizes North Korean ship",
        "The Philippines impounded a North Korean cargo ship on Wednesday under United "
        "Nations sanctions, a government spokesman said.\n\n"
        "The crew of 21 will be deported, the spokesman added.",
        13,
        "AFP",
    ),
]


@pytest.fixture(scope="module")
def embed():  # type: ignore[no-untyped-def]
    from briefgen.nlp.embeddings import Embedder

    return Embedder().embed


def _developments(articles: list[Article], embed) -> list[Development]:  # type: ignore[no-untyped-def]
    b = assemble(articles, Attribution(), {}, WEEK, date(2016, 3, 13), "T", embed=embed)
    return b.developments


def test_an_article_telling_a_summit_and_the_end_of_drills_gives_two_developments(embed) -> None:  # type: ignore[no-untyped-def]
    devs = _developments(SUMMIT + OTHER, embed)
    summit = [d for d in devs if "joint statement" in d.text]
    drills = [d for d in devs if "exercises" in d.text]
    assert len(summit) == 1 and len(drills) == 1, [(d.kind, d.text) for d in devs]
    # The statement is one development of both articles; the end of the exercises is
    # s1's alone, told from its own sentence, not a member of the summit's group.
    assert summit[0] is not drills[0]
    assert set(summit[0].article_ids) == {"s1", "s2"}
    assert drills[0].article_ids == ["s1"] and drills[0].kind == "exercise"
    assert drills[0].sentences[0].text.startswith("Trump said at a press conference")


def _report(text: str, subject: str | None) -> Report:
    from briefgen.book.sentences import split_sentences

    a = art("x", "", text, 12, "T")
    c = SentenceCandidate(
        split_sentences(a)[0], a, {}, Counter(), usable=True, rank=0, subject=subject
    )
    return Report(cand=c, tag=classify(text), when=None, speculative=False, future=False)


def test_distinct_kinds_of_one_family_and_actor_may_be_one_event() -> None:
    summit = _report("Trump and Kim held a summit in Singapore on Tuesday.", "USA")
    declaration = _report("Trump signed a joint declaration with Kim on Tuesday.", "USA")
    threat = _report("North Korea threatened a strike on Seoul on Monday.", "PRK")
    drills = _report("Seoul and Washington began joint military exercises on Monday.", "KOR")
    untagged = _report("The crew of 21 will be deported on Monday.", "PHL")
    # A summit and its declaration, by one actor: one event may hold both.
    assert not distinct(summit, declaration)
    # The drills and the threat against them: one family, two actors: two developments.
    assert distinct(threat, drills) and distinct(drills, threat)
    # Two families: two developments, whoever acts.
    assert distinct(summit, threat)
    # A report of no known kind says too little to tell them apart.
    assert not distinct(untagged, threat)
    # The story's history told beside the news (a tally, "since April") is no second
    # development: split off, it ranked as the week's nuclear test in the seeds brief.
    talks = _report("The United States is pursuing direct talks with North Korea.", "USA")
    tally = _report("North Korea this year conducted its sixth and biggest nuclear test.", "PRK")
    pace = _report("North Korea conducted missile tests at a steady pace since April.", "PRK")
    assert talks.tag and tally.tag and pace.tag
    assert (talks.tag.kind, tally.tag.kind) == ("talks", "nuclear_test")
    assert not distinct(talks, tally) and not distinct(pace, talks)
