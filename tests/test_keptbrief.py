"""The assembled brief kept in the store (briefgen.keptbrief): a rerun with nothing new
reads it and writes the same files as a fresh build; a changed article, another as-of
day, a row of older code or a damaged row assembles the brief again."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from briefgen.book.assemble import BookBuilder, BookInput
from briefgen.keptbrief import KIND, KeptBrief, KeptPdf
from briefgen.model import Brief, PeriodRecord
from briefgen.nlp.attribution import Attribution
from briefgen.periods import resolve_period
from briefgen.pipeline import build
from briefgen.progress import Reporter
from briefgen.store import articles as st
from briefgen.store import open_store
from briefgen.store.versions import brief_version
from tests.test_store import DAY, _brief_json, _seeds_copy, _settings


def _refuse(self: BookBuilder) -> Brief:
    raise AssertionError("the brief was assembled, not read from the store")


def _html(out: Path) -> bytes:
    (page,) = out.glob("*.html")
    return page.read_bytes()


def test_a_rerun_reads_the_kept_brief_and_writes_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _seeds_copy(tmp_path)
    fresh = _brief_json(_settings(tmp_path / "a", tmp_path / "a" / "data"), [corpus])
    warm = _settings(tmp_path / "b", tmp_path / "b" / "data")
    assert _brief_json(warm, [corpus]) == fresh
    db = sqlite3.connect(tmp_path / "b" / "data" / "briefgen-store.sqlite")
    rows = db.execute("SELECT COUNT(*) FROM derived WHERE kind = ?", (KIND,)).fetchone()[0]
    db.close()
    assert rows == 1
    first_html = _html(tmp_path / "b" / "out")
    monkeypatch.setattr(BookBuilder, "build", _refuse)
    assert _brief_json(warm, [corpus]) == fresh
    assert _html(tmp_path / "b" / "out") == first_html == _html(tmp_path / "a" / "out")
    # another as-of day is another brief: assembled, not read
    with pytest.raises(AssertionError, match="assembled"):
        build(warm, date(2017, 12, 9), resolve_period(DAY), reporter=Reporter(), paths=[corpus])


def test_a_changed_article_assembles_the_brief_again(tmp_path: Path) -> None:
    corpus = _seeds_copy(tmp_path)
    warm = _settings(tmp_path / "b", tmp_path / "b" / "data")
    _brief_json(warm, [corpus])
    f = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in (".txt", ".md"))[0]
    f.write_text(
        f.read_text(encoding="utf-8").replace("North Korea", "the North", 1), encoding="utf-8"
    )
    fresh = _brief_json(_settings(tmp_path / "a", tmp_path / "a" / "data"), [corpus])
    assert _brief_json(warm, [corpus]) == fresh


def _inputs(tmp_path: Path) -> tuple[KeptBrief, BookInput, Brief, PeriodRecord]:
    period = resolve_period(DAY, week="2017-W48")
    inp = BookInput([], Attribution([], [], []), {}, period, DAY, "T")
    brief = Brief("T", DAY, period.start, period.end, [], [])
    record = PeriodRecord(label="2017-W48", start=period.start, end=period.end)
    store = open_store(tmp_path / "data")
    return KeptBrief(store), inp, brief, record


def test_an_old_row_a_damaged_row_and_a_closed_store_assemble_again(tmp_path: Path) -> None:
    kept, inp, brief, record = _inputs(tmp_path)
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


class _Worker:
    """Stands in for the PDF child: counts the layouts asked of it."""

    def __init__(self) -> None:
        self.asked = 0

    def render(self, html: str, brief: Brief) -> bytes:
        self.asked += 1
        return b"%PDF " + html.encode()


def test_the_kept_pdf_is_given_only_for_the_same_html_and_templates(tmp_path: Path) -> None:
    brief = Brief("T", DAY, date(2017, 11, 27), date(2017, 12, 3), [], [])
    worker = _Worker()
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "brief.css").write_text("body { color: black }", encoding="utf-8")
    with open_store(tmp_path / "data") as store:

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


def test_kept_records_are_the_json_of_the_records_codec() -> None:
    from briefgen.keptbrief import dumps
    from briefgen.records import to_jsonable
    from tests.brief_fixture import hostile_brief, rich_brief

    for brief in (rich_brief(), hostile_brief()):
        assert json.loads(dumps(brief)) == to_jsonable(brief)
        assert dumps(brief) == json.dumps(to_jsonable(brief))
