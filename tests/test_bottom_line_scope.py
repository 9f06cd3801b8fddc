"""The bottom line is about the peninsula, and tells each act once (issue 11, part 1).

A story on Korea may lead with the Iran deal or a strike on Islamic State: that is no item
of a Korea briefing.  One actor's one act, kept as two developments by the grouping (two
wordings of Pence's visit), is one item citing the articles of both.  Small corpora
written here; the end-to-end one with the real embedding model.
"""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.book.assemble import assemble
from briefgen.book.bottomline import bottom_line, on_peninsula
from briefgen.model import Article, Development, Evidence
from briefgen.nlp.attribution import Attribution
from briefgen.periods import Period
from tests.texts import news_article

WEEK = Period(date(2017, 4, 10), date(2017, 4, 16), "2017-W15")
DAY = date(2017, 4, 13)


def dev(text: str, actor: str, kind: str, aid: str, when: date | None = DAY) -> Development:
    return Development(
        text=text,
        sentences=[Evidence(aid, text)],
        kind=kind,
        action="held",
        actor=actor,
        when=when,
        article_ids=[aid],
        outlets=[aid.upper()],
        cites=[int(aid[1:])],
        score=1.0,
    )


def test_an_iran_only_event_is_not_on_the_peninsula() -> None:
    iran = dev(
        "The United States imposed new sanctions on Iran on Thursday.", "USA", "sanctions", "a1"
    )
    assert not on_peninsula(iran)
    # another region's news that names North Korea in passing is still that region's
    strike = dev(
        "After the U.S. military announced the attack on an Islamic State tunnel complex, "
        "Trump said he was not sending a message to North Korea.",
        "USA",
        "strike",
        "a5",
    )
    assert not on_peninsula(strike)
    # a Korea acts, its lead names the peninsula first, or a known peninsula actor by name
    assert on_peninsula(dev("North Korea sold missiles to Iran.", "PRK", "talks", "a2"))
    assert on_peninsula(
        dev("The US imposed sanctions on Pyongyang and Tehran.", "USA", "sanctions", "a3")
    )
    assert on_peninsula(dev("Moon Jae-in held talks with Abe on Thursday.", "JPN", "talks", "a4"))
    # a third country that speaks, or hosts the talks, is no other region's news
    assert on_peninsula(
        dev(
            "Australia's prime minister said pressure was the only way to deal with North Korea.",
            "AUS",
            "statement",
            "a7",
        )
    )
    assert on_peninsula(
        dev(
            "Tillerson spoke at a meeting in Manila, Philippines, of talks with Pyongyang.",
            "USA",
            "talks",
            "a8",
        )
    )
    # a lead of no place: find_reports took it as the peninsula's (denuclearisation)
    assert on_peninsula(dev("The US has made zero concessions, he said.", "USA", "statement", "a6"))


def test_the_bottom_line_leaves_out_the_iran_item_though_it_ranks_first() -> None:
    devs = [
        dev(
            "The United States imposed new sanctions on Iran on Thursday.", "USA", "sanctions", "a1"
        ),
        dev("North Korea launched a ballistic missile on Thursday.", "PRK", "missile_launch", "a2"),
        dev(
            "South Korea held talks with China on Friday.",
            "KOR",
            "talks",
            "a3",
            DAY.replace(day=14),
        ),
        dev(
            "Japan imposed sanctions on North Korea on Wednesday.",
            "JPN",
            "sanctions",
            "a4",
            DAY.replace(day=12),
        ),
    ]
    items = bottom_line(devs)
    assert devs[0] not in items
    assert [d.article_ids[0] for d in items] == ["a2", "a3", "a4"]


def test_the_same_act_told_twice_is_one_item_citing_both() -> None:
    first = dev("Mike Pence visited the DMZ on Monday.", "USA", "visit", "a1", DAY)
    again = dev(
        "Vice President Pence went to the border with North Korea.", "USA", "visit", "a2", DAY
    )
    other = dev(
        "North Korea launched a ballistic missile on Thursday.", "PRK", "missile_launch", "a3"
    )
    later = dev(
        "Pence visited Tokyo on Tuesday near North Korea.",
        "USA",
        "visit",
        "a4",
        DAY.replace(day=14),
    )
    items = bottom_line([first, again, other, later])
    assert again not in items and first in items
    assert first.article_ids == ["a1", "a2"] and first.cites == [1, 2]
    # another day is another act
    assert later in items


@pytest.fixture(scope="module")
def embed():  # type: ignore[no-untyped-def]
    from briefgen.nlp.embeddings import Embedder

    return Embedder().embed


def _art(aid: str, title: str, text: str, outlet: str) -> Article:
    return news_article(aid, title, text, outlet, DAY)


def test_an_iran_lead_in_a_korea_week_is_no_item(embed) -> None:  # type: ignore[no-untyped-def]
    arts = [
        _art(
            "i1",
            "Trump decertifies Iran deal",
            "President Trump refused on Thursday to certify the Iran nuclear deal, a move "
            "North Korea will watch closely.\n\n"
            "Officials said Iran had broken the spirit of the deal.",
            "CNN",
        ),
        _art(
            "i2",
            "Trump will not certify Iran pact",
            "Trump declined on Thursday to certify Iran's compliance with the nuclear deal, "
            "a decision with echoes for North Korea.\n\nTehran said it would stay in the deal.",
            "Fox",
        ),
        _art(
            "k1",
            "North Korea fires missile",
            "North Korea launched a ballistic missile into the Sea of Japan on Thursday.\n\n"
            "The missile flew about 60 kilometres, South Korea's military said.",
            "AP",
        ),
        _art(
            "k2",
            "Pyongyang test-fires missile",
            "North Korea fired a ballistic missile from its east coast on Thursday, South "
            "Korea said.\n\nJapan protested the launch.",
            "Reuters",
        ),
        _art(
            "k3",
            "Seoul and Beijing hold talks",
            "South Korea and China held talks on North Korea's nuclear programme in Beijing "
            "on Wednesday.\n\nThe envoys agreed to meet again.",
            "BBC",
        ),
    ]
    b = assemble(arts, Attribution(), {}, WEEK, WEEK.end or DAY, "T", embed=embed)
    texts = [s.text for s in b.bluf]
    assert texts and not any("Iran" in t for t in texts), texts
    assert any("missile" in t for t in texts), texts


def test_the_country_after_a_city_is_a_place() -> None:
    """knowledge.countries.is_place (on_peninsula's venue test): a city and its country
    name where talks were held; is_venue alone, as the sections read it, does not."""
    from briefgen.knowledge.countries import country_offsets, is_place, is_venue

    text = "Envoys of both Koreas met in Davao, Philippines, on Wednesday."
    (pos, code), *_ = country_offsets(text)
    assert code == "PHL" and is_place(text, pos) and not is_venue(text, pos)
    plain = "The Philippines said it would host the talks."
    assert not is_place(plain, country_offsets(plain)[0][0])
