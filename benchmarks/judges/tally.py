"""Score blind judges' answers (JUDGE.md's JSON) by release.

.venv/bin/python benchmarks/judges/tally.py ORDER.json ANSWERS_DIR
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any


def score(book: dict[str, Any], c: Counter[str]) -> None:
    """Add one brief's verdicts to its release's counts."""
    for item in book.get("bottom_line", []):
        c["bl_items"] += 1
        for key in ("development", "main", "accurate"):
            c["bl_" + key] += bool(item.get(key))
    c["main_in"] += bool(book.get("main_in"))
    verdict = {True: "sound", False: "unsound", None: "unclear"}
    for item in book.get("judgements", []):
        c["judgement_" + verdict.get(item.get("sound"), "unclear")] += 1
    for item in book.get("trends", []):
        c[f"trend_{item.get('verdict')}"] += 1
    for item in book.get("positions", []):
        c[f"position_{item.get('verdict')}"] += 1
    for item in book.get("questions", []):
        c["question_" + ("sound" if item.get("sound") else "unsound")] += 1


def main(argv: list[str]) -> int:
    order = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    for name, sides in order.items():
        answer = Path(argv[2]) / f"{name}.json"
        if not answer.exists():
            print(f"{name}: no answer")
            continue
        data = json.loads(answer.read_text(encoding="utf-8"))
        for side in "AB":
            score(data[side], totals[sides[side]])
        prefer = sides.get(data.get("prefer"), "same")
        totals["prefer"][prefer] += 1
        print(f"{name}: prefers {prefer} - {data.get('why', '')}")
    for who in ("before", "after", "prefer"):
        print(who, dict(sorted(totals[who].items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
