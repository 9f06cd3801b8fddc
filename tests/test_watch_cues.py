"""The reporting verbs trend markers and the watch list read (a country's reaction to
another's act; the cue before a pending matter's subject; a reported "would"), written
against their matching before they moved to data (data/watch_cues.yaml)."""

from __future__ import annotations

import pytest

from briefgen.knowledge.watch_cues import (
    own_report_re,
    reaction_re,
    report_cue_re,
    reported_would_re,
)

REACTIONS = {
    "China's envoy told the Council that the launch was a violation": True,
    "Seoul condemned the test": True,
    "North Korea blames the US for the tension": True,
    "Japan tracked the missile": True,
    "Moon tweeted his thanks": True,
    "the ministry described the drill as": True,
    "Officials Said the launch failed": False,  # case matters: a capital is no verb here
    "Kim was saying the test worked": False,
    "he recalled the launch": False,
    "the agency reports a launch": False,
    "the North warns of a test": False,
    "a test": False,
}
REPORT_CUES = {
    "Trump said that North Korea": "said that ",
    "Trump said North Korea": "said ",
    "The ministry ANNOUNCED Seoul": "ANNOUNCED ",
    "He told reporters on Friday that Kim": "told reporters on Friday that ",
    "Abe told Reuters Japan": "told Reuters ",
    "Moon confirmed the two": "confirmed ",
    "He warned that China": None,
    "He says that, in time, Kim": "says ",
}
BACKSHIFTED = {
    "Haley told the Council that the United States would propose new sanctions": (
        "Haley told the Council that the United States will propose new sanctions"
    ),
    "He warned that China would act": "He warned that China will act",
    "Moon says the North would talk": "Moon says the North will talk",
    "He added that China would act": "He added that China would act",
    "He said the North would, if pressed, test": "He said the North would, if pressed, test",
    "Said that he would go": "Said that he would go",
    "He said that it would": "He said that it would",
}


@pytest.mark.parametrize(("text", "expected"), sorted(REACTIONS.items()))
def test_a_reaction_verb_is_a_whole_word_in_its_case(text: str, expected: bool) -> None:
    assert bool(reaction_re().search(text)) is expected


@pytest.mark.parametrize(("text", "expected"), sorted(REPORT_CUES.items()))
def test_the_report_cue_before_a_subject(text: str, expected: str | None) -> None:
    cues = list(report_cue_re().finditer(text))
    assert (cues[-1].group(0) if cues else None) == expected


@pytest.mark.parametrize(("text", "expected"), sorted(BACKSHIFTED.items()))
def test_a_reported_would_is_the_will_it_was_said_as(text: str, expected: str) -> None:
    assert reported_would_re().sub(r"\1will", text, count=1) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("North Korea said it would suspend tests", "said"),
        ("Pyongyang ANNOUNCED it will close the site", "ANNOUNCED"),
        ("Seoul insisted the drills would go ahead", "insisted"),
        ("the announcement of a freeze", None),
        ("a pledge to talk", None),
    ],
)
def test_a_country_s_own_verb_of_making_known(text: str, expected: str | None) -> None:
    # the words trend.happened() read from its own regex before they moved to data
    m = own_report_re().search(text)
    assert (m.group(0) if m else None) == expected
