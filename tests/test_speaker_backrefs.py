"""Speakers named by what points back to them, on short texts written here: a definite
description ("the president tweeted", "the congressman added") is the person named
before with that office."""

from __future__ import annotations

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
