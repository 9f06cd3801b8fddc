"""Every probe named in issue 13, run as a user runs it: the `briefgen` command in a
fresh process with an empty cache.  Prints, per probe, the exit code, the wall and CPU
seconds, the peak memory and the line the user sees (the first Error:/warning: line, or
what came out).

    .venv/bin/python benchmarks/probes.py            # all probes (a few minutes)
    .venv/bin/python benchmarks/probes.py --quick    # without the 10,000 files and 1 M chars

Expected: every probe ends within seconds in results or one `Error:` line (the >1 M
character article takes its parse time), no traceback anywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(ROOT))


def seed_text(i: int = 0) -> str:
    return sorted(SEEDS.glob("*.txt"))[i].read_text(encoding="utf-8")


def body(i: int = 0) -> str:
    return seed_text(i).split("\n", 1)[1].strip()


class Probes:
    def __init__(self, work: Path) -> None:
        self.work = work
        self.rows: list[tuple[str, int, float, float, int, str]] = []

    def run(
        self,
        name: str,
        args: list[str],
        expect: Callable[[int, str, str], bool] | None = None,
        limit_fsize: int | None = None,
    ) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1",
               "TRANSFORMERS_OFFLINE": "1", "BRIEFGEN_CACHE": str(self.work / f"cache-{len(self.rows)}")}  # fmt: skip

        def pre() -> None:
            if limit_fsize is not None:
                resource.setrlimit(resource.RLIMIT_FSIZE, (limit_fsize, resource.RLIM_INFINITY))

        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        try:
            r = subprocess.run(
                [sys.executable, "-m", "briefgen", *args], capture_output=True, text=True,
                env=env, cwd=self.work, timeout=1800, preexec_fn=pre, errors="replace",
            )  # fmt: skip
            code, out, err = r.returncode, r.stdout, r.stderr
        except subprocess.TimeoutExpired:
            code, out, err = -9, "", "TIMEOUT after 1800 s"
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        lines = [
            ln for ln in err.splitlines() if ln.startswith(("Error:", "warning:", "Traceback"))
        ]
        shown = lines[0] if lines else (out.strip().splitlines() or ["(no output)"])[0]
        if "Traceback" in err:
            shown = "TRACEBACK: " + err.strip().splitlines()[-1]
        ok = "Traceback" not in err and code != -9 and (expect is None or expect(code, out, err))
        self.rows.append(
            (
                ("ok  " if ok else "FAIL") + " " + name,
                code,
                wall,
                cpu,
                after.ru_maxrss // 1024,
                shown,
            )
        )
        print(
            f"{self.rows[-1][0]:58s} exit {code:3d} {wall:7.1f} s {cpu:7.1f} s CPU  {shown[:150]}",
            flush=True,
        )


def error_line(code: int, out: str, err: str) -> bool:
    return code != 0 and sum(1 for ln in err.splitlines() if ln.startswith("Error:")) >= 1


def read_ok(code: int, out: str, err: str) -> bool:
    return code == 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="leave out the two slow probes")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="briefgen-probes-"))
    p = Probes(work)
    rnd = random.Random(13)
    print(f"probes in {work}\n")

    # -- hangs
    unclosed = work / "unclosed.txt"
    words = ["minister", "said", "talks", "would", "resume", "Kim", "warned", "the", "of", "and"]
    unclosed.write_text(
        "Talks\n\n"
        + " ".join("“" + " ".join(rnd.choice(words) for _ in range(9)) for _ in range(1500))
    )
    p.run(
        f"1,500 unclosed “ in {unclosed.stat().st_size // 1000} KB: quotes",
        ["quotes", str(unclosed), "--format", "json"],
        read_ok,
    )

    from tests.fuzzing import MUTATIONS

    texts = [seed_text(i) for i in range(4)]
    for b in range(3):
        folder = work / f"batch{b}"
        folder.mkdir()
        for i in range(30):
            t = rnd.choice(texts)
            for op in rnd.sample(MUTATIONS, 3):
                t = op(rnd, t, 60_000)
            (folder / f"m{i}.txt").write_text(t, encoding="utf-8", errors="replace")
        p.run(
            f"30 mutated articles, batch {b + 1}: quotes",
            ["quotes", str(folder), "--format", "json"],
        )
    bomb = work / "bomb.md"
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    bomb.write_text("---\n" + "\n".join(lines) + "\ntitle: *a9\n---\n\n" + body(), encoding="utf-8")
    p.run("YAML alias bomb in front matter: articles", ["articles", str(bomb)], read_ok)
    loop = work / "loops"
    (loop / "a").mkdir(parents=True)
    (loop / "a" / "x.md").write_text("# Story\n\n" + body())
    (loop / "a" / "self").symlink_to(loop / "a")
    (loop / "a" / "up").symlink_to(loop)
    p.run(
        "glob through self-symlinked folders: articles",
        ["articles", str(loop / "**" / "*.md")],
        read_ok,
    )
    if not args.quick:
        many = work / "many"
        many.mkdir()
        w = body().split()
        for i in range(10_000):
            (many / f"f{i:05d}.txt").write_text(
                " ".join(rnd.choice(w) for _ in range(12)) + f" {i}.\n"
            )
        p.run(
            "10,000 one-line files: articles", ["articles", str(many), "--format", "json"], read_ok
        )
        p.run(
            "10,000 one-line files again (stored): articles",
            ["articles", str(many), "--format", "json"],
            read_ok,
        )
    divs = work / "divs.html"
    divs.write_text(
        "<html><body>" + "<div>" * 40_000 + "".join(f"<p>{x}</p>" for x in body().split("\n\n"))
    )
    p.run("40,000 nested unclosed <div>: articles", ["articles", str(divs)], read_ok)

    # -- tracebacks
    deep = work / "deep.json"
    deep.write_text("[" * 10_000 + "]" * 10_000)
    p.run("JSON nested 10,000 deep: articles", ["articles", str(deep)], error_line)
    big = work / "bigint.json"
    big.write_text(json.dumps([{"title": "t", "text": body(), "date": 10**400}]))
    p.run("400-digit integer date: articles", ["articles", str(big)], read_ok)
    sur = work / "surrogate.json"
    sur.write_text('[{"title": "Lone \\ud800", "text": ' + json.dumps(body())[:-1] + ' \\udfff"}]')
    p.run(
        "lone surrogate in JSON text: articles --format json",
        ["articles", str(sur), "--format", "json"],
        read_ok,
    )
    keys = work / "keys.md"
    keys.write_text("---\ntitle: Story\n1: one\ntrue: yes\n---\n\n" + body())
    p.run("front matter with integer and boolean keys: articles", ["articles", str(keys)], read_ok)
    for bad in ("0000-00-00", "2017-13-45"):
        f = work / f"date-{bad}.md"
        f.write_text(f"---\ntitle: Story\ndate: {bad}\n---\n\n" + body())
        p.run(f"front matter date: {bad}: articles", ["articles", str(f)], read_ok)
    if not args.quick:
        huge = work / "huge.txt"
        paras = [body(i % 4) for i in range(4)]
        chunks, size, k = ["A very long transcript"], 0, 0
        while size < 1_050_000:
            chunks.append(paras[k % 4].replace("North Korea", f"North Korea ({k})"))
            size += len(chunks[-1]) + 2
            k += 1
        huge.write_text("\n\n".join(chunks))
        p.run(
            f"article of {huge.stat().st_size / 1e6:.2f} M characters: quotes",
            ["quotes", str(huge), "--format", "json"],
            read_ok,
        )
    dated = work / "dated"
    dated.mkdir()
    for i, d in enumerate(["9999-12-31", "0001-01-01", "2017-12-19"]):
        (dated / f"d{i}.jsonl").write_text(
            json.dumps({"title": f"Story {i}", "text": body(i), "date": d})
        )
    p.run(
        "articles dated 9999-12-31 and 0001-01-01: build",
        [
            "build",
            str(dated),
            "-o",
            str(work / "out-dated"),
            "--date",
            "2017-12-20",
            "--format",
            "html",
        ],
        read_ok,
    )
    p.run("--week 9999-W52", ["build", str(SEEDS), "--week", "9999-W52"], error_line)
    p.run("--last 99999999d", ["build", str(SEEDS), "--last", "99999999d"], error_line)
    for name, toml in [
        ('relevance_threshold = "high"', '[corpus]\nrelevance_threshold = "high"\n'),
        ('max_file_mb = "big"', '[corpus]\nmax_file_mb = "big"\n'),
        ("field_map = 3", "[corpus]\nfield_map = 3\n"),
        ('[email] timeout = "x"', '[email]\ntimeout = "x"\n'),
        ("paper = 5", "[brief]\npaper = 5\n"),
    ]:
        cfg = work / f"cfg{len(p.rows)}.toml"
        cfg.write_text(toml)
        p.run(f"config {name}: build", ["--config", str(cfg), "build", str(SEEDS)], error_line)
    for name, tpl in [
        ("{{ 1/0 }}", "{{ 1/0 }}"),
        ("self-extending template", '{% extends "brief.html" %}'),
    ]:
        d = work / f"tpl{len(p.rows)}"
        d.mkdir()
        (d / "brief.html").write_text(tpl)
        p.run(
            f"template {name}: build",
            ["build", str(SEEDS), "--template-dir", str(d), "-o", str(work / "o")],
            error_line,
        )
    ro = work / "blocker"
    ro.write_text("a file")
    p.run("output folder is a file: build", ["build", str(SEEDS), "-o", str(ro)], error_line)
    p.run(
        "output folder under a file: build",
        ["build", str(SEEDS), "-o", str(ro / "briefs")],
        error_line,
    )
    p.run(
        "file-size limit 100 KB (ulimit -f): build",
        ["build", str(SEEDS), "-o", str(work / "o2")],
        error_line,
        limit_fsize=100_000,
    )

    # -- security
    rce = work / "rce"
    rce.mkdir()
    (rce / "brief.html").write_text(
        "{{ brief.__class__.__init__.__globals__['__builtins__']['__import__']('os').popen('id').read() }}"
    )
    p.run(
        "template runs code (os.popen('id')): build",
        ["build", str(SEEDS), "--template-dir", str(rce), "-o", str(work / "o3")],
        error_line,
    )
    link = work / "link"
    link.mkdir()
    (link / "brief.html").symlink_to("/etc/passwd")
    p.run(
        "template symlinked to /etc/passwd: build",
        ["build", str(SEEDS), "--template-dir", str(link), "-o", str(work / "o4")],
        error_line,
    )
    cfg = work / "paths.toml"
    cfg.write_text('[corpus]\npaths = "/some/dir"\n')
    p.run('config paths = "/some/dir": articles', ["--config", str(cfg), "articles"], error_line)

    # -- quiet data damage
    u16 = work / "utf16.txt"
    u16.write_bytes(seed_text().encode("utf-16-le"))
    p.run(
        "UTF-16 without BOM: articles",
        ["articles", str(u16), "--format", "json"],
        lambda c, o, e: c == 0 and "no BOM" in o,
    )
    nul = work / "nul.txt"
    raw = seed_text().encode()
    nul.write_bytes(raw[:300] + b"\x00" + raw[300:])
    p.run(
        "one NUL byte in a text file: articles",
        ["articles", str(nul), "--format", "json"],
        lambda c, o, e: c == 0 and "NUL" in o,
    )
    year = work / "year.json"
    year.write_text(json.dumps([{"title": "Story", "text": body(), "date": "2017"}]))
    p.run(
        'JSON date "2017": articles',
        ["articles", str(year), "--format", "json"],
        lambda c, o, e: c == 0 and '"date_precision": "year"' in o,
    )
    obj = work / "object.json"
    obj.write_text(
        json.dumps(
            [{"title": "Story", "text": {"html": "<p>x</p>"}}, {"title": "Other", "text": body(1)}]
        )
    )
    p.run(
        "JSON text that is an object: articles",
        ["articles", str(obj), "--format", "json"],
        lambda c, o, e: c == 0 and "record 1 skipped" in e,
    )

    fails = [r for r in p.rows if r[0].startswith("FAIL")]
    tracebacks = [r for r in p.rows if r[5].startswith("TRACEBACK")]
    print(
        f"\n{len(p.rows)} probes: {len(p.rows) - len(fails)} as expected, {len(fails)} not, {len(tracebacks)} tracebacks"
    )
    print(f"slowest: {max(p.rows, key=lambda r: r[2])[0][5:]} {max(r[2] for r in p.rows):.1f} s")


if __name__ == "__main__":
    main()
