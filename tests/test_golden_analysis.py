"""The analysis golden: the seeds brief from a fresh pipeline run equals the reviewed one.

`tests/golden/seeds-brief.json` is the seeds brief (as of 2017-12-20) as last reviewed.
Any change in what the analysis says — a bottom-line item, a speaker, a stance, a
keyphrase, a source — fails here with a diff per section.  When the change is
intended, `make golden` rewrites the file; the commit says why each difference is right.
"""

from __future__ import annotations

import json

from tests.golden_view import report, section_diffs
from tests.regen_golden import GOLDEN, brief_json


def test_seeds_analysis_matches_golden(seeds_brief_json: str) -> None:
    stored = json.loads((GOLDEN / "seeds-brief.json").read_text(encoding="utf-8"))
    fresh = json.loads(seeds_brief_json)
    diffs = section_diffs(stored, fresh)
    assert not diffs, (
        f"the seeds analysis changed in {len(diffs)} section(s): {', '.join(diffs)}\n"
        "If intended: `make golden`, review `git diff tests/golden`, say why in the commit.\n\n"
        + report(diffs)
    )


def test_golden_view_sees_a_moved_stance() -> None:
    """The view is fine enough to catch a flipped stance and a changed speaker."""
    stored = json.loads((GOLDEN / "seeds-brief.json").read_text(encoding="utf-8"))
    changed = json.loads(json.dumps(stored))
    section = next(c for c in changed["countries"] if c["positions"])
    section["positions"][0]["stance"] *= -1
    changed["quotes"][0]["speaker"] = "Somebody Else"
    diffs = section_diffs(stored, changed)
    assert f"country {section['code']}" in diffs
    assert "quotations" in diffs and "Somebody Else" in diffs["quotations"]
    assert brief_json  # the regenerator and the test share one serialisation


def test_golden_view_ignores_float_noise_in_developments() -> None:
    """A development's sixth decimal is machine noise; its kind or text is the analysis."""
    stored = json.loads((GOLDEN / "seeds-brief.json").read_text(encoding="utf-8"))
    noisy = json.loads(json.dumps(stored))
    noisy["developments"][0]["score"] += 1e-6
    assert not section_diffs(stored, noisy)
    noisy["developments"][0]["kind"] = "launch"
    assert "developments" in section_diffs(stored, noisy)
