"""End-to-end cost of a brief: seconds per pipeline step, cold cache then warm cache.

    .venv/bin/python benchmarks/pipeline.py                       # allsides-korea.jsonl, 2017-W37
    .venv/bin/python benchmarks/pipeline.py seeds --date 2017-12-20 --open

Prints one line per step with its seconds, the total, and the warm/cold ratio: the warm
run shows what a weekly rerun over a mostly unchanged corpus costs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefgen.config import Settings  # noqa: E402
from briefgen.periods import resolve_period  # noqa: E402
from briefgen.pipeline import build  # noqa: E402
from briefgen.progress import Reporter  # noqa: E402

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "corpora"


class Timer(Reporter):
    """Records the time at which each step line is reported."""

    def __init__(self) -> None:
        self.t0 = time.perf_counter()
        self.last = self.t0
        self.steps: list[tuple[str, float]] = []

    def step(self, message: str) -> None:
        now = time.perf_counter()
        self.steps.append((message, now - self.last))
        self.last = now


def run(corpus: str, as_of: date, week: str | None, cache: Path, out: Path) -> float:
    s = Settings(cache_dir=cache)
    s.brief.output_dir = str(out)
    period = resolve_period(as_of, week=week)
    t = Timer()
    build(s, as_of, period, reporter=t, paths=[corpus])
    total = time.perf_counter() - t.t0
    for msg, secs in t.steps:
        print(f"  {secs:7.2f} s  {msg}")
    print(f"  {total:7.2f} s  total")
    return total


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("corpus", nargs="?", default=str(DATA / "allsides-korea.jsonl"))
    ap.add_argument("--week", default="2017-W37")
    ap.add_argument("--open", action="store_true", help="no period: the whole corpus")
    ap.add_argument("--date", default=None, help="as-of date (default: the week's last day)")
    args = ap.parse_args()
    if not Path(args.corpus).exists():
        sys.exit(f"{args.corpus} not found; run from the repo with ../shared/data beside it")
    week = None if args.open else args.week
    as_of = (
        date.fromisoformat(args.date)
        if args.date
        else (resolve_period(date.today(), week=week).end or date.today())
    )
    with tempfile.TemporaryDirectory() as tmp:
        cache, out = Path(tmp) / "cache", Path(tmp) / "out"
        print(f"corpus {args.corpus}, period {week or 'whole corpus'}, as of {as_of}")
        print("cold cache (model load, parse and embeddings computed):")
        cold = run(args.corpus, as_of, week, cache, out)
        print("warm cache (same process, parses and embeddings read back):")
        warm = run(args.corpus, as_of, week, cache, out)
    print(f"warm/cold = {warm / cold:.2f}")


if __name__ == "__main__":
    main()
