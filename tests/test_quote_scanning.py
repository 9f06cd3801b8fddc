"""Quotation scanning stays linear whatever the marks (issue 13: 1,500 unclosed “ in one
paragraph kept `briefgen quotes` busy for minutes).

Bounds are generous (several times the measured time) so a slow machine passes while a
quadratic scan, which takes minutes here, fails.  They are CPU seconds, not wall seconds:
on a shared machine at load 15 the wall time of a 0.5 s scan passed 5 s, its CPU time
did not.
"""

from __future__ import annotations

import random
import time

import pytest

from briefgen.nlp.quotes import QuoteSpans, extract_raw, find_quote_spans

MARKS = ["“", "”", '"', "‘", "’", "«", "»", "„", "'", "''", "``"]


def _unclosed(n: int, mark: str = "“") -> str:
    rng = random.Random(n)
    words = ["Kim", "said", "talks", "would", "resume", "warned", "told", "the", "minister"]
    return " ".join(mark + rng.choice(words) for _ in range(n))


@pytest.mark.parametrize("mark", ["“", '"', "«", "„", "‘"])
def test_find_quote_spans_10000_unclosed_marks(mark: str) -> None:
    text = _unclosed(10_000, mark)
    t = time.process_time()
    spans = find_quote_spans(text)
    assert time.process_time() - t < 2.0
    assert isinstance(spans, QuoteSpans)
    for s in spans:  # every span lies inside the text and inside its marks
        assert 0 <= s.mark_start <= s.start <= s.end <= s.mark_end <= len(text)


def test_attribution_of_10000_unclosed_marks_is_fast(nlp) -> None:  # type: ignore[no-untyped-def]
    text = _unclosed(10_000)
    doc = nlp(text)  # the parse is not what is measured
    t = time.process_time()
    raws = extract_raw(text, doc)
    took = time.process_time() - t
    assert took < 5.0, f"{took:.1f} s for 10,000 unclosed marks"
    assert raws  # each unclosed mark still opens a quote that runs to the next one
    for r in raws:  # frames stay short: a quote's sentence is never the whole paragraph
        assert r.sentence_end - r.sentence_start <= 3000


def test_mixed_and_nested_marks_pair_sensibly() -> None:
    rng = random.Random(7)
    text = "".join(
        rng.choice(MARKS) + rng.choice(["a", "b c", " ", "\n\n", ""]) for _ in range(20_000)
    )
    spans = find_quote_spans(text)
    for s in spans:
        assert 0 <= s.mark_start <= s.start <= s.end <= s.mark_end <= len(text)
        assert "\n\n" not in text[s.start : s.end]  # paired per paragraph


def test_span_index_answers_as_a_scan_would() -> None:
    rng = random.Random(3)
    text = "".join(rng.choice([*MARKS, "x", " ", "\n\n"]) for _ in range(3000))
    spans = find_quote_spans(text)
    for i in range(len(text) + 1):
        assert spans.covers(i) == any(s.mark_start <= i < s.mark_end for s in spans)
        assert spans.strictly_inside(i) == any(s.mark_start < i < s.mark_end for s in spans)
        ends = [s.mark_end for s in spans if s.mark_end <= i]
        assert spans.last_end_before(i) == (max(ends) if ends else None)


def test_spans_near_holds_every_span_a_stretch_can_touch() -> None:
    """`near` (which replaced a scan of every span per reported statement) leaves out
    only spans that cannot overlap the stretch, even once it is widened to whole quotes."""
    rng = random.Random(5)
    text = "".join(rng.choice([*MARKS, "x", " ", "\n\n"]) for _ in range(3000))
    spans = find_quote_spans(text)
    for _ in range(2000):
        a = rng.randrange(len(text))
        b = a + rng.randrange(200)
        near = spans.near(a, b)
        assert near == [s for s in spans if s in near]  # list order kept
        for s in spans:
            if s.mark_start <= b and s.mark_end >= a:
                assert s in near


def test_a_run_without_sentence_ends_is_parsed_in_bounded_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    from briefgen.nlp.parse import MAX_SENTENCE_TOKENS, pipe_texts

    text = "Kim said talks resume.\n\n" + _unclosed(3000) + "\n\nMoon said no."
    (doc,) = pipe_texts(nlp, [text])
    assert doc.text == text  # offsets hold
    assert max(len(s) for s in doc.sents) <= 2 * MAX_SENTENCE_TOKENS
    t = time.process_time()
    extract_raw(text, doc)
    assert time.process_time() - t < 5.0


def test_only_the_overlong_sentence_is_parsed_again(nlp) -> None:  # type: ignore[no-untyped-def]
    """bound_sentences cuts a sentence over MAX_SENTENCE_TOKENS into windows and keeps the
    rest of the parse, and every entity, as it was (it re-parsed the whole text: a 200 KB
    fuzz case spent half its time there); the text, and so every offset, is unchanged."""
    from briefgen.nlp.parse import MAX_SENTENCE_TOKENS, bound_sentences

    before = "Kim Jong Un said on Monday that the talks would resume in Hanoi. " * 3
    run = "sanctions, " * 250 + "Kim Jong Un in Pyongyang, " + "sanctions, " * 250  # 1,000 tokens
    text = before + "\n\n" + run + "\n\nMoon Jae-in said no."
    doc = nlp(text)
    assert max(len(s) for s in doc.sents) > MAX_SENTENCE_TOKENS
    parsed: list[str] = []

    class Counting:  # nlp, counting what is parsed again
        pipe_names = nlp.pipe_names

        def pipe(self, texts, disable=()):  # type: ignore[no-untyped-def]
            for t in texts:
                parsed.append(t)
                with nlp.select_pipes(disable=list(disable)):
                    yield nlp(t)

    out = bound_sentences(Counting(), doc)  # type: ignore[arg-type]
    assert out.text == text
    assert sum(map(len, parsed)) < len(run) + 100  # the run, not the text around it
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    assert any(e[0] > len(before) for e in ents)  # some inside the run
    assert [(e.start_char, e.end_char, e.label_) for e in out.ents] == ents  # kept, not re-found
    assert max(len(s) for s in out.sents) <= MAX_SENTENCE_TOKENS
    n = len(nlp(before))  # the sentences before the run keep their parse, token for token
    assert [(t.text, t.tag_, t.dep_, t.head.i) for t in out[:n]] == [
        (t.text, t.tag_, t.dep_, t.head.i) for t in doc[:n]
    ]


def test_an_article_past_the_parsers_limit_is_parsed_in_windows_when_not_cached(
    nlp,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """analyse_articles parses what it was not given through pipe_texts: nlp.pipe raised
    spaCy's E088 for a text over nlp.max_length (issue 13)."""
    from briefgen.model import Article
    from briefgen.nlp.attribution import analyse_articles

    text = "\n\n".join(f'Kim said "talks will resume in round {i}."' for i in range(60))
    monkeypatch.setattr(nlp, "max_length", 500)  # stands for the 1,000,000 limit
    art = Article(article_id="t", title="", text=text, source_path="t.txt")
    (res,) = analyse_articles([art], {})
    assert any("round 59" in q.text for q in res.quotes)  # the last window is read too
    for q in res.quotes:
        assert text[q.start : q.end] == q.text  # offsets hold across windows


def test_runs_without_sentence_ends_are_cut_before_the_parse() -> None:
    """A wall of marks is parsed once in windows (it was parsed whole and then again by
    bound_sentences); real articles are never cut, so their parse is as before."""
    from pathlib import Path

    from briefgen.nlp.parse import LONG_RUN, SENTENCE_WINDOW, cut_runs

    wall = "Kim said talks resume.\n\n" + _unclosed(3000) + "\n\nMoon said no."
    pieces = cut_runs(wall)
    assert "".join(pieces) == wall
    assert len(pieces) > 10 and max(map(len, pieces)) <= max(LONG_RUN, SENTENCE_WINDOW)
    assert pieces[0] == "Kim said talks resume.\n\n"
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    for f in sorted(seeds.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        assert cut_runs(text) == [text], f.name
