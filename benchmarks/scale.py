"""How briefgen scales: the AllSides corpus and synthetic x2, x4, x10 and x14 versions.

    .venv/bin/python benchmarks/scale.py                    # x1 (749 articles) only
    .venv/bin/python benchmarks/scale.py --scales 1,2,4,10,14
    .venv/bin/python benchmarks/scale.py --scales 1 --dask  # the same over a LocalCluster

For each scale, in a fresh store and cache, each step a separate `briefgen` process
(as a user runs it), with the peak memory of the whole process tree (workers included):

  x1:
  cold     `briefgen build --store S CORPUS`   whole-corpus brief, nothing stored yet
  warm     the same again, nothing changed
  +20      20 new articles added, the whole-corpus brief again
  weekly   `briefgen build --week W` of the week nearest 25 articles, warm store
  past x1:
  ingest   `briefgen ingest --store S CORPUS`  read, clean, parse, analyse everything (cold)
  weekly   as above;  --whole adds the whole-corpus brief from the warm store

and per step, seconds and articles per second.  The growth curve prints the cold
time per article and its ratio to x1 (linear: x10 articles within x11 time).  A synthetic
article is made of paragraphs of several AllSides articles (at most one from each, never
a short one), so near-duplicate merging does not fold it into its sources.

`--big` then clones the x1 store 13 times (benchmarks/bigstore.py: about 10,000
articles, no parsing) and times the weekly brief from that large store.
`--pipes` prints the CPU cost of each spaCy pipe and which analysis reads it.
`--dask` runs the cold ingest and build on a dask.distributed LocalCluster (2 workers)
and checks that its brief is byte-identical to the local path's (PDF and HTML).

Today's figures (before the article store, 2 cores): 749 articles 94 s cold, 32 s warm,
1.6 GB peak.  Note the machine's load when you measure (`uptime`): other work on the
2 cores makes every figure pessimistic.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "corpora" / "allsides-korea.jsonl"
TODAY = {"cold": 94.0, "warm": 32.0, "peak_gb": 1.6, "articles": 749}
TARGETS = {"cold_749": 60.0, "plus20": 5.0, "weekly": 5.0, "cold_10k": 600.0, "peak_gb": 2.0}


# -- synthetic corpora ----------------------------------------------------------------


def synthetic(records: list[dict[str, Any]], copies: int, seed: int = 12) -> list[dict[str, Any]]:
    """`copies` new versions of the corpus, each article made of 4-9 long paragraphs
    from different articles of the same fortnight (dated like its first source)."""
    rng = random.Random(seed)
    docs = []
    for r in records:
        text = r.get("content_original") or r.get("text") or ""
        paras = [p for p in text.split("\n\n") if len(p.split()) > 12]
        if len(paras) >= 4:
            docs.append((r, paras))
    out: list[dict[str, Any]] = []
    for c in range(copies):
        for i, (r, _paras) in enumerate(docs):
            n = rng.randint(4, 9)
            sources = [docs[i]] + rng.sample(docs, n - 1)
            chosen = [rng.choice(p) for _, p in sources]
            out.append(
                {
                    "title": f"{r.get('title', '')} ({c + 1}/{i})",
                    "content_original": "\n\n".join(chosen),
                    "date": r.get("date") or "",
                    "source": r.get("source"),
                    "url": f"https://example.org/synthetic/{c}/{i}",
                }
            )
    return out


def make_corpus(scale: int, folder: Path) -> Path:
    """AllSides plus synthetic articles: about `scale` times as many as AllSides alone."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA, folder / "allsides.jsonl")
    if scale > 1:
        recs = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
        extra = synthetic(recs, 1, seed=12)
        per_copy = len(extra)
        copies = max(1, round((scale - 1) * len(recs) / per_copy))
        extra = synthetic(recs, copies, seed=12)
        with (folder / "synthetic.jsonl").open("w", encoding="utf-8") as f:
            for r in extra:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return folder


def twenty_new(folder: Path, seed: int = 99) -> Path:
    recs = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    extra = synthetic(recs, 1, seed=seed)[:20]
    p = folder / "zz-new-20.jsonl"
    with p.open("w", encoding="utf-8") as f:
        for r in extra:
            r["url"] = r["url"].replace("synthetic", "new")
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return p


# -- measuring a step ---------------------------------------------------------------------


def _tree_rss(pid: int) -> int:
    import psutil

    try:
        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for q in procs:
        with contextlib.suppress(psutil.Error):
            total += q.memory_info().rss
    return total


def run_step(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    """One briefgen command in its own process: seconds, peak tree memory, step lines."""
    t0 = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefgen", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = 0
    lines: list[tuple[float, str]] = []

    def read_err() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.append((time.perf_counter() - t0, line.rstrip()))

    chunks: list[str] = []

    def read_out() -> None:  # drained as it comes: a full pipe would block the child
        assert proc.stdout is not None
        chunks.append(proc.stdout.read())

    readers = [threading.Thread(target=f, daemon=True) for f in (read_err, read_out)]
    for r in readers:
        r.start()
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.2)
    for r in readers:
        r.join(timeout=30)
    out = "".join(chunks)
    secs = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds of the process and its worker processes: less sensitive than wall
    # time to other work on the machine
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if proc.returncode != 0:
        tail = "\n".join(line for _, line in lines[-15:])
        raise SystemExit(f"briefgen {' '.join(args)} failed ({proc.returncode}):\n{tail}")
    return {"secs": secs, "cpu": cpu, "peak": peak, "lines": lines, "stdout": out}


def stage_rates(lines: list[tuple[float, str]], n_articles: int) -> list[str]:
    """Seconds between step lines, and articles/s where a step covers the corpus."""
    out = []
    last = 0.0
    for t, msg in lines:
        if msg.startswith("warning:"):
            continue
        dt = t - last
        last = t
        rate = f"{n_articles / dt:8.1f} art/s" if dt > 0 else ""
        out.append(f"      {dt:7.2f} s {rate}  {msg[:90]}")
    return out


class Steps:
    """Step results kept in the work folder, so a run that stopped (or --keep DIR run
    again) resumes where it was instead of measuring a warm store as cold."""

    def __init__(self, folder: Path) -> None:
        self.file = folder / "steps.json"
        self.done: dict[str, Any] = (
            json.loads(self.file.read_text(encoding="utf-8")) if self.file.exists() else {}
        )

    def run(self, name: str, args: list[str], env: dict[str, str]) -> dict[str, Any]:
        if name in self.done:
            print(f"  ({name}: measured by an earlier run of this work folder)")
            return dict(self.done[name])
        res = run_step(args, env)
        self.done[name] = res
        self.file.write_text(json.dumps(self.done), encoding="utf-8")
        return res


def busiest_week(store: Path, env: dict[str, str], steps: Steps) -> tuple[str, int]:
    res = steps.run("articles", ["articles", "--store", str(store), "--format", "json"], env)
    weeks: Counter[str] = Counter()
    for a in json.loads(res["stdout"]):
        if a.get("published"):
            y, w, _ = date.fromisoformat(a["published"]).isocalendar()
            weeks[f"{y}-W{w:02d}"] += 1
    # the week closest to 25 articles: what a weekly desk brief holds
    week, n = min(weeks.items(), key=lambda kv: (abs(kv[1] - 25), kv[0]))
    return week, n


def gb(b: int) -> float:
    return b / 1e9


def bench_scale(
    scale: int, work: Path, dask_addr: str | None, quick: bool, whole: bool = False
) -> dict[str, Any]:
    folder = make_corpus(scale, work / f"corpus-x{scale}")
    store = work / f"store-x{scale}"
    env = dict(os.environ)
    env.update(
        {
            "BRIEFGEN_CACHE": str(work / f"cache-x{scale}"),
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "PYTHONPATH": str(ROOT),
        }
    )
    out_dir = work / f"out-x{scale}"
    common = ["--store", str(store), "-o", str(out_dir)]
    if dask_addr:
        cfg = work / f"dask-x{scale}.toml"
        cfg.write_text(f'[store]\nscheduler = "{dask_addr}"\n', encoding="utf-8")
        pre = ["--config", str(cfg)]
    else:
        pre = []
    steps = Steps(work / f"steps-x{scale}{'-dask' if dask_addr else ''}")
    steps.file.parent.mkdir(parents=True, exist_ok=True)
    res: dict[str, Any] = {"scale": scale}
    print(f"\nx{scale}: corpus {folder}  (load: {os.getloadavg()[0]:.2f})", flush=True)
    if (scale > 1 or quick) and not dask_addr:
        # past x1 the per-article work is what grows: ingest it, then brief a week
        cold = steps.run("ingest", [*pre, "ingest", "--store", str(store), str(folder)], env)
        n = (
            int(cold["stdout"].split("articles: ")[1].split()[0])
            if "articles: " in cold["stdout"]
            else 0
        )
        res.update(
            articles=n,
            cold=cold["secs"],
            cold_peak=cold["peak"],
            ingest=cold["secs"],
            cpu=cold["cpu"],
        )
        print(
            f"  ingest   {cold['secs']:7.1f} s  ({cold['cpu']:.0f} s CPU)  peak {gb(cold['peak']):.2f} GB  {n} new articles"
        )
        print("      " + cold["stdout"].strip())
        week, wn = busiest_week(store, env, steps)
        weekly = steps.run(
            "weekly", ["build", "--store", str(store), "-o", str(out_dir), "--week", week], env
        )
        res.update(weekly=weekly["secs"], week=week, week_articles=wn, weekly_peak=weekly["peak"])
        print(f"  weekly   {weekly['secs']:7.1f} s  ({week}, {wn} articles, the whole process)")
        if whole:
            full = steps.run("whole", ["build", *common], env)
            res.update(whole=full["secs"], whole_peak=full["peak"])
            print(
                f"  whole    {full['secs']:7.1f} s  peak {gb(full['peak']):.2f} GB  whole-corpus brief"
            )
            for line in stage_rates(full["lines"], n):
                print(line)
        return res
    cold = steps.run("cold", [*pre, "build", *common, str(folder)], env)
    n = _articles_in(cold["lines"])
    # the per-article part of the cold build (process start to parsed and analysed)
    ingest = next((t for t, m in cold["lines"] if m.startswith("Parsed and analysed")), 0.0)
    res.update(
        articles=n, cold=cold["secs"], cold_peak=cold["peak"], ingest=ingest, cpu=cold["cpu"]
    )
    print(
        f"  cold     {cold['secs']:7.1f} s  ({cold['cpu']:.0f} s CPU)  peak {gb(cold['peak']):.2f} GB  {n} articles"
    )
    for line in stage_rates(cold["lines"], n):
        print(line)
    # The cold brief is kept apart: later steps (+20, weekly) write into out_dir, and a
    # resumed run would otherwise compare the Dask brief with theirs.
    kept = work / f"cold-brief-x{scale}{'-dask' if dask_addr else ''}"
    if not cold.get("kept"):  # the cold step ran just now: keep its brief
        shutil.rmtree(kept, ignore_errors=True)
        kept.mkdir(parents=True)
        for f in (*out_dir.glob("*.pdf"), *out_dir.glob("*.html")):
            shutil.copy2(f, kept / f.name)
        steps.done["cold"]["kept"] = True
        steps.file.write_text(json.dumps(steps.done), encoding="utf-8")
    res["pdf"] = next(kept.glob("*.pdf")).read_bytes()
    res["html"] = next(kept.glob("*.html")).read_bytes()
    if dask_addr or quick:
        return res
    warm = steps.run("warm", ["build", *common, str(folder)], env)
    res.update(warm=warm["secs"], warm_peak=warm["peak"])
    print(f"  warm     {warm['secs']:7.1f} s  peak {gb(warm['peak']):.2f} GB")
    for line in stage_rates(warm["lines"], n):
        print(line)
    twenty_new(folder)
    plus = steps.run("plus20", ["build", *common, str(folder)], env)
    pdf_secs = _pdf_secs(plus["lines"])
    res.update(plus20=plus["secs"], plus20_pdf=pdf_secs, plus20_peak=plus["peak"])
    print(
        f"  +20      {plus['secs']:7.1f} s  of which PDF and HTML {pdf_secs:.1f} s  peak {gb(plus['peak']):.2f} GB"
    )
    for line in stage_rates(plus["lines"], 20):
        print(line)
    week, wn = busiest_week(store, env, steps)
    weekly = steps.run(
        "weekly", ["build", "--store", str(store), "-o", str(out_dir), "--week", week], env
    )
    res.update(weekly=weekly["secs"], week=week, week_articles=wn, weekly_peak=weekly["peak"])
    print(
        f"  weekly   {weekly['secs']:7.1f} s  ({weekly['cpu']:.1f} s CPU; {week}, {wn} articles, the whole process)"
    )
    for line in stage_rates(weekly["lines"], wn):
        print(line)
    return res


def _articles_in(lines: list[tuple[float, str]]) -> int:
    for _, msg in lines:
        if msg.startswith("Read ") and " articles" in msg:
            return int(msg.split()[1])
    return 0


def _pdf_secs(lines: list[tuple[float, str]]) -> float:
    times = [t for t, m in lines if m.startswith(("Assembled", "Wrote"))]
    return times[-1] - times[0] if len(times) >= 2 else 0.0


# Which token attributes each pipe sets, and which analysis modules read them (grep).
PIPE_USERS = {
    "tok2vec": "features for tagger, parser and ner",
    "tagger": "tag_ (quotes, actors, keyphrases)",
    "parser": "dep_, head, sents (quotes, actors, positions, keyphrases)",
    "attribute_ruler": "pos_ (quotes, actors, positions, keyphrases)",
    "lemmatizer": "lemma_ (cue verbs, positions, keyphrase keys)",
    "ner": "ents, ent_type_ (speakers, actors, keyphrases drop people)",
}


def pipes(n: int = 60) -> None:
    """CPU seconds per spaCy pipe on n AllSides articles, and what reads each pipe."""
    sys.path.insert(0, str(ROOT))
    from briefgen.nlp.parse import load_spacy

    nlp = load_spacy()
    recs = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()][:n]
    texts = [r["content_original"] for r in recs if r.get("content_original")]
    docs = [nlp.make_doc(t) for t in texts]
    cost: dict[str, float] = {}
    for name, proc in nlp.pipeline:
        t = time.process_time()
        docs = list(proc.pipe(docs, batch_size=16))
        cost[name] = time.process_time() - t
    total = sum(cost.values())
    words = sum(len(d) for d in docs)
    print(f"{len(texts)} articles, {words} tokens, {total:.1f} s CPU, {words / total:.0f} tokens/s")
    for name, secs in cost.items():
        print(
            f"  {name:16s} {secs:6.2f} s {secs / total:6.1%}  read by: {PIPE_USERS.get(name, '?')}"
        )


def compile_bytecode() -> None:
    """Compile briefgen's modules before the steps, as `pip install` does, so each step
    imports them as an installed briefgen would.  Without it a shell with
    PYTHONDONTWRITEBYTECODE=1 (which stops writing .pyc files, not reading them) makes
    every step compile all of briefgen from source again: about 0.2 s CPU of a weekly
    brief's 4.5 s."""
    import compileall

    compileall.compile_dir(ROOT / "briefgen", quiet=1)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--scales", default="1", help="comma-separated: 1,2,4,10,14")
    ap.add_argument("--dask", action="store_true", help="also over a 2-worker LocalCluster")
    ap.add_argument(
        "--cold-only",
        action="store_true",
        help="every scale (x1 too) as cold ingest plus a weekly brief: the growth curve",
    )
    ap.add_argument(
        "--whole", action="store_true", help="past x1, also the whole-corpus brief (slow)"
    )
    ap.add_argument("--keep", metavar="DIR", help="work in DIR and keep it")
    ap.add_argument("--big", action="store_true", help="x1: also the weekly brief from x14 clones")
    ap.add_argument("--pipes", action="store_true", help="CPU per spaCy pipe, then stop")
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} not found; run from the repo with ../shared/data beside it")
    if args.pipes:
        pipes()
        return
    scales = [int(s) for s in args.scales.split(",")]
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()}")
    compile_bytecode()
    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="briefgen-scale-"))
    tmp.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        for sc in scales:
            results.append(bench_scale(sc, tmp, None, args.cold_only, args.whole))
            if sc == 1 and args.big and "week" in results[-1]:
                big_weekly(tmp, results[-1]["week"])
        if args.dask:
            from dask.distributed import LocalCluster

            with LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
            ) as cluster:
                for sc, local in zip(scales, results, strict=True):
                    d = bench_scale(sc, tmp / "dask", cluster.scheduler_address, True)
                    same = d["pdf"] == local.get("pdf") and d["html"] == local.get("html")
                    print(
                        f"  dask x{sc}: cold {d['cold']:.1f} s vs local {local['cold']:.1f} s; "
                        f"brief byte-identical to local (PDF and HTML): {same}"
                    )
        _summary(results)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


def big_weekly(work: Path, week: str) -> None:
    """The x1 store cloned to about 10,000 articles, and the weekly brief from it."""
    import bigstore

    big = bigstore.make(work / "store-x1", work / "big", 13)
    res = bigstore.weekly(big, work / "big", week)
    print(f"  weekly   {res['secs']:7.1f} s  ({res['cpu']:.1f} s CPU; {week}, from the x14 store)")
    for line in stage_rates(res["lines"], 25):
        print(line)


def _summary(results: list[dict[str, Any]]) -> None:
    print("\nsummary (today = before the article store)")
    base = results[0] if results and results[0]["scale"] == 1 else None
    for r in results:
        n, ing = r["articles"], r["ingest"]
        line = f"  x{r['scale']:<3} {n:6d} articles  read+parse+analyse {ing:7.1f} s ({n / ing:5.1f} art/s)"
        line += f"  peak {gb(r['cold_peak']):.2f} GB"
        if base is not None and r is not base:
            ratio_n = n / base["articles"]
            ratio_t = ing / base["ingest"]
            line += f"  x{ratio_n:.1f} articles -> x{ratio_t:.1f} time"
        line += f"  {r['cpu']:.0f} s CPU"
        if "weekly" in r:
            line += f"  weekly brief {r['weekly']:.1f} s"
        print(line)
    if base is not None:
        print(
            f"  749 cold: {base['cold']:.1f} s (today {TODAY['cold']:.0f} s, target <= {TARGETS['cold_749']:.0f} s); "
            f"peak {gb(base['cold_peak']):.2f} GB (today {TODAY['peak_gb']} GB)"
        )
        if "warm" in base:
            print(f"  749 warm, nothing new: {base['warm']:.1f} s (today {TODAY['warm']:.0f} s)")
            print(
                f"  749 +20 new: {base['plus20']:.1f} s, of which PDF and HTML {base['plus20_pdf']:.1f} s "
                f"(target <= {TARGETS['plus20']:.0f} s plus the PDF)"
            )
            print(
                f"  weekly brief ({base['week']}, {base['week_articles']} articles) from the warm store: "
                f"{base['weekly']:.1f} s end to end (target <= {TARGETS['weekly']:.0f} s)"
            )


if __name__ == "__main__":
    main()
