"""Attributions a specialist struck in print (issue 10), on short texts written here:
each quotation goes to who said it, and nobody is placed in a state by what the sentence
says of another."""

from __future__ import annotations

from tests.texts import attribute_text


def quote_with(nlp, text: str, words: str):  # type: ignore[no-untyped-def]
    (q,) = [q for q in attribute_text(nlp, text).quotes if words in q.text]
    return q


def test_a_quote_ended_by_an_exclamation_keeps_the_name_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser ends the sentence after “…!”: "Trump wrote." must still attribute it,
    # not the minister of the paragraph before
    text = (
        "North Korea escalated the situation when the nation's foreign minister revealed "
        "Pyongyang could conduct the H-bomb test.\n\n"
        '"Kim Jong Un of North Korea, who is obviously a madman, will be tested like never '
        'before!" Trump wrote.'
    )
    q = quote_with(nlp, text, "madman")
    assert (q.speaker, q.country) == ("Donald Trump", "USA")


def test_a_quote_after_a_colon_is_the_named_subjects(nlp) -> None:  # type: ignore[no-untyped-def]
    # no cue verb in the frame: the quote must not continue the previous paragraph's
    # speaker, nor take the subject the parse finds across the paragraph break
    text = (
        "North Korea sat out the meeting, but sent a letter Monday that said the council "
        "was orchestrating “an attempt to lay ground for an invasion of the DPRK [North "
        "Korea] under the pretext of ‘human rights’.”\n\n"
        "US Ambassador to the UN Samantha Power was among those that spoke out against "
        "North Korea’s rights record: “Today we have broken the Council's silence. We have "
        "begun to shine a light.”"
    )
    q = quote_with(nlp, text, "silence")
    assert q.speaker is not None and "Power" in q.speaker
    assert q.country == "USA"
    assert q.cue is None  # "was" is printed as no cue: "— Samantha Power (was)"


def test_the_sentence_after_an_apposition_does_not_place_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # ", for “allowing” North Korea to ..." is what Trump blames him for, not where he is
    text = (
        "Trump took a shot at her husband, former president Bill Clinton, for "
        '"allowing" North Korea to expand its nuclear program.\n\n'
        'Speaking on CBS on Tuesday, Clinton described the speech as "very dark, '
        "dangerous, not the kind of message that the leader of the free world should be "
        'delivering."'
    )
    q = quote_with(nlp, text, "very dark")
    assert q.country != "PRK"


def test_an_official_a_bodys_sentences_refer_to_is_not_its_member(nlp) -> None:  # type: ignore[no-untyped-def]
    # "the statement said, referring to the president's comments": the North's statement
    # speaks of the president; he does not serve the North, subject of the sentence before
    text = (
        "North Korea's National Defence Commission claimed that the country is "
        '"fully ready to stand in confrontation with the US." "Our toughest counteraction will be boldly taken against the White House," the '
        "statement said, referring to the president's comments on CNN Sunday that the US "
        'would "respond proportionally" to the attack.'
    )
    q = quote_with(nlp, text, "respond proportionally")
    assert q.country != "PRK"


def test_an_official_quoted_after_a_bodys_sentence_serves_its_state(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Reuters quotes a foreign ministry official as saying": he speaks, though an object;
    # the context rule still places him in the state of the sentence before
    text = (
        "On Monday, China condemned the attacks, but argued there was no proof. "
        '"There has to be a full accounting of the facts," Reuters quotes a foreign '
        "ministry official as saying."
    )
    q = quote_with(nlp, text, "full accounting")
    assert q.country == "CHN"
