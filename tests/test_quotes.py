"""Quotation forms on short texts written here: each test would catch a real extraction defect."""

from __future__ import annotations

from briefgen.nlp.quotes import find_quote_spans
from tests.texts import attribute_text


def run(nlp, text: str, indirect: bool = False):  # type: ignore[no-untyped-def]
    """The quotations of `text`: those in quotation marks, reported speech too if asked."""
    att = attribute_text(nlp, text)
    return [q for q in att.quotes if indirect or q.kind != "indirect"]


def test_quote_before_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    qs = run(
        nlp, "“We will not accept a nuclear North Korea under any circumstances,” Tillerson said."
    )
    assert len(qs) == 1
    assert qs[0].text.startswith("We will not accept") and not qs[0].text.endswith(",")
    assert qs[0].speaker == "Rex Tillerson" and qs[0].country == "USA"
    assert qs[0].cue == "said" and qs[0].kind == "direct"


def test_attribution_before_quote_with_colon(nlp) -> None:  # type: ignore[no-untyped-def]
    qs = run(nlp, "Kono said: “Japan will never accept a nuclear-armed North Korea in the region.”")
    assert [q.speaker for q in qs] == ["Taro Kono"]
    assert qs[0].country == "JPN"


def test_split_quote_around_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“The pressure must continue until they change course,” Kono said, “and we will not relax it.”"
    qs = run(nlp, text)
    assert [q.text for q in qs] == [
        "The pressure must continue until they change course",
        "and we will not relax it.",
    ]
    assert {q.speaker for q in qs} == {"Taro Kono"}


def test_inverted_said_the_official(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The United States is pursuing quiet talks, a senior State Department official said on Tuesday.\n\n"
        "“It has not been limited at all, both in frequency and substance,” said the senior State Department official."
    )
    qs = run(nlp, text)
    assert len(qs) == 1
    assert qs[0].speaker == "a senior State Department official"
    assert qs[0].country == "USA"


def test_multi_paragraph_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Tillerson said: “First, we all must insist on full enforcement of the sanctions.”\n\n"
        "“Second, we must work together to improve maritime interdiction operations. "
        "We must end illicit ship-to-ship transfers.\n\n"
        "“And, third, there must be new consequences for the regime whenever aggression occurs.”"
    )
    assert len(find_quote_spans(text)) == 3
    qs = run(nlp, text)
    assert len(qs) == 3
    assert qs[1].text.startswith("Second") and qs[1].text.endswith("transfers.")
    assert {q.speaker for q in qs} == {"Rex Tillerson"}


def test_partial_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Russian Foreign Minister Sergei Lavrov called the meeting “unacceptable” on Monday."
    qs = run(nlp, text)
    # a mixed quotation is the reported part, its quoted words included
    assert [(q.text, q.kind, q.speaker, q.country) for q in qs] == [
        ("the meeting “unacceptable”", "mixed", "Sergei Lavrov", "RUS")
    ]


def test_agency_report(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“Choe stressed that the US must stop its hostile policy toward the DPRK at once,” the KCNA said."
    qs = run(nlp, text)
    assert len(qs) == 1
    # the agency reports what Choe stressed: Choe speaks (GUIDE.md: a wire reporting
    # news is a source), not the agency
    assert qs[0].speaker == "Choe Son Hui" and qs[0].country == "PRK"


def test_straight_quotes(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"We have a lot of support from almost every nation on this," Trump told reporters.'
    qs = run(nlp, text)
    assert [(q.text, q.speaker) for q in qs] == [
        ("We have a lot of support from almost every nation on this", "Donald Trump")
    ]


def test_scare_quotes_and_policy_names_are_not_statements(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Using the so-called “New York channel,” Joseph Yun has been in contact with diplomats.\n\n"
        "In April the administration unveiled a policy of “maximum pressure and engagement” that has failed.\n\n"
        "Tillerson called for nations to step up the US-led “maximum pressure” campaign."
    )
    # no name in marks is a statement; what Tillerson called for is one (GUIDE.md: "X
    # called for ..." is reported speech), with the name in marks inside it
    assert [(q.kind, q.text) for q in run(nlp, text)] == [
        ("mixed", "nations to step up the US-led “maximum pressure” campaign")
    ]


def test_a_work_named_after_its_noun_or_a_programme_after_on_is_no_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    """A long title after "the book", "a report called" is the work's name, and "On “Fox
    News Sunday,”" opening a sentence names the programme: only what was said is kept."""
    text = (
        "“He will have to compromise, or he will fail,” said Richard Haass, author of the "
        "book “A World In Disarray: American Foreign Policy and the Crisis of the Old Order.”"
        "\n\nOn “Fox News Sunday,” Chris Wallace explained his network’s position.\n\n"
        "The agency said the manual was a report called “Surviving Secondary: An Identity "
        "Threat Assessment for Screening Procedures at International Airports.”"
    )
    got = [q.text for q in run(nlp, text)]
    assert "He will have to compromise, or he will fail" in got
    assert not [t for t in got if "Disarray" in t or "Fox News" in t or "Surviving" in t], got


def test_repeated_caption_quoted_once(nlp) -> None:  # type: ignore[no-untyped-def]
    para = "“We are probing, so stay tuned,” Tillerson told reporters in Beijing."
    qs = run(nlp, para + "\n\n" + para + "\n\nHe then left for Washington.")
    assert len(qs) == 1


def test_unbalanced_marks_do_not_break_the_article(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“This paragraph never closes its quote, Kono said.\n\n"
        "Kono later said “sanctions are working and must stay in place for now.”"
    )
    qs = run(nlp, text)
    assert any(q.text.startswith("sanctions are working") for q in qs)


def test_comma_after_apposition_keeps_the_subject_but_inversion_still_works(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Separately, Sen. Mary Olsen, former chairwoman of the Senate Intelligence Committee, "
        "said the policy of isolating the North “has not worked.”\n\n"
        "The North must carry out a “sustained cessation” of testing to allow talks, "
        "announced US Secretary of State Rex Tillerson on Friday."
    )
    qs = run(nlp, text)
    assert [(q.speaker, q.country) for q in qs] == [
        ("Mary Olsen", "USA"),
        ("Rex Tillerson", "USA"),
    ]


def test_participle_cue_object_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On Thursday, the president’s deputy assistant, Paul Brandt, declined to tone down "
        "the rhetoric, warning Pyongyang: “Do not challenge the United States.”"
    )
    qs = run(nlp, text)
    assert [q.speaker for q in qs] == ["Paul Brandt"]
