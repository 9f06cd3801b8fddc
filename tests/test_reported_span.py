"""What a reporting cue reports and for whom, on short texts written here: the addressee
of "told" that the parser read into the reported clause's subject is not part of what
was said; "issued a statement saying ..." speaks for whoever issued it."""

from __future__ import annotations

from tests.texts import attribute_text


def _reported(nlp, text: str) -> list[tuple[str | None, str]]:  # type: ignore[no-untyped-def]
    return [(q.speaker, q.text) for q in attribute_text(nlp, text).quotes if q.kind == "indirect"]


def test_the_addressee_of_told_is_not_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kang Kyung-wha sounded a more cautious note and told the 20 senior envoys "
        "sanctions pressure is already making progress."
    )
    assert _reported(nlp, text) == [
        ("Kang Kyung-wha", "sanctions pressure is already making progress")
    ]


def test_an_addressee_the_parser_found_stays_out_and_the_clause_stays_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    got = _reported(
        nlp, "Kang Kyung-wha told the senior envoys that the sanctions pressure is working."
    )
    assert got == [("Kang Kyung-wha", "the sanctions pressure is working")]


def test_a_participle_after_a_statement_speaks_for_whoever_made_it(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _reported(
        nlp, "The Foreign Ministry issued a statement saying the drills were a rehearsal."
    ) == [("Foreign Ministry", "the drills were a rehearsal")]
    got = _reported(
        nlp, "China's foreign ministry put out a statement urging all sides to exercise restraint."
    )
    assert [words for _, words in got] == ["all sides to exercise restraint"]
    assert got[0][0] is not None and "foreign ministry" in got[0][0].lower()


def test_a_participle_after_a_statement_nobody_made_quotes_nobody(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _reported(nlp, "A statement saying the drills were a rehearsal circulated online.") == []


def test_a_clause_the_parser_broke_after_said_is_what_was_said(nlp) -> None:  # type: ignore[no-untyped-def]
    """Its subject read as the cue's object and its verb as the cue's conjunct: the whole
    clause is the mixed statement, not the quoted phrase in it."""
    text = (
        "North Korea said the Hwasong-15 missile it fired on Thursday, which reached an "
        "altitude of 4,475km and flew 950km in 53 minutes, could have been tipped with a "
        '"super-large heavy warhead" capable of striking the US mainland.'
    )
    qs = attribute_text(nlp, text).quotes
    assert [(q.kind, q.text[:30], q.text[-20:]) for q in qs] == [
        ("mixed", "the Hwasong-15 missile it fire", "king the US mainland")
    ]


def test_a_clause_read_as_a_relative_clause_of_a_time_is_what_was_said(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Bolton said last weekend for the first time the administration had “no doubt” that "
        "the short-range missile tests violated U.N. Security Council resolutions."
    )
    qs = attribute_text(nlp, text).quotes
    assert [q.text for q in qs] == [
        "the administration had “no doubt” that the short-range missile tests violated U.N. "
        "Security Council resolutions"
    ]


def test_a_participle_after_a_report_by_it_speaks_for_what_it_stands_for(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "China said the test was regrettable. It urged North Korea to halt its tests, while "
        "also calling on the U.S. and South Korea to cease military exercises."
    )
    assert (
        "Chinese government",
        "the U.S. and South Korea to cease military exercises",
    ) in _reported(nlp, text)


def test_called_for_read_as_a_for_clause_reports_that_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    """The parser reads "called for X to stop" as a "for ... to" clause: the clause, not the
    quoted phrase in it, is the statement, and "for" stays the cue's."""
    text = (
        "South Korea's Joint Chiefs of Staff called for North Korea to stop its threats and "
        '"rash behavior" and warned that a provocation would result in destruction.'
    )
    texts = [q.text for q in attribute_text(nlp, text).quotes]
    assert 'North Korea to stop its threats and "rash behavior"' in texts
    assert "rash behavior" not in texts
