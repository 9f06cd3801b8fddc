"""benchmarks/own_spans.py's matching of briefgen's extracted quotations to gold ones:
the stance model trained on own spans (train_stance.py --spans own) takes each
quotation's label from the gold quotation it matches, so a wrong match teaches a
position to words that do not take it."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def own() -> ModuleType:
    for p in (BENCH, BENCH / "labels"):
        if str(p) not in sys.path:
            sys.path.insert(0, str(p))
    import own_spans

    return own_spans


def test_a_clause_of_a_gold_quotation_takes_its_label(own: ModuleType) -> None:
    # briefgen's span is the reported clause inside the annotator's longer quotation
    assert own._match({"start": 120, "end": 180}, [(0, 0, 90), (1, 100, 200)]) == 1


def test_the_larger_overlap_wins(own: ModuleType) -> None:
    # one extracted span across two gold quotations: the one it mostly covers
    spans = [(0, 0, 60), (1, 60, 200)]
    assert own._match({"start": 40, "end": 160}, spans) == 1


def test_a_quotation_touching_a_gold_one_at_its_edge_matches_none(own: ModuleType) -> None:
    # a neighbouring sentence sharing a few characters is not that quotation: it is
    # a 'no position' example, not the gold quotation's positions
    assert own._match({"start": 85, "end": 160}, [(0, 0, 90)]) is None
