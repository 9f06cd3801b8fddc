"""Speakers behind the press, a possessive and a boss, on short texts written here: the
person a news agency reports as saying something is the speaker, not the agency; a
body named by a lone family name's possessive ("Mr Moon's office") carries the person's
full name; an aide to someone is the aide, of the boss's country, never the boss."""

from __future__ import annotations

import pytest

from tests.texts import attribute_text


def said(nlp, text: str) -> list[tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(q.speaker, q.country) for q in attribute_text(nlp, text).quotes]


@pytest.mark.parametrize(
    "text",
    [
        # the person's words in marks, the agency's cue after them
        'North Korea launched a missile on Friday.\n\nKim Jong-un "said proudly the test '
        'confirmed all the US mainland is within our striking range," the Korean Central '
        "News Agency said.",
        # the agency's report tells what the person declared
        "North Korea fired a missile from a submarine.\n\nThe KCNA report said that after "
        "the test Kim Jong Un declared that the North now has another strong nuclear "
        "strike method.",
    ],
)
def test_the_person_an_agency_reports_is_the_speaker(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert said(nlp, text) == [("Kim Jong Un", "PRK")]


def test_an_agency_that_reports_no_one_else_still_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Korean Central News Agency said the launch was a success."
    assert said(nlp, text) == [("Korean Central News Agency", "PRK")]


def test_a_person_named_inside_the_report_but_not_saying_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # Kim is what was reported on, not who said it: the agency speaks
    text = "KCNA said Kim Jong Un visited a farm in South Hamgyong Province."
    assert said(nlp, text) == [("Korean Central News Agency", "PRK")]


def test_a_possessive_lone_name_takes_the_full_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "South Korea's Moon Jae-in met Kim Jong-un at the border.\n\nThe talks lasted two "
        "hours, Mr Moon's office said."
    )
    assert said(nlp, text) == [("Moon Jae-in's office", "KOR")]


def test_a_bare_family_name_possessive_is_left(nlp) -> None:  # type: ignore[no-untyped-def]
    # without a title, "Kim" may be any Kim: not the one named before
    text = "Kim Kye Gwan said talks would go on. Kim's regime said the offer was rejected."
    assert [s for s, _ in said(nlp, text)] == ["Kim Kye Gwan", "Kim's regime"]


def test_a_full_possessive_name_is_kept(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Donald Trump's campaign said the rally was cancelled."
    assert said(nlp, text) == [("Donald Trump's campaign", "USA")]


@pytest.mark.parametrize(
    ("text", "speaker", "country"),
    [
        (
            "A senior aide to Senator Marco Rubio said the campaign would go on.",
            "a senior aide to Senator Marco Rubio",
            "USA",
        ),
        (
            "A spokesman for President Moon Jae-in said the talks would resume.",
            "a spokesman for President Moon Jae-in",
            "KOR",
        ),
    ],
)
def test_an_aide_to_someone_is_not_that_person(nlp, text, speaker, country) -> None:  # type: ignore[no-untyped-def]
    assert said(nlp, text) == [(speaker, country)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a body, not a person, after "to": the name is the ambassador's
        (
            "U.S. Ambassador to the United Nations Nikki Haley said sanctions would stay.",
            "Nikki Haley",
        ),
        ("Special Envoy for North Korea Stephen Biegun said talks would resume.", "Stephen Biegun"),
        # the spokeswoman named, her boss after her
        (
            "Sarah Sanders, spokeswoman for President Trump, said the meeting went well.",
            "Sarah Sanders",
        ),
    ],
)
def test_a_title_before_a_name_is_still_that_person(nlp, text, speaker) -> None:  # type: ignore[no-untyped-def]
    assert [s for s, _ in said(nlp, text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "The North‘s Korean Central News Agency said the talks with Russia were a success.",
        "North Korea's Korean Central News Agency said the talks with Russia were a success.",
    ],
)
def test_a_paper_after_its_countrys_possessive_is_the_paper(nlp, text) -> None:  # type: ignore[no-untyped-def]
    # "North's KCNA" is KCNA, of North Korea: not an unknown speaker with no country
    assert said(nlp, text) == [("Korean Central News Agency", "PRK")]


def test_a_person_after_a_possessive_is_not_taken_for_a_body(nlp) -> None:  # type: ignore[no-untyped-def]
    from briefgen.nlp.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    assert gaz.lookup("China's Xinhua") is not None
    assert gaz.lookup("America's Kim Jong Un") is None


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        # "state-run" describes a body, it is no part of its name; a state-run body that
        # is no publication is the state's, not state media
        (
            "Screens went blank at 2 p.m., the state-run Korea Information Security Agency said.",
            "Korea Information Security Agency",
            "government",
        ),
        # a known publication behind the description, in a variant spelling
        (
            "The state-run Korea Central News Agency said that Kim decided to release them.",
            "Korean Central News Agency",
            "state-media",
        ),
    ],
)
def test_a_state_run_body_is_named_without_its_description(nlp, text, speaker, kind) -> None:  # type: ignore[no-untyped-def]
    att = attribute_text(nlp, text, outlet="CNN")
    (q,) = att.quotes
    assert (q.speaker, {a.actor_id: a.kind for a in att.actors}[q.actor_id]) == (speaker, kind)


@pytest.mark.parametrize(
    "text",
    [
        'North Korea\'s delegation held "frank and candid" talks with Moon Jae-in, the North '
        "Korean news agency said on Sunday.",
        # an agency of another country named before is not the one described
        "Yonhap reported the launch on Monday. The drills are a rehearsal for invasion, the "
        "North Korean news agency said.",
    ],
)
def test_a_countrys_news_agency_described_is_its_state_agency(nlp, text) -> None:  # type: ignore[no-untyped-def]
    """ "The North Korean news agency said": the text names no agency of that country, so
    it is the country's one state agency (the gazetteer's), never Yonhap or the outlet."""
    assert said(nlp, text) == [("Korean Central News Agency", "PRK")]
