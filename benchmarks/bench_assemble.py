"""Assemble-stage figures on the real allsides corpus: time, and what the brief holds.

    .venv/bin/python benchmarks/bench_assemble.py [--week 2017-W32] [--full]

Without attribution (no spaCy parse), so the figure is assemble's own cost; `--full`
also times the whole corpus as one open period (749 articles).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from briefgen.book.assemble import assemble  # noqa: E402
from briefgen.config import Settings  # noqa: E402
from briefgen.nlp.attribution import Attribution  # noqa: E402
from briefgen.periods import Period, resolve_period  # noqa: E402
from briefgen.pipeline import read, select  # noqa: E402
from briefgen.progress import Reporter  # noqa: E402

CORPUS = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora" / "allsides-korea.jsonl"
)


def run(articles: list, period: Period, previous: list, label: str) -> None:
    t = time.perf_counter()
    b = assemble(articles, Attribution(), {}, period, date(2020, 1, 1), "bench", previous=previous)
    dt = time.perf_counter() - t
    print(
        f"{label}: {len(articles)} articles, assemble {dt:.2f} s; "
        f"{len(b.bluf)} bottom-line items, {len(b.countries)} sections "
        f"({sum(1 for c in b.countries if c.judgement)} with a judgement), "
        f"{len(b.open_questions)} open questions, {len(b.timeline)} timeline entries"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--week", default="2017-W32")
    ap.add_argument("--full", action="store_true")
    args = ap.parse_args()
    if not CORPUS.is_file():
        print(f"skipped: {CORPUS} not found")
        return 0
    corpus = read([CORPUS], Settings(), Reporter())
    main_arts = [a for a in corpus.articles if not a.low_relevance]
    period = resolve_period(date(2020, 1, 1), week=args.week)
    before = period.previous() if hasattr(period, "previous") else None
    prev = [a for a in main_arts if before is not None and before.contains(a.published)]
    run(select(main_arts, period), period, prev, args.week)
    if args.full:
        run(main_arts, Period(None, None, ""), [], "whole corpus")
    return 0


if __name__ == "__main__":
    sys.exit(main())
