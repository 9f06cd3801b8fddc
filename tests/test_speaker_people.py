"""Who a speaker is, on short texts written here: a person's name the tagger labels an
organisation, the gender a given name tells for he/she, and the one a news agency
quotes "as saying"."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.knowledge.family_names import load_family_names
from briefgen.nlp.names import given_name_person
from tests.texts import attribute_text


def quotes(nlp, text: str):  # type: ignore[no-untyped-def]
    return attribute_text(nlp, text).quotes


def test_given_names_tell_gender_but_family_names_do_not() -> None:
    fam = load_family_names()
    assert fam.gender_of_given("Howard") == "m"
    assert fam.gender_of_given("Brenda") == "f"
    assert fam.gender_of_given("Kelly") == "f"  # mostly women's
    assert fam.gender_of_given("Morgan") is None  # both
    assert fam.gender_of_given("Sun") is None  # a family name too ("Sun Weidong")
    assert fam.gender_of_given("Kim") is None


@pytest.mark.parametrize(
    ("text", "span", "person"),
    [
        ("Carly Fiorina endorsed Ted Cruz.", "Carly Fiorina", True),
        (
            "Kelsey Davenport, director at the Arms Control Association, spoke.",
            "Kelsey Davenport",
            True,
        ),
        ("They met in the Marshall Islands.", "Marshall Islands", False),  # a place
        ("The Arms Control Association spoke.", "Arms Control Association", False),
        ("Howard University said so.", "Howard University", False),  # a body's word
        ("Many Roman Catholics said so.", "Roman Catholics", False),  # a group
    ],
)
def test_a_given_name_makes_a_name_a_persons(nlp, text, span, person) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    i = text.index(span)
    sp = doc.char_span(i, i + len(span))
    assert sp is not None
    assert given_name_person(sp) is person


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the tagger reads "Carly Fiorina" and "Kelsey Davenport" as organisations: "she"
        # still finds them, not the man named beside her or nobody
        (
            "Carly Fiorina endorsed Ted Cruz on Wednesday. She applauded him for fighting. "
            "“He has fought for our liberty,” she said.",
            "Carly Fiorina",
        ),
        (
            "Ted Cruz spoke first. Then Carly Fiorina took the stage. “We will win,” she said.",
            "Carly Fiorina",
        ),
        (
            "Kelsey Davenport, director at the Arms Control Association, spoke to reporters. "
            "“That will require a deal,” she said.",
            "Kelsey Davenport",
        ),
        # the family name alone, tagged a common noun, is the person named in full before
        (
            "Brett O’Donnell, chief strategist for the campaign, spoke on Monday. “It’s "
            "taxing on campaign resources,” O’Donnell said.",
            "Brett O’Donnell",
        ),
        # "she" passes over the man in between: his given name is a man's
        (
            "Brenda Lowe said the talks had stalled. Howard Stone disagreed. “They will go "
            "on,” she said.",
            "Brenda Lowe",
        ),
    ],
)
def test_pronoun_finds_a_person_by_given_name(nlp, text, speaker) -> None:  # type: ignore[no-untyped-def]
    assert quotes(nlp, text)[-1].speaker == speaker


def test_agency_quoting_someone_as_saying_is_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    qs = quotes(
        nlp,
        "The Korean Central News Agency quoted Kim Jong Un as saying the test was a success.",
    )
    assert [q.speaker for q in qs] == ["Kim Jong Un"]
    # an unnamed official quoted by a state agency serves that state
    qs = quotes(
        nlp,
        "KCNA quoted a spokesman for the Foreign Ministry as saying that the sanctions "
        "were a declaration of war.",
    )
    assert [(q.speaker, q.country) for q in qs] == [("a spokesman for the Foreign Ministry", "PRK")]
    # a private agency places nobody
    qs = quotes(
        nlp,
        "Yonhap quoted a spokesman for the Foreign Ministry as saying that the sanctions "
        "were a declaration of war.",
    )
    assert [(q.speaker, q.country) for q in qs] == [("a spokesman for the Foreign Ministry", None)]


_ALONE = (
    "The two leaders met at the border village.\n\n“I came here determined to send a "
    "starting signal,” said Kim."
)


@pytest.mark.parametrize(
    ("day", "speaker", "country"),
    [
        (date(2018, 4, 27), "Kim Jong Un", "PRK"),  # the leader of the article's date
        (date(2009, 5, 25), "Kim Jong Il", "PRK"),  # his father before December 2011
        (None, "Kim", None),  # no date: no way to tell which Kim
    ],
)
def test_a_common_family_name_alone_is_the_leader_of_the_articles_date(  # type: ignore[no-untyped-def]
    nlp, day, speaker, country
) -> None:
    q = attribute_text(nlp, _ALONE, published=day).quotes[-1]
    assert (q.speaker, q.country) == (speaker, country)


def test_a_family_name_alone_after_a_full_name_stays_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kim Yong Chol, the head of the intelligence service, arrived first.\n\n“The norms "
        "are changing,” Kim said."
    )
    q = attribute_text(nlp, text, published=date(2018, 4, 27)).quotes[-1]
    assert q.speaker == "Kim Yong Chol"


def test_a_family_name_alone_is_not_the_relative_named_in_passing(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Trump blamed his rival Hillary Clinton and her husband, former president Bill "
        "Clinton, for the program.\n\nOn television, Clinton described the speech as “very "
        "dark, dangerous.”"
    )
    assert attribute_text(nlp, text).quotes[-1].speaker == "Hillary Clinton"


def test_the_relative_just_named_as_the_subject_still_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sarah Sanders grew up in Arkansas. Bryan Sanders, her husband, spoke on Monday.\n\n"
        "“She has grown up her whole life with the Clintons,” Sanders said."
    )
    assert attribute_text(nlp, text).quotes[-1].speaker == "Bryan Sanders"
