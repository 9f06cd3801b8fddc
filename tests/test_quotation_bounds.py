"""Where a quotation ends, on short texts written here: a reported clause that is one
quotation followed by the writer's own phrase ("in response to a question") is that
quotation; a clause that says more after the marks stays one report."""

from __future__ import annotations

from tests.texts import attribute_text


def test_a_quoted_clause_then_the_writers_adverbial_is_the_quotation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kirstjen Nielsen said “the president speaks for himself” in response to a "
        "question about the tweet."
    )
    got = [(q.speaker, q.text) for q in attribute_text(nlp, text).quotes]
    assert got == [("Kirstjen Nielsen", "the president speaks for himself")]


def test_a_quoted_clause_with_more_said_after_it_stays_one_report(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Kirstjen Nielsen said “the president speaks for himself” and the agency is ready."
    got = [q.text for q in attribute_text(nlp, text).quotes]
    assert got == ["“the president speaks for himself” and the agency is ready"]


def test_a_quoted_phrase_then_its_complement_stays_one_report(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "China's foreign ministry expressed “serious concern” about the remarks."
    got = [q.text for q in attribute_text(nlp, text).quotes]
    assert got == ["“serious concern” about the remarks"]
