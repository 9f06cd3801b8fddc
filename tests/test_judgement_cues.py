"""The judgement's cue words (data/stance_cues.yaml): a cue that states a stance, matched
as a prefix of the cue verb, and words of an assessment, matched as whole words."""

from __future__ import annotations

import pytest

from briefgen.knowledge.stance_cues import assessment_re, stance_cue_re

STANCE_CUES = {
    "insisted": True, "Insists": True, "warned": True, "vowed": True, "pledges": True,
    "promised": True, "denied": True, "deny": True, "denies": True, "rejected": True,
    "demanded": True, "urged": True, "called": True, "welcomed": True, "condemned": True,
    "criticized": True, "criticised": True, "accused": True, "threatened": True,
    "stressed": True, "reiterated": True, "argued": True, "asserted": True,
    "maintained": True, "blamed": True, "dismissed": True, "hailed": True, "praised": True,
    "said": False, "told": False, "added": False, "noted": False, "reported": False,
    "den": False, "deem": False, "recalled": False, "": False, "announced": False,
}  # fmt: skip
ASSESSMENTS = {
    "it had seen no evidence that the North had succeeded": True,
    "there was no sign of a launch": True,
    "no indication of that": True,
    "No proof was given": True,
    "he believes the talks will fail": True,
    "officials believe": True,
    "she doubts it": True,
    "doubt": True,
    "he was confident": True,
    "they were concerned": True,
    "a test is likely": True,
    "unlikely to happen": True,
    "the North had issued a similar statement": False,
    "no evidences": False,
    "believed": False,
    "likelihood": False,
    "a nonconfidential note": False,
    "he had no answer": False,
}


@pytest.mark.parametrize(("cue", "expected"), sorted(STANCE_CUES.items()))
def test_a_stance_cue_is_matched_by_its_prefix(cue: str, expected: bool) -> None:
    assert bool(stance_cue_re().match(cue)) is expected


@pytest.mark.parametrize(("text", "expected"), sorted(ASSESSMENTS.items()))
def test_an_assessment_is_matched_as_whole_words(text: str, expected: bool) -> None:
    assert bool(assessment_re().search(text)) is expected
