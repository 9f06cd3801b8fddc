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


def test_quoted_words_later_in_what_the_cue_reports_join_its_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    """The parser ends the reported clause before "and rejected ...": the quoted words
    after it, still in what "said" reports, are one statement with it, not a second
    quotation of a phrase (nor a statement of "Kim's regime")."""
    text = (
        "Kim Kye Gwan said that the regime felt “repugnance” toward John Bolton and "
        "rejected a “Libya model” in which the country gives up its weapons first."
    )
    got = [(q.speaker, q.kind, q.text) for q in attribute_text(nlp, text).quotes]
    assert got == [
        (
            "Kim Kye Gwan",
            "mixed",
            "the regime felt “repugnance” toward John Bolton and rejected a “Libya model”",
        )
    ]


def test_quoted_words_in_a_clause_joined_to_the_cue_stay_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    """Words in marks in a new clause beside the cue ("..., but recognized that ...") are
    not what the first cue reports."""
    text = (
        "Mark Kirk agreed that intercepting the test is a wise step, but recognized that "
        "it is “very important that it works.”"
    )
    got = [q.text for q in attribute_text(nlp, text).quotes]
    assert "intercepting the test is a wise step" in got


def test_a_named_thing_and_what_it_is_called_are_one_mixed_report(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "termed the tremor a “collapse”", "called that assurance “feeble”": the object and
    the quoted word said of it are the statement ("that" before a noun is part of it)."""
    text = (
        "The China Earthquake Administration termed the tremor a “collapse.”\n\n"
        "The Global Times called that assurance “feeble.”"
    )
    got = [(q.kind, q.text, q.cue) for q in attribute_text(nlp, text).quotes]
    assert got == [
        ("mixed", "the tremor a “collapse.”", "termed"),
        ("mixed", "that assurance “feeble.”", "called"),
    ]


def test_quoted_phrases_joined_by_and_or_but_are_one_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    """Two quoted phrases of one sentence joined only by "and (a)" or "but that" are one
    statement, marks kept, not two bare phrases."""
    text = (
        "Kim Jong Un responded by calling Donald Trump a “frightened dog” and a “mentally "
        "deranged U.S. dotard.”\n\n"
        "Donald Trump touted the summit on Twitter, saying that “good things are happening” "
        "but that “only time will tell.”"
    )
    got = [(q.speaker, q.kind, q.text) for q in attribute_text(nlp, text).quotes]
    assert got == [
        (
            "Kim Jong Un",
            "mixed",
            "Donald Trump a “frightened dog” and a “mentally deranged U.S. dotard.”",
        ),
        (
            "Donald Trump",
            "mixed",
            "“good things are happening” but that “only time will tell.”",
        ),
    ]


def test_quoted_phrases_of_two_sentences_stay_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Moon Jae-in called the talks “very productive.” And Kim Jong Un called the "
        "drills “a rehearsal for invasion.”"
    )
    got = [q.speaker for q in attribute_text(nlp, text).quotes]
    assert got == ["Moon Jae-in", "Kim Jong Un"]


def test_a_clause_joined_to_the_cue_with_quoted_words_is_one_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    """One cue, one statement (GUIDE.md): the parser hangs the second clause on the cue,
    and the quoted words in it came out as a second quotation beside a clause cut short."""
    cases = [
        (
            'Geng Shuang said the development was positive, and it was a moment to show "political '
            'courage."',
            'the development was positive, and it was a moment to show "political courage."',
        ),
        (
            'China urged "all parties concerned" to exercise restraint "and avoid intensifying '
            'tensions".',
            '"all parties concerned" to exercise restraint "and avoid intensifying tensions"',
        ),
    ]
    for text, content in cases:
        assert [q.text for q in attribute_text(nlp, text).quotes] == [content]


def test_a_clause_joined_to_the_cue_that_is_the_speaker_acting_stays_out(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "but the president opted not to ..." is the speaker acting, named again: the quoted
    words after it are its own, not more of the reported clause."""
    text = (
        "Trump said Iraq did not meet the standards, but the president opted not to restrict "
        'travel, citing the "close cooperative relationship" with Baghdad.'
    )
    said = [q.text for q in attribute_text(nlp, text).quotes if q.cue == "said"]
    assert said and not any("close cooperative" in t for t in said)


def test_a_participle_of_what_the_report_led_to_is_the_writers(nlp) -> None:  # type: ignore[no-untyped-def]
    """ ", triggering opposition ..." says what the announcement led to, in the writer's
    voice; a participle that goes on with the plan (", speeding up ...") is still said."""
    led = (
        "North Korea notified U.N. agencies that it planned to launch a rocket, triggering "
        "opposition from governments that see it as a missile test."
    )
    assert [q.text for q in attribute_text(nlp, led).quotes] == ["it planned to launch a rocket"]
    said = (
        "Song Young-moo said the country would prepare its own measures, speeding up the "
        "deployment of the missile defense system."
    )
    got = [q.text for q in attribute_text(nlp, said).quotes]
    assert got == [
        "the country would prepare its own measures, speeding up the deployment of the "
        "missile defense system"
    ]


def test_the_press_carrying_a_statement_is_its_source_not_a_second_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "X said ..., official media reported": X speaks, the clause ends before the
    paper's cue (it ran over it), and the paper gives no second quotation."""
    for text in (
        "Kim Jong Un said the test proved that the entire US was within striking range, "
        "state media reported.",
        "Kim Jong Un said the test proved that the entire US was within striking range, KCNA said.",
    ):
        got = [(q.speaker, q.text) for q in attribute_text(nlp, text).quotes]
        assert got == [
            ("Kim Jong Un", "the test proved that the entire US was within striking range")
        ]
    alone = "The test proved that the entire US was within striking range, KCNA said."
    got = [(q.speaker, q.text) for q in attribute_text(nlp, alone).quotes]
    assert got == [
        (
            "Korean Central News Agency",
            "The test proved that the entire US was within striking range",
        )
    ]
