"""A second cue joined to the clause a first cue reports speaks for the first cue's
speaker, not for that clause's subject: short texts parsed by the shipped model."""

from __future__ import annotations

from tests.texts import attribute_text


def test_a_joined_cue_is_the_reporters_not_the_clauses(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "President Donald Trump met Secretary of State Mike Pompeo. Trump and Pompeo said "
        "the meetings with Kim went well and confirmed that a date for the summit has been set."
    )
    qs = attribute_text(nlp, text).quotes
    assert [q.text for q in qs] == [
        "the meetings with Kim went well",
        "a date for the summit has been set",
    ]
    assert {q.speaker for q in qs} == {"Donald Trump and Mike Pompeo"}


def test_a_joined_cue_with_its_own_subject_keeps_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Moon Jae-in said the economy grew and the minister added that jobs were coming back."
    qs = attribute_text(nlp, text).quotes
    assert [q.speaker for q in qs] == ["Moon Jae-in", "a minister"]


def test_an_aside_between_dashes_ends_the_clause_before_a_joined_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "President Donald Trump met Secretary of State Mike Pompeo. Both Trump and Pompeo "
        'said the meetings with Kim went well -- the President called it a "good meeting" '
        "in a tweet -- and confirmed that a date for the summit has been set."
    )
    texts = [q.text for q in attribute_text(nlp, text).quotes]
    assert texts[0] == "the meetings with Kim went well"
    assert texts[-1] == "a date for the summit has been set"


def test_an_aside_between_dashes_inside_the_clause_stays(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The minister said the talks -- the first in years -- went well."
    (q,) = attribute_text(nlp, text).quotes
    assert q.text == "the talks -- the first in years -- went well"
