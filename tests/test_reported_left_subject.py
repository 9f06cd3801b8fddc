"""A reporting verb the parser left without a subject still has the speaker who stands
right before it: a name after a hard line break, or a name with an apposition that the
parser hung on the phrase before ("..., Senator Harry Reid, the minority leader, said
that ...").  Short texts written here."""

from __future__ import annotations

from tests.texts import attribute_text


def _reported(nlp, text: str) -> list[tuple[str | None, str]]:  # type: ignore[no-untyped-def]
    return [(q.speaker, q.text) for q in attribute_text(nlp, text).quotes if q.kind == "indirect"]


def test_a_name_after_a_line_break_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cruz pivoted to arguing that the epidemic was one more reason to secure the border, "
        "in order to prevent traffickers from crossing into the U.S.\n"
        "Chris Christie added that he would approve cross-border enforcement without "
        "cooperation from the Mexican government."
    )
    got = _reported(nlp, text)
    assert (
        "Chris Christie",
        "he would approve cross-border enforcement without cooperation from the Mexican government",
    ) in got
    # the report before it ends where his name begins
    assert all("Christie" not in words for _, words in got[:1])


def test_a_name_and_its_apposition_before_the_cue_speak(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that "
        "he spoke with Mr. Sanders on Tuesday and that the Vermont senator faced a test of "
        "leadership."
    )
    speaker, words = _reported(nlp, text)[0]
    assert speaker == "Harry Reid"
    assert words.startswith("he spoke with Mr. Sanders on Tuesday")


def test_a_cue_in_a_series_of_verbs_speaks_for_the_series_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In an interview, Trump also called for a renegotiation of the Paris climate accord, "
        "said he disapproved of Putin's actions in eastern Ukraine, and said he would seek to "
        "dismantle most of the Dodd-Frank financial regulations."
    )
    got = _reported(nlp, text)
    assert ("Donald Trump", "he disapproved of Putin's actions in eastern Ukraine") in got
    assert (
        "Donald Trump",
        "he would seek to dismantle most of the Dodd-Frank financial regulations",
    ) in got


def test_a_name_the_parser_read_into_a_participle_clause_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "However, China, considered the most capable of influencing North Korea's reclusive "
        "leadership, has said repeatedly that sanctions are not the solution."
    )
    assert _reported(nlp, text) == [("Chinese government", "sanctions are not the solution")]


def test_a_cue_joined_to_another_cues_clause_speaks_for_that_cues_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Just last week, Pompeo reiterated that negotiating with the North could be fruitful "
        "and stressed it would take time."
    )
    assert ("Mike Pompeo", "it would take time") in _reported(nlp, text)
