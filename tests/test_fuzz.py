"""Fuzzing: hostile files of every input format through `articles`, `quotes` and `build`.

A short run that fits in CI (about a minute and a half); `benchmarks/fuzz.py` runs the
same strategies for 10,000 cases.  Each case must end in results or a one-line error,
within its time budget (CPU seconds of this process, so a busy shared machine does not
fail it; a hard wall-clock limit catches hangs).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.corpus import load_corpus

from .fuzzing import Case, article_text, cases, real_articles, run_case

BUDGET = 10.0  # CPU seconds per case
TEXTS = real_articles()
FUZZ: dict[str, Any] = dict(
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)


def _write(case: Case, folder: Path) -> Path:
    p = folder / case.name
    p.write_bytes(case.data)
    return p


@settings(max_examples=300, **FUZZ)
@given(case=cases(TEXTS, giant=20_000))
def test_any_file_reads_as_articles_or_a_one_line_skip(case: Case) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        c = load_corpus([_write(case, Path(tmp))])
    assert c.files_read + len(c.skipped) >= 1
    assert all("\n" not in s.reason for s in c.skipped)
    for a in c.articles:
        a.text.encode("utf-8")  # printable: no lone surrogates
        a.title.encode("utf-8")
        assert a.published is None or 1900 <= a.published.year <= 2100


@settings(max_examples=25, **FUZZ)
@given(case=cases(TEXTS, giant=12_000))
def test_articles_and_quotes_never_trace_back_or_hang(case: Case) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = run_case([_write(case, Path(tmp))], Path(tmp), limit=120)
    assert out.failure is None, f"{case.describe()}: {out.failure}"
    assert out.cpu < BUDGET, f"{case.describe()}: {out.cpu:.1f} s CPU"


@settings(max_examples=2, **FUZZ)
@given(texts=st.lists(article_text(giant=6_000), min_size=3, max_size=3))
def test_build_of_hostile_articles_writes_the_brief(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        paths = []
        for i, t in enumerate(texts):
            # a readable lead, so the build has articles to analyse
            lead = f"North Korea fired a missile on Tuesday, officials in Seoul said. ({i})\n\n"
            p = folder / f"a{i}.txt"
            p.write_text(lead + t, encoding="utf-8", errors="surrogatepass")
            paths.append(p)
        out = run_case(paths, Path(tmp), build=True, html_only=False, limit=300)
    assert out.failure is None, out.failure
    assert out.error is None and out.steps == ["articles", "quotes", "build"], out.error
