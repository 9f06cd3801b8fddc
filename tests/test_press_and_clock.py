"""Reports the press carries for someone it quotes, and clauses that run past a clock
time: short texts written here, parsed by the shipped spaCy model."""

from __future__ import annotations

from tests.texts import attribute_text


def test_a_clock_time_does_not_end_the_reported_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Joint Chiefs of Staff said in a statement that the missile was launched at "
        "about 11:30 a.m. Seoul time (0230 GMT) in waters east of the Korean peninsula."
    )
    (q,) = attribute_text(nlp, text).quotes
    assert q.text.endswith("east of the Korean peninsula")
    assert "Joint Chiefs of Staff" in (q.speaker or "")


def test_a_sentence_still_ends_after_a_clock_time(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry said the launch came at 7 a.m. The missile flew 400 km, officials said."
    qs = attribute_text(nlp, text).quotes
    assert [q.text for q in qs] == ["the launch came at 7 a.m.", "The missile flew 400 km"]


def test_whom_the_press_quotes_is_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The missile fell into the ocean after only a few minutes, the South's Yonhap "
        "News Agency reported, quoting the South Korean military."
    )
    (q,) = attribute_text(nlp, text).quotes
    assert q.speaker == "South Korean military" and q.country == "KOR"


def test_the_press_alone_is_a_source_not_a_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The missile fell into the ocean after only a few minutes, Yonhap News Agency reported."
    assert attribute_text(nlp, text).quotes == []


def test_a_report_the_press_carries_stays_its_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "South Korean Foreign Minister Kang Kyung-wha urged Ri on Sunday to respond to an "
        "offer to resume talks, Yonhap News Agency reported, citing a ministry official."
    )
    assert [q.speaker for q in attribute_text(nlp, text).quotes] == ["Kang Kyung-wha"]


def test_a_clause_after_an_aside_is_carried_by_the_press(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "North Korea leader Kim Jong Un said after supervising the test launch of a missile "
        "that the country now has the capability to attack U.S. interests, official media "
        "reported on Thursday."
    )
    (q,) = attribute_text(nlp, text).quotes
    assert q.speaker == "Kim Jong Un"
    assert q.text == "the country now has the capability to attack U.S. interests"
