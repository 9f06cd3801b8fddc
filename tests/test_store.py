"""The article store: ingest stores once, re-reads what changed, rebuilds a damaged store,
serves builds without the original files, never serves results of older code, and the
Dask path stores what the local path stores."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from briefgen.config import Settings
from briefgen.corpus import load_corpus
from briefgen.ingest import corpus_from_store, ingest
from briefgen.periods import resolve_period
from briefgen.pipeline import build
from briefgen.progress import Reporter
from briefgen.store import Component, StoreDamaged, StoreError, open_store
from briefgen.store import articles as st
from tests.conftest import SEEDS

DAY = date(2017, 12, 20)


class Notes(Reporter):
    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.steps: list[str] = []

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def step(self, message: str) -> None:
        self.steps.append(message)


def _settings(tmp: Path, store: Path | None = None) -> Settings:
    s = Settings(cache_dir=tmp / "cache")
    s.brief = replace(s.brief, output_dir=str(tmp / "out"), formats=["html"])
    s.store = replace(s.store, path=str(store) if store else None, workers=1)
    return s


def _seeds_copy(tmp: Path) -> Path:
    dest = tmp / "corpus"
    shutil.copytree(SEEDS, dest)
    return dest


def _brief_json(settings: Settings, paths: list[Path] | None, rep: Reporter | None = None) -> str:
    from tests.regen_golden import brief_json

    result = build(settings, DAY, resolve_period(DAY), reporter=rep or Reporter(), paths=paths)
    return brief_json(result.brief).replace(str(Path(result.paths[0]).parent), "OUT")


def _count(store_file: Path, table: str) -> int:
    db = sqlite3.connect(store_file)
    try:
        return int(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    finally:
        db.close()


def test_ingest_twice_stores_once(tmp_path: Path) -> None:
    corpus = _seeds_copy(tmp_path)
    s = _settings(tmp_path, tmp_path / "data")
    first = ingest(s, [corpus], analyse=False)
    n_files = len(list(corpus.iterdir()))
    assert first.files_new == n_files and first.articles_new >= 5
    db = tmp_path / "data" / "briefgen-store.sqlite"
    counts = {t: _count(db, t) for t in ("files", "articles", "file_articles")}
    second = ingest(s, [corpus], analyse=False)
    assert (second.files_new, second.files_updated, second.files_unchanged) == (0, 0, n_files)
    assert second.articles_new == 0
    assert {t: _count(db, t) for t in counts} == counts
    # the same file under another name is stored, and reported as a duplicate
    one = sorted(corpus.iterdir())[0]
    shutil.copy(one, tmp_path / "copy.txt")
    third = ingest(s, [tmp_path / "copy.txt"], analyse=False)
    assert third.files_new == 1 and third.articles_new == 0 and third.duplicates >= 1


def test_the_store_gives_the_corpus_a_fresh_read_gives(tmp_path: Path) -> None:
    """Duplicates merged, boilerplate dropped, ids given exactly as load_corpus does."""
    corpus = _seeds_copy(tmp_path)
    text = (corpus / sorted(p.name for p in corpus.iterdir() if p.suffix == ".txt")[0]).read_text()
    (corpus / "zz-repost.txt").write_text(text + "\n\nA line the repost added at its end.\n")
    s = _settings(tmp_path)
    fresh = load_corpus([corpus], s.corpus)
    assert fresh.duplicates_merged == 1
    ingest(s, [corpus], analyse=False)
    from briefgen.corpus.load import expand_paths
    from briefgen.ingest import store_path

    files = [str(f) for f in expand_paths([corpus])]
    with open_store(store_path(s)) as store:
        stored = corpus_from_store(store, s, files)
        again = corpus_from_store(store, s, files)  # the kept corpus of this selection
        stricter = replace(s, corpus=replace(s.corpus, relevance_threshold=1.01))
        strict = corpus_from_store(store, stricter, files)
    for got in (stored, again):
        assert [a.to_dict() for a in got.articles] == [a.to_dict() for a in fresh.articles]
        assert got.summary() == fresh.summary()
    # a setting the corpus depends on changed: never the kept corpus
    assert all(a.low_relevance for a in strict.articles)
    assert not all(a.low_relevance for a in stored.articles)


def test_a_changed_file_is_processed_again(tmp_path: Path) -> None:
    corpus = _seeds_copy(tmp_path)
    s = _settings(tmp_path, tmp_path / "data")
    first = ingest(s, [corpus])
    assert first.analysed >= 4
    victim = next(p for p in sorted(corpus.iterdir()) if p.suffix == ".txt")
    victim.write_text(
        victim.read_text(encoding="utf-8")
        + '\n\n"We will not accept this," Foreign Minister Kang Kyung-wha said on Monday.\n',
        encoding="utf-8",
    )
    again = ingest(s, [corpus])
    assert again.files_updated == 1 and again.files_unchanged == first.files_new - 1
    assert again.articles_updated == 1
    assert again.analysed == 1  # only the changed article is parsed and analysed again
    with open_store(tmp_path / "data") as store:
        texts = [
            a.text
            for fa in st.load_files(store, list(st.stored_files(store).values()))
            for a in fa.articles
        ]
    assert any("We will not accept this" in t for t in texts)
    # the old version of the article is gone, not served beside the new one
    assert _count(tmp_path / "data" / "briefgen-store.sqlite", "articles") == len(texts)


def test_a_build_reads_the_store_without_the_original_files(tmp_path: Path) -> None:
    corpus = _seeds_copy(tmp_path)
    direct = _brief_json(_settings(tmp_path / "direct"), [corpus])
    s = _settings(tmp_path, tmp_path / "data")
    ingest(s, [corpus])
    shutil.rmtree(corpus)
    rep = Notes()
    from_store = _brief_json(s, None, rep)
    assert from_store == direct
    assert any("from the store" in m for m in rep.steps), rep.steps


def test_a_damaged_store_is_reported_and_rebuilt(tmp_path: Path) -> None:
    corpus = _seeds_copy(tmp_path)
    s = _settings(tmp_path, tmp_path / "data")
    expected = _brief_json(s, [corpus])
    db = tmp_path / "data" / "briefgen-store.sqlite"
    with sqlite3.connect(db) as con:  # fold the WAL in, so the damage below is the whole story
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = bytearray(db.read_bytes())
    raw[: len(raw) // 2] = b"\x5a" * (len(raw) // 2)  # first half overwritten: header gone
    db.write_bytes(bytes(raw))
    rep = Notes()
    assert _brief_json(s, None, rep) == expected  # rebuilt from the files it knew
    assert len(rep.warnings) == 1
    line = rep.warnings[0]
    assert "\n" not in line and "damaged" in line and str(db) in line
    assert list(db.parent.glob("briefgen-store.sqlite.damaged-*"))


def test_a_damaged_row_is_never_served(tmp_path: Path) -> None:
    corpus = _seeds_copy(tmp_path)
    s = _settings(tmp_path, tmp_path / "data")
    expected = _brief_json(s, [corpus])
    db = tmp_path / "data" / "briefgen-store.sqlite"
    with sqlite3.connect(db) as con:
        # a stored analysis with garbage bytes: it fails its CRC, counts as missing, is redone
        con.execute(
            "UPDATE derived SET data = X'00' WHERE key = (SELECT key FROM derived WHERE kind = 'analysis' LIMIT 1)"
        )
    rep = Notes()
    assert _brief_json(s, None, rep) == expected
    assert not rep.warnings and any("Parsed and analysed 1 articles" in m for m in rep.steps)
    with sqlite3.connect(db) as con:
        # a changed character inside one stored article: its checksum no longer matches
        h, rec = con.execute("SELECT hash, record FROM articles LIMIT 1").fetchone()
        con.execute("UPDATE articles SET record = ? WHERE hash = ?", (rec.replace("a", "o", 1), h))
        # and the kept corpus (which would otherwise serve the articles, rightly, unread)
        con.execute("UPDATE corpus_articles SET crc = crc + 1")
    rep = Notes()
    assert _brief_json(s, None, rep) == expected  # the store is rebuilt from the files
    assert len(rep.warnings) == 1 and "checksum" in rep.warnings[0]


def test_not_a_store_and_newer_stores_are_refused_clearly(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreDamaged, match="not a briefgen store"):
        open_store(other)
    s = tmp_path / "s.sqlite"
    with open_store(s) as store:
        store.ensure(Component("history", 3, "CREATE TABLE IF NOT EXISTS h (x)"))
    with open_store(s) as store, pytest.raises(StoreError, match="newer"):
        store.ensure(Component("history", 2, "CREATE TABLE IF NOT EXISTS h (x)"))


def test_components_migrate_or_reset_their_own_tables(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    v1 = Component("notes", 1, "CREATE TABLE IF NOT EXISTS notes (x)", tables=("notes",))
    keep = Component("kept", 1, "CREATE TABLE IF NOT EXISTS kept (x)")
    with open_store(path) as store:
        store.ensure(v1)
        store.ensure(keep)
        with store.transaction() as db:
            db.execute("INSERT INTO notes VALUES (1)")
            db.execute("INSERT INTO kept VALUES (1)")
    seen: list[int] = []

    def migrate(db: sqlite3.Connection, old: int) -> None:
        seen.append(old)
        db.execute("ALTER TABLE notes ADD COLUMN y")

    v2 = Component("notes", 2, "CREATE TABLE IF NOT EXISTS notes (x, y)", migrate=migrate)
    with open_store(path) as store:
        assert store.ensure(v2) == 1 and seen == [1]
        assert store.db.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 1
    v3 = Component("notes", 3, "CREATE TABLE IF NOT EXISTS notes (z)", tables=("notes",))
    with open_store(path) as store:
        assert store.ensure(v3) == 2
        assert store.db.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 0  # reset
        assert store.db.execute("SELECT COUNT(*) FROM kept").fetchone()[0] == 1  # untouched


def test_results_of_older_analysis_code_are_never_served(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Editing any nlp module gives a new analysis version: every article is redone."""
    from briefgen.store import versions

    corpus = _seeds_copy(tmp_path)
    s = _settings(tmp_path, tmp_path / "data")
    first = ingest(s, [corpus])
    assert ingest(s, [corpus]).analysed == 0
    package = tmp_path / "pkg"
    shutil.copytree(versions.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(versions, "PACKAGE", package)
    versions._analysis_code.cache_clear()
    before = versions.analysis_version()
    quotes = package / "nlp" / "quotes.py"
    quotes.write_text(quotes.read_text(encoding="utf-8") + "\n# a changed rule\n", encoding="utf-8")
    versions._analysis_code.cache_clear()
    try:
        assert versions.analysis_version() != before
        assert ingest(s, [corpus]).analysed == first.analysed
    finally:
        versions._analysis_code.cache_clear()


def test_a_warm_build_reads_no_parse(tmp_path: Path) -> None:
    """Everything per article comes from the store: spaCy is not even imported."""
    import subprocess
    import sys

    corpus = _seeds_copy(tmp_path)
    s = _settings(tmp_path, tmp_path / "data")
    ingest(s, [corpus])
    code = (
        "import sys\n"
        "from dataclasses import replace\n"
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from briefgen.config import Settings\n"
        "from briefgen.periods import resolve_period\n"
        "from briefgen.pipeline import build\n"
        f"s = Settings(cache_dir=Path({str(tmp_path / 'cache')!r}))\n"
        f"s.store = replace(s.store, path={str(tmp_path / 'data')!r}, workers=1)\n"
        f"s.brief = replace(s.brief, output_dir={str(tmp_path / 'out')!r}, formats=['html'])\n"
        "d = date(2017, 12, 20)\n"
        "build(s, d, resolve_period(d))\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    )
    assert out.stdout.strip().splitlines()[-1] == "False", out.stderr


def test_a_big_feed_is_cleaned_in_chunks_on_workers_as_one_file(tmp_path: Path) -> None:
    """A JSONL of many records is spread over two worker processes in chunks; the stored
    articles (parts, order, records without text) equal a serial read."""
    import json

    from briefgen.corpus.load import expand_paths
    from briefgen.ingest import SPLIT_FROM, store_path

    feed = tmp_path / "feed.jsonl"
    rows = []
    for i in range(SPLIT_FROM + 40):
        text = (
            f"SEOUL, Dec. {i % 28 + 1} (Yonhap) -- Item {i}: North Korea's envoy number {i} "
            f"met officials from {['Japan', 'China', 'Russia'][i % 3]} on day {i}, the "
            f"ministry said in statement {i * 7}, adding that talks would go on. "
        ) * 3
        rows.append({"title": f"Story {i}", "text": "" if i % 17 == 5 else text})
    feed.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    s = _settings(tmp_path)
    s.store = replace(s.store, workers=2)
    fresh = load_corpus([feed], s.corpus)
    report = ingest(s, [feed], analyse=False)
    assert report.articles_new > SPLIT_FROM
    with open_store(store_path(s)) as store:
        stored = corpus_from_store(store, s, [str(f) for f in expand_paths([feed])])
    assert [a.to_dict() for a in stored.articles] == [a.to_dict() for a in fresh.articles]
    assert stored.records_without_text == fresh.records_without_text > 0


def test_retrained_stance_weights_give_a_new_brief_version_not_a_new_analysis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stances are read from the weights when a build merges the analyses: new weights
    alone must not serve a kept brief of the old ones, nor redo every article."""
    from briefgen.store import versions

    package = tmp_path / "pkg"
    shutil.copytree(versions.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(versions, "PACKAGE", package)
    for f in (versions._analysis_code, versions.brief_version):
        f.cache_clear()
    try:
        analysis, brief = versions.analysis_version(), versions.brief_version()
        weights = package / "data" / "models" / "stance.npz"
        weights.write_bytes(weights.read_bytes() + b"\0")
        for f in (versions._analysis_code, versions.brief_version):
            f.cache_clear()
        assert versions.brief_version() != brief
        assert versions.analysis_version() == analysis
    finally:
        for f in (versions._analysis_code, versions.brief_version):
            f.cache_clear()


def _dated_feed(tmp: Path) -> Path:
    """Articles over three weeks, one dated only to its month, one undated."""
    import json

    dates = ["2017-10-02", "2017-10-04", "2017-10-09", "2017-10-11", "2017-10-12"]
    dates += ["2017-10-18", "October 2017", ""]
    rows = []
    for i, d in enumerate(dates):
        text = (
            f"SEOUL -- Story {i}: North Korea's envoy met officials from "
            f"{['Japan', 'China', 'Russia'][i % 3]} in round {i} of talks, the ministry said, "
            f"adding that item {i * 13} of the agenda would be taken up next. "
        ) * 4
        rows.append({"title": f"Story {i}", "text": text, "date": d})
    feed = tmp / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return feed


def test_a_period_reads_only_its_articles_from_the_kept_corpus(tmp_path: Path) -> None:
    """With periods, the kept corpus gives exactly the articles a selection over the
    whole corpus gives (the day index; month-dated and undated ones as `holds` says),
    with the whole corpus's counts; a damaged row is never served."""
    from briefgen.corpus.load import expand_paths
    from briefgen.ingest import store_path
    from briefgen.periods import Period
    from briefgen.pipeline import select
    from briefgen.store import store_file

    feed = _dated_feed(tmp_path)
    s = _settings(tmp_path)
    fresh = load_corpus([feed], s.corpus)
    assert any(a.date_precision == "month" for a in fresh.articles)
    ingest(s, [feed], analyse=False)
    files = [str(f) for f in expand_paths([feed])]
    weeks = [
        Period(date(2017, 10, 9), date(2017, 10, 15)),
        Period(date(2017, 10, 2), date(2017, 10, 8)),
    ]
    month = [Period(date(2017, 10, 1), date(2017, 10, 31))]
    with open_store(store_path(s)) as store:
        made = corpus_from_store(store, s, files, weeks)  # assembled now, then kept
        for periods in (weeks, month, weeks[:1]):
            got = corpus_from_store(store, s, files, periods)
            want = [a for a in fresh.articles if any(a in select([a], p) for p in periods)]
            assert [a.to_dict() for a in got.articles] == [a.to_dict() for a in want]
            assert got.summary() == fresh.summary() and got.size == len(fresh.articles)
        assert [a.to_dict() for a in made.articles] == [
            a.to_dict() for a in corpus_from_store(store, s, files, weeks).articles
        ]
        assert len(corpus_from_store(store, s, files, month).articles) == 7  # dated to it too
    with sqlite3.connect(store_file(store_path(s))) as con:
        rec = con.execute("SELECT record FROM corpus_articles WHERE day = '2017-10-11'").fetchone()[
            0
        ]
        con.execute(
            "UPDATE corpus_articles SET record = ? WHERE day = '2017-10-11'",
            (rec.replace("Story", "Storm", 1),),
        )
    with open_store(store_path(s)) as store:
        got = corpus_from_store(store, s, files, weeks[:1])
    assert all("Storm" not in a.to_dict()["text"] for a in got.articles)
    assert [a.title for a in got.articles] == ["Story 2", "Story 3", "Story 4"]


def test_a_weekly_build_reads_its_weeks_and_gives_the_whole_reads_brief(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A brief of a period with a first and a last day reads only that period's and the
    compared period's articles from the store, and is the brief a read of every
    article gives (corrections present: every article is read, as they need)."""
    from briefgen import pipeline
    from briefgen.periods import Period

    corpus = _seeds_copy(tmp_path)
    s = _settings(tmp_path, tmp_path / "data")
    ingest(s, [corpus])
    october = Period(date(2017, 10, 1), date(2017, 10, 31), "October 2017")
    day = date(2017, 10, 31)

    def brief(rep: Reporter) -> tuple[str, int]:
        from tests.regen_golden import brief_json

        result = build(s, day, october, reporter=rep)
        assert result.analysis is not None
        return brief_json(result.brief), len(result.analysis.corpus.articles)

    partial_rep, whole_rep = Notes(), Notes()
    partial, n_read = brief(partial_rep)
    monkeypatch.setattr(pipeline, "_dated", lambda desk, period, before: None)
    with sqlite3.connect(tmp_path / "data" / "briefgen-store.sqlite") as con:
        con.execute("DELETE FROM derived WHERE kind = 'brief'")  # assembled again
    whole, n_all = brief(whole_rep)
    assert partial == whole
    assert n_read == 2 < n_all == 5
    assert partial_rep.steps[0] == whole_rep.steps[0]  # "Read 5 articles from ..."
