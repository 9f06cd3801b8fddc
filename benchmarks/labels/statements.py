"""Sample single statements for stance labelling (training data only).

    .venv/bin/python benchmarks/labels/statements.py OUT_DIR [--n 600]

Sentences from train-split articles (splits.py) that are not among the whole-article
train packets, that report speech (a quotation mark or a reporting word) and name a
tracked issue's term; sampled per issue so rare issues (sequencing, exercises,
inter-Korean projects) get examples.  Writes OUT_DIR/S###.txt batches for annotators and
OUT_DIR/manifest.jsonl mapping item ids to (source key, sentence offsets in the raw
source).  Training data only: nothing here is ever test data.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

from gold import find, raw_text  # noqa: E402
from packets import read_all  # noqa: E402
from splits import source_key, split_of  # noqa: E402

_CUE = re.compile(
    r"[“”\"]|\b(said|says|told|warned|urged|called (?:on|for)|demanded|denied|vowed|insisted|"
    r"stressed|added|accused|rejected|threatened|pledged|promised|according to|announced|"
    r"declared|stated|argued|claimed|proposed|welcomed|condemned|criticized|criticised)\b"
)
QUOTA = {
    "sequencing": 80,
    "exercises": 100,
    "inter_korean": 100,
    "sanctions": 100,
    "talks": 80,
    "denuclearization": 80,
    "military_force": 80,
}


def main() -> int:
    from briefgen.book.sentences import split_sentences
    from briefgen.knowledge.issues import issues_mentioned

    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--exclude", type=Path, help="manifest.jsonl of whole-article train packets")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--also-exclude", type=Path, help="manifest.jsonl of an earlier statement set")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply the per-issue quotas")
    ap.add_argument(
        "--any", type=int, default=0, help="also this many speech sentences of any topic"
    )
    ap.add_argument("--first", type=int, default=1, help="number of the first item")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    skip: set[str] = set()
    if args.exclude and args.exclude.exists():
        skip = {json.loads(x)["key"] for x in args.exclude.read_text().splitlines() if x.strip()}
    taken: set[tuple[str, int, int]] = set()
    if args.also_exclude and args.also_exclude.exists():
        for x in args.also_exclude.read_text().splitlines():
            m = json.loads(x)
            if m.get("raw"):
                taken.add((m["key"], *m["raw"]))
    pools: dict[str, list[tuple[str, object, object]]] = {k: [] for k in QUOTA}
    anything: list[tuple[str, object, object]] = []
    for a in read_all():
        k = source_key(a)
        if k in skip or split_of(k, a.published) != "train" or a.low_relevance:
            continue
        for s in split_sentences(a):
            if len(s.text.split()) < 8 or not _CUE.search(s.text):
                continue
            anything.append((k, a, s))
            for issue in issues_mentioned(s.text):
                pools[issue].append((k, a, s))
    chosen: list[tuple[str, object, object]] = []
    seen: set[tuple[str, int]] = set()

    def fresh(c: tuple[str, object, object]) -> bool:
        k, a, s = c
        if (k, s.start) in seen:  # type: ignore[attr-defined]
            return False
        hit = find(s.text, raw_text(k), near=s.start / max(1, len(a.text)))  # type: ignore[attr-defined]
        return hit is None or (k, *hit) not in taken

    for issue, n in QUOTA.items():
        cands = [c for c in pools[issue] if (c[0], c[2].start) not in seen]  # type: ignore[attr-defined]
        rng.shuffle(cands)
        got = 0
        for c in cands:
            if got >= round(n * args.scale):
                break
            if fresh(c):
                seen.add((c[0], c[2].start))  # type: ignore[attr-defined]
                chosen.append(c)
                got += 1
    rng.shuffle(anything)
    extra = 0
    for c in anything:
        if extra >= args.any:
            break
        if fresh(c):
            seen.add((c[0], c[2].start))  # type: ignore[attr-defined]
            chosen.append(c)
            extra += 1
    rng.shuffle(chosen)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "manifest.jsonl").open("w", encoding="utf-8") as mf:
        batch: list[str] = []
        for i, (k, a, s) in enumerate(chosen, 1):
            sid = f"S{i + args.first - 1:04d}"
            para = a.text.split("\n\n")[s.para] if hasattr(s, "para") else s.text  # type: ignore[attr-defined]
            raw = raw_text(k)
            hit = find(s.text, raw, near=s.start / max(1, len(a.text)))  # type: ignore[attr-defined]
            mf.write(json.dumps({"item": sid, "key": k, "raw": list(hit) if hit else None}) + "\n")
            batch.append(f"ITEM {sid}\nCONTEXT: {' '.join(para.split())}\nSTATEMENT: {s.text}\n")  # type: ignore[attr-defined]
            if len(batch) == 100 or i == len(chosen):
                n = (i + args.first - 2) // 100 + 1
                (args.out / f"batch-{n:02d}.txt").write_text("\n".join(batch))
                batch = []
    print(f"{len(chosen)} items -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
