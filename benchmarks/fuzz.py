"""The long fuzz run of issue 13: 10,000 hostile files through `articles` and `quotes`,
and every Nth through `build`, with the strategies of tests/fuzzing.py.

    .venv/bin/python benchmarks/fuzz.py                       # 10,000 cases, 2 workers
    .venv/bin/python benchmarks/fuzz.py --cases 500 --workers 1 --build-every 100
    .venv/bin/python benchmarks/fuzz.py --keep-slow /tmp/slow   # keep inputs over budget

Prints the cases run, failures (tracebacks, broken invariants, hangs) with their
tracebacks, one-line errors by kind, the cases over the time budget, and the slowest
case.  Real articles to mutate: the seeds, plus ../shared/data's Yonhap and Reuters
articles when present.  Each worker is its own process with its own Hypothesis seed;
a worker that dies or stops answering is reported, never waited on forever.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

SHARED = ROOT.parent / "shared" / "data" / "corpora"
BUDGET = 10.0  # seconds a case may take
_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def _extra_texts() -> list[Path]:
    files: list[Path] = []
    for sub in ("yonhap-2025", "reuters-2016"):
        if (SHARED / sub).is_dir():
            files += sorted((SHARED / sub).glob("*.md"))
    return files


def worker(
    index: int, cases: int, build_every: int, out: Path, seed: int, keep_slow: Path | None = None
) -> None:
    """Run `cases` cases with Hypothesis seed `seed`, one JSON line per case to `out`;
    the input of a case over the budget is kept in `keep_slow`, to profile it later."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hseed

    from briefgen.nlp.parse import load_spacy
    from tests.fuzzing import SEEDS, Case, real_articles, run_case
    from tests.fuzzing import cases as case_strategy

    texts = real_articles(_extra_texts())
    from briefgen.nlp.embeddings import load_minilm

    load_spacy()  # the models are loaded before the first case, not inside its time:
    load_minilm()  # importing torch took tens of seconds on a loaded machine
    counter = {"n": 0}
    seeds = sorted(SEEDS.glob("*.txt"))

    @hseed(seed)
    @settings(
        max_examples=cases,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=case_strategy(texts, giant=100_000))
    def one(case: Case) -> None:
        counter["n"] += 1
        n = counter["n"]
        build = build_every > 0 and n % build_every == 0
        with tempfile.TemporaryDirectory(prefix="briefgen-fuzz-") as tmp:
            work = Path(tmp)
            p = work / case.name
            p.write_bytes(case.data)
            paths = [p, seeds[n % len(seeds)]] if build else [p]
            o = run_case(paths, work, build=build, html_only=False, limit=180 if build else 90)
        row = {
            "worker": index,
            "n": n,
            "case": case.describe(),
            "build": build,
            "seconds": round(o.seconds, 3),
            "cpu": round(o.cpu, 3),
            "steps": o.steps,
            "times": {k: round(v, 3) for k, v in o.times.items()},
            "error": o.error,
            "failure": o.failure,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        }
        if o.failure:  # keep the file that failed, to reproduce it
            keep = out.parent / f"failed-{index}-{n}-{case.name}"
            keep.write_bytes(case.data)
            row["kept"] = str(keep)
        elif keep_slow is not None and max(o.seconds, o.cpu) > BUDGET:
            keep_slow.mkdir(parents=True, exist_ok=True)
            keep = keep_slow / f"slow-{index}-{n}-{case.name}"
            keep.write_bytes(case.data)
            row["kept"] = str(keep)
        with out.open("a", encoding="utf-8") as f:
            f.write(json.dumps(row) + "\n")

    one()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument(
        "--build-every", type=int, default=250, help="every Nth case also builds (0: never)"
    )
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument(
        "--out", type=Path, default=None, help="folder for results (default: a temp folder)"
    )
    ap.add_argument(
        "--keep-slow",
        type=Path,
        default=None,
        help=f"folder to keep the input of every case over {BUDGET:.0f} s (wall or CPU)",
    )
    ap.add_argument("--worker", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="briefgen-fuzz-run-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    if args.worker is not None:
        worker(
            args.worker,
            args.cases,
            args.build_every,
            out_dir / f"w{args.worker}.jsonl",
            args.seed,
            args.keep_slow,
        )
        return

    started = time.perf_counter()
    per = [
        args.cases // args.workers + (1 if i < args.cases % args.workers else 0)
        for i in range(args.workers)
    ]
    # Each worker gets its share of the cores for torch and BLAS: two workers of two
    # threads each on two cores spent their wall time waiting for each other.
    threads = str(max(1, (os.cpu_count() or 1) // args.workers))
    limits = {v: os.environ.get(v, threads) for v in _THREAD_VARS}
    procs = [
        subprocess.Popen(
            [sys.executable, __file__, "--worker", str(i), "--cases", str(n), "--build-every",
             str(args.build_every), "--seed", str(args.seed * 1000 + i), "--out", str(out_dir)]
            + (["--keep-slow", str(args.keep_slow.resolve())] if args.keep_slow else []),
            env={**os.environ, **limits, "PYTHONPATH": str(ROOT)},
        )
        for i, n in enumerate(per)
    ]  # fmt: skip
    codes = [p.wait() for p in procs]
    took = time.perf_counter() - started
    rows = []
    for f in sorted(out_dir.glob("w*.jsonl")):
        rows += [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line]
    report(rows, took, codes, out_dir, args.cases)


def report(rows: list[dict], took: float, codes: list[int], out_dir: Path, asked: int) -> None:
    failures = [r for r in rows if r["failure"]]
    hangs = [r for r in failures if ": hang:" in r["failure"]]
    quick = [r for r in rows if not r["build"]]
    builds = [r for r in rows if r["build"]]
    over = [r for r in quick if r["seconds"] > BUDGET]
    over_cpu = [r for r in quick if r["cpu"] > BUDGET]
    errors = Counter(
        (r["error"] or "").split(":")[0] + ": " + _kind(r["error"]) for r in rows if r["error"]
    )
    print(
        f"fuzz run: {len(rows)} cases of {asked} asked, {took / 60:.1f} min, results in {out_dir}"
    )
    print(f"  workers exited {codes}")
    print(
        f"  cases through articles+quotes: {len(quick)}; also through build (HTML and PDF): {len(builds)}"
    )
    print(f"  by format: {dict(Counter(r['case'].split()[0] for r in rows))}")
    print(f"  completed every step: {sum(1 for r in rows if not r['error'] and not r['failure'])}")
    print(f"  one-line errors (expected: unusable files): {sum(errors.values())}")
    for k, n in errors.most_common(8):
        print(f"    {n:6d}  {k}")
    print(
        f"  FAILURES (tracebacks, broken invariants, hangs): {len(failures)}  (hangs: {len(hangs)})"
    )
    for r in failures[:20]:
        print(
            f"  --- case {r['worker']}/{r['n']} {r['case']} kept at {r.get('kept')}\n{r['failure']}"
        )
    print(f"  articles+quotes cases over {BUDGET:.0f} s: {len(over)} wall, {len(over_cpu)} CPU")
    for r in sorted(over, key=lambda r: -r["seconds"])[:10]:
        print(
            f"    {r['seconds']:7.2f} s wall {r['cpu']:7.2f} s CPU  {r['case']}  {r.get('times')}"
            + (f"  kept at {r['kept']}" if r.get("kept") else "")
        )
    if quick:
        slow = max(quick, key=lambda r: r["seconds"])
        slow_cpu = max(quick, key=lambda r: r["cpu"])
        print(
            f"  slowest case: {slow['seconds']:.2f} s wall ({slow['cpu']:.2f} s CPU) {slow['case']}"
        )
        print(
            f"  slowest by CPU: {slow_cpu['cpu']:.2f} s CPU ({slow_cpu['seconds']:.2f} s wall) {slow_cpu['case']}"
        )
        med = sorted(r["seconds"] for r in quick)[len(quick) // 2]
        print(f"  median case: {med:.3f} s wall")
    if builds:
        b = max(builds, key=lambda r: r["seconds"])
        print(f"  slowest build: {b['seconds']:.2f} s wall ({b['cpu']:.2f} s CPU) {b['case']}")
    rss = [r["rss_mb"] for r in rows]
    if rss:
        print(f"  peak memory per worker: {max(rss)} MB (after the first case: {rss[0]} MB)")


def _kind(error: str | None) -> str:
    """An error line without its file names and numbers, to count errors by kind."""
    import re

    text = (error or "").split(":", 1)[-1]
    text = re.sub(r"/[^\s;,)]+", "PATH", text)
    return re.sub(r"\d+", "N", text).strip()[:90]


if __name__ == "__main__":
    main()
