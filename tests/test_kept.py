"""Results kept in the store (briefgen.store.kept): each article's sentence facts
(briefgen.keptfacts), the assembled brief and its PDF (briefgen.keptbrief).  A build from
a warm store equals a fresh one; nothing is made again when nothing changed; a changed
article, another as-of day, a row of older code, a damaged row or a closed store makes it
again."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest

from briefgen.book.assemble import BookBuilder, BookInput
from briefgen.book.reports import DEFAULT_WEIGHTS, find_reports, report_facts, with_reports
from briefgen.book.sentfacts import article_facts, facts_key
from briefgen.config import Settings
from briefgen.keptbrief import KIND, KeptBrief, KeptPdf
from briefgen.keptfacts import KIND as FACTS
from briefgen.keptfacts import KeptFacts
from briefgen.model import Article, Brief, PeriodRecord
from briefgen.nlp.attribution import Attribution
from briefgen.periods import resolve_period
from briefgen.pipeline import build
from briefgen.progress import Reporter
from briefgen.store import Store, open_store
from briefgen.store import articles as st
from briefgen.store.kept import Kept
from briefgen.store.versions import brief_version, facts_version, fonts_digest, pdf_version
from tests.test_store import DAY, _brief_json, _seeds_copy, _settings

# -- the store fixtures ----------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An empty store of its own."""
    s = open_store(tmp_path / "data")
    yield s
    s.close()


@dataclass
class Stores:
    """The seeds corpus (a copy the test may change) and two stores to build it in:
    `fresh` builds once, `warm` builds again over what it kept."""

    corpus: Path
    fresh: Settings
    warm: Settings
    warm_file: Path

    def rows(self, kind: str) -> int:
        db = sqlite3.connect(self.warm_file)
        try:
            return int(
                db.execute("SELECT COUNT(*) FROM derived WHERE kind = ?", (kind,)).fetchone()[0]
            )
        finally:
            db.close()


@pytest.fixture
def stores(tmp_path: Path) -> Stores:
    return Stores(
        _seeds_copy(tmp_path),
        _settings(tmp_path / "a", tmp_path / "a" / "data"),
        _settings(tmp_path / "b", tmp_path / "b" / "data"),
        tmp_path / "b" / "data" / "briefgen-store.sqlite",
    )


# -- the helper ------------------------------------------------------------------------------


def test_kept_rows_are_made_once_and_anything_else_is_made_again(store: Store) -> None:
    made: list[str] = []

    def make(x: str) -> str:
        made.append(x)
        return x.upper()

    def kept(version: str = "v1") -> Kept:
        return Kept(store, "t", version)

    def each(k: Kept, items: list[str]) -> list[str]:
        return k.each(items, lambda x: f"k-{x}", make, str.encode, lambda b, x: b.decode())

    assert each(kept(), ["a", "b"]) == ["A", "B"] and made == ["a", "b"]
    k = kept()
    assert each(k, ["a", "b", "c"]) == ["A", "B", "C"] and made == ["a", "b", "c"]
    assert k.made == 1
    assert each(kept("v2"), ["a"]) == ["A"] and made[-1] == "a"  # other code: made again
    store.db.execute("UPDATE derived SET data = ? WHERE key = 'k-b'", (b"\x78\x01bad",))
    assert each(kept(), ["b"]) == ["B"] and made[-1] == "b"  # a bad crc counts as missing
    # one slot, replaced by each new check
    one = kept()
    assert one.one("slot", "c1", lambda: "x", str.encode, bytes.decode) == "x" and not one.hit
    assert one.one("slot", "c1", lambda: "y", str.encode, bytes.decode) == "x" and one.hit
    assert one.one("slot", "c2", lambda: "y", str.encode, bytes.decode) == "y" and not one.hit
    assert one.one("slot", "c1", lambda: "z", str.encode, bytes.decode) == "z"
    # a row that cannot be decoded
    assert one.one("slot", "c1", lambda: "w", str.encode, json.loads) == "w" and not one.hit
    store.close()
    assert each(kept(), ["a"]) == ["A"]  # a closed store only costs the work


# -- sentence facts --------------------------------------------------------------------------

TEXT = (
    "SEOUL -- North Korea fired a ballistic missile into the sea on Tuesday, the South "
    "Korean military said.\n\nThe launch came a day after the United States and South "
    "Korea ended joint exercises near the border with China.\n\nHe said it was bad."
)


def _article(text: str = TEXT, aid: str = "a1") -> Article:
    return Article(aid, "North Korea fires missile", text, "x.txt", published=date(2017, 11, 28))


def _refuse_facts(a: Article) -> None:
    raise AssertionError(f"facts of {a.article_id} computed, not read from the store")


def test_stored_facts_equal_computed_and_are_read_back(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    arts = [_article(), _article(TEXT.replace("Tuesday", "Monday"), "a2")]
    first = KeptFacts(store)(arts)
    assert [f.dumps() for f in first] == [with_reports(article_facts(a), a).dumps() for a in arts]
    lead = first[0].sentences[0]
    assert lead.usable and lead.news == 1.0
    # what the lead tells as a report of news is kept with it, as computed
    assert lead.report == report_facts(lead.sent.text, arts[0])
    assert lead.report is not None and lead.report.tag is not None and lead.report.dates
    monkeypatch.setattr("briefgen.keptfacts.article_facts", _refuse_facts)
    again = KeptFacts(store)(arts)
    assert [f.dumps() for f in again] == [f.dumps() for f in first]
    assert again[1].sentences[0].sent.article_id == "a2"
    assert again[0].sentences[0].report == lead.report


def test_a_changed_article_an_old_row_and_a_damaged_row_are_computed_again(
    store: Store,
) -> None:
    a = _article()
    changed = replace(a, text=TEXT.replace("ballistic missile", "cruise missile"))
    assert facts_key(changed) != facts_key(a)
    assert facts_key(replace(a, published=date(2017, 10, 1))) != facts_key(a)
    KeptFacts(store)([a])
    got = KeptFacts(store)([changed])[0]
    assert got.dumps() == with_reports(article_facts(changed), changed).dumps()
    assert "cruis" in got.tokens  # stemmed
    # a row of another version of the code counts as missing
    st.put_derived(store, FACTS, [(facts_key(a), b"old")], "f-older")
    assert KeptFacts(store)([a])[0].dumps() == with_reports(article_facts(a), a).dumps()
    # a row whose bytes are not facts is computed again (and written anew)
    st.put_derived(store, FACTS, [(facts_key(a), b"\x78\x01garbage")], facts_version())
    assert KeptFacts(store)([a])[0].dumps() == with_reports(article_facts(a), a).dumps()
    rows = st.get_derived(store, FACTS, [facts_key(a)], facts_version())
    assert rows[facts_key(a)] != b"\x78\x01garbage"


def test_a_closed_store_still_gives_the_facts(store: Store) -> None:
    kept = KeptFacts(store)
    store.close()
    a = _article()
    assert kept([a])[0].dumps() == with_reports(article_facts(a), a).dumps()


def test_reports_from_kept_facts_equal_reports_computed_in_the_book(store: Store) -> None:
    """The pool of kept facts (report facts and all) finds the same reports, weighed
    alike, as a pool that computes them as it goes."""
    from briefgen.book.summarize import SentencePool

    arts = [
        _article(),
        _article(TEXT.replace("Tuesday", "Monday") + "\n\nTalks may resume next week.", "a2"),
        _article(TEXT.replace("fired", "will fire"), "a3"),
    ]
    period = resolve_period(date(2017, 12, 3), week="2017-W48")

    def found(pool: SentencePool) -> list[tuple[object, ...]]:
        return [
            (r.cand.sent.text, r.tag, r.when, r.speculative, r.future, r.stage, r.weight)
            for r in find_reports(pool, period, DEFAULT_WEIGHTS)
        ]

    KeptFacts(store)(arts)
    kept = SentencePool(arts, facts=KeptFacts(store))
    assert any(c.report is not None for c in kept.all)
    plain = SentencePool(arts)
    assert all(c.report is None for c in plain.all)
    assert found(kept) == found(plain) and len(found(plain)) >= 3


def _as_of(settings: Settings, corpus: Path, as_of: date) -> str:
    from tests.regen_golden import brief_json

    result = build(settings, as_of, resolve_period(DAY), reporter=Reporter(), paths=[corpus])
    return brief_json(result.brief).replace(str(Path(result.paths[0]).parent), "OUT")


def test_a_warm_build_equals_a_fresh_one_and_computes_no_facts(
    stores: Stores, monkeypatch: pytest.MonkeyPatch
) -> None:
    later = date(2017, 12, 21)
    _brief_json(stores.warm, [stores.corpus])
    assert stores.rows(FACTS) > 0
    fresh = _as_of(stores.fresh, stores.corpus, later)
    monkeypatch.setattr("briefgen.keptfacts.article_facts", _refuse_facts)
    # another as-of day: the brief is assembled again, from the kept facts
    assert _as_of(stores.warm, stores.corpus, later) == fresh


# -- the brief -------------------------------------------------------------------------------


def _refuse(self: BookBuilder) -> Brief:
    raise AssertionError("the brief was assembled, not read from the store")


def _html(out: Path) -> bytes:
    (page,) = out.glob("*.html")
    return page.read_bytes()


def test_a_rerun_reads_the_kept_brief_and_writes_the_same_files(
    stores: Stores, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = _brief_json(stores.fresh, [stores.corpus])
    assert _brief_json(stores.warm, [stores.corpus]) == fresh
    assert stores.rows(KIND) == 1
    out = Path(stores.warm.brief.output_dir)
    first_html = _html(out)
    monkeypatch.setattr(BookBuilder, "build", _refuse)
    assert _brief_json(stores.warm, [stores.corpus]) == fresh
    assert _html(out) == first_html == _html(Path(stores.fresh.brief.output_dir))
    # another as-of day is another brief: assembled, not read
    with pytest.raises(AssertionError, match="assembled"):
        build(
            stores.warm,
            date(2017, 12, 9),
            resolve_period(DAY),
            reporter=Reporter(),
            paths=[stores.corpus],
        )


def test_a_changed_article_assembles_the_brief_again(stores: Stores) -> None:
    _brief_json(stores.warm, [stores.corpus])
    files = (p for p in stores.corpus.rglob("*") if p.is_file() and p.suffix in (".txt", ".md"))
    f = sorted(files)[0]
    f.write_text(
        f.read_text(encoding="utf-8").replace("North Korea", "the North", 1), encoding="utf-8"
    )
    fresh = _brief_json(stores.fresh, [stores.corpus])
    assert _brief_json(stores.warm, [stores.corpus]) == fresh


def test_an_article_added_to_a_warm_store_gives_the_brief_of_a_fresh_store(
    stores: Stores, tmp_path: Path
) -> None:
    """What is kept of the other articles (facts, reports, parses, analyses, vectors)
    gives, with one new article, the brief a store that never saw them builds."""
    files = sorted(p for p in stores.corpus.rglob("*") if p.is_file() and p.suffix == ".txt")
    held = tmp_path / "held"
    held.mkdir()
    late = files[-1]
    shutil.move(late, held / late.name)
    _brief_json(stores.warm, [stores.corpus])
    shutil.move(held / late.name, late)
    fresh = _brief_json(stores.fresh, [stores.corpus])
    assert _brief_json(stores.warm, [stores.corpus]) == fresh


def test_an_old_row_a_damaged_row_and_a_closed_store_assemble_again(store: Store) -> None:
    period = resolve_period(DAY, week="2017-W48")
    inp = BookInput([], Attribution([], [], []), {}, period, DAY, "T")
    brief = Brief("T", DAY, period.start, period.end, [], [])
    record = PeriodRecord(label="2017-W48", start=period.start, end=period.end)
    kept = KeptBrief(store)
    made: list[int] = []

    def make() -> tuple[Brief, PeriodRecord]:
        made.append(1)
        return brief, record

    assert kept(inp, make) == (brief, record)
    assert kept(inp, make) == (brief, record) and kept.hit
    assert len(made) == 1
    st.put_derived(kept.store, KIND, [("2017-W48", b"old")], "b-older")
    kept(inp, make)
    assert len(made) == 2 and not kept.hit
    row = st.get_derived(kept.store, KIND, ["2017-W48"], brief_version())["2017-W48"]
    st.put_derived(kept.store, KIND, [("2017-W48", row[:60] + b"garbage")], brief_version())
    assert kept(inp, make) == (brief, record) and not kept.hit
    assert len(made) == 3
    other = replace(inp, title="Other")
    kept(other, make)
    assert len(made) == 4 and not kept.hit
    kept.store.close()
    assert kept(inp, make) == (brief, record)
    assert len(made) == 5


def test_kept_records_are_the_json_of_the_records_codec() -> None:
    from briefgen.keptbrief import dumps
    from briefgen.records import to_jsonable
    from tests.brief_fixture import hostile_brief, rich_brief

    for brief in (rich_brief(), hostile_brief()):
        assert json.loads(dumps(brief)) == to_jsonable(brief)
        assert dumps(brief) == json.dumps(to_jsonable(brief))


# -- the PDF ---------------------------------------------------------------------------------


class _Worker:
    """Stands in for the PDF child: counts the layouts asked of it."""

    def __init__(self) -> None:
        self.asked = 0

    def render(self, html: str, brief: Brief) -> bytes:
        self.asked += 1
        return b"%PDF " + html.encode()


def test_the_kept_pdf_is_given_only_for_the_same_html_and_templates(
    store: Store, tmp_path: Path
) -> None:
    brief = Brief("T", DAY, date(2017, 11, 27), date(2017, 12, 3), [], [])
    worker = _Worker()
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "brief.css").write_text("body { color: black }", encoding="utf-8")

    def kept() -> KeptPdf:
        return KeptPdf(store, worker, templates, None)  # type: ignore[arg-type]

    assert kept().render("<p>a</p>", brief) == b"%PDF <p>a</p>"
    again = kept()
    assert again.render("<p>a</p>", brief) == b"%PDF <p>a</p>" and again.hit
    assert worker.asked == 1
    assert kept().render("<p>b</p>", brief) == b"%PDF <p>b</p>"
    assert worker.asked == 2
    # a template file changed: its assets may lay the page out otherwise
    (templates / "brief.css").write_text("body { color: red }", encoding="utf-8")
    assert kept().render("<p>b</p>", brief) == b"%PDF <p>b</p>"
    assert worker.asked == 3
    other = KeptPdf(store, worker, templates, "pdf/a-3b")  # type: ignore[arg-type]
    other.render("<p>b</p>", brief)
    assert worker.asked == 4 and not other.hit


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig's fc-list not installed")
def test_a_font_installed_or_changed_lays_the_pdf_out_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fontconfig told to read one more font folder (FONTCONFIG_FILE): a font put there,
    then changed, each gives another PDF version."""
    listed = subprocess.run(
        ["fc-list", "--format", "%{file}\\n"], capture_output=True, text=True, check=True
    ).stdout.split()
    if not listed:
        pytest.skip("fontconfig lists no fonts")
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f'<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{fonts}</dir>'
        f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))
    folders = [str(Path(__file__).resolve().parent.parent / "templates")]

    def version() -> str:
        fonts_digest.cache_clear()
        return pdf_version(folders, ["weasyprint"])

    try:
        before = version()
        font = fonts / "extra.ttf"
        shutil.copy(sorted(listed)[0], font)
        added = version()
        assert added != before
        font.write_bytes(font.read_bytes() + b"\0")  # the same name, other bytes
        assert version() != added
    finally:
        fonts_digest.cache_clear()


def test_a_rerun_writes_the_same_pdf_without_laying_it_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _seeds_copy(tmp_path)
    s = _settings(tmp_path, tmp_path / "data")
    s.brief = replace(s.brief, formats=["pdf", "html"])
    build(s, DAY, resolve_period(DAY), reporter=Reporter(), paths=[corpus])
    (pdf,) = (tmp_path / "out").glob("*.pdf")
    first = pdf.read_bytes()
    pdf.unlink()

    def refuse(*args: object, **kw: object) -> bytes:
        raise AssertionError("the PDF was laid out again")

    monkeypatch.setattr("briefgen.render.pdf.render_pdf", refuse)
    monkeypatch.setattr("briefgen.render.PdfWorker.render", refuse)
    build(s, DAY, resolve_period(DAY), reporter=Reporter(), paths=[corpus])
    assert pdf.read_bytes() == first


# -- the keyphrase lists ---------------------------------------------------------------------


def test_keyphrase_lists_are_read_back_for_the_same_articles_and_made_for_a_changed_one(
    stores: Stores, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unchanged set of articles reads its scopes' lists back (no ranking) and gives
    the brief of a fresh store; a changed article ranks them again."""
    from briefgen.keptkeyphrases import KIND as KEYPHRASES
    from briefgen.nlp.keyphrases import KeyphraseExtractor

    ranked: list[int] = []
    for_groups = KeyphraseExtractor.for_groups

    def counted(self: KeyphraseExtractor, *args: object, **kw: object) -> object:
        ranked.append(1)
        return for_groups(self, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(KeyphraseExtractor, "for_groups", counted)
    later = date(2017, 12, 21)
    _brief_json(stores.warm, [stores.corpus])
    assert ranked == [1] and stores.rows(KEYPHRASES) == 1
    # another as-of day assembles the brief again, over the kept lists
    warm = _as_of(stores.warm, stores.corpus, later)
    assert ranked == [1]
    assert warm == _as_of(stores.fresh, stores.corpus, later)
    assert ranked == [1, 1]  # the fresh store ranked its own
    files = (p for p in stores.corpus.rglob("*") if p.is_file() and p.suffix in (".txt", ".md"))
    f = sorted(files)[0]
    f.write_text(
        f.read_text(encoding="utf-8").replace("North Korea", "the North", 1), encoding="utf-8"
    )
    changed = _as_of(stores.warm, stores.corpus, later)
    assert len(ranked) == 3 and stores.rows(KEYPHRASES) == 1  # made again, in place
    assert changed == _as_of(stores.fresh, stores.corpus, later)


def test_the_keyphrase_key_holds_each_groups_articles_and_their_text() -> None:
    from briefgen.keptkeyphrases import groups_key
    from briefgen.nlp.keyphrases import Params

    a = Article(article_id="a", title="T", text="North Korea fired a missile.", source_path="a")
    b = Article(article_id="b", title="U", text="Seoul urged talks.", source_path="b")

    def key(groups: dict[str, list[Article]], top: int = 10) -> str:
        return groups_key(groups, "brief", top, Params(), Params().max_words)

    same = key({"corpus": [a, b], "KOR": [b]})
    assert key({"corpus": [a, b], "KOR": [b]}) == same
    assert key({"corpus": [a, b], "KOR": [b]}, top=8) != same
    assert key({"corpus": [a, b], "KOR": [a]}) != same  # another group's members
    assert key({"corpus": [a, b], "PRK": [b]}) != same  # another group
    edited = replace(b, text="Seoul urged more talks.")
    assert key({"corpus": [a, edited], "KOR": [edited]}) != same
    retitled = replace(a, title="T2")
    assert key({"corpus": [retitled, b], "KOR": [b]}) != same
