"""The brief history: what each build found, keyed by period, so the next brief can say
what changed since the last one (book/changes.py) and `briefgen history` can list them.

Tables (component "history"):

    briefs   one row per period label ("2017-W50"): its start and end, the as-of date,
             when it was built, and the PeriodRecord (developments, positions per actor
             and issue, actors, key quotes, keyphrases and the sources they cite) as JSON
             through briefgen.records.  A rebuild of the same period replaces its row.

The history cannot be recomputed from the sources (it is what readers were sent), so the
component migrates its rows instead of dropping them when its layout changes.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime

from briefgen import records
from briefgen.model import PeriodRecord
from briefgen.store import Component, Store, _damaged


def _migrate(db: sqlite3.Connection, old_version: int) -> None:
    """Version 1 is the first layout; later versions upgrade rows here, never drop them."""


HISTORY = Component(
    name="history",
    version=1,
    ddl="""
    CREATE TABLE IF NOT EXISTS briefs (
        label TEXT PRIMARY KEY,
        start TEXT,
        end TEXT,
        as_of TEXT,
        built TEXT NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS briefs_end ON briefs(end);
    """,
    tables=("briefs",),
    migrate=_migrate,
)


@dataclass(frozen=True)
class StoredBrief:
    """One line of `briefgen history`."""

    label: str
    start: date | None
    end: date | None
    as_of: date | None
    built: str
    developments: int
    positions: int
    headline: str  # the first development, shortened


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def save(store: Store, record: PeriodRecord) -> PeriodRecord:
    """Keep the record (a rebuild of the same period replaces it); returns it as stored."""
    store.ensure(HISTORY)
    record.built = datetime.now(UTC).isoformat(timespec="seconds")
    with store.transaction() as db:
        db.execute(
            "INSERT OR REPLACE INTO briefs(label, start, end, as_of, built, record) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                record.label,
                _iso(record.start),
                _iso(record.end),
                _iso(record.as_of),
                record.built,
                records.dumps(record),
            ),
        )
    return record


def _record(store: Store, row: tuple[str] | None) -> PeriodRecord | None:
    if row is None:
        return None
    try:
        return records.loads(PeriodRecord, row[0])
    except (ValueError, TypeError, KeyError) as e:
        raise _damaged(store.path, e) from None


def load(store: Store, label: str) -> PeriodRecord | None:
    """The stored brief of one period ("2017-W49"), if any."""
    store.ensure(HISTORY)
    row = store.db.execute("SELECT record FROM briefs WHERE label = ?", (label,)).fetchone()
    return _record(store, row)


def last_before(store: Store, start: date, within_days: int = 35) -> PeriodRecord | None:
    """The latest stored brief that ended before `start` (and not long before)."""
    store.ensure(HISTORY)
    lo = date.fromordinal(start.toordinal() - within_days).isoformat()
    row = store.db.execute(
        "SELECT record FROM briefs WHERE end < ? AND end >= ? ORDER BY end DESC, built DESC",
        (start.isoformat(), lo),
    ).fetchone()
    return _record(store, row)


def stored_briefs(store: Store) -> list[StoredBrief]:
    """Every stored brief, latest period first."""
    store.ensure(HISTORY)
    out = []
    rows = store.db.execute("SELECT record FROM briefs ORDER BY end DESC, label DESC").fetchall()
    for row in rows:
        rec = _record(store, row)
        if rec is None:
            continue
        head = rec.developments[0].text if rec.developments else ""
        out.append(
            StoredBrief(
                label=rec.label,
                start=rec.start,
                end=rec.end,
                as_of=rec.as_of,
                built=rec.built,
                developments=len(rec.developments),
                positions=len(rec.positions),
                headline=head if len(head) <= 100 else head[:99].rstrip() + "…",
            )
        )
    return out
