"""A weekly brief from a large store, the store made cheaply: the rows of a warm store
cloned under new keys and dates, not read and parsed again.

    .venv/bin/python benchmarks/bigstore.py STORE WORK [--copies 13] [--week 2017-W32]

STORE: a warm store (after `briefgen build` or `ingest` of the AllSides corpus, e.g.
benchmarks/scale.py --keep DIR's store-x1).  Into WORK it copies the store and adds
`--copies` clones of every stored file: each article's record with its publication
date moved back by 400 weeks per copy (the same weekday; the AllSides span is under
400 weeks, so no clone lands in an original week, and near-duplicate merging keeps
clones apart: their dates are years apart), under a new file path and content hash.
Signatures, LSH bands and each clone's analysis (its article id put in) are copied,
so the store is warm: `briefgen ingest` would parse nothing.  The parses, keyphrase
terms and embeddings are keyed by text and shared, so the file is smaller than a real
store of as many articles; the corpus tables (articles, files, analyses) are full size.

Then, in a fresh copy of the large store warmed by `briefgen articles` (which keeps
the corpus as this code keeps it, as `briefgen ingest` does), it times `briefgen build --week W` (the week's first
brief there: nothing kept of it yet), wall and CPU, with the machine's load.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

STEP = timedelta(weeks=400)
STORE = "briefgen-store.sqlite"


def _shift(record: str, path: str, copy: int) -> str:
    rec = json.loads(record)
    rec["source_path"] = path
    if rec.get("published"):
        rec["published"] = (date.fromisoformat(rec["published"]) - copy * STEP).isoformat()
    return json.dumps(rec, ensure_ascii=False)


def clone_rows(db: sqlite3.Connection, copies: int) -> dict[tuple[str, int], tuple[str, int]]:
    """Add `copies` clones of every stored file; {(clone path, part): (path, part)}."""
    from briefgen import records
    from briefgen.model import Article
    from briefgen.store.articles import record_json, sha1

    files = db.execute("SELECT * FROM files ORDER BY seq").fetchall()
    cols = [d[0] for d in db.execute("SELECT * FROM files LIMIT 0").description]
    seq = db.execute("SELECT MAX(seq) FROM files").fetchone()[0]
    origin: dict[tuple[str, int], tuple[str, int]] = {}
    db.execute("BEGIN")
    for c in range(1, copies + 1):
        for row in files:
            f = dict(zip(cols, row, strict=True))
            path = f"{f['path']}#clone-{c}"
            seq += 1
            db.execute(
                f"INSERT INTO files({','.join(cols)}) VALUES ({','.join('?' * len(cols))})",
                [path if k == "path" else seq if k == "seq" else f[k] for k in cols],
            )
            rows = db.execute(
                "SELECT fa.idx, a.record, a.text_hash, a.signature, a.added, a.hash "
                "FROM file_articles fa JOIN articles a ON a.hash = fa.hash "
                "WHERE fa.path = ? ORDER BY fa.idx",
                (f["path"],),
            ).fetchall()
            for idx, record, text_hash, sig, added, old in rows:
                art = records.loads(Article, _shift(record, path, c))
                rec = record_json(art)
                h = sha1(rec)
                origin[(path, art.part)] = (f["path"], art.part)
                db.execute(
                    "INSERT OR IGNORE INTO articles(hash, text_hash, record, signature, added) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (h, text_hash, rec, sig, added),
                )
                db.execute(
                    "INSERT OR IGNORE INTO lsh(band, bucket, hash) "
                    "SELECT band, bucket, ? FROM lsh WHERE hash = ?",
                    (h, old),
                )
                db.execute(
                    "INSERT INTO file_articles(path, idx, hash) VALUES (?, ?, ?)", (path, idx, h)
                )
    db.execute("COMMIT")
    return origin


def clone_analyses(store_dir: Path, origin: dict[tuple[str, int], tuple[str, int]]) -> int:
    """Each clone's analysis: its original's with the clone's article id (the ids are
    given when the corpus is assembled, which this also does and keeps)."""
    from briefgen.config import load_settings
    from briefgen.ingest import corpus_from_store
    from briefgen.nlp.actors import KnowledgeFiles
    from briefgen.nlp.worker import analysis_key
    from briefgen.store import articles as st
    from briefgen.store import open_store
    from briefgen.store.versions import analysis_version

    settings = load_settings()
    aver = analysis_version(KnowledgeFiles.of(settings.corpus).all())
    with open_store(store_dir) as store:
        corpus = corpus_from_store(store, settings, None)
        by_place = {(a.source_path, a.part): a for a in corpus.articles}
        pairs = [
            (a, by_place[origin[(a.source_path, a.part)]])
            for a in corpus.articles
            if (a.source_path, a.part) in origin and origin[(a.source_path, a.part)] in by_place
        ]
        found = st.get_derived(store, "analysis", [analysis_key(o) for _, o in pairs], aver)
        rows = []
        for a, o in pairs:
            data = found.get(analysis_key(o))
            if data is not None:
                new = data.replace(f'"{o.article_id}"'.encode(), f'"{a.article_id}"'.encode())
                rows.append((analysis_key(a), new))
        st.put_derived(store, "analysis", rows, aver)
    return len(rows)


def make(source: Path, work: Path, copies: int) -> Path:
    """The large store in WORK/big (made once; reused when there)."""
    big = work / "big"
    if (big / STORE).exists():
        return big
    big.mkdir(parents=True, exist_ok=True)
    src = source / STORE if source.is_dir() else source
    tmp = big / (STORE + ".part")
    with sqlite3.connect(src) as s, sqlite3.connect(tmp) as d:
        s.backup(d)  # a consistent copy, WAL included
    db = sqlite3.connect(tmp, isolation_level=None)
    origin = clone_rows(db, copies)
    db.close()
    tmp.rename(big / STORE)
    n = clone_analyses(big, origin)
    print(f"cloned {len(origin)} articles ({copies} copies), {n} analyses, into {big}")
    return big


def weekly(big: Path, work: Path, week: str, html_only: bool = False) -> dict[str, Any]:
    """`briefgen build --week` from a fresh copy of the large store: wall and CPU."""
    from scale import run_step

    run = work / "run"
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir(parents=True)
    with sqlite3.connect(big / STORE) as s, sqlite3.connect(run / STORE) as d:
        s.backup(d)
    env = dict(os.environ)
    env.update(
        {
            "BRIEFGEN_CACHE": str(work / "cache"),
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "PYTHONPATH": str(ROOT),
        }
    )
    # warm for this code (its kept corpus), as `briefgen ingest` leaves a store
    warm = run_step(["articles", "--store", str(run), "--week", "2000-W01"], env)
    print(f"warm-up (the corpus kept): {warm['secs']:.1f} s, {warm['cpu']:.1f} s CPU")
    fmt = ["--format", "html"] if html_only else []
    return run_step(
        ["build", "--store", str(run), "-o", str(work / "out"), "--week", week, *fmt], env
    )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("store", type=Path, help="a warm store (file or data folder)")
    ap.add_argument("work", type=Path, help="work folder (the large store is kept there)")
    ap.add_argument("--copies", type=int, default=13)
    ap.add_argument("--week", default="2017-W32")
    ap.add_argument("--html-only", action="store_true", help="no PDF")
    args = ap.parse_args()
    big = make(args.store, args.work, args.copies)
    load = os.getloadavg()
    res = weekly(big, args.work, args.week, args.html_only)
    print(
        f"weekly brief {args.week} ({'HTML' if args.html_only else 'PDF and HTML'}) from the large store: {res['secs']:.1f} s wall, "
        f"{res['cpu']:.1f} s CPU (load {load[0]:.2f} -> {os.getloadavg()[0]:.2f})"
    )
    last = 0.0
    for t, msg in res["lines"]:
        print(f"  {t - last:6.2f} s  {msg[:100]}")
        last = t


if __name__ == "__main__":
    main()
