"""benchmarks/quotes.py's PolNeAR reading: a relative pronoun source ("Jeb Bush, who
said ...") is the name or noun it follows, on a short annotation written here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def quotes() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_quotes", BENCH / "quotes.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_quotes"] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize(
    ("text", "word", "meant"),
    [
        ("Trump made no mention of Jeb Bush, who announced he would quit.", "who", "Jeb Bush"),
        ("It hurts Ted Cruz—who relies on evangelicals.", "who", "Ted Cruz"),
        ("He was profiled in the Daily Beast, which ran a long article.", "which", "Daily Beast"),
        ("the party leaders who can support anyone", "who", "leaders"),
    ],
)
def test_a_relative_pronoun_means_what_it_follows(quotes, text, word, meant) -> None:  # type: ignore[no-untyped-def]
    assert quotes.antecedent(text, text.index(word)) == meant


def test_a_who_source_is_scored_as_its_antecedent(quotes, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = 'Asked about it, Barkley, who said "I vote as I like," left. He said "no more."'
    who = text.index("who")
    said = text.index("said")
    q1 = text.index('"I vote')
    he = text.index("He")
    said2 = text.index("said", he)
    q2 = text.index('"no more')
    ann = tmp_path / "a.ann"
    ann.write_text(
        f"T1\tSource {who} {who + 3}\twho\n"
        f"T2\tCue {said} {said + 4}\tsaid\n"
        f"T3\tContent {q1} {q1 + 16}\tx\n"
        f"T4\tSource {he} {he + 2}\tHe\n"
        f"T5\tCue {said2} {said2 + 4}\tsaid\n"
        f"T6\tContent {q2} {q2 + 10}\tx\n"
        "E1\tSource:T1 Cue:T2 Content:T3\n"
        "E2\tSource:T4 Cue:T5 Content:T6\n",
        encoding="utf-8",
    )
    quoted, _ = quotes.read_ann(ann, text)
    # the "who" is Barkley, and so is the "He" after it (the nearest named source)
    assert [g.source for g in quoted] == ["Barkley", "Barkley"]
    assert quotes.speaker_ok("Charles Barkley", quoted[0].source)
