"""Write labelling packets: articles as briefgen reads them, paragraphs numbered.

    .venv/bin/python benchmarks/labels/packets.py OUT_DIR --set test|dev|train [--n N]

The packets go outside the repository (article text is never committed).  Each packet
is one text file per article: a header (packet id, title, outlet, date) and the cleaned
body with numbered paragraphs, the text an annotator labels.  OUT_DIR/manifest.jsonl
maps packet ids to source keys.  Sets (see splits.py):

  test   every article of the held-out weeks, plus --n kcna test-split articles
  dev    every article of the dev weeks
  train  --n train-split articles, sampled across corpora and years, half of them
         among articles that name the rarer issues (sequencing, exercises,
         inter-Korean projects) so each issue has examples
  confirm  every article of the confirmation weeks (splits.CONFIRM_WEEKS), flat
  weeks  every article of the train weeks (splits.TRAIN_WEEKS), one folder per week
         (OUT_DIR/<corpus>-<week>/W001.txt ...): what an analyst writes a train
         bottom line from
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
DATA = ROOT.parent / "shared" / "data" / "corpora"

from splits import (  # noqa: E402
    CONFIRM_WEEKS,
    CORPORA,
    TRAIN_WEEKS,
    held_out_week,
    iso_week,
    source_key,
    split_of,
)

_RARE = re.compile(
    r"step[- ]by[- ]step|phased|action[- ]for[- ]action|big deal|all at once|"
    r"military (?:exercises|drills)|joint (?:exercises|drills)|Foal Eagle|Key Resolve|Ulchi|"
    r"THAAD|inter-Korean|Kaesong|Kumgang|family reunions|liaison office",
    re.I,
)


def read_all() -> list:
    from briefgen.config import CorpusSettings
    from briefgen.corpus import load_corpus

    arts = []
    for name in CORPORA.values():
        arts += load_corpus([DATA / name], CorpusSettings()).articles
    return arts


def write_packet(out: Path, pid: str, a) -> None:
    paras = a.paragraphs
    lines = [
        f"PACKET {pid}",
        f"TITLE: {a.title}",
        f"OUTLET: {a.outlet or 'unknown'}",
        f"DATE: {a.published or 'unknown'}",
        f"DATELINE: {a.meta.get('dateline') or ''}",
        "",
    ]
    for i, p in enumerate(paras, 1):
        lines.append(f"[{i}] {p}")
        lines.append("")
    (out / f"{pid}.txt").write_text("\n".join(lines), encoding="utf-8")


def write_set(out: Path, prefix: str, chosen: list) -> None:
    out.mkdir(parents=True, exist_ok=True)
    chosen.sort(key=lambda x: (x[1].published or __import__("datetime").date.min, x[0]))
    with (out / "manifest.jsonl").open("w", encoding="utf-8") as mf:
        for i, (k, a) in enumerate(chosen, 1):
            pid = f"{prefix}{i:03d}"
            write_packet(out, pid, a)
            mf.write(
                json.dumps(
                    {
                        "packet": pid,
                        "key": k,
                        "article_id": a.article_id,
                        "published": str(a.published) if a.published else None,
                        "week": iso_week(a.published),
                        "words": a.words,
                        "low_relevance": a.low_relevance,
                    }
                )
                + "\n"
            )
    words = sum(a.words for _, a in chosen)
    print(f"{len(chosen)} packets, {words} words -> {out}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--set", choices=["test", "dev", "train", "weeks", "confirm"], required=True)
    ap.add_argument("--n", type=int, default=10)
    ap.add_argument("--seed", type=int, default=20261201)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    arts = read_all()
    keyed = [(source_key(a), a) for a in arts]
    chosen = []
    if args.set == "weeks":
        for corpus, ws in TRAIN_WEEKS.items():
            for w in ws:
                week = [
                    (k, a)
                    for k, a in keyed
                    if k.startswith(corpus + ":") and iso_week(a.published) == w
                ]
                write_set(args.out / f"{corpus}-{w}", "W", week)
        return 0
    if args.set == "test":
        chosen = [(k, a) for k, a in keyed if held_out_week(k, a.published)]
        kcna = [
            (k, a)
            for k, a in keyed
            if k.startswith("kcna:") and split_of(k, a.published) == "test" and a.words >= 150
        ]
        chosen += rng.sample(kcna, min(args.n, len(kcna)))
    elif args.set == "confirm":
        chosen = [
            (k, a)
            for k, a in keyed
            if iso_week(a.published) in CONFIRM_WEEKS.get(k.split(":", 1)[0], ())
        ]
    elif args.set == "dev":
        chosen = [
            (k, a)
            for k, a in keyed
            if split_of(k, a.published) == "dev"
            and iso_week(a.published)
            and not k.startswith("kcna")
            and iso_week(a.published) in ("2014-W52", "2017-W38", "2018-W17", "2016-W06")
        ]
    else:
        pool = [
            (k, a)
            for k, a in keyed
            if split_of(k, a.published) == "train"
            and not a.low_relevance
            and 150 <= a.words <= 2500
        ]
        rare = [x for x in pool if _RARE.search(x[1].text)]
        half = args.n // 2
        pick = rng.sample(rare, min(half, len(rare)))
        rest = [x for x in pool if x not in pick]
        # spread the rest over corpora: kcna has 1,000 items, the others fewer
        by_corpus: dict[str, list] = {}
        for x in rest:
            by_corpus.setdefault(x[0].split(":")[0], []).append(x)
        quota = {"allsides": 0.5, "kcna": 0.2, "yonhap": 0.1, "reuters": 0.2}
        for c, share in quota.items():
            cands = by_corpus.get(c, [])
            pick += rng.sample(cands, min(len(cands), round(share * (args.n - half))))
        chosen = pick
    prefix = {"test": "T", "dev": "D", "train": "R", "confirm": "C"}[args.set]
    write_set(args.out, prefix, chosen)
    return 0


if __name__ == "__main__":
    sys.exit(main())
