"""Blind-judge packets: each held-out week's articles and two briefs as text, A/B shuffled.

    .venv/bin/python benchmarks/judges/packets.py BEFORE AFTER OUT_DIR --order ORDER.json [--judge]

BEFORE and AFTER are build_weeks.py output folders.  OUT_DIR/<week>/ gets articles.txt,
A.txt and B.txt; ORDER.json (keep it away from the judges) says which is which.  Give
each judge JUDGE.md and one week's folder; tally.py scores the answers.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from build_weeks import JUDGE_WEEKS, WEEKS  # type: ignore[import-not-found]

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "tr", "div", "br", "blockquote", "dt", "dd"}


class _Text(HTMLParser):
    """Text of an HTML page, a line per block, without styles or scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.skip += tag in ("style", "script")
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("style", "script")
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def brief_text(folder: Path) -> str:
    """The brief's HTML as plain text, one block per line."""
    parser = _Text()
    parser.feed(sorted(folder.glob("*.html"))[0].read_text(encoding="utf-8"))
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out)


def articles_text(week: str, corpus: Path, cache: Path) -> str:
    """The week's cleaned articles, as the briefs read them."""
    env = dict(os.environ, HF_HUB_OFFLINE="1", XDG_CACHE_HOME=str(cache))
    cmd = [sys.executable, "-m", "briefgen", "articles", "--week", week, "--format", "json"]
    done = subprocess.run([*cmd, str(corpus)], env=env, capture_output=True, text=True, check=True)
    parts = []
    for i, a in enumerate(json.loads(done.stdout), 1):
        head = f"=== Article {i}: {a.get('title')} | {a.get('outlet')} | {a.get('published')}"
        parts.append(f"{head}\n\n{a['text']}\n")
    return "\n".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--order", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--judge", action="store_true", help="the blind-judge weeks (build_weeks)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    order = {}
    for name, (week, corpus) in (JUDGE_WEEKS if args.judge else WEEKS).items():
        folder = args.out / name
        folder.mkdir(parents=True, exist_ok=True)
        text = articles_text(week, corpus, args.after / "cache")
        (folder / "articles.txt").write_text(text, encoding="utf-8")
        pair = [("before", args.before / name), ("after", args.after / name)]
        rng.shuffle(pair)
        order[name] = {"A": pair[0][0], "B": pair[1][0]}
        for side, (_, built) in zip("AB", pair, strict=True):
            (folder / f"{side}.txt").write_text(brief_text(built), encoding="utf-8")
    args.order.write_text(json.dumps(order, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
