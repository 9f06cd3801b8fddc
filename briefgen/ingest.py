"""Files into the article store, and stored articles back out as a corpus and analyses.

    ingest(settings, paths)      read and clean new or changed files, store them, then
                                 parse and analyse every article the store lacks
    StoreSession                 the store of the settings, set aside and rebuilt from
                                 the sources when it is damaged or of an old layout
    corpus_from_store(...)       the corpus a fresh read of the same files would give
    analyse_stored(...)          each article's ArticleAnalysis, computed only when missing
    StoredDocs                   the stored parses as a {article_id: Doc} mapping

The work on files and articles is independent per item and runs through a `Runner`:
in this process, on this machine's cores (one worker process per core, the spaCy model
loaded once per process), or on a dask.distributed cluster (`[store] scheduler` or
`--scheduler tcp://host:8786`).  Only this process writes to the store.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from briefgen.config import Settings
from briefgen.corpus import Corpus, SkippedFile
from briefgen.corpus.load import (
    FileResult,
    assemble,
    clean_docs,
    expand_paths,
    read_docs,
    read_one,
)
from briefgen.corpus.readers import RawDoc, ReadError
from briefgen.errors import ConfigError, CorpusError
from briefgen.model import Article, ArticleAnalysis
from briefgen.progress import Reporter
from briefgen.store import Store, StoreDamaged, StoreError, open_store, set_aside, store_file
from briefgen.store import articles as st
from briefgen.store.versions import analysis_version, corpus_code, files_digest, parse_version

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from briefgen.nlp.keyphrases import ArticleTerms
    from briefgen.nlp.worker import Result

log = logging.getLogger(__name__)
T = TypeVar("T")
R = TypeVar("R")

# Articles per task: big enough for spaCy's batching, small enough to spread over workers.
BATCH = 16
# Below this many tasks, starting worker processes costs more than it saves.
PARALLEL_FROM = 4


def cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class Runner:
    """Runs independent tasks in order: here, on local worker processes, or on Dask."""

    def __init__(
        self, workers: int | None = None, scheduler: str | None = None, client: Any = None
    ) -> None:
        self.workers = workers or cores()
        self.scheduler = scheduler
        self._client = client
        self._own_client = False

    @property
    def distributed(self) -> bool:
        """Whether tasks run on a Dask cluster (whose workers may not see local files)."""
        return self._client is not None or bool(self.scheduler)

    @property
    def parallel(self) -> bool:
        """Whether tasks can run on more than one worker."""
        return self._client is not None or bool(self.scheduler) or self.workers > 1

    def where(self, tasks: int) -> str:
        """Where `tasks` tasks run, for the step line."""
        if self._client is not None or self.scheduler:
            return f"on Dask {self.scheduler or 'workers'}"
        if self.workers > 1 and tasks >= PARALLEL_FROM:
            return f"on {self.workers} local processes"
        return "in this process"

    def client(self) -> Any:
        if self._client is None and self.scheduler:
            try:
                from dask.distributed import Client
            except ImportError:
                raise ConfigError(
                    "a Dask scheduler is set but dask.distributed is not installed; "
                    "run `pip install 'dask[distributed]'` or unset [store] scheduler"
                ) from None
            try:
                self._client = Client(self.scheduler, timeout="20s")
            except OSError as e:
                raise ConfigError(
                    f"cannot reach the Dask scheduler {self.scheduler} ({e}); start it "
                    "(`dask scheduler`) or fix --scheduler"
                ) from None
            self._own_client = True
        return self._client

    def map(self, fn: Callable[[T], R], tasks: Sequence[T]) -> Iterator[R]:
        """fn(task) for each task, yielded in order as they finish in order."""
        if not tasks:
            return
        client = self.client()
        if client is not None:
            futures = client.map(fn, list(tasks), pure=False)
            try:
                for fut in futures:
                    yield fut.result()
            finally:
                for fut in futures:
                    fut.release()
            return
        if self.workers <= 1 or len(tasks) < PARALLEL_FROM:
            yield from map(fn, tasks)
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork: each worker starts with what this process already loaded (the spaCy
        # model, when a caller loaded it first), so a model is loaded once per machine.
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
        # tasks go out in chunks: one message per task cost more than reading a small file
        chunk = max(1, min(64, len(tasks) // (8 * self.workers)))
        with ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx) as pool:
            yield from pool.map(fn, tasks, chunksize=chunk)

    def close(self) -> None:
        if self._own_client and self._client is not None:
            self._client.close()
            self._client = None


def runner_for(settings: Settings, scheduler: str | None = None) -> Runner:
    return Runner(settings.store.workers, scheduler or settings.store.scheduler)


# -- the store of the settings, rebuilt when damaged ------------------------------------


def store_path(settings: Settings) -> Path:
    """The configured store, or the cache folder's (a pure cache of the paths built)."""
    if settings.store.path:
        return store_file(settings.store.path)
    return settings.cache_dir / "store.sqlite"


def is_archive(settings: Settings) -> bool:
    """A configured store is an archive: builds brief all of it."""
    return bool(settings.store.path)


def manifest_of(path: Path) -> Path:
    """The plain-text list of the store's source files, kept beside it: what a store
    damaged beyond reading is rebuilt from."""
    return path.with_name(path.name + ".sources")


def _remember(path: Path, new_files: Sequence[str]) -> None:
    if not new_files:
        return
    try:
        with manifest_of(path).open("a", encoding="utf-8") as f:
            f.writelines(p + "\n" for p in new_files)
    except OSError as e:  # the store itself still has them; only a rebuild needs this
        log.debug("cannot write %s: %s", manifest_of(path), e)


def _salvage_paths(path: Path) -> list[str]:
    """The source files a damaged store knew: from its files table when that can still
    be read, else from the manifest beside it."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return [r[0] for r in db.execute("SELECT path FROM files ORDER BY seq")]
        finally:
            db.close()
    except sqlite3.Error:
        pass
    try:
        lines = manifest_of(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return list(dict.fromkeys(line for line in lines if line.strip()))


class StoreSession:
    """Opens the store of the settings; `run(fn)` calls fn(store) and, when the store
    turns out damaged or not a store, reports one line, sets the file aside, opens a
    fresh one and calls fn again (the caller re-ingests the sources it is given,
    including `recovered`, the files the damaged store knew that still exist)."""

    def __init__(self, settings: Settings, reporter: Reporter) -> None:
        self.settings = settings
        self.reporter = reporter
        self.path = store_path(settings)
        self.recovered: list[str] = []

    def run(self, fn: Callable[[Store], T]) -> T:
        try:
            with open_store(self.path) as store:
                return fn(store)
        except StoreDamaged as e:
            self._rebuild(e)
        with open_store(self.path) as store:
            return fn(store)

    def _rebuild(self, e: StoreDamaged) -> None:
        known = _salvage_paths(self.path)
        moved = set_aside(self.path)
        manifest_of(self.path).unlink(missing_ok=True)
        self.recovered = [p for p in known if Path(p).exists()]
        lost = len(known) - len(self.recovered)
        note = f"; {lost} source files it held are gone" if lost else ""
        self.reporter.warn(f"{e.message}: moved to {moved.name}{note}")


# -- reading files into the store ------------------------------------------------------


@dataclass
class IngestReport:
    """What one ingest did, per file and per article."""

    files_new: int = 0
    files_updated: int = 0
    files_unchanged: int = 0
    files_skipped: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    duplicates: int = 0
    analysed: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # files gone or unreadable before they could be stored (not in the store at all)
    vanished: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        files = self.files_new + self.files_updated + self.files_unchanged + self.files_skipped
        s = (
            f"{files} files: {self.files_new} new, {self.files_updated} updated, "
            f"{self.files_unchanged} unchanged"
        )
        if self.files_skipped:
            s += f", {self.files_skipped} skipped"
        s += (
            f"; articles: {self.articles_new} new, {self.duplicates} duplicate, "
            f"{self.articles_updated} updated"
        )
        if self.analysed:
            s += f"; parsed and analysed {self.analysed}"
        return s


def file_version(settings: Settings) -> str:
    """What a stored file's articles depend on besides its bytes: the corpus code and
    the settings that change how a file is read."""

    conf = json.dumps(
        {"field_map": settings.corpus.field_map, "max_file_mb": settings.corpus.max_file_mb},
        sort_keys=True,
    )
    # the user's knowledge files (outlets, ...) can change what cleaning keeps: by content
    knowledge = _knowledge_digest(settings)
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


def ingest_files(
    store: Store,
    files: Sequence[Path],
    settings: Settings,
    runner: Runner,
    reporter: Reporter,
) -> IngestReport:
    """Store what each new or changed file gives; unchanged files are not read again."""
    import numpy as np

    from briefgen.corpus.dedupe import alike, bands, shingles

    report = IngestReport()
    version = file_version(settings)
    known = st.stored_files(store, [str(f) for f in files])
    todo: list[tuple[Path, os.stat_result, str, bool]] = []
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
        todo.append((f, stat, digest, old is not None))
    if not todo:
        return report
    read = partial(_read_task, settings=settings.corpus)
    tasks, plan = _plan_reads([t[0] for t in todo], settings, runner)
    results = runner.map(read, tasks)
    batch = _WriteBatch(store)
    with reporter.bar(total=len(todo), label="reading files") as bar, batch:
        for (_f, stat, digest, existed), (n_tasks, head) in zip(todo, plan, strict=True):
            sigs: list[bytes | None]
            if n_tasks == 0 and head is not None:
                res, sigs = head, []
            else:
                res, sigs = _joined(head, [next(results) for _ in range(n_tasks)])
            bar.update(1)
            if res.error is not None:
                report.files_skipped += 1
                report.skipped.append((res.path, res.error))
            elif existed:
                report.files_updated += 1
            else:
                report.files_new += 1
            hashes = [st.record_hash(a) for a in res.articles]
            # the file's own earlier articles are its old version, not duplicates
            before = st.load_files(store, [known[res.path]]) if existed else []
            own = set(before[0].hashes) if before else set()
            own_texts = {st.sha1(a.text) for a in before[0].articles} if before else set()
            have = st.known_hashes(store, hashes) - own
            have_text = st.known_texts(store, [st.sha1(a.text) for a in res.articles]) - own_texts
            all_bands: list[list[bytes]] = []
            for a, h, sig in zip(res.articles, hashes, sigs, strict=True):
                sig_bands = bands(np.frombuffer(sig, dtype=np.uint64)) if sig else []
                all_bands.append(sig_bands)
                if h in own:
                    continue  # unchanged inside a changed file
                if h in have or st.sha1(a.text) in have_text:
                    report.duplicates += 1
                    continue
                near = st.near_candidates(store, sig_bands) - own if sig_bands else set()
                if near:
                    mine = shingles(a.text)
                    others = st.article_records(store, near)
                    twin = next((o for o in others.values() if alike(mine, shingles(o.text))), None)
                    if twin is not None:
                        report.duplicates += 1
                        report.notes.append(
                            f"{res.path}#{a.part} repeats {twin.source_path}#{twin.part} ({twin.title[:60]})"
                        )
                        continue
                if existed:
                    report.articles_updated += 1
                else:
                    report.articles_new += 1
            stored = st.StoredFile(
                path=res.path,
                seq=0,
                size=stat.st_size,
                mtime_ns=stat.st_mtime_ns,
                digest=digest,
                version=version,
                error=res.error,
                problems=res.problems,
                empty=res.empty,
            )
            db = batch.db()
            st.put_file(db, stored, res.articles, sigs, all_bands)
            if existed:
                st.drop_orphans(db)
            if not existed:
                batch.new_files.append(res.path)
    return report


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
        _remember(self.store.path, self.new_files)
        self.new_files = []

    def __enter__(self) -> _WriteBatch:
        return self

    def __exit__(self, et: Any, exc: BaseException | None, tb: Any) -> None:
        self._commit(exc)


def corpus_from_store(store: Store, settings: Settings, files: Sequence[str] | None) -> Corpus:
    """The corpus of the stored `files` (in that order), or of the whole store (in the
    order files were first ingested): exactly what reading them afresh gives.

    The result is kept per selection of files, under a hash of everything it depends
    on (the articles' hashes, the files' problems, the corpus code and settings), so an
    unchanged store gives its corpus back without redoing the corpus-wide steps; when
    it changed, each article's relevance score is still reused (kept by its inputs)."""
    import numpy as np

    stored = st.stored_files(store, files)
    order = list(files) if files is not None else list(stored)
    missing = [p for p in order if p not in stored]
    if missing:
        raise StoreError(f"{missing[0]} is not in the store {store.path}; ingest it first")
    hashes = st.file_hashes(store, order)
    fingerprint = json.dumps(
        [
            corpus_code(),
            _knowledge_digest(settings),
            settings.corpus.relevance_threshold,
            [(p, stored[p].error, stored[p].problems, stored[p].empty, hashes[p]) for p in order],
        ]
    )
    selection = "corpus:" + st.sha1(json.dumps(order if files is not None else None))
    content = st.sha1(fingerprint)
    snap = st.get_derived(store, "corpus", [selection], content).get(selection)
    if snap is not None:
        try:
            return _corpus_from_json(snap)
        except (ValueError, TypeError, KeyError):  # unreadable: assembled again
            pass
    loaded = st.load_files(store, [stored[p] for p in order])
    results: list[FileResult] = []
    sigs: list[Any] = []
    for fa in loaded:
        f = fa.file
        results.append(FileResult(f.path, fa.articles, f.problems, f.error, f.empty))
        sigs += [None if s is None else np.frombuffer(s, dtype=np.uint64) for s in fa.signatures]
    scores = _RelevanceCache(store, _knowledge_digest(settings))
    corpus = assemble(results, settings.corpus, sigs, relevance_of=scores)
    scores.save()
    st.put_derived(store, "corpus", [(selection, _corpus_to_json(corpus))], content)
    return corpus


def _knowledge_digest(settings: Settings) -> str:
    from briefgen.nlp.actors import KnowledgeFiles

    return files_digest(KnowledgeFiles.of(settings.corpus).all())


def _corpus_to_json(corpus: Corpus) -> bytes:
    from briefgen import records

    return records.dumps(
        {
            "articles": corpus.articles,
            "files_read": corpus.files_read,
            "skipped": [[s.path, s.reason] for s in corpus.skipped],
            "duplicates_merged": corpus.duplicates_merged,
            "records_without_text": corpus.records_without_text,
        }
    ).encode("utf-8")


def _corpus_from_json(data: bytes) -> Corpus:
    from briefgen import records

    raw = json.loads(data.decode("utf-8"))
    return Corpus(
        articles=records.from_jsonable(list[Article], raw["articles"]),
        files_read=raw["files_read"],
        skipped=[SkippedFile(p, why) for p, why in raw["skipped"]],
        duplicates_merged=raw["duplicates_merged"],
        records_without_text=raw["records_without_text"],
    )


class _RelevanceCache:
    """Relevance scores kept by what they are computed from (title, lead, text, outlet)."""

    def __init__(self, store: Store, knowledge: str) -> None:
        self.store = store
        self.version = f"r-{corpus_code()}-{knowledge}"
        self.new: list[tuple[str, bytes]] = []

    def __call__(
        self, articles: Sequence[Article], score: Callable[[Article], float]
    ) -> list[float]:
        keys = [
            st.sha1("\0".join([a.title, str(a.meta.get("dateline", "")), a.outlet or "", a.text]))
            for a in articles
        ]
        found = st.get_derived(self.store, "relevance", keys, self.version)
        out: list[float] = []
        for a, k in zip(articles, keys, strict=True):
            if k in found:
                out.append(float(found[k].decode()))
            else:
                out.append(score(a))
                self.new.append((k, repr(out[-1]).encode()))
        return out

    def save(self) -> None:
        st.put_derived(self.store, "relevance", self.new, self.version)
        self.new = []


# -- per-article parses and analyses ---------------------------------------------------


def analyse_stored(
    store: Store,
    articles: Sequence[Article],
    settings: Settings,
    runner: Runner,
    reporter: Reporter,
    decode: bool = True,
) -> tuple[list[ArticleAnalysis], int]:
    """Each article's analysis, in order (articles whose analysis failed left out; none
    when not `decode`), and how many were computed (`runner.where(tasks(n))` says
    where): only articles without a current parse and analysis are
    parsed and analysed (on the runner's workers), and those results are stored."""
    from briefgen.nlp.actors import KnowledgeFiles
    from briefgen.nlp.worker import analysis_key, load_analysis, parse_key, process

    knowledge = KnowledgeFiles.of(settings.corpus)
    aver = analysis_version(knowledge.all())
    pver = parse_version()
    akeys = [analysis_key(a) for a in articles]
    pkeys = [parse_key(a) for a in articles]
    found = (
        st.get_derived(store, "analysis", akeys, aver)
        if decode
        else dict.fromkeys(st.present_derived(store, "analysis", akeys, aver), b"")
    )
    parsed = st.present_derived(store, "parse", pkeys, pver)
    todo = [
        a
        for a, ak, pk in zip(articles, akeys, pkeys, strict=True)
        if ak not in found or pk not in parsed
    ]
    if todo:
        if runner.client() is None and runner.workers > 1:
            from briefgen.nlp.parse import load_spacy

            load_spacy()  # loaded here once; forked workers share it
        batches = [todo[i : i + BATCH] for i in range(0, len(todo), BATCH)]
        work = partial(process, knowledge=knowledge)
        with reporter.bar(total=len(todo), label="parsing and analysing") as bar:
            for batch, results in zip(batches, runner.map(work, batches), strict=True):
                _put_results(store, batch, results, aver, pver, found)
                bar.update(len(batch))
    out: list[ArticleAnalysis] = []
    for a, ak in zip(articles, akeys if decode else [], strict=False):
        data = found.get(ak)
        if data:  # empty: the analysis failed (logged when it ran)
            an = load_analysis(data)
            if an.article_id == a.article_id:
                out.append(an)
    return out, len(todo)


def tasks(articles: int) -> int:
    """How many tasks `articles` articles make."""
    return -(-articles // BATCH)


def _put_results(
    store: Store,
    batch: Sequence[Article],
    results: Sequence[Result],
    aver: str,
    pver: str,
    found: dict[str, bytes],
) -> None:
    from briefgen.nlp.keyphrases import Params
    from briefgen.nlp.worker import analysis_key, parse_key, terms_key

    parses: list[tuple[str, bytes]] = []
    analyses: list[tuple[str, bytes]] = []
    terms: list[tuple[str, bytes]] = []
    for a, r in zip(batch, results, strict=True):
        parses.append((parse_key(a), r.parse))
        ak = analysis_key(a)
        data = r.analysis or b""
        analyses.append((ak, data))
        found[ak] = data
        if r.terms:
            terms.append((terms_key(a, Params.max_words), r.terms))
    st.put_derived(store, "parse", parses, pver)
    st.put_derived(store, "analysis", analyses, aver)
    st.put_derived(store, "terms", terms, aver)


class StoredDocs(Mapping[str, "Doc"]):
    """{article_id: Doc} read from the stored parses, decoded on use (a few kept)."""

    KEEP = 256

    def __init__(self, store: Store, articles: Sequence[Article]) -> None:
        from briefgen.nlp.worker import parse_key

        self._store = store
        self._keys = {a.article_id: parse_key(a) for a in articles}
        self._bytes: dict[str, bytes] | None = None  # read on first use: warm builds need none
        self._texts = {a.article_id: a.text for a in articles}
        self._docs: OrderedDict[str, Doc] = OrderedDict()

    def __getitem__(self, aid: str) -> Doc:
        doc = self._docs.get(aid)
        if doc is not None:
            self._docs.move_to_end(aid)
            return doc
        from briefgen.nlp.parse import load_spacy
        from briefgen.nlp.worker import doc_from_bytes

        if self._bytes is None:
            data = st.get_derived(self._store, "parse", self._keys.values(), parse_version())
            self._bytes = {aid: data[k] for aid, k in self._keys.items() if k in data}
        nlp = load_spacy()
        raw = self._bytes.get(aid)
        if raw is not None:
            doc = doc_from_bytes(raw, nlp.vocab)
        elif aid in self._texts:
            doc = nlp(self._texts[aid])
        else:
            raise KeyError(aid)
        self._docs[aid] = doc
        if len(self._docs) > self.KEEP:
            self._docs.popitem(last=False)
        return doc

    def __contains__(self, aid: object) -> bool:
        return aid in self._texts  # without decoding (Mapping's would)

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)


def relevant(articles: Sequence[Article], settings: Settings) -> list[Article]:
    """The articles that go into country sections: the one low-relevance filter."""
    keep_low = settings.corpus.include_low_relevance
    return [a for a in articles if keep_low or not a.low_relevance]


class StoredTerms:
    """Keyphrase terms (candidates and sentences) per article from the store; those
    missing are computed from the stored parse and stored (keyphrases.TermsSource)."""

    def __init__(self, store: Store, docs: Mapping[str, Doc], settings: Settings) -> None:
        from briefgen.nlp.actors import KnowledgeFiles

        self.store = store
        self.docs = docs
        self.version = analysis_version(KnowledgeFiles.of(settings.corpus).all())

    def __call__(self, articles: Sequence[Article], max_words: int) -> dict[str, ArticleTerms]:
        from briefgen.nlp.keyphrases import ArticleTerms, article_terms
        from briefgen.nlp.worker import terms_key

        keys = {a.article_id: terms_key(a, max_words) for a in articles}
        titles = {a.article_id: a.title for a in articles}
        found = st.get_derived(self.store, "terms", keys.values(), self.version)
        out: dict[str, ArticleTerms] = {}
        new: list[tuple[str, bytes]] = []
        for aid, key in keys.items():
            data = found.get(key)
            if data is not None:
                try:
                    out[aid] = ArticleTerms.from_bytes(data)
                    continue
                except (ValueError, TypeError):  # unreadable: computed again
                    pass
            out[aid] = article_terms(self.docs[aid], max_words, titles[aid])
            new.append((key, out[aid].to_bytes()))
        st.put_derived(self.store, "terms", new, self.version)
        return out


# -- the whole ingest ------------------------------------------------------------------


def selection(
    store: Store, settings: Settings, paths: Sequence[str | Path] | None, session: StoreSession
) -> tuple[list[Path], list[str] | None]:
    """(files to ingest, files the corpus is made of: None for the whole store)."""
    given = [*(paths or ()), *session.recovered]
    if is_archive(settings):
        files = expand_paths([Path(p).expanduser().resolve() for p in given]) if given else []
        return files, None
    if not given:
        given = list(settings.corpus.paths)
    files = expand_paths(given)
    return files, [str(f) for f in files]


def read_corpus(
    store: Store,
    settings: Settings,
    paths: Sequence[str | Path] | None,
    session: StoreSession,
    runner: Runner,
    reporter: Reporter,
) -> tuple[Corpus, IngestReport]:
    """Ingest the paths (only new or changed files are read), then the corpus."""
    files, chosen = selection(store, settings, paths, session)
    report = ingest_files(store, files, settings, runner, reporter)
    vanished = {p for p, _ in report.vanished}
    if chosen is not None and vanished:
        chosen = [p for p in chosen if p not in vanished]
    corpus = corpus_from_store(store, settings, chosen)
    corpus.skipped += [SkippedFile(p, why) for p, why in report.vanished]
    if not corpus.articles and chosen is None:
        raise CorpusError(
            f"the store {store.path} holds no articles; run `briefgen ingest PATH` or give paths"
        )
    return corpus, report


def ingest(
    settings: Settings,
    paths: Sequence[str | Path],
    reporter: Reporter | None = None,
    scheduler: str | None = None,
    client: Any = None,
    analyse: bool = True,
) -> IngestReport:
    """`briefgen ingest`: store new and changed files, then parse and analyse every
    article of the store's corpus that has no current result."""
    rep = reporter or Reporter()
    session = StoreSession(settings, rep)
    runner = Runner(settings.store.workers, scheduler or settings.store.scheduler, client)

    def work(store: Store) -> IngestReport:
        corpus, report = read_corpus(store, settings, paths, session, runner, rep)
        for path, reason in report.skipped:
            rep.warn(f"skipped {path}: {reason}")
        if analyse:
            _, report.analysed = analyse_stored(
                store, relevant(corpus.articles, settings), settings, runner, rep, decode=False
            )
        return report

    try:
        return session.run(work)
    finally:
        runner.close()
