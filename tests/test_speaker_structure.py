"""Who said what where the sentence's structure decides it (issue 10), on short texts
written here: a participle after a relative clause of saying, two people joined through
their titles' names, a long attribution after a quotation ending on "?", a piece by two
authors, the papers of a press review, and a paper its owner names."""

from __future__ import annotations

from tests.texts import attribute_text


def quotes(nlp, text: str, outlet: str | None = None) -> list[tuple[str | None, str]]:  # type: ignore[no-untyped-def]
    return [(q.speaker, q.text) for q in attribute_text(nlp, text, outlet=outlet).quotes]


def test_a_participle_after_a_relative_clause_of_saying_is_that_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mr Trump was referring to comments from the North's Vice-Foreign Minister, Kim "
        'Kye-gwan, who said that the decision was "extremely regrettable", adding that '
        'Pyongyang was willing "to sit face to face at any time".'
    )
    got = quotes(nlp, text)
    assert [sp for sp, t in got if t.startswith("Pyongyang was willing")] == ["Kim Kye-gwan"]


def test_two_people_joined_through_their_names_speak_together(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In a telephone call on Monday, the US president, Donald Trump, and his South "
        'Korean counterpart, Moon Jae-in, agreed that the programmes "pose a grave '
        'threat" and vowed to apply maximum pressure on the regime.'
    )
    assert {sp for sp, _ in quotes(nlp, text)} == {"Donald Trump and Moon Jae-in"}


def test_a_second_title_of_one_person_is_no_second_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rep. Adam B. Schiff, California Democrat and the ranking member of the House "
        'Intelligence Committee, told CNN that the test "certainly underscores the '
        'importance of China."'
    )
    assert [sp for sp, _ in quotes(nlp, text)] == ["Adam B. Schiff"]


def test_a_long_attribution_after_a_question_is_the_quotations(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "An adviser to Hillary Clinton criticized the comments.\n\n"
        '"Let me get this straight: Donald Trump insults the leader of our closest ally, '
        "then turns around and says he'd love to talk to Kim Jong Un?\" Clinton's senior "
        "foreign policy adviser, Jake Sullivan, said in a statement."
    )
    got = quotes(nlp, text)
    assert [sp for sp, t in got if t.startswith("Let me")] == ["Jake Sullivan"]
