"""Reported speech framed by where or how it was said, and speakers described rather than
named (issue 10), on short texts written here: "said in a statement that ...", "the
statement said" after it, "one of X's lawyers", "according to the institute", a
publication's edition or channel."""

from __future__ import annotations

import pytest

from briefgen.model import Quote
from tests.texts import attribute_text


def quotes(nlp, text: str) -> list[Quote]:  # type: ignore[no-untyped-def]
    return attribute_text(nlp, text).quotes


def said(nlp, text: str, content: str) -> Quote:  # type: ignore[no-untyped-def]
    """The one quotation whose words are `content`."""
    qs = [q for q in quotes(nlp, text) if q.text == content]
    assert len(qs) == 1, [(q.kind, q.speaker, q.text) for q in quotes(nlp, text)]
    return qs[0]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The South's Joint Chiefs of Staff said in a statement that the missile was "
            "launched at about 11:30 a.m. in waters east of the Korean peninsula.",
            "the missile was launched at about 11:30 a.m. in waters east of the Korean peninsula",
            "Joint Chiefs of Staff",
        ),
        (
            "Defense Secretary Chuck Hagel said during a briefing that the B-2 bombers were "
            "not intended to provoke North Korea.",
            "the B-2 bombers were not intended to provoke North Korea",
            "Chuck Hagel",
        ),
        (
            "China's foreign ministry warned at a news conference on Monday that sanctions "
            "alone would not solve the problem.",
            "sanctions alone would not solve the problem",
            "foreign ministry",
        ),
    ],
)
def test_a_that_clause_after_a_framing_phrase_is_the_cues(nlp, text, content, speaker) -> None:  # type: ignore[no-untyped-def]
    q = said(nlp, text, content)
    assert q.kind == "indirect" and q.speaker is not None and speaker in q.speaker


@pytest.mark.parametrize(
    "text",
    [
        "Kim rejected criticism that the test was a provocation.",
        "The official said on Tuesday, despite the president's assertion that the test "
        "was a provocation, that talks would go on.",
    ],
)
def test_a_noun_with_its_own_that_clause_is_not_a_frame(nlp, text) -> None:  # type: ignore[no-untyped-def]
    """The clause of "criticism" or "assertion" is that noun's, not the cue's."""
    qs = quotes(nlp, text)
    assert not any(
        q.text == "the test was a provocation"
        and q.kind == "indirect"
        and q.speaker in ("Kim", "an official")
        for q in qs
    )


@pytest.mark.parametrize(
    ("text", "content", "speaker", "country"),
    [
        (
            "North Korea's Foreign Ministry said in a statement on Tuesday that the drills "
            "were a rehearsal for invasion. The statement said the country would respond "
            "with force.",
            "the country would respond with force",
            "Foreign Ministry",
            "PRK",
        ),
        (
            "The White House said in a statement that Trump would meet Kim in June. The "
            "statement added that sanctions would remain until the North disarmed.",
            "sanctions would remain until the North disarmed",
            "White House",
            "USA",
        ),
    ],
)
def test_the_statement_said_is_whoever_spoke_in_it(nlp, text, content, speaker, country) -> None:  # type: ignore[no-untyped-def]
    q = said(nlp, text, content)
    assert q.speaker is not None and speaker in q.speaker and q.country == country


def test_a_statement_denied_is_not_the_deniers(nlp) -> None:  # type: ignore[no-untyped-def]
    """Only the verb that spoke "in" the statement issued it; "The statement said" with
    no issuer anywhere is left to the rest of the rules, never the deniers."""
    text = (
        "Seoul denied the report on Monday. The report said the North had moved missiles "
        "to the coast."
    )
    qs = [q for q in quotes(nlp, text) if q.text.startswith("the North had moved")]
    assert all(q.speaker is None or "Seoul" not in q.speaker for q in qs)


@pytest.mark.parametrize(
    ("text", "content", "speaker", "country"),
    [
        (
            "Sony said it would fight back. One of Sony's lawyers announced that the film "
            "will be distributed.",
            "the film will be distributed",
            "lawyers",
            "USA",
        ),
        (
            "Two-thirds of the Security Council requested that North Korea's human rights "
            "situation be placed on the agenda.",
            "North Korea's human rights situation be placed on the agenda",
            "Security Council",
            "UN",
        ),
    ],
)
def test_a_share_of_a_group_speaks_as_that_group(nlp, text, content, speaker, country) -> None:  # type: ignore[no-untyped-def]
    q = said(nlp, text, content)
    assert q.speaker is not None and speaker in q.speaker and q.country == country


def test_advocates_are_people_who_speak(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "While progress has been made, some arms-control advocates say the diplomatic "
        "process seems to have lost momentum."
    )
    q = said(nlp, text, "the diplomatic process seems to have lost momentum")
    assert q.speaker is not None and "advocates" in q.speaker


@pytest.mark.parametrize(
    ("text", "content", "speaker", "country"),
    [
        (
            "The Korea Institute for National Unification published its annual tally on "
            "Monday. According to the institute, Kim's public activities have been steadily "
            "rising since 2020.",
            "Kim's public activities have been steadily rising since 2020",
            "Korea Institute for National Unification",
            "KOR",
        ),
        (
            "In a front-page commentary on Monday, the overseas edition of the ruling "
            "Communist party's official People's Daily said sanctions must be employed with "
            "precision.",
            "sanctions must be employed with precision",
            "People's Daily",
            "CHN",
        ),
    ],
)
def test_a_body_described_by_its_head_word_is_the_body_named(
    nlp, text, content, speaker, country
) -> None:  # type: ignore[no-untyped-def]
    q = said(nlp, text, content)
    assert q.speaker == speaker and q.country == country


def test_a_pronoun_nobody_fits_keeps_the_statement_with_an_unknown_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    q = said(
        nlp,
        "The weather was cold. He threatened to destroy the regime entirely.",
        "to destroy the regime entirely",
    )
    assert q.kind == "indirect" and q.speaker is None and q.actor_id is None


def test_a_thing_as_subject_is_still_no_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    qs = quotes(nlp, "The evidence suggests that the country may be gearing up for a test.")
    assert qs == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Many experts have pointed to broad misunderstandings in what denuclearization "
            "means for Pyongyang.",
            "broad misunderstandings in what denuclearization means for Pyongyang",
            "experts",
        ),
        (
            "Moon argued for resuming the tours to Mount Kumgang as soon as possible.",
            "resuming the tours to Mount Kumgang as soon as possible",
            "Moon",
        ),
        (
            "Trump has previously derided Kim Jong Un as a rocket man.",
            "Kim Jong Un as a rocket man",
            "Trump",
        ),
        (
            "Ri likened Trump's speech to the sound of a dog barking.",
            "Trump's speech to the sound of a dog barking",
            "Ri",
        ),
        (
            "The French government made it clear that Macron would argue for keeping the "
            "nuclear deal.",
            "Macron would argue for keeping the nuclear deal",
            "French government",
        ),
    ],
)
def test_cues_of_pointing_arguing_deriding_likening_and_making_clear(
    nlp, text, content, speaker
) -> None:  # type: ignore[no-untyped-def]
    q = said(nlp, text, content)
    assert q.kind == "indirect" and q.speaker is not None and speaker in q.speaker


@pytest.mark.parametrize(
    "text",
    [
        "He did not make it clear that his administration was considering retaliation.",
        "The decision made the road clear for the summit.",
        "Moon compared notes with Abe on Tuesday.",
        "The evidence points to North Korea.",
    ],
)
def test_no_statement_without_a_speaker_saying_something(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert quotes(nlp, text) == []


def test_the_statement_with_no_issuer_is_whoever_just_spoke(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“The test confirmed our range,” the Korean Central News Agency said. The statement "
        "said that the rocket was a Hwasong-14."
    )
    q = said(nlp, text, "the rocket was a Hwasong-14")
    assert q.speaker == "Korean Central News Agency" and q.country == "PRK"


def test_the_statement_long_after_anyone_spoke_has_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Trump spoke on Monday. The weather was fine in Seoul. The markets rose. The "
        "statement said the talks would go ahead."
    )
    assert not any(q.speaker for q in quotes(nlp, text) if q.text == "the talks would go ahead")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "As many analysts have noted, the costs of attacking North Korea are "
            "prohibitively high.",
            "the costs of attacking North Korea are prohibitively high",
            "analysts",
        ),
        (
            "The talks will resume next week, as the ministry said on Monday.",
            "The talks will resume next week",
            "ministry",
        ),
    ],
)
def test_as_x_said_reports_the_clause_it_hangs_on(nlp, text, content, speaker) -> None:  # type: ignore[no-untyped-def]
    q = said(nlp, text, content)
    assert q.kind == "indirect" and q.speaker is not None and speaker in q.speaker


@pytest.mark.parametrize(
    "text",
    [
        "Trump pulled out of the deal, as he had promised.",
        "As he spoke, the crowd cheered loudly in the square.",
    ],
)
def test_as_with_other_verbs_reports_nothing(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert quotes(nlp, text) == []
