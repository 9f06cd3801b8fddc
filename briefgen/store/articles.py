"""The article store: what each source file gave, one row per cleaned article, and the
per-article results (parse, analysis, ...) beside them.

Tables (component "articles"):

    files          one row per source file: fingerprint (size, mtime, sha1), the corpus
                   version it was read with, the problems met, its order of ingestion
    file_articles  (file, index) -> article hash: the articles of each file, in order
    articles       one row per cleaned article, keyed by the content hash of its record
                   (JSON through briefgen.records), with its MinHash signature
    lsh            the signature's bands: near-duplicates of a new article are found
                   against the store with a few indexed look-ups
    derived        (key, kind) -> bytes and the version that made them: "parse" (spaCy
                   DocBin) keyed by the text, "analysis" (ArticleAnalysis JSON) keyed by
                   the article id, dateline and text; other kinds may be added (keyphrase
                   candidates).  A row of another version is never returned.
    embeddings     text key -> float32 vector (nlp.embeddings)

The corpus-wide steps (near-duplicate merging, boilerplate, relevance, ids) are not
stored: they are recomputed per build from the stored per-file articles, in
milliseconds, so a build from the store gives exactly the corpus a fresh read would.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from briefgen import records
from briefgen.model import Article
from briefgen.store import Component, Store, StoreDamaged, _damaged

ARTICLES = Component(
    name="articles",
    version=1,
    ddl="""
    CREATE TABLE IF NOT EXISTS files (
        path TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        digest TEXT NOT NULL,
        version TEXT NOT NULL,
        error TEXT,
        problems TEXT NOT NULL DEFAULT '[]',
        empty INTEGER NOT NULL DEFAULT 0,
        ingested TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS files_seq ON files(seq);
    CREATE TABLE IF NOT EXISTS file_articles (
        path TEXT NOT NULL,
        idx INTEGER NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (path, idx)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS file_articles_hash ON file_articles(hash);
    CREATE TABLE IF NOT EXISTS articles (
        hash TEXT PRIMARY KEY,
        text_hash TEXT NOT NULL,
        record TEXT NOT NULL,
        signature BLOB,
        added TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS articles_text ON articles(text_hash);
    CREATE TABLE IF NOT EXISTS lsh (
        band INTEGER NOT NULL,
        bucket BLOB NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (band, bucket, hash)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS derived (
        key TEXT NOT NULL,
        kind TEXT NOT NULL,
        version TEXT NOT NULL,
        data BLOB NOT NULL,
        crc INTEGER NOT NULL,
        PRIMARY KEY (key, kind)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS embeddings (key TEXT PRIMARY KEY, vec BLOB NOT NULL) WITHOUT ROWID;
    """,
    tables=("files", "file_articles", "articles", "lsh", "derived", "embeddings"),
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def record_json(article: Article) -> str:
    """A cleaned article's record as stored (deterministic: fields in declaration order)."""
    return records.dumps(article)


def record_hash(article: Article) -> str:
    """The content hash of a cleaned article's record (text and everything read with it).

    Rows are checked against it when read, so a damaged row is never used."""
    return sha1(record_json(article))


@dataclass
class StoredFile:
    path: str
    seq: int
    size: int
    mtime_ns: int
    digest: str
    version: str
    error: str | None
    problems: list[str]
    empty: int


@dataclass
class FileArticles:
    """One file's stored articles, in order, with their signatures."""

    file: StoredFile
    articles: list[Article]
    hashes: list[str]
    signatures: list[bytes | None]


def _guard(store: Store) -> None:
    store.ensure(ARTICLES)


def stored_files(store: Store, paths: Iterable[str] | None = None) -> dict[str, StoredFile]:
    """{path: fingerprint} of the stored files (all, or those of `paths`), in ingestion order."""
    _guard(store)
    cols = "path, seq, size, mtime_ns, digest, version, error, problems, empty"
    try:
        if paths is None:
            rows = store.db.execute(f"SELECT {cols} FROM files ORDER BY seq").fetchall()
        else:
            wanted = list(paths)
            rows = []
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                rows += store.db.execute(
                    f"SELECT {cols} FROM files WHERE path IN ({','.join('?' * len(chunk))})",
                    chunk,
                ).fetchall()
            rows.sort(key=lambda r: r[1])
        return {
            r[0]: StoredFile(r[0], r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7]), r[8])
            for r in rows
        }
    except (sqlite3.DatabaseError, ValueError) as e:
        raise _damaged(store.path, e) from None


def load_files(store: Store, files: Sequence[StoredFile]) -> list[FileArticles]:
    """The stored articles of `files`, in the files' order."""
    _guard(store)
    out: list[FileArticles] = []
    try:
        for f in files:
            rows = store.db.execute(
                "SELECT a.hash, a.record, a.signature FROM file_articles fa "
                "JOIN articles a ON a.hash = fa.hash WHERE fa.path = ? ORDER BY fa.idx",
                (f.path,),
            ).fetchall()
            for r in rows:
                if sha1(r[1]) != r[0]:
                    raise ValueError(f"article {r[0][:12]} fails its checksum")
            arts = [records.loads(Article, r[1]) for r in rows]
            out.append(FileArticles(f, arts, [r[0] for r in rows], [r[2] for r in rows]))
    except (sqlite3.DatabaseError, ValueError, TypeError, KeyError) as e:
        raise _damaged(store.path, e) from None
    return out


def file_hashes(store: Store, paths: Sequence[str]) -> dict[str, list[str]]:
    """{path: its article hashes in order} for stored files, without reading the articles."""
    _guard(store)
    out: dict[str, list[str]] = {p: [] for p in paths}
    try:
        for i in range(0, len(paths), 500):
            chunk = list(paths[i : i + 500])
            for path, h in store.db.execute(
                "SELECT path, hash FROM file_articles "
                f"WHERE path IN ({','.join('?' * len(chunk))}) ORDER BY path, idx",
                chunk,
            ):
                out[path].append(h)
    except sqlite3.DatabaseError as e:
        raise _damaged(store.path, e) from None
    return out


def known_hashes(store: Store, hashes: Iterable[str]) -> set[str]:
    return _present(store, "SELECT hash FROM articles WHERE hash IN ({})", list(hashes))


def known_texts(store: Store, text_hashes: Iterable[str]) -> set[str]:
    return _present(
        store, "SELECT text_hash FROM articles WHERE text_hash IN ({})", list(text_hashes)
    )


def _present(store: Store, query: str, keys: list[str]) -> set[str]:
    _guard(store)
    found: set[str] = set()
    try:
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            found.update(
                r[0] for r in store.db.execute(query.format(",".join("?" * len(chunk))), chunk)
            )
    except sqlite3.DatabaseError as e:
        raise _damaged(store.path, e) from None
    return found


def near_candidates(store: Store, bands: Sequence[bytes]) -> set[str]:
    """Hashes of stored articles that share a signature band with one being added."""
    _guard(store)
    out: set[str] = set()
    try:
        for b, bucket in enumerate(bands):
            out.update(
                r[0]
                for r in store.db.execute(
                    "SELECT hash FROM lsh WHERE band = ? AND bucket = ?", (b, bucket)
                )
            )
    except sqlite3.DatabaseError as e:
        raise _damaged(store.path, e) from None
    return out


def article_records(store: Store, hashes: Iterable[str]) -> dict[str, Article]:
    _guard(store)
    out: dict[str, Article] = {}
    keys = list(hashes)
    try:
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            for h, rec in store.db.execute(
                f"SELECT hash, record FROM articles WHERE hash IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                if sha1(rec) != h:
                    raise ValueError(f"article {h[:12]} fails its checksum")
                out[h] = records.loads(Article, rec)
    except (sqlite3.DatabaseError, ValueError, TypeError) as e:
        raise _damaged(store.path, e) from None
    return out


def put_file(
    db: sqlite3.Connection,
    f: StoredFile,
    articles: Sequence[Article],
    signatures: Sequence[bytes | None],
    bands: Sequence[Sequence[bytes]],
) -> list[str]:
    """Store one file's fingerprint and articles (inside the caller's transaction),
    replacing what the file gave before; returns the article hashes in order."""
    row = db.execute("SELECT seq FROM files WHERE path = ?", (f.path,)).fetchone()
    if row is not None:
        f.seq = row[0]
    else:
        # indexed (files_seq): a scan of every stored file per new file was quadratic
        nxt = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM files").fetchone()[0]
        f.seq = int(nxt)
    db.execute(
        "INSERT OR REPLACE INTO files(path, seq, size, mtime_ns, digest, version, error, "
        "problems, empty, ingested) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            f.path,
            f.seq,
            f.size,
            f.mtime_ns,
            f.digest,
            f.version,
            f.error,
            json.dumps(f.problems),
            f.empty,
            now(),
        ),
    )
    db.execute("DELETE FROM file_articles WHERE path = ?", (f.path,))
    hashes: list[str] = []
    stamp = now()
    for idx, (a, sig, bs) in enumerate(zip(articles, signatures, bands, strict=True)):
        rec = record_json(a)
        h = sha1(rec)
        hashes.append(h)
        new = db.execute(
            "INSERT OR IGNORE INTO articles(hash, text_hash, record, signature, added) "
            "VALUES (?, ?, ?, ?, ?)",
            (h, sha1(a.text), rec, sig, stamp),
        ).rowcount
        if new:
            db.executemany(
                "INSERT OR IGNORE INTO lsh(band, bucket, hash) VALUES (?, ?, ?)",
                [(b, bucket, h) for b, bucket in enumerate(bs)],
            )
        db.execute(
            "INSERT OR REPLACE INTO file_articles(path, idx, hash) VALUES (?, ?, ?)",
            (f.path, idx, h),
        )
    return hashes


def drop_orphans(db: sqlite3.Connection) -> int:
    """Remove articles no file refers to any more (after a file changed); returns how many."""
    orphans = [
        r[0]
        for r in db.execute(
            "SELECT hash FROM articles WHERE hash NOT IN (SELECT hash FROM file_articles)"
        )
    ]
    for i in range(0, len(orphans), 500):
        chunk = orphans[i : i + 500]
        marks = ",".join("?" * len(chunk))
        db.execute(f"DELETE FROM lsh WHERE hash IN ({marks})", chunk)
        db.execute(f"DELETE FROM articles WHERE hash IN ({marks})", chunk)
    return len(orphans)


# -- derived per-article results -------------------------------------------------------


def get_derived(store: Store, kind: str, keys: Iterable[str], version: str) -> dict[str, bytes]:
    """{key: data} of the stored `kind` results made by `version`; others count as missing."""
    _guard(store)
    out: dict[str, bytes] = {}
    wanted = list(dict.fromkeys(keys))
    try:
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            for k, v, data, crc in store.db.execute(
                "SELECT key, version, data, crc FROM derived "
                f"WHERE kind = ? AND key IN ({','.join('?' * len(chunk))})",
                [kind, *chunk],
            ):
                # a damaged row counts as missing: it is recomputed and written again
                if v == version and zlib.crc32(data) == crc:
                    out[k] = data
    except sqlite3.DatabaseError as e:
        raise _damaged(store.path, e) from None
    return out


def put_derived(store: Store, kind: str, rows: Sequence[tuple[str, bytes]], version: str) -> None:
    """Store `kind` results (replacing those of any other version)."""
    if not rows:
        return
    _guard(store)
    with store.transaction() as db:
        db.executemany(
            "INSERT OR REPLACE INTO derived(key, kind, version, data, crc) VALUES (?, ?, ?, ?, ?)",
            [(k, kind, version, data, zlib.crc32(data)) for k, data in rows],
        )


def present_derived(store: Store, kind: str, keys: Iterable[str], version: str) -> set[str]:
    """The keys that have a `kind` result of `version` (without reading the data)."""
    _guard(store)
    found: set[str] = set()
    wanted = list(dict.fromkeys(keys))
    try:
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            found.update(
                r[0]
                for r in store.db.execute(
                    "SELECT key FROM derived WHERE kind = ? AND version = ? "
                    f"AND key IN ({','.join('?' * len(chunk))})",
                    [kind, version, *chunk],
                )
            )
    except sqlite3.DatabaseError as e:
        raise _damaged(store.path, e) from None
    return found


class EmbeddingTable:
    """The store's text key -> vector table, as nlp.embeddings.Embedder reads and fills it.
    A failure degrades to no stored vectors (slower, never wrong)."""

    def __init__(self, store: Store) -> None:
        self.store: Store | None = store
        try:
            _guard(store)
        except StoreDamaged:
            self.store = None

    def get(self, keys: Sequence[str]) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        if self.store is None:
            return out
        try:
            for i in range(0, len(keys), 500):
                chunk = list(keys[i : i + 500])
                q = f"SELECT key, vec FROM embeddings WHERE key IN ({','.join('?' * len(chunk))})"
                out.update(self.store.db.execute(q, chunk).fetchall())
        except sqlite3.Error:
            return {}
        return out

    def put(self, rows: Sequence[tuple[str, bytes]]) -> None:
        if self.store is None or not rows:
            return
        try:
            with self.store.transaction() as db:
                db.executemany("INSERT OR IGNORE INTO embeddings VALUES (?, ?)", rows)
        except (sqlite3.Error, StoreDamaged):
            self.store = None


def check(store: Store) -> None:
    """SQLite's quick integrity check; StoreDamaged when it finds anything."""
    try:
        row = store.db.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as e:
        raise _damaged(store.path, e) from None
    if not row or row[0] != "ok":
        raise _damaged(store.path, ValueError(str(row[0]) if row else "no answer"))


__all__ = [
    "ARTICLES",
    "EmbeddingTable",
    "FileArticles",
    "StoreDamaged",
    "StoredFile",
    "article_records",
    "check",
    "drop_orphans",
    "get_derived",
    "known_hashes",
    "known_texts",
    "load_files",
    "near_candidates",
    "put_derived",
    "put_file",
    "record_hash",
    "stored_files",
]
