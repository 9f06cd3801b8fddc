"""Speakers named by what points back to them, on short texts written here: a definite
description ("the president tweeted", "the congressman added") is the person named
before with that office."""

from __future__ import annotations

from datetime import date

import pytest

from tests.texts import attribute_text


def speakers(nlp, text: str) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [q.speaker for q in attribute_text(nlp, text).quotes]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the parser tags a lower-case office as a name: still the president named before
        (
            "In Washington, President Trump called the test hostile.\n\n“North Korea is a "
            "rogue nation which has become a great threat,” the president tweeted.",
            "Donald Trump",
        ),
        # a member of Congress is "the congressman" whatever his title's words
        (
            "Rep. Jim Himes, who sits on the House Intelligence Committee, spoke on CNN.\n\n"
            "“I guess the president regards this as a show of strength,” the congressman "
            "added.",
            "Jim Himes",
        ),
    ],
)
def test_a_definite_description_is_the_person_named_before(nlp, text, speaker) -> None:  # type: ignore[no-untyped-def]
    assert speakers(nlp, text)[-1] == speaker


def test_a_group_of_legislators_is_not_the_one_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“Congress needs to act,” tweeted Rep. Ro Khanna.\n\nDemocratic lawmakers called "
        "for a new measure that would require Trump to gain approval for a strike."
    )
    assert speakers(nlp, text)[-1] == "Democratic lawmakers"


def test_a_pronoun_after_a_described_subject_is_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "President Trump met his advisers. Defense Secretary James Mattis then issued a "
        "statement.\n\n“Any threat will be met with a massive response,” Mattis said.\n\n"
        "The president did not mention military action in his tweets on Sunday. Instead, "
        "he criticized South Korea for pursuing “appeasement” toward the North."
    )
    assert speakers(nlp, text)[-1] == "Donald Trump"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the people named together in the sentence before
        (
            "The White House said Trump and Moon Jae-in had agreed on more pressure.\n\n"
            "In an hour-long phone call, the leaders said they would continue to apply "
            "pressure to the North.",
            "Donald Trump and Moon Jae-in",
        ),
        # as many as the phrase counts, the last named leaders when no "and" joins them
        (
            "U.S. President Barack Obama met South Korean President Park Geun-hye in "
            "Washington on Thursday, joined by Japanese Prime Minister Shinzo Abe.\n\n"
            "The three leaders warned they could take further steps against Pyongyang.",
            "Barack Obama, Park Geun-hye and Shinzo Abe",
        ),
    ],
)
def test_people_spoken_of_together_are_those_named_together(nlp, text, speaker) -> None:  # type: ignore[no-untyped-def]
    assert speakers(nlp, text)[-1] == speaker


@pytest.mark.parametrize(
    "text",
    [
        # whose leaders the phrase says itself
        "Trump and Kim Jong Un met in Singapore.\n\nIn April, the leaders of both Koreas "
        "promised to end hostilities.",
        # no group named before: "leaders" is a description
        "Trump and Kim Jong Un met in Singapore.\n\nLeaders from 20 countries said the "
        "summit was a success.",
    ],
)
def test_a_group_that_says_whose_or_names_none_is_described(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert speakers(nlp, text)[-1] != "Donald Trump and Kim Jong Un"


def test_the_statement_is_its_issuer_named_as_agent(nlp) -> None:  # type: ignore[no-untyped-def]
    # "a statement released by X": X issued it, and "the statement said" after it is X
    text = (
        'A statement released by the White House said Trump "appreciates the release."\n\n'
        '"The three men appear to be in good condition," the statement said.'
    )
    assert speakers(nlp, text) == ["White House", "White House"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an adjective before the office: still the president named just before
        (
            "President Trump will address the United Nations on Tuesday.\n\nThe combative "
            "president has said that the body is “just a club for people to get together.”",
            "Donald Trump",
        ),
        # a noun of no office ("nominee"): the person just named as a subject
        (
            "Donald Trump said he would meet Kim Jong Un.\n\nThe presumptive Republican "
            "nominee said he was open to talking to the North Korean leader.",
            "Donald Trump",
        ),
        # a trade and a city before it
        (
            "“People want to see it,” said Barak Epstein, who runs the Texas Theatre.\n\n"
            "The Dallas theater manager said he was aware of the possible threats.",
            "Barak Epstein",
        ),
    ],
)
def test_the_and_a_noun_is_the_person_just_named(nlp, text, speaker) -> None:  # type: ignore[no-untyped-def]
    assert speakers(nlp, text)[-1] == speaker


@pytest.mark.parametrize(
    ("text", "not_speaker"),
    [
        # a woman is not the man just named
        (
            "Kim Jong Un watched the launch.\n\nThe female newscaster said the missile was "
            "“a glistening miracle” of the nation.",
            "Kim Jong Un",
        ),
        # a source kept unnamed stays unnamed
        (
            "Defense Secretary James Mattis visited Seoul.\n\nThe official said the talks "
            "would resume next week.",
            "James Mattis",
        ),
        # a relative is beside the person named, not that person
        (
            "Mike Huckabee spoke in Little Rock.\n\nThe daughter said she would run for "
            "governor next year.",
            "Mike Huckabee",
        ),
    ],
)
def test_the_and_a_noun_that_cannot_be_the_person_just_named(nlp, text, not_speaker) -> None:  # type: ignore[no-untyped-def]
    got = speakers(nlp, text)
    assert got and got[-1] != not_speaker


@pytest.mark.parametrize(
    ("text", "outlet", "day", "speaker"),
    [
        # the office's own country: its holder on the article's date
        (
            "The summit ended at noon.\n\nThe South Korean president said the talks had "
            "gone well and “peace is within reach.”",
            None,
            date(2018, 4, 27),
            "Moon Jae-in",
        ),
        (
            "The summit ended at noon.\n\nThe South Korean president said the talks had "
            "gone well and “peace is within reach.”",
            None,
            date(2014, 4, 27),
            "Park Geun-hye",
        ),
        # no country in the phrase: the paper's own, when the article names that country
        (
            "The United States blamed North Korea for the hack.\n\nThe president said the "
            "U.S. would “respond proportionally” to the attack.",
            "USA Today",
            date(2014, 12, 22),
            "Barack Obama",
        ),
    ],
)
def test_an_office_names_its_holder_of_the_articles_date(nlp, text, outlet, day, speaker) -> None:  # type: ignore[no-untyped-def]
    q = attribute_text(nlp, text, outlet=outlet, published=day).quotes[-1]
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a former holder is no holder
        (
            "The summit ended at noon.\n\nThe former South Korean president said the talks "
            "had gone well and “peace is within reach.”",
            date(2018, 4, 27),
        ),
        # no date: no way to tell who held it
        (
            "The summit ended at noon.\n\nThe South Korean president said the talks had "
            "gone well and “peace is within reach.”",
            None,
        ),
    ],
)
def test_an_office_without_a_dated_holder_stays_a_description(nlp, text, day) -> None:  # type: ignore[no-untyped-def]
    q = attribute_text(nlp, text, published=day).quotes[-1]
    # a former holder comments for no state (GUIDE.md), a holder of no known date for his
    assert q.speaker not in ("Moon Jae-in", "Park Geun-hye")
    assert q.country == (None if "former" in text else "KOR")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the capital is the sentence's, not the description's
        ("Other experts said the site could be rebuilt within months.", "other experts"),
        ("Military analysts say an attack on the South is unlikely.", "military analysts"),
        # a nationality keeps its capital
        ("Russian officials said the talks would resume next week.", "Russian officials"),
    ],
)
def test_a_description_at_a_sentence_start_is_named_in_lower_case(nlp, text, speaker) -> None:  # type: ignore[no-untyped-def]
    assert speakers(nlp, text)[-1] == speaker


@pytest.mark.parametrize(
    ("text", "not_speaker"),
    [
        # an office must fit the role: the governor is not the candidate just named
        (
            "“We will win,” Donald Trump said on Friday.\n\nThe Indiana governor said the "
            "ticket would “take back the country.”",
            "Donald Trump",
        ),
        # a bare trade noun is someone new, mostly
        (
            "“We will win,” Donald Trump said on Friday.\n\nIn the advertisement, the "
            "announcer said: “Who do you want answering the phone?”",
            "Donald Trump",
        ),
        # many people as one are not the one just named
        (
            "“We will win,” Hillary Clinton said on Friday.\n\nThe union said it would "
            "endorse the ticket “with pride.”",
            "Hillary Clinton",
        ),
    ],
)
def test_the_and_a_noun_that_is_someone_else(nlp, text, not_speaker) -> None:  # type: ignore[no-untyped-def]
    got = speakers(nlp, text)
    assert got and got[-1] != not_speaker


def test_the_leader_is_not_the_vice_chairman_just_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kim Jong Un shook hands with Moon Jae-in at the border.\n\nKim Yong Chol, the "
        "Workers' Party vice chairman, began clapping.\n\n“It feels embarrassing to be "
        "applauded just for shaking hands,” the North Korean leader said."
    )
    assert speakers(nlp, text)[-1] == "Kim Jong Un"


def test_a_bodys_description_lends_no_person_its_title(nlp) -> None:  # type: ignore[no-untyped-def]
    # "The Chinese agency" (a body) and "Chinese officials" (a group) before a newly
    # named specialist lend her no title or country
    text = (
        "The Chinese agency termed the tremor a “collapse”. Chinese officials were also "
        "scrambling to test the air. Nuclear weapons specialist Catherine Dill said it was "
        "not clear what design had been tested."
    )
    att = attribute_text(nlp, text)
    tremor, design = sorted(att.quotes, key=lambda q: q.start)
    assert (tremor.speaker, tremor.country) == ("Chinese agency", "CHN")
    assert (design.speaker, design.country) == ("Catherine Dill", None)
