"""CPU seconds per stage of a whole-corpus rerun after 20 new articles, on a fixed subset.

    .venv/bin/python benchmarks/plus20_cpu.py [--articles 150] [--keep DIR] [--check-cold]

benchmarks/scale.py times the same steps in wall seconds, which mean little on a machine
shared with other work; this one counts CPU (time.process_time of the build process plus
its worker processes, torch and BLAS on one thread), stage by stage, so a change to one stage
can be compared before and after under any load.  Steps, each a fresh process:

  cold    `build` of the first N AllSides articles (held-out weeks left out), new store
  +20     the same plus 20 synthetic articles (scale.twenty_new), in a copy of that store
  warm    the same again (nothing new: the kept brief)
  +20b    +20 again from a fresh copy of the cold store (the +20 step is repeatable)
  fresh   (--check-cold) subset and the 20 in a new store, everything computed

The brief's HTML must be the same bytes after +20, warm, +20b and fresh: a stale kept
result shows as a difference.  Only HTML is written (the PDF is timed elsewhere).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the briefgen the steps run: this checkout, or --code's (a before/after comparison)
CODE = Path(os.environ.get("PLUS20_CODE") or ROOT)
sys.path.insert(0, str(CODE))
sys.path.insert(0, str(ROOT / "benchmarks"))

# Never read for tuning, and left out here too (PROTOCOL.md).
HELD_OUT = {(2013, 14), (2018, 21), (2019, 9)}


def subset(n: int, folder: Path) -> Path:
    """The first `n` AllSides articles dated outside the held-out weeks, and the 20 new."""
    from scale import DATA, twenty_new

    folder.mkdir(parents=True, exist_ok=True)
    kept = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        try:
            week = tuple(date.fromisoformat(str(json.loads(line).get("date"))[:10]).isocalendar())
        except ValueError:
            continue
        if week[:2] not in HELD_OUT:
            kept.append(line)
        if len(kept) == n:
            break
    (folder / "base").mkdir(exist_ok=True)
    (folder / "base" / "allsides.jsonl").write_text("\n".join(kept) + "\n", encoding="utf-8")
    (folder / "new").mkdir(exist_ok=True)
    twenty_new(folder / "new")
    return folder


def step(store: str, out: str, paths: list[str]) -> None:
    """One build in this process; prints each stage's CPU seconds as JSON lines, then
    whether the build imported torch (the step does not: OMP_NUM_THREADS, set by `run`,
    keeps torch, when imported, on one thread)."""
    from briefgen.config import Settings
    from briefgen.periods import brief_date, resolve_period
    from briefgen.pipeline import build
    from briefgen.progress import Reporter

    last = [time.process_time(), _children()]

    class Cpu(Reporter):
        def step(self, message: str) -> None:
            now = [time.process_time(), _children()]
            cpu = now[0] - last[0] + now[1] - last[1]
            print(json.dumps({"cpu": round(cpu, 2), "stage": message}), flush=True)
            last[:] = now

    s = Settings()
    s.store.path = store
    s.brief.output_dir = out
    s.brief.formats = ["html"]
    period = resolve_period(date.today())
    build(s, brief_date(period, None, date.today()), period, reporter=Cpu(), paths=paths)
    print(json.dumps({"torch": "torch" in sys.modules}), flush=True)


def _children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(name: str, store: Path, out: Path, paths: list[Path]) -> str:
    """A step in a fresh process: its stages, its CPU, the sha1 of the HTML it wrote."""
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PLUS20_CODE": str(CODE), "HF_HUB_OFFLINE": "1", "OMP_NUM_THREADS": "1"}
    args = [sys.executable, __file__, "--step", str(store), str(out), *map(str, paths)]
    before, start = _children(), time.monotonic()
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=True)
    total, wall = _children() - before, time.monotonic() - start
    load = os.getloadavg()[0]
    print(
        f"{name}: {total:.1f} s CPU (the process and its workers), {wall:.1f} s wall (load {load:.1f})"
    )
    staged, torch = 0.0, False
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            rec = json.loads(line)
            if "torch" in rec:
                torch = rec["torch"]
                continue
            staged += rec["cpu"]
            print(f"  {rec['cpu']:7.2f} s  {rec['stage']}")
    # imports and models loaded before the first stage, and the end of the process
    print(
        f"  {total - staged:7.2f} s  start-up and exit (torch {'imported' if torch else 'not imported'})"
    )
    html = next(out.glob("*.html"))
    return hashlib.sha1(html.read_bytes()).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--keep", type=Path, help="work folder kept between runs (cold made once)")
    ap.add_argument("--check-cold", action="store_true", help="also build everything anew")
    ap.add_argument("--code", type=Path, help="the checkout whose briefgen to run (default: this)")
    ap.add_argument("--step", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.step:
        return step(args.step[0], args.step[1], args.step[2:])
    work = args.keep or Path(tempfile.mkdtemp(prefix="plus20-"))
    if args.code and args.code.resolve() != CODE.resolve():  # run again with its briefgen
        os.environ["PLUS20_CODE"] = str(args.code.resolve())
        sys.exit(subprocess.call([sys.executable, __file__, *sys.argv[1:]]))
    os.environ["BRIEFGEN_CACHE"] = str(work / "cache")  # nothing from other runs
    data = subset(args.articles, work / f"corpus-{args.articles}")
    base, new = data / "base", data / "new"
    cold = work / f"store-cold-{args.articles}"
    print(f"{work}, code {CODE}, load {os.getloadavg()[0]:.1f}")
    if not cold.exists():
        run("cold", cold, work / "out-cold", [base])
    shas = {}
    for name in ("+20", "warm", "+20b"):
        store = work / f"store-{name}"
        if name != "warm":
            shutil.rmtree(store, ignore_errors=True)
            shutil.copytree(cold, store)
        else:
            store = work / "store-+20"
        shas[name] = run(name, store, work / f"out-{name}", [base, new])
    if args.check_cold:
        shutil.rmtree(work / "store-fresh", ignore_errors=True)
        shas["fresh"] = run("fresh", work / "store-fresh", work / "out-fresh", [base, new])
    same = len(set(shas.values())) == 1
    print(f"HTML {'byte-identical' if same else 'DIFFERS'}: {shas}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
