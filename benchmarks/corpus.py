"""Articles per second for the corpus stage on the real 749-article allsides-korea.jsonl.

    .venv/bin/python benchmarks/corpus.py [PATH ...]
    .venv/bin/python benchmarks/corpus.py --scaling   # dedupe time on 1x, 2x, 4x copies

Prints the whole stage (read, split, clean, date, dedupe, relevance) and its parts.
The CPU is shared, so run it twice and read the better figure.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from briefgen.config import CorpusSettings
from briefgen.corpus import load_corpus
from briefgen.corpus.clean import clean_article
from briefgen.corpus.dedupe import duplicate_groups
from briefgen.corpus.paragraphs import normalize_text
from briefgen.corpus.readers import field_names, read_file
from briefgen.corpus.split import split_articles

DEFAULT = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora" / "allsides-korea.jsonl"
)


def bench_folder(path: Path) -> None:
    t0 = time.perf_counter()
    corpus = load_corpus([path], CorpusSettings())
    dt = time.perf_counter() - t0
    n = len(corpus.articles) + corpus.duplicates_merged
    print(f"{path.name}/: {corpus.summary()}")
    print(
        f"  whole stage     {dt:6.2f} s  {n / dt:8.0f} articles/s  (read, clean, date, dedupe, relevance)"
    )


def bench(path: Path) -> None:
    if path.is_dir():
        bench_folder(path)
        return
    t0 = time.perf_counter()
    docs, _ = read_file(path, 10**10, field_names(None))
    t1 = time.perf_counter()
    cleaned = []
    for d in docs:
        for seg in split_articles(normalize_text(d.text), structured=True):
            cleaned.append(clean_article(seg, title=d.title, known_authors=d.byline))
    t2 = time.perf_counter()
    texts = ["\n\n".join(c.paragraphs) for c in cleaned]
    groups = duplicate_groups(texts)
    t3 = time.perf_counter()
    corpus = load_corpus([path], CorpusSettings())
    t4 = time.perf_counter()
    n = len(docs)
    print(f"{path.name}: {n} records, {corpus.summary()}")
    print(f"  read+parse      {t1 - t0:6.2f} s  {n / (t1 - t0):8.0f} records/s")
    print(f"  split+clean     {t2 - t1:6.2f} s  {n / (t2 - t1):8.0f} articles/s")
    print(
        f"  dedupe (LSH)    {t3 - t2:6.2f} s  {n / (t3 - t2):8.0f} articles/s  ({len(groups)} groups)"
    )
    print(
        f"  whole stage     {t4 - t3:6.2f} s  {n / (t4 - t3):8.0f} articles/s  (read, clean, date, dedupe, relevance)"
    )


def scaling(path: Path, factors: tuple[int, ...] = (1, 2, 4)) -> None:
    """Near-duplicate detection must stay about linear: time it on k edited copies."""
    import json

    texts = [
        (json.loads(line).get("content_original") or "") for line in path.open(encoding="utf-8")
    ]
    for k in factors:
        corpus = [
            t.replace(".", ". ", 1 + c) + f" Copy {c} {i}."
            for c in range(k)
            for i, t in enumerate(texts)
        ]
        t0 = time.perf_counter()
        groups = duplicate_groups(corpus)
        dt = time.perf_counter() - t0
        print(
            f"  dedupe x{k}: {len(corpus):6d} texts {dt:6.2f} s  {len(corpus) / dt:8.0f} texts/s  ({len(groups)} groups)"
        )


def main() -> None:
    if sys.argv[1:2] == ["--scaling"]:
        scaling(DEFAULT)
        return
    paths = [Path(p) for p in sys.argv[1:]] or [DEFAULT]
    for p in paths:
        if not p.exists():
            print(f"skip {p}: not found (the shared data lives in ../shared/data/corpora)")
            continue
        bench(p)


if __name__ == "__main__":
    main()
