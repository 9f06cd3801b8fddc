"""The bottom line tells the period's own events (issue 11, part 1).

A development is grouped by the event a sentence tells, not by the first kind of event it
names (a launch named in passing, "following North Korea's rocket launch", does not split
the talks it is about from the rest of their reports); words said months before and told
again, or a view from before its speaker took office, are no event of the period.  Small
corpora written here, the real embedding model.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from briefgen.book.assemble import assemble
from briefgen.book.reports import Report, distinct, names_other, own_tag, retells_earlier
from briefgen.book.sentences import split_sentences
from briefgen.book.summarize import SentenceCandidate
from briefgen.knowledge.events import classify
from briefgen.model import Article, Brief
from briefgen.nlp.attribution import Attribution
from briefgen.periods import Period
from tests.texts import news_article

WEEK = Period(date(2016, 2, 8), date(2016, 2, 14), "2016-W06")
LATER = Period(date(2018, 4, 23), date(2018, 4, 29), "2018-W17")


def art(aid: str, title: str, text: str, day: date, outlet: str) -> Article:
    return news_article(aid, title, text, outlet, day)


def _report(text: str, subject: str | None, day: date = date(2016, 2, 9)) -> Report:
    a = art("x", "", text, day, "T")
    c = SentenceCandidate(
        split_sentences(a)[0], a, {}, Counter(), usable=True, rank=0, subject=subject
    )
    # tagged as find_reports tags a report: by the event it tells as its own
    return Report(cand=c, tag=own_tag(text), when=None, speculative=False, future=False)


def test_an_event_named_in_passing_is_not_the_sentence_s_own() -> None:
    passing = _report(
        "South Korea and the United States began formal talks on deploying THAAD on "
        "Tuesday, following North Korea's rocket launch on Sunday.",
        "KOR",
    )
    talks = _report("Seoul and Washington opened talks on the THAAD deployment on Tuesday.", "KOR")
    launch = _report("North Korea launched a long-range rocket on Sunday.", "PRK")
    # The first kind the sentence names is the launch; its own event is the talks.
    first = classify(passing.cand.sent.text)
    assert first is not None and first.kind == "missile_launch"
    assert passing.tag is not None and passing.tag.kind == "talks"
    # So the talks' reports are one development, and the launch is another.
    assert not distinct(passing, talks) and not distinct(talks, passing)
    assert distinct(launch, talks)
    # Talks "on deploying THAAD" name the deployment a sentence about the unit tells: one
    # article's lead and its next sentence may tell one story with these two kinds.
    unit = _report("The discussions would focus on placing one THAAD unit in the South.", None)
    assert unit.tag and unit.tag.kind == "defensive_deployment"
    assert names_other(talks, unit) and not names_other(launch, unit)
    # A sentence whose only event is named in passing says too little to split anything.
    aside = _report("Kerry spoke with Wang Yi following the rocket launch by North Korea.", "USA")
    assert aside.tag is None and not distinct(aside, talks)


@pytest.fixture(scope="module")
def embed():  # type: ignore[no-untyped-def]
    from briefgen.nlp.embeddings import Embedder

    return Embedder().embed


def _brief(articles: list[Article], embed, period: Period = WEEK) -> Brief:  # type: ignore[no-untyped-def]
    end = period.end or date.today()
    return assemble(articles, Attribution(), {}, period, end, "T", embed=embed)


THAAD = [
    art(
        "k1",
        "Seoul cuts power to Kaesong",
        "South Korea cut off electricity to the Kaesong industrial park run jointly with "
        "North Korea on Friday.\n\n"
        "South Korea will begin talks with Washington as early as next week on deploying "
        "the THAAD missile defence system following North Korea's rocket launch, an "
        "official said on Friday.\n\n"
        "The last South Korean workers left the park on Thursday night.",
        date(2016, 2, 12),
        "Reuters",
    ),
    art(
        "t2",
        "US and South Korea to open THAAD talks",
        "The United States and South Korea said they would begin formal talks about "
        "deploying the THAAD missile defence system to the Korean peninsula.\n\n"
        "China has objected to the system.",
        date(2016, 2, 12),
        "Yonhap",
    ),
    art(
        "r1",
        "North Korea launches long-range rocket",
        "North Korea launched a long-range rocket on Sunday, defying United Nations "
        "sanctions.\n\nThe rocket flew over Japan's Okinawa islands.",
        date(2016, 2, 7),
        "AP",
    ),
]


def test_a_passing_mention_of_a_launch_does_not_split_the_talks(embed) -> None:  # type: ignore[no-untyped-def]
    b = _brief(THAAD, embed)
    talks = [d for d in b.developments if "THAAD" in d.text]
    # One development of the talks, citing both articles: not two, one of them taken for
    # the launch the first article names in passing (nor a preview of its power cut).
    assert len(talks) == 1, [(d.kind, d.text) for d in b.developments]
    assert {"k1", "t2"} <= set(talks[0].article_ids)
    assert sum("THAAD" in s.text for s in b.bluf) <= 1


RETOLD = [
    art(
        "f1",
        "Trump's old threats hang over summit talk",
        "President Donald Trump threatened North Korea with “fire and fury” over its "
        "weapons programme.\n\nThe two Koreas will hold a summit at Panmunjom on Friday.",
        date(2018, 4, 24),
        "CNN",
    ),
    art(
        "b1",
        "Bolton's views draw scrutiny",
        "Before joining the administration, John Bolton called for a pre-emptive strike on "
        "North Korea.\n\nHe met South Korea's national security adviser on Tuesday.",
        date(2018, 4, 24),
        "AP",
    ),
]


def test_a_retold_months_old_threat_is_not_a_bottom_line_item(embed) -> None:  # type: ignore[no-untyped-def]
    threat, summit = split_sentences(RETOLD[0])[:2]
    cand = SentenceCandidate(threat, RETOLD[0], {}, Counter(), usable=True, rank=0)
    # "Fire and fury" (8 August 2017) retold in April 2018 is no threat of the week ...
    assert retells_earlier(cand, LATER)
    # ... but it was that week's news in its own week.
    assert not retells_earlier(cand, Period(date(2017, 8, 7), date(2017, 8, 13), "2017-W32"))
    b = _brief(RETOLD, embed, LATER)
    texts = [s.text for s in b.bluf]
    assert not any("fire and fury" in t for t in texts), texts
    # A call made before its speaker took office is no act of the week either.
    assert not any("pre-emptive strike" in t for t in texts), texts
    assert any("summit" in t for t in texts), texts


def test_the_story_s_history_is_no_detail_of_an_item() -> None:
    from briefgen.book.writeup import _tells_an_event

    # The week's talks, and the talks' history an article adds beside them: the history
    # must not be spliced into the week's item as a fact of it.
    week = _report("China and North Korea held talks in Beijing on Tuesday.", "CHN")
    history = _report(
        "The six-party talks, which China last held in Beijing, have been stalled since 2008.",
        None,
    )
    assert week.tag and history.tag and history.tag.action == "held"
    assert _tells_an_event(week)
    assert not _tells_an_event(history)


def test_a_parade_of_weapons_is_a_kind_of_development() -> None:
    # Untagged, the Day of the Sun parade of ICBMs (two outlets) was left out of the
    # bottom line for lines of known kinds (bottomline: a known kind qualifies first).
    tag = classify("North Korea paraded its intercontinental ballistic missiles on Saturday.")
    assert tag is not None and tag.kind == "parade" and tag.family == "military"
    assert tag.direction == 0  # a show of weapons, no launch: no escalation of its own
