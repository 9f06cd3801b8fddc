"""Build the held-out weeks' briefs of one checkout, for blind judges.

    .venv/bin/python benchmarks/judges/build_weeks.py CHECKOUT OUT_DIR [--judge]

Each week is built by CHECKOUT's code (PYTHONPATH) with a private cache in OUT_DIR/cache,
so two releases never share stored analyses or briefs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "data" / "corpora"
WEEKS = {
    "allsides-2013-W14": ("2013-W14", CORPORA / "allsides-korea.jsonl"),
    "allsides-2018-W21": ("2018-W21", CORPORA / "allsides-korea.jsonl"),
    "allsides-2019-W09": ("2019-W09", CORPORA / "allsides-korea.jsonl"),
    "yonhap-2026-W01": ("2026-W01", CORPORA / "yonhap-2025"),
}


# `--judge`: the blind-judge weeks (benchmarks/labels/splits.py JUDGE_WEEKS), which no
# reader has seen; the held-out weeks above were read by stop 26's judges.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "labels"))
from splits import CORPORA as _FILES  # noqa: E402
from splits import JUDGE_WEEKS as _JUDGE  # noqa: E402

JUDGE_WEEKS = {
    f"{corpus}-{w}": (w, CORPORA / _FILES[corpus]) for corpus, ws in _JUDGE.items() for w in ws
}


def main(argv: list[str]) -> int:
    if "--judge" in argv:
        argv = [a for a in argv if a != "--judge"]
        WEEKS.clear()
        WEEKS.update(JUDGE_WEEKS)
    code, out = Path(argv[1]).resolve(), Path(argv[2]).resolve()
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(code), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    env["XDG_CACHE_HOME"] = str(out / "cache")
    for name, (week, corpus) in WEEKS.items():
        start = time.time()
        cmd = [sys.executable, "-m", "briefgen", "build", "--week", week, "-o", str(out / name)]
        done = subprocess.run([*cmd, "-q", str(corpus)], env=env, cwd=code, text=True)
        print(f"{name}: exit {done.returncode}, {time.time() - start:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
