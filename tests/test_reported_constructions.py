"""Reported speech the cue rules missed on the Korea dev labels (issue 10), on short texts
written here: a clause the parser reads as an adverbial before "..., the ministry said",
a demonstrative subject ("That's irrelevant, said X"), words after a cue's colon, a
"view is that" noun cue, and cue verbs that were missing (quip, lobby, note,
highlight)."""

from __future__ import annotations

from typing import Any

from tests.texts import attribute_text


def reported(nlp: Any, text: str) -> list[Any]:
    return [q for q in attribute_text(nlp, text).quotes if q.kind != "direct"]


def test_a_clause_read_as_an_adverbial_before_the_cue_is_what_was_said(nlp: Any) -> None:
    text = (
        "A few minutes before midnight, the South shut off the supply of electricity "
        "into the factory zone, the ministry said early on Friday."
    )
    (q,) = reported(nlp, text)
    assert q.text.startswith("A few minutes before midnight, the South shut off")
    assert q.text.endswith("factory zone")
    assert q.speaker is not None and "ministry" in q.speaker


def test_a_condition_or_time_before_the_cue_is_not_what_was_said(nlp: Any) -> None:
    (q,) = reported(nlp, "When the talks ended, the ministry said the delegates went home.")
    assert q.text == "the delegates went home"


def test_a_demonstrative_subject_stays_in_the_content(nlp: Any) -> None:
    (q,) = reported(nlp, "That's almost irrelevant, said Mike Chinoy.")
    assert q.text == "That's almost irrelevant"
    assert q.speaker == "Mike Chinoy"


def test_the_words_after_a_cues_colon_are_what_was_said(nlp: Any) -> None:
    (q,) = reported(
        nlp,
        "Top officials in the Trump administration are warning North Korea: time is running out.",
    )
    assert q.text == "time is running out"
    assert q.speaker is not None and "officials" in q.speaker


def test_a_quotation_after_a_later_colon_is_not_the_cues_clause(nlp: Any) -> None:
    text = (
        "While speaking at Harvard, Danish Prime Minister Lars Løkke Rasmussen rejected the "
        "idea that his country is socialist even though it has a much larger social welfare "
        "system: “I know that some people say so.”"
    )
    qs = attribute_text(nlp, text).quotes
    ind = [q for q in qs if q.kind == "indirect"]
    assert len(ind) == 1 and ind[0].text.startswith("the idea that his country is socialist")
    assert "I know" not in ind[0].text
    assert any(q.kind == "direct" and q.text.startswith("I know") for q in qs)


def test_a_view_that_is_stated_is_its_holders_statement(nlp: Any) -> None:
    (q,) = reported(
        nlp, "However, Tillerson's view is that Iran has violated the spirit of the agreement."
    )
    assert q.text == "Iran has violated the spirit of the agreement"
    assert q.speaker is not None and "Tillerson" in q.speaker
    assert reported(nlp, "The problem is that Iran has violated the spirit of the agreement.") == []


def test_verbs_of_saying_that_were_missing(nlp: Any) -> None:
    (q,) = reported(
        nlp, "Once seated inside, Kim quipped that he brought the noodles from far away."
    )
    assert q.text == "he brought the noodles from far away" and q.speaker is not None
    (q,) = reported(
        nlp, "Trump has lobbied China to rein in the nuclear ambitions of its neighbor."
    )
    assert q.text.startswith("China to rein in")
    (q,) = reported(
        nlp, "Several diplomats noted the inherent contradiction in the president's attack on Iran."
    )
    assert q.text.startswith("the inherent contradiction")
    assert reported(nlp, "The minister noted the date.") == []  # names nothing said
    cleft = reported(nlp, "That was what Liz Wahl said when she resigned.")
    assert not any(q.text.startswith("That") for q in cleft)  # "That was what": no statement
