"""Which MiniLM batching gives the same bits wherever a text is embedded, and at what CPU.

    .venv/bin/python benchmarks/embed_batching.py [--articles 150] [--work DIR]

Moving the embeddings of a cold build into the worker processes (issue 12, point 3) needs
each text's vector to be a function of the text alone: the cold, +20 and fresh builds then
embed it in different company and must still write the same brief.  This builds the first N
AllSides articles (benchmarks/plus20_cpu.subset) in this process, records every text the
build sends to the model and for whom (statements, keyphrase candidates, documents,
development sentences, titles), then embeds each call's texts

  batch64   as the build does (sorted by length, 64 a batch, padded to the longest)
  single    one text a batch (no padding, so no neighbour can change its bits)
  samelen   texts of one token length together, 64 a batch (no padding)

and prints the CPU seconds of each (torch on one thread) and the share of vectors equal,
bit for bit, to `single` when the same texts are embedded in another order and company.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import traceback
from datetime import date
from pathlib import Path
from typing import Any

os.environ["OMP_NUM_THREADS"] = "1"
os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def record(corpus: Path, work: Path) -> list[tuple[str, list[str]]]:
    """(caller, texts) of each model call of one cold build of `corpus`."""
    from briefgen.config import Settings
    from briefgen.nlp import embeddings
    from briefgen.periods import brief_date, resolve_period
    from briefgen.pipeline import build

    calls: list[tuple[str, list[str]]] = []
    encode = embeddings.Embedder._encode

    def spy(self: embeddings.Embedder, texts: list[str]) -> Any:
        caller = traceback.extract_stack()[-3]
        calls.append((f"{caller.name}:{caller.lineno}", list(texts)))
        return encode(self, texts)

    embeddings.Embedder._encode = spy  # type: ignore[method-assign]
    s = Settings()
    s.store.path = str(work / "store")
    s.brief.output_dir = str(work / "out")
    s.brief.formats = ["html"]
    os.environ["BRIEFGEN_CACHE"] = str(work / "cache")
    period = resolve_period(date.today())
    build(s, brief_date(period, None, date.today()), period, paths=[corpus])
    embeddings.Embedder._encode = encode  # type: ignore[method-assign]
    return calls


def samelen(model: Any, texts: list[str]) -> Any:
    """Texts of one token length batched together: no padding, but varying batch rows."""
    import numpy as np

    by: dict[int, list[int]] = {}
    for i, t in enumerate(texts):
        by.setdefault(len(model.tok.encode(t).ids), []).append(i)
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for rows in by.values():
        out[rows] = model.encode([texts[i] for i in rows])
    return out


def main() -> None:
    import numpy as np
    import torch
    from plus20_cpu import subset

    from briefgen.nlp.embeddings import load_minilm

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--work", type=Path, default=None)
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="embed-batching-"))
    calls = record(subset(args.articles, work / "corpus") / "base", work)
    torch.set_num_threads(1)
    m = load_minilm()
    ways = {
        "batch64": m.encode,
        "single": lambda ts: np.vstack([m.encode([t]) for t in ts]),
        "samelen": lambda ts: samelen(m, ts),
    }
    print(f"{'call':<28}{'texts':>6}" + "".join(f"{w:>18}" for w in ways))
    for who, texts in calls:
        rng = random.Random(len(texts))
        half = rng.sample(texts, max(1, len(texts) // 2))  # other order, other company
        cells = []
        for way in ways.values():
            t = time.process_time()
            full = way(texts)
            cpu = time.process_time() - t
            again = way(half)
            same = (full[[texts.index(x) for x in half]] == again).all(axis=1).mean()
            cells.append(f"{cpu:7.2f} s {same:6.1%}")
        print(f"{who:<28}{len(texts):>6}" + "".join(f"{c:>18}" for c in cells), flush=True)


if __name__ == "__main__":
    main()
