"""benchmarks/labels/gold.py's in_marks: quotes.py --korea splits the direct figure into
labels in quotation marks and `direct` labels with none (a speech printed without marks),
so a miss of the second kind is not read as an extraction miss of the first."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

GOLD = Path(__file__).resolve().parent.parent / "benchmarks" / "labels" / "gold.py"


@pytest.fixture(scope="module")
def gold() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_gold", GOLD)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_gold"] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def _span(text: str, words: str) -> tuple[int, int]:
    i = text.index(words)
    return i, i + len(words)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("“We will not give up,” the minister said.", "We will not give up,"),
        ('He said. " We are ready to talk."\n\nNext paragraph.', "We are ready to talk."),
        ("“The first paragraph of it.\n\n“And the second one, still open.", "And the second one"),
    ],
)
def test_words_in_marks_are_in_marks(gold, text, words) -> None:  # type: ignore[no-untyped-def]
    # curly, straight with a stray space, and a quotation's continued paragraph
    assert gold.in_marks(text, *_span(text, words))


def test_a_paragraph_without_marks_is_not_in_the_marks_of_the_one_before(gold) -> None:  # type: ignore[no-untyped-def]
    text = "She said: “A quotation.”\nWe shall build a great power.\n“Another,” he said."
    assert not gold.in_marks(text, *_span(text, "We shall build a great power."))
