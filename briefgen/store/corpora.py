"""The assembled corpus of a selection of stored files, one row per article with its
publication day indexed, so a brief of one week reads that week's articles (and the
week before's) and not the whole store.

Tables (component "corpora"):

    corpora          one row per selection of files (a hash of their paths, or the
                     whole store): the hash of everything its corpus depends on
                     (`content`) and the corpus's counts and skipped files (`head`)
    corpus_articles  (selection, position) -> the assembled article's record (JSON
                     through briefgen.records) and its publication day, indexed

A selection is written whole in one transaction, replacing what it held.  Every row
carries a CRC; a row that fails it, or a head of other content, counts as missing
(the corpus is assembled again from the stored articles): never served.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Sequence
from datetime import date

from briefgen.store import Component, Store, _damaged

CORPORA = Component(
    name="corpora",
    version=1,
    ddl="""
    CREATE TABLE IF NOT EXISTS corpora (
        selection TEXT PRIMARY KEY,
        content TEXT NOT NULL,
        head TEXT NOT NULL,
        crc INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS corpus_articles (
        selection TEXT NOT NULL,
        pos INTEGER NOT NULL,
        day TEXT,
        record TEXT NOT NULL,
        crc INTEGER NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS corpus_articles_pos ON corpus_articles(selection, pos);
    CREATE INDEX IF NOT EXISTS corpus_articles_day ON corpus_articles(selection, day);
    """,
    tables=("corpora", "corpus_articles"),
)


def _crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def put(
    store: Store, selection: str, content: str, head: str, rows: Sequence[tuple[date | None, str]]
) -> None:
    """Keep a selection's corpus: its head and (day, record) per article, in order."""
    store.ensure(CORPORA)
    with store.transaction() as db:
        db.execute("DELETE FROM corpus_articles WHERE selection = ?", (selection,))
        db.executemany(
            "INSERT INTO corpus_articles(selection, pos, day, record, crc) VALUES (?, ?, ?, ?, ?)",
            [
                (selection, pos, day.isoformat() if day else None, rec, _crc(rec))
                for pos, (day, rec) in enumerate(rows)
            ],
        )
        db.execute(
            "INSERT OR REPLACE INTO corpora(selection, content, head, crc) VALUES (?, ?, ?, ?)",
            (selection, content, head, _crc(content + head)),
        )


def head(store: Store, selection: str, content: str) -> str | None:
    """The kept head of the selection's corpus when it was made from `content`, else None."""
    store.ensure(CORPORA)
    try:
        row = store.db.execute(
            "SELECT content, head, crc FROM corpora WHERE selection = ?", (selection,)
        ).fetchone()
    except sqlite3.DatabaseError as e:
        raise _damaged(store.path, e) from None
    if row is None or row[0] != content or _crc(row[0] + row[1]) != row[2]:
        return None
    return str(row[1])


def records(
    store: Store, selection: str, spans: Sequence[tuple[date, date]] | None = None
) -> list[tuple[int, str]] | None:
    """[(position, record)] of the selection's articles, in order: all, or those
    published inside one of `spans` (first and last day) found by the day index.
    None when a row fails its CRC (the corpus is then assembled again)."""
    store.ensure(CORPORA)
    found: dict[int, tuple[str, int]] = {}
    try:
        if spans is None:
            cur = store.db.execute(
                "SELECT pos, record, crc FROM corpus_articles WHERE selection = ?", (selection,)
            )
            found = {pos: (rec, crc) for pos, rec, crc in cur}
        for lo, hi in spans or ():
            cur = store.db.execute(
                "SELECT pos, record, crc FROM corpus_articles "
                "WHERE selection = ? AND day BETWEEN ? AND ?",
                (selection, lo.isoformat(), hi.isoformat()),
            )
            found.update((pos, (rec, crc)) for pos, rec, crc in cur)
    except sqlite3.DatabaseError as e:
        raise _damaged(store.path, e) from None
    if any(_crc(rec) != crc for rec, crc in found.values()):
        return None
    return [(pos, found[pos][0]) for pos in sorted(found)]
