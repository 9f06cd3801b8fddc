"""Turn annotators' label files into offset-only gold files in this folder.

    .venv/bin/python benchmarks/labels/ingest.py LABEL_DIR MANIFEST NAME [--annotator A]

LABEL_DIR holds one <packet>.json per article (the format of GUIDE.md, with `content`
copied from the packet); MANIFEST maps packets to source keys (packets.py).  Each
content string is located in the raw source text and stored as offsets plus a hash;
the text itself is dropped.  Prints how many could not be located.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gold import GoldQuote, find, normalise, raw_text, save_gold, span_hash  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("label_dir", type=Path)
    ap.add_argument("manifest", type=Path)
    ap.add_argument("name")
    ap.add_argument("--annotator", default="A")
    args = ap.parse_args()
    keys = {}
    for line in args.manifest.read_text(encoding="utf-8").splitlines():
        m = json.loads(line)
        keys[m["packet"]] = m["key"]
    out: list[GoldQuote] = []
    missed = 0
    packets = 0
    for f in sorted(args.label_dir.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        pid = d.get("packet") or f.stem
        key = keys[pid]
        raw = raw_text(key)
        packets += 1
        paras = [
            ln.split("] ", 1)[1]
            for ln in (args.manifest.parent / f"{pid}.txt").read_text(encoding="utf-8").splitlines()
            if ln.startswith("[") and "] " in ln
        ]
        total = sum(len(p) for p in paras) or 1
        for q in d.get("quotations", []):
            par = int(q.get("paragraph") or 1)
            before = sum(len(p) for p in paras[: par - 1])
            near = (
                before + max(0, paras[par - 1].find(q["content"])) if par <= len(paras) else before
            ) / total
            hit = find(q["content"], raw, near=near)
            if hit is None:
                missed += 1
                print(f"not found: {pid} p{par}: {q['content'][:60]!r}", file=sys.stderr)
                continue
            s, e = hit
            out.append(
                GoldQuote(
                    key=key,
                    start=s,
                    end=e,
                    hash=span_hash(raw[s:e]),
                    kind=q["kind"],
                    speaker=q.get("speaker"),
                    speaker_type=q.get("speaker_type") or "unknown",
                    speaker_group=q.get("speaker_group") or "other",
                    country=q.get("country"),
                    earlier=bool(q.get("earlier")),
                    cue=q.get("cue"),
                    positions=[
                        {"issue": p["issue"], "stance": int(p["stance"])}
                        for p in q.get("positions", [])
                    ],
                    packet=pid,
                    annotator=args.annotator,
                )
            )
    n = save_gold(args.name, out)
    print(f"{args.name}: {n} quotations from {packets} packets, {missed} not located")
    _ = normalise
    return 0


if __name__ == "__main__":
    sys.exit(main())
