"""Speeches printed without quotation marks (nlp/speeches.py), on short texts written
here: the paragraphs after "he said:" are the speaker's words, up to the narration."""

from __future__ import annotations

from tests.texts import attribute_text


def quotes(nlp, text: str):  # type: ignore[no-untyped-def]
    return attribute_text(nlp, text).quotes


SPEECH = (
    "Kim Jong Un, general secretary of the Workers' Party of Korea, attended the ceremony "
    "and made a speech.\n\n"
    "In the speech, he said:\n\n"
    "Comrades,\n\n"
    "Today we have gathered for this ceremony to celebrate the new weapons of our army.\n\n"
    "We will never stop strengthening our defence capability in the face of the threats.\n\n"
    "He said that the officials should study detailed plans for the new factories.\n\n"
    "The ceremony ended with a performance."
)


def test_the_paragraphs_after_he_said_are_his_words(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = [q for q in quotes(nlp, SPEECH) if q.kind == "direct"]
    assert [q.text[:20] for q in direct] == ["Today we have gather", "We will never stop s"]
    assert {q.speaker for q in direct} == {"Kim Jong Un"}


def test_the_speech_ends_where_the_narration_reports_again(nlp) -> None:  # type: ignore[no-untyped-def]
    qs = quotes(nlp, SPEECH)
    assert not any(q.text.startswith(("Comrades", "The ceremony")) for q in qs)
    told = [q for q in qs if q.text.startswith("the officials should")]
    assert [q.kind for q in told] == ["indirect"]


def test_a_publication_goes_on_after_a_colon(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rodong Sinmun on Monday carried an editorial on the national day.\n\n"
        "This is the proud trait of Juche Korea, the editorial says, adding:\n\n"
        "Our people have always trusted and followed only their leader in every "
        "difficulty.\n\nNo force can break the revolutionary stamina of our people."
    )
    direct = [q for q in quotes(nlp, text) if q.kind == "direct"]
    assert len(direct) == 2
    assert {q.speaker for q in direct} == {"Rodong Sinmun"}


def test_a_heading_after_a_cue_opens_no_speech(nlp) -> None:  # type: ignore[no-untyped-def]
    # the cue must be in the colon's own paragraph (seen on PolNeAR train: a correction
    # notice after "Mr. Verdery said." became his words)
    text = (
        "As a woman, Ms. Malik likely raised less suspicion, Mr. Verdery said.\n\n"
        "CORRECTION:\n\n"
        "An earlier version of this article misstated the date of the visa interview.\n\n"
        "The article also misspelled the name of the consulate in Islamabad."
    )
    assert not [q for q in quotes(nlp, text) if q.kind == "direct"]


def test_a_colon_with_no_speaker_opens_no_speech(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Libyan experience can be applied to North Korea today. Four lessons are:\n\n"
        "Insist on a strategic decision from Kim rather than words.\n\n"
        "Keep the sanctions in place until the weapons are gone."
    )
    assert quotes(nlp, text) == []


def test_words_in_marks_after_a_colon_stay_the_marked_quotation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Asked about the talks, Trump said:\n\n"
        "“We are going to have a great meeting with Kim Jong Un very soon.”\n\n"
        "The White House gave no date for the meeting with the North Korean leader."
    )
    qs = quotes(nlp, text)
    assert [(q.kind, q.text[:8], q.speaker) for q in qs] == [("direct", "We are g", "Donald Trump")]
