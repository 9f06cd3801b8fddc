"""The local store: one SQLite file (embedded, nothing to start) that keeps what briefgen
has read and worked out, so a rerun costs only what is new.

    from briefgen.store import open_store, Component

    with open_store(path) as store:          # creates or opens; StoreDamaged if unusable
        store.ensure(MY_TABLES)              # create / migrate your tables, idempotent
        with store.transaction() as db:      # BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error)
            db.execute("INSERT INTO ...")
        rows = store.db.execute("SELECT ...").fetchall()    # plain reads

Adding tables (how a feature such as the brief history gets its own): declare a
`Component` - a name, a version number and the `CREATE TABLE IF NOT EXISTS` statements of
that version - and call `store.ensure(component)` before use.  The store records each
component's version in its `components` table.  When a stored version is older, the
component's `migrate(db, old_version)` runs (inside one transaction); without one, its
`tables` are dropped and created anew, which is right for data that can be recomputed
(the article store rebuilds from its sources) and wrong for data that cannot (give
those a `migrate`).  A stored version newer than the code is refused (StoreError: "use
a newer briefgen"), never guessed at.  Components never touch each other's tables.

Records go in as JSON through briefgen.records (`records.dumps` / `records.loads`),
so a field added to a model record later still reads old rows.

Failure policy: a file that is not a briefgen store, or is damaged (SQLite says
malformed, not a database, ...), raises StoreDamaged with one line saying what and
where; the caller moves it aside with `set_aside()` and rebuilds from the sources
(see briefgen.ingest).  Nothing is ever served from a store that failed its checks.

The article store (files, articles, per-article parses and analyses) is
briefgen.store.articles; it is the first component and an example of the pattern.

Which store a run uses: `briefgen.ingest.store_path(settings)` ([store] path, else one
in the cache folder).  `pipeline.build` runs inside it (`_in_store`: the open store is
passed to the build's steps, so a feature that records each build, such as the brief
history, writes its tables in the same transaction-safe file); outside a build,
`briefgen.ingest.StoreSession(settings, reporter).run(fn)` opens it with the same
set-aside-and-rebuild handling of damage.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from briefgen.errors import BriefgenError

# 'BRGF': marks the SQLite file as a briefgen store, so another database is never used as one.
APPLICATION_ID = 0x42524746
# The layout of the store itself (the components table); components version themselves.
STORE_FORMAT = 1
STORE_NAME = "briefgen-store.sqlite"


class StoreError(BriefgenError):
    """The store cannot be used as asked (newer format, locked, unwritable)."""


class StoreDamaged(StoreError):
    """The file is damaged or is not a briefgen store; set it aside and rebuild."""


@dataclass(frozen=True)
class Component:
    """A set of tables that one feature owns, with the version of their layout."""

    name: str
    version: int
    ddl: str  # CREATE TABLE / INDEX IF NOT EXISTS statements of this version
    tables: tuple[str, ...] = ()  # dropped and recreated on an older version without migrate
    # Upgrades stored rows in place from `old_version`; runs inside one transaction.
    migrate: Callable[[sqlite3.Connection, int], None] | None = field(default=None, compare=False)


def _damaged(path: Path, e: BaseException) -> StoreDamaged:
    reason = str(e).splitlines()[0] if str(e) else type(e).__name__
    return StoreDamaged(
        f"store {path} is damaged or not a briefgen store ({reason}); "
        "it is set aside and rebuilt from the sources"
    )


class Store:
    """An open store: `db` for reads, `transaction()` for writes, `ensure()` for tables."""

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        self.path = path
        self.db = db
        # components already ensured by this connection (ensure is called often)
        self._ready: set[tuple[str, int]] = set()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (taken at once, so two writers queue instead of failing
        half way); committed at the end, rolled back on any error."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise StoreError(
                f"store {self.path} is busy or read-only ({e}); wait for the other briefgen run or check permissions"
            ) from None
        except sqlite3.DatabaseError as e:
            raise _damaged(self.path, e) from None
        try:
            yield self.db
        except BaseException:
            self.db.rollback()
            raise
        else:
            self.db.commit()

    def version_of(self, name: str) -> int | None:
        row = self.db.execute("SELECT version FROM components WHERE name = ?", (name,)).fetchone()
        return int(row[0]) if row else None

    def ensure(self, component: Component) -> int | None:
        """Create or bring `component`'s tables to its version; the old version when
        stored rows were migrated or reset, else None."""
        key = (component.name, component.version)
        if key in self._ready:
            return None
        try:
            old = self.version_of(component.name)
            if old is not None and old > component.version:
                raise StoreError(
                    f"store {self.path} holds {component.name} tables of version {old}, newer "
                    f"than this briefgen's {component.version}; use a newer briefgen or another store"
                )
            with self.transaction() as db:
                if old is not None and old < component.version:
                    if component.migrate is not None:
                        component.migrate(db, old)
                    else:
                        for t in component.tables:
                            db.execute(f'DROP TABLE IF EXISTS "{t}"')
                for stmt in _statements(component.ddl):
                    db.execute(stmt)
                db.execute(
                    "INSERT OR REPLACE INTO components(name, version) VALUES (?, ?)",
                    (component.name, component.version),
                )
        except sqlite3.DatabaseError as e:
            raise _damaged(self.path, e) from None
        self._ready.add(key)
        return old if old is not None and old != component.version else None


def _statements(ddl: str) -> list[str]:
    return [s.strip() for s in ddl.split(";") if s.strip()]


def store_file(path: str | Path) -> Path:
    """The store's file: `path` itself, or STORE_NAME inside it when it is a folder."""
    p = Path(path).expanduser()
    return p / STORE_NAME if p.is_dir() or not p.suffix else p


def open_store(path: str | Path) -> Store:
    """Open (creating when missing) the store at `path` - a file, or a data folder that
    gets STORE_NAME in it.  Raises StoreDamaged for a file that is not a usable store."""
    p = store_file(path)
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(
            f"cannot create the store folder {p.parent} ({e}); set [store] path"
        ) from None
    fresh = not p.exists() or p.stat().st_size == 0
    try:
        db = sqlite3.connect(str(p), timeout=60, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as e:
        raise StoreError(
            f"cannot open the store {p} ({e}); check the path and permissions"
        ) from None
    try:
        db.execute("PRAGMA busy_timeout = 60000")
        app = db.execute("PRAGMA application_id").fetchone()[0]
        if fresh:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute("PRAGMA journal_mode = WAL")
        elif app != APPLICATION_ID:
            db.close()
            raise StoreDamaged(
                f"{p} is not a briefgen store (another SQLite file or damaged); "
                "it is set aside and a new store built from the sources"
            )
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute(
            "CREATE TABLE IF NOT EXISTS components (name TEXT PRIMARY KEY, version INTEGER NOT NULL)"
        )
        fmt = db.execute("PRAGMA user_version").fetchone()[0]
        if fresh or fmt == 0:
            db.execute(f"PRAGMA user_version = {STORE_FORMAT}")
        elif fmt > STORE_FORMAT:
            db.close()
            raise StoreError(
                f"store {p} has format {fmt}, newer than this briefgen's {STORE_FORMAT}; "
                "use a newer briefgen or another store"
            )
    except sqlite3.DatabaseError as e:
        db.close()
        raise _damaged(p, e) from None
    return Store(p, db)


def set_aside(path: str | Path) -> Path:
    """Move a damaged store (and its WAL files) out of the way; returns where it went."""
    p = store_file(path)
    dest = p.with_name(f"{p.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(p) + suffix)
        if src.exists():
            src.replace(Path(str(dest) + suffix))
    return dest
