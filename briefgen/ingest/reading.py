"""Files into the article store: only new or changed files are read, on the runner's
workers; each file's articles are counted as new, updated or duplicate and stored."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

from briefgen.config import Settings
from briefgen.corpus.load import FileResult, clean_docs, read_docs, read_one
from briefgen.corpus.readers import RawDoc, ReadError
from briefgen.ingest.duplicates import count_articles
from briefgen.ingest.report import IngestReport
from briefgen.ingest.runner import Runner
from briefgen.ingest.session import remember
from briefgen.ingest.stored_corpus import knowledge_digest
from briefgen.progress import Reporter
from briefgen.store import Store
from briefgen.store import articles as st
from briefgen.store.versions import corpus_code


class _Todo(NamedTuple):
    """A file to read: new, or changed since it was stored."""

    path: Path
    stat: os.stat_result
    digest: str
    existed: bool


def ingest_files(
    store: Store,
    files: Sequence[Path],
    settings: Settings,
    runner: Runner,
    reporter: Reporter,
) -> IngestReport:
    """Store what each new or changed file gives; unchanged files are not read again."""
    report = IngestReport()
    version = file_version(settings)
    known = st.stored_files(store, [str(f) for f in files])
    todo = _changed_files(store, files, known, version, report)
    if not todo:
        return report
    tasks, plan = _plan_reads([t.path for t in todo], settings, runner)
    results = runner.map(partial(_read_task, settings=settings.corpus), tasks)
    batch = _WriteBatch(store)
    with reporter.bar(total=len(todo), label="reading files") as bar, batch:
        for item, (n_tasks, head) in zip(todo, plan, strict=True):
            res, sigs = _file_result(head, n_tasks, results)
            bar.update(1)
            _count_file(res, item.existed, report)
            old = known[res.path] if item.existed else None
            all_bands = count_articles(store, res, sigs, old, report)
            _store(batch, res, item, version, sigs, all_bands)
    return report


def _changed_files(
    store: Store,
    files: Sequence[Path],
    known: dict[str, st.StoredFile],
    version: str,
    report: IngestReport,
) -> list[_Todo]:
    """The files to read; the unreadable and the unchanged are counted in `report`."""
    todo: list[_Todo] = []
    for f in files:
        try:
            stat = f.stat()
        except OSError as e:
            report.files_skipped += 1
            report.skipped.append((str(f), f"cannot read it ({e.strerror})"))
            report.vanished.append(report.skipped[-1])
            continue
        old = known.get(str(f))
        if (
            old is not None
            and old.version == version
            and (old.size, old.mtime_ns) == (stat.st_size, stat.st_mtime_ns)
        ):
            report.files_unchanged += 1
            continue
        digest = _digest(f)
        if old is not None and old.version == version and old.digest == digest:
            report.files_unchanged += 1  # touched, not changed: remember the new mtime
            with store.transaction() as db:
                db.execute(
                    "UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?",
                    (stat.st_size, stat.st_mtime_ns, str(f)),
                )
            continue
        todo.append(_Todo(f, stat, digest, old is not None))
    return todo


def _file_result(
    head: FileResult | None,
    n_tasks: int,
    results: Iterator[tuple[FileResult, list[bytes | None]]],
) -> tuple[FileResult, list[bytes | None]]:
    """One file's result: refused when read here, else joined from its `n_tasks` tasks."""
    if n_tasks == 0 and head is not None:
        return head, []
    return _joined(head, [next(results) for _ in range(n_tasks)])


def _count_file(res: FileResult, existed: bool, report: IngestReport) -> None:
    if res.error is not None:
        report.files_skipped += 1
        report.skipped.append((res.path, res.error))
    elif existed:
        report.files_updated += 1
    else:
        report.files_new += 1


def _store(
    batch: _WriteBatch,
    res: FileResult,
    item: _Todo,
    version: str,
    sigs: list[bytes | None],
    all_bands: list[list[bytes]],
) -> None:
    stored = st.StoredFile(
        path=res.path,
        seq=0,
        size=item.stat.st_size,
        mtime_ns=item.stat.st_mtime_ns,
        digest=item.digest,
        version=version,
        error=res.error,
        problems=res.problems,
        empty=res.empty,
    )
    db = batch.db()
    st.put_file(db, stored, res.articles, sigs, all_bands)
    if item.existed:
        st.drop_orphans(db)
    else:
        batch.new_files.append(res.path)


def file_version(settings: Settings) -> str:
    """What a stored file's articles depend on besides its bytes: the corpus code and
    the settings that change how a file is read."""

    conf = json.dumps(
        {"field_map": settings.corpus.field_map, "max_file_mb": settings.corpus.max_file_mb},
        sort_keys=True,
    )
    # the user's knowledge files (outlets, ...) can change what cleaning keeps: by content
    knowledge = knowledge_digest(settings)
    return corpus_code() + "-" + hashlib.sha1((conf + knowledge).encode()).hexdigest()[:8]


def _digest(path: Path) -> str:
    h = hashlib.sha1()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# A file of more documents than this (a JSONL feed) is cleaned in chunks on several workers.
SPLIT_FROM = 64
CHUNK_DOCS = 32


def _read_task(
    task: tuple[str, list[RawDoc] | None], settings: Any
) -> tuple[FileResult, list[bytes | None]]:
    """Read and clean one file (or clean a chunk of one file's documents), with each
    article's MinHash signature (runs on a worker)."""
    from briefgen.corpus.dedupe import signature

    path, docs = task
    if docs is None:
        r = read_one(Path(path), settings)
    else:
        arts, empty = clean_docs(docs, Path(path))
        r = FileResult(path, arts, [], empty=empty)
    sigs: list[bytes | None] = []
    for a in r.articles:
        sig = signature(a.text)
        sigs.append(None if sig is None else sig.tobytes())
    return r, sigs


def _plan_reads(
    files: Sequence[Path], settings: Settings, runner: Runner
) -> tuple[list[tuple[str, list[RawDoc] | None]], list[tuple[int, FileResult | None]]]:
    """(tasks, per file: how many tasks it got and, when it was read here, its
    problems).  Feeds (JSON, JSONL) are read here and their documents spread over the
    workers in chunks; other files are read whole on a local worker.  On Dask every
    file is read here and only documents travel."""
    tasks: list[tuple[str, list[RawDoc] | None]] = []
    plan: list[tuple[int, FileResult | None]] = []
    for f in files:
        docs: list[RawDoc] | None = None
        head: FileResult | None = None
        feed = f.suffix.lower() in (".json", ".jsonl", ".ndjson")
        # On Dask every file is read here, so the workers need no access to the files.
        if runner.distributed or (runner.parallel and feed):
            try:
                docs, problems = read_docs(f, settings.corpus)
                head = FileResult(str(f), [], list(problems))
            except ReadError as e:
                plan.append((0, FileResult(str(f), [], [], error=str(e))))
                continue
        if docs is None or len(docs) < SPLIT_FROM:
            tasks.append((str(f), docs))
            plan.append((1, head))
            continue
        chunks = [docs[i : i + CHUNK_DOCS] for i in range(0, len(docs), CHUNK_DOCS)]
        tasks += [(str(f), c) for c in chunks]
        plan.append((len(chunks), head))
    return tasks, plan


def _joined(
    head: FileResult | None, parts: Sequence[tuple[FileResult, list[bytes | None]]]
) -> tuple[FileResult, list[bytes | None]]:
    """One file's result from the results of its chunks, in order."""
    if head is None:
        return parts[0]
    out = FileResult(head.path, [], head.problems, head.error, 0)
    sigs: list[bytes | None] = []
    for r, s in parts:
        out.empty += r.empty
        for a in r.articles:
            a.part = len(out.articles)
            out.articles.append(a)
        sigs += s
    return out, sigs


class _WriteBatch:
    """Files are stored in transactions of FILES_PER_COMMIT files, not one each: a commit
    per file made reading 10,000 small files take most of a minute.  Later files of a
    batch see the earlier ones (same connection), so duplicates are found as before; the
    manifest learns a batch's files once it is committed."""

    FILES_PER_COMMIT = 256

    def __init__(self, store: Store) -> None:
        self.store = store
        self.new_files: list[str] = []
        self._tx: Any = None
        self._count = 0

    def db(self) -> sqlite3.Connection:
        if self._count >= self.FILES_PER_COMMIT:
            self._commit()
        if self._tx is None:
            self._tx = self.store.transaction()
            self._tx.__enter__()
        self._count += 1
        return self.store.db

    def _commit(self, exc: BaseException | None = None) -> None:
        if self._tx is not None:
            tx, self._tx, self._count = self._tx, None, 0
            if exc is None:
                tx.__exit__(None, None, None)
            else:
                tx.__exit__(type(exc), exc, exc.__traceback__)
                return
        remember(self.store.path, self.new_files)
        self.new_files = []

    def __enter__(self) -> _WriteBatch:
        return self

    def __exit__(self, et: Any, exc: BaseException | None, tb: Any) -> None:
        self._commit(exc)
