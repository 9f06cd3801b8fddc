"""Render stage: golden HTML, the PDF's text/outline/metadata/fonts/links, paper and PDF
variants, byte-identical output, template overrides, and that article text can neither
inject markup nor make the PDF build read a local file.

All with real Jinja2 and real WeasyPrint, on hand-built Briefs (tests/brief_fixture.py)
and the stored seeds Brief (tests/golden/), so other stages' changes do not move them.
"""

from __future__ import annotations

import difflib
import io
import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import markupsafe
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from briefgen.config import BriefSettings
from briefgen.errors import RenderError
from briefgen.render import (
    PdfWorker,
    default_template_dir,
    init_templates,
    render_html,
    render_pdf,
    restricted_fetcher,
    write_outputs,
)
from briefgen.render.svgchart import chart_svg, render_chart
from tests.brief_fixture import empty_brief, hostile_brief, rich_brief
from tests.briefjson import brief_from_json
from tests.regen_golden import GOLDEN, MARKING, STAMP, render_golden

MARK = "UNCLASSIFIED // FOR OFFICIAL USE"


def _diff(expected: str, actual: str) -> str:
    lines = difflib.unified_diff(
        expected.splitlines(), actual.splitlines(), "golden", "rendered", lineterm="", n=2
    )
    return "\n".join(list(lines)[:40])


def _text(reader: PdfReader) -> list[str]:
    return [p.extract_text() or "" for p in reader.pages]


@pytest.fixture(scope="module")
def rich_pdf() -> dict[str, Any]:
    """The rich fixture rendered once (with a marking) and parsed."""
    brief = rich_brief()
    html = render_html(brief, marking=MARK, stamp=STAMP)
    fetcher = restricted_fetcher([default_template_dir()])
    data = render_pdf(html, brief, fetcher=fetcher)
    reader = PdfReader(io.BytesIO(data))
    return {"html": html, "pdf": data, "reader": reader, "pages": _text(reader)}


# --- golden -----------------------------------------------------------------------------


def test_fixture_html_matches_golden() -> None:
    expected = (GOLDEN / "fixture-brief.html").read_text(encoding="utf-8")
    actual = render_golden(rich_brief(), MARKING)
    assert actual == expected, "render changed; review, then `make golden`:\n" + _diff(
        expected, actual
    )


def test_seeds_html_matches_golden() -> None:
    stored = GOLDEN / "seeds-brief.json"
    if not stored.exists():
        pytest.skip("tests/golden/seeds-brief.json missing; run `make golden`")
    brief = brief_from_json(stored.read_text(encoding="utf-8"))
    expected = (GOLDEN / "seeds-brief.html").read_text(encoding="utf-8")
    actual = render_golden(brief)
    assert actual == expected, "render changed; review, then `make golden`:\n" + _diff(
        expected, actual
    )
    assert 'id="src-1"' in actual and "Rex Tillerson" in actual


# --- HTML ---------------------------------------------------------------------------------


def test_html_sections_in_order_and_self_contained(rich_pdf: dict[str, Any]) -> None:
    html = rich_pdf["html"]
    ids = ["cover", "contents", "bluf", "countries", "key-quotes", "questions", "timeline"]
    ids += ["chart", "sources", "appendix"]
    positions = [html.index(f'id="{i}"') for i in ids]
    assert positions == sorted(positions)
    # one file: no stylesheet links, scripts or remote resources
    assert "<link" not in html and "<script" not in html
    assert not re.search(r'\ssrc="(?!data:)', html)
    assert '<meta name="viewport"' in html and "@media screen" in html
    assert "<svg" in html and 'class="chart"' in html
    # CrisisWatch markers and judgement first
    assert "trend-deteriorated" in html and "trend-improved" in html
    us = html[html.index('id="country-1"') :]
    assert us.index('class="judgement"') < us.index('class="summary"')


def test_every_citation_links_to_a_listed_source(rich_pdf: dict[str, Any]) -> None:
    html = rich_pdf["html"]
    cited = set(re.findall(r'href="#src-(\d+)"', html))
    listed = set(re.findall(r'<li id="src-(\d+)" value="\1"', html))
    assert cited and cited <= listed
    assert listed == {str(s.number) for s in rich_brief().sources}


def test_estimated_dates_are_marked(rich_pdf: dict[str, Any]) -> None:
    html = rich_pdf["html"]
    src3 = html[html.index('id="src-3"') : html.index('id="src-4"')]
    assert "est." in src3  # Sputnik's date_source is "estimate"
    src1 = html[html.index('id="src-1"') : html.index('id="src-2"')]
    assert "est." not in src1
    # the sentence ends with the abbreviation's own full stop, not "est.."
    assert "est.</abbr>." not in src3


def test_timeline_says_where_a_date_came_from_in_words(rich_pdf: dict[str, Any]) -> None:
    """The timeline printed 'Date: weekday resolved against the publication date.' and a
    red 'est.': machine notes.  It says where the date came from, in words."""
    html = rich_pdf["html"]
    timeline = html[html.index('id="timeline"') :]
    timeline = timeline[: timeline.index("</section>")]
    assert "(date inferred from ‘on Saturday’ in a report of 1 October 2017)" in timeline
    assert "Date:" not in timeline and "resolved" not in timeline
    assert 'class="est"' not in timeline
    # an estimated date with no note of its own still reads as words
    assert "(date approximate)" in timeline


def test_period_line_counts_undated_articles_it_includes() -> None:
    """The seeds brief said "1 October 2017 – 24 October 2017" while two of its articles
    (from December and January, with no date in their text) were cited in it: the period
    line must say that undated material is in the brief, and only when it is."""
    b = rich_brief()
    dated = [a for a in b.articles if a.published]
    undated = replace(dated[0], article_id="undated00001", published=None)

    def period(brief: Any) -> str:
        html = render_html(brief)
        start = html.index("<dt>Period covered</dt>")
        return html[start : html.index("</dd>", start)]

    assert "undated" not in period(replace(b, articles=dated))
    line = period(replace(b, articles=[*dated, undated]))
    assert "1 October 2017" in line and "and 1 undated article (" in line


def test_insufficient_trend_badge_has_no_stray_dash() -> None:
    """It printed '– INSUFFICIENT BASIS': an arrow where there is no direction."""
    b = rich_brief()
    b.countries[0].trend = "insufficient"
    html = render_html(b)
    start = html.index('class="trend trend-insufficient"')
    badge = html[html.index(">", start) + 1 : html.index("</span>", start)]
    assert badge.strip() == "Insufficient basis"


def test_key_quotes_all_boxed_in_sections_say_where_they_are() -> None:
    """With every quotation already boxed in its country section, the key quotes point
    there rather than saying there is no material."""
    b = rich_brief()
    assert any(c.quotes for c in b.countries)
    b.key_quotes = []
    html = render_html(b)
    kq = html[html.index('id="key-quotes"') :]
    kq = kq[: kq.index("</section>")]
    assert "printed in the country sections above" in kq and "No material" not in kq


def test_no_section_is_forced_onto_a_page_of_its_own() -> None:
    """W37's page 7 held a short chart alone: the sources were forced onto a new page.
    Only the cover and the contents end their page; sections flow."""
    css = (default_template_dir() / "print.css").read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    forced = re.findall(r"([^{}]+)\{[^{}]*break-(?:before|after):\s*page", css)
    assert {f.strip() for f in forced} <= {".cover", ".toc"}, forced


def test_a_role_the_name_already_says_is_not_repeated() -> None:
    b = rich_brief()
    q = replace(
        b.key_quotes[0],
        speaker="a senior State Department official",
        speaker_role="senior State Department official",
    )
    html = render_html(replace(b, key_quotes=[q, *b.key_quotes[1:]]))
    assert "a senior State Department official" in html
    assert "official, senior State Department official" not in html
    # a role that adds something is still shown
    assert f"{b.key_quotes[1].speaker}, {b.key_quotes[1].speaker_role}" in html


def test_officials_of_international_bodies_and_legislators_are_not_other_voices() -> None:
    from briefgen.model import Actor, Evidence, Position

    b = rich_brief()
    sec = b.countries[0]
    people = [
        Actor("un-sg", "Antonio Guterres", "international", "Secretary-General", sec.code),
        Actor("sen-x", "Lindsey Graham", "legislator", "Senator", sec.code),
        Actor("expert-x", "Victor Cha", "expert", "CSIS", sec.code),
    ]
    held = [
        Position(
            holder=a.actor_id,
            holder_kind="actor",
            issue="talks",
            stance=1,
            label="favours talks now",
            evidence=[Evidence(article_id="a000", text="t")],
        )
        for a in people
    ]
    sec = replace(sec, actors=[*sec.actors, *people], positions=[*sec.positions, *held])
    html = render_html(replace(b, countries=[sec, *b.countries[1:]]))
    others = html.index("Other voices (speak for themselves)")
    assert html.index("Antonio Guterres") < others  # speaks for the UN
    assert html.index("Lindsey Graham") < others  # speaks for a legislature
    assert html.index("Victor Cha") > others  # speaks for himself


def test_an_official_with_no_position_read_is_not_said_to_have_no_stance() -> None:
    """Judges read "No clear stance in their reported words" beside Abe, the North's
    foreign ministry and Wang Yi, who had each said where they stood: the position reader
    finding no stance is no sign they stated none, so the brief claims nothing."""
    from briefgen.model import Actor

    b = rich_brief()
    sec = b.countries[0]
    wang = Actor("wang-yi", "Wang Yi", "government", "Foreign Minister", sec.code)
    html = render_html(
        replace(b, countries=[replace(sec, actors=[*sec.actors, wang]), *b.countries[1:]])
    )
    assert "Wang Yi" in html
    assert "no clear stance" not in html.lower()


def test_a_lone_expert_is_no_state_voice_and_one_actor_is_not_the_country() -> None:
    """Paul Haenle of the Carnegie-Tsinghua Center alone in China's table is labelled as
    speaking for himself; an actor's position the table does not list is never printed
    as "China as a whole" (only a country position is)."""
    from briefgen.model import Actor, Evidence, Position

    b = rich_brief()
    sec = b.countries[0]
    expert = Actor("paul-haenle", "Paul Haenle", "expert", "director", sec.code)
    held = [
        Position(
            holder=h,
            holder_kind="actor",
            issue="talks",
            stance=1,
            label="favours talks now",
            evidence=[Evidence(article_id="a000", text="t")],
        )
        for h in ("paul-haenle", "donald-trump")
    ]
    sec = replace(sec, actors=[expert], positions=held)
    html = render_html(replace(b, countries=[sec, *b.countries[1:]]))
    table = html[html.index("Actors and their stated positions") :]
    assert table.index("Other voices (speak for themselves)") < table.index("Paul Haenle")
    assert f"{sec.name} as a whole" not in html


def test_empty_brief_renders_every_section_as_empty() -> None:
    b = empty_brief()
    html = render_html(b)
    assert html.count("No material this period.") >= 7
    data = render_pdf(html, b)
    assert data.startswith(b"%PDF")


def test_missing_variable_in_user_template_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "brief.html").write_text(
        '{% extends "default:brief.html" %}{% block bluf %}{{ brief.no_such_field }}{% endblock %}'
    )
    with pytest.raises(RenderError, match="undefined"):
        render_html(rich_brief(), tmp_path)


def test_missing_template_dir_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="templates init"):
        render_html(rich_brief(), tmp_path / "nope")


# --- templates ------------------------------------------------------------------------------


def test_user_template_overrides_one_block(tmp_path: Path) -> None:
    (tmp_path / "brief.html").write_text(
        '{% extends "default:brief.html" %}\n'
        '{% block bluf %}<section id="bluf"><p id="custom-bluf">Our own BLUF for {{ brief.as_of }}'
        "</p></section>{% endblock %}\n"
    )
    html = render_html(rich_brief(), tmp_path)
    assert '<p id="custom-bluf">Our own BLUF for 2017-12-20</p>' in html
    assert "Bottom line up front</h2>" not in html
    assert 'id="sources"' in html and "Rex Tillerson" in html  # the rest is the default
    (tmp_path / "brief.html").write_text(
        '{% extends "default:brief.html" %}'
        '{% block country %}<h3 class="mine">{{ loop.index }}. {{ country.name }}</h3>{% endblock %}'
    )
    html = render_html(rich_brief(), tmp_path)
    assert '<h3 class="mine">2. North Korea</h3>' in html and 'class="judgement"' not in html


def test_user_partial_and_asset_are_used(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    (tmp_path / "brief.html").write_text(
        '{% extends "default:brief.html" %}'
        '{% block branding %}<img class="logo" alt="Ministry" src="{{ asset("logo.svg") }}">'
        "{% endblock %}"
    )
    html = render_html(rich_brief(), tmp_path)
    assert 'src="data:image/svg+xml;base64,' in html
    (tmp_path / "brief.html").write_text(
        '{% extends "default:brief.html" %}{% block branding %}{{ asset("../../etc/passwd") }}'
        "{% endblock %}"
    )
    with pytest.raises(RenderError, match="not found"):
        render_html(rich_brief(), tmp_path)


def test_init_templates_copies_a_working_set(tmp_path: Path) -> None:
    written = init_templates(tmp_path / "t")
    names = {p.relative_to(tmp_path / "t").as_posix() for p in written}
    assert {"brief.html", "brief.css", "print.css", "screen.css", "partials/macros.html"} <= names
    b = rich_brief()
    assert render_html(b, tmp_path / "t", stamp=STAMP) == render_html(b, stamp=STAMP)
    with pytest.raises(RenderError, match="--force"):
        init_templates(tmp_path / "t")
    assert init_templates(tmp_path / "t", force=True)


# --- PDF ------------------------------------------------------------------------------------


def test_pdf_text_pages_and_running_header(rich_pdf: dict[str, Any]) -> None:
    pages = rich_pdf["pages"]
    n = len(pages)
    assert n >= 4
    assert "Korean Peninsula Briefing Book" in pages[0] and "20 December 2017" in pages[0]
    assert "Page" not in pages[0]  # the cover carries no page number
    for i, text in enumerate(pages[1:], start=2):
        assert f"Page {i} of {n}" in text
        assert "Korean Peninsula Briefing Book" in text  # running header
        assert text.count(MARK) >= 2  # marking top and bottom
    joined = "\n".join(pages)
    assert "지나쌤" in joined and "대화는 없다" in joined  # Hangul prints as Hangul


def test_contents_page_numbers_point_at_the_sections(rich_pdf: dict[str, Any]) -> None:
    pages = rich_pdf["pages"]
    toc = pages[1]
    for title in ["Key quotes", "Sources", "Timeline"]:
        m = re.search(re.escape(title) + r"[ .]*?(\d+)\s*$", toc, re.MULTILINE)
        assert m, f"{title} not in contents:\n{toc}"
        page = int(m.group(1))
        assert title in pages[page - 1], f"{title} is not on page {page}"


def test_pdf_bookmarks_follow_the_sections(rich_pdf: dict[str, Any]) -> None:
    reader: PdfReader = rich_pdf["reader"]
    outline = reader.outline
    top = [o.title for o in outline if not isinstance(o, list)]
    assert top[:3] == ["Contents", "Bottom line up front", "Country by country"]
    assert top[-2:] == ["Sources", "Appendix: articles of low relevance"]
    at = next(i for i, o in enumerate(outline) if getattr(o, "title", "") == "Country by country")
    children = outline[at + 1]
    assert isinstance(children, list)
    assert [c.title for c in children] == ["United States", "North Korea", "China", "South Korea"]


def test_pdf_metadata_is_fixed_and_complete(rich_pdf: dict[str, Any]) -> None:
    meta = rich_pdf["reader"].metadata
    assert meta is not None
    assert meta.title == "Korean Peninsula Briefing Book — 20 December 2017"
    assert meta.get("/CreationDate", "").startswith("D:20171220000000")
    assert meta.get("/ModDate", "").startswith("D:20171220000000")
    assert meta.get("/Author") == "briefgen"
    assert str(meta.get("/Creator", "")).startswith("briefgen")


def test_cjk_font_is_embedded(rich_pdf: dict[str, Any]) -> None:
    reader: PdfReader = rich_pdf["reader"]
    fonts: set[str] = set()
    for page in reader.pages:
        res = page["/Resources"].get_object()
        for f in (res.get("/Font") or {}).values():
            f = f.get_object()
            fonts.add(str(f.get("/BaseFont")))
            for d in f.get("/DescendantFonts") or []:
                desc = d.get_object().get("/FontDescriptor").get_object()
                assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert any("CJK" in name for name in fonts), fonts


def test_citations_are_links_in_the_pdf(rich_pdf: dict[str, Any]) -> None:
    reader: PdfReader = rich_pdf["reader"]
    internal = 0
    for page in reader.pages[2:]:
        for a in page.get("/Annots") or []:
            a = a.get_object()
            if a.get("/Subtype") == "/Link" and ("/Dest" in a or "/D" in (a.get("/A") or {})):
                internal += 1
    assert internal >= 15


def test_same_input_same_bytes(rich_pdf: dict[str, Any], tmp_path: Path) -> None:
    b = rich_brief()
    html = render_html(b, marking=MARK, stamp=STAMP)
    assert html == rich_pdf["html"]
    assert render_pdf(html, b) == rich_pdf["pdf"]
    e = empty_brief()
    s = BriefSettings(output_dir=str(tmp_path / "a"))
    first = [p.read_bytes() for p in write_outputs(e, s)]
    second = [p.read_bytes() for p in write_outputs(e, replace(s, output_dir=str(tmp_path / "b")))]
    assert first == second


def test_source_date_epoch_sets_the_date_without_leaking(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2020, 1, 2, tzinfo=UTC).timestamp())))
    b = empty_brief()
    paths = write_outputs(b, BriefSettings(output_dir=str(tmp_path), formats=["pdf", "html"]))
    assert [p.name for p in paths] == ["korea-brief-2017-12-20.pdf", "korea-brief-2017-12-20.html"]
    meta = PdfReader(str(paths[0])).metadata
    assert meta is not None and meta["/CreationDate"].startswith("D:20200102")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    import os

    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_letter_paper_and_a4(rich_pdf: dict[str, Any]) -> None:
    b = empty_brief()
    letter = PdfReader(io.BytesIO(render_pdf(render_html(b, paper="Letter"), b)))
    for reader, size in [(letter, (612, 792)), (rich_pdf["reader"], (595, 842))]:
        box = reader.pages[-1].mediabox
        assert (round(float(box.width)), round(float(box.height))) == size
    with pytest.raises(RenderError, match="A4 or Letter"):
        render_html(b, paper="A3")


def test_pdf_variants_tagged_and_archival() -> None:
    b = empty_brief()
    html = render_html(b)
    ua = render_pdf(html, b, pdf_variant="pdf/ua-1")
    root = PdfReader(io.BytesIO(ua)).trailer["/Root"]
    assert "/StructTreeRoot" in root and "/MarkInfo" in root
    pdfa = render_pdf(html, b, pdf_variant="pdf/a-3b")
    reader = PdfReader(io.BytesIO(pdfa))
    assert "/OutputIntents" in reader.trailer["/Root"]
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"pdfaid:part" in xmp and b"2017-12-20" in xmp
    with pytest.raises(RenderError, match="not supported"):
        render_pdf(html, b, pdf_variant="pdf/z-9")


# --- safety -------------------------------------------------------------------------------


def test_hostile_article_text_is_inert_in_html_and_pdf() -> None:
    b = hostile_brief()
    html = render_html(b, marking='X"; } </style><script>alert(2)</script>')
    assert "<script>alert" not in html
    assert '<img src="file:///etc/passwd">' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="file:' not in html  # a non-web source URL is printed, not linked
    assert "</style><script>" not in html
    fetcher = restricted_fetcher([default_template_dir()])
    data = render_pdf(html, b, fetcher=fetcher)
    text = "\n".join(_text(PdfReader(io.BytesIO(data))))
    assert "<script>alert(1)</script>" in text  # shown as text, literally
    assert not any("passwd" in u for u in fetcher.requested)


def test_pdf_build_never_reads_files_outside_the_templates(tmp_path: Path) -> None:
    """Even markup that names local files or the network (here: a careless user template)
    loads nothing: the fetcher refuses and records it; template assets still load."""
    (tmp_path / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    )
    (tmp_path / "brief.html").write_text(
        '{% extends "default:brief.html" %}{% block branding %}'
        '<img src="file:///etc/passwd"><img src="http://127.0.0.1:9/x.png">'
        '<img src="../../../../etc/passwd"><img src="logo.svg">{% endblock %}'
    )
    b = empty_brief()
    html = render_html(b, tmp_path)
    fetcher = restricted_fetcher([tmp_path, default_template_dir()])
    render_pdf(html, b, tmp_path, fetcher=fetcher)
    assert "file:///etc/passwd" in fetcher.blocked
    assert "http://127.0.0.1:9/x.png" in fetcher.blocked
    assert any(u.endswith("/etc/passwd") for u in fetcher.blocked)
    assert not any(u.endswith("logo.svg") for u in fetcher.blocked)
    assert any(u.endswith("logo.svg") for u in fetcher.requested)


# --- chart ----------------------------------------------------------------------------------


def test_chart_draws_rows_and_escapes_labels() -> None:
    svg = chart_svg(hostile_brief())
    assert svg is not None
    assert "<script" not in svg and "&lt;script&gt;" in svg
    assert svg.count("<rect") == 2 * len(rich_brief().countries)
    assert render_chart("t", []) is None
    assert render_chart("t", [{"label": "X", "mentions": 0, "quotes": 0}]) is None
    b = rich_brief()
    b.chart = {}
    fallback = chart_svg(b)  # derived from the country sections
    assert fallback is not None and "North Korea" in fallback


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(min_size=1, max_size=60))
@example(text="<b>x</b>")
@example(text="{{ brief.title }}")
def test_any_article_text_is_printed_escaped(text: str) -> None:
    """Whatever an article says, it appears escaped and never breaks the template."""
    b = rich_brief()
    b.sources[1].title = text
    b.key_quotes[1].text = text
    b.countries[1].name = text
    html = render_html(b, stamp=STAMP)
    escaped = markupsafe.escape(text)
    assert str(escaped) in html
    assert html.count("<script") == 0
    if text == "<b>x</b>":
        assert "<b>" not in html


# --- the PDF worker process -------------------------------------------------------------
# Each runs in a fresh interpreter: the worker forks only from a single-threaded process,
# and earlier tests (Dask, SMTP) leave threads in this one.

_WORKER = """
import sys, time
from pathlib import Path
from briefgen.errors import RenderError
from briefgen.render import PdfWorker
html, out, case = Path(sys.argv[1]).read_text(encoding="utf-8"), Path(sys.argv[2]), sys.argv[3]
worker = PdfWorker(pdf_variant="pdf/z-9" if case == "error" else None)
assert worker.started, "no child process"
if case == "idle":
    t = time.perf_counter()
    worker.close()
    assert time.perf_counter() - t < 2.0 and not worker.started
    sys.exit(0)
if case == "died":
    worker._proc.kill()  # e.g. the out-of-memory killer
    worker._proc.join()
try:
    out.write_bytes(worker.render(html, None))
except RenderError as e:
    out.write_text("RenderError: " + str(e), encoding="utf-8")
assert not worker.started  # the child has been waited for
"""


def _worker_run(tmp_path: Path, html: str, case: str) -> bytes:
    import subprocess
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("the PDF worker forks only on Linux")
    src = tmp_path / "brief.html"
    src.write_text(html, encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, "-c", _WORKER, str(src), str(out), case],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert not run.stderr  # nothing printed by the child either
    return out.read_bytes() if out.exists() else b""


def test_pdf_worker_gives_the_bytes_render_pdf_gives(
    rich_pdf: dict[str, Any], tmp_path: Path
) -> None:
    assert _worker_run(tmp_path, rich_pdf["html"], "render") == rich_pdf["pdf"]


def test_pdf_worker_renders_here_when_its_child_died(
    rich_pdf: dict[str, Any], tmp_path: Path
) -> None:
    assert _worker_run(tmp_path, rich_pdf["html"], "died") == rich_pdf["pdf"]


def test_pdf_worker_passes_on_a_render_error_in_one_line(tmp_path: Path) -> None:
    got = _worker_run(tmp_path, render_html(empty_brief()), "error").decode()
    assert got.startswith("RenderError: PDF variant 'pdf/z-9' is not supported")
    assert "\n" not in got


def test_pdf_worker_never_asked_is_stopped_at_once(tmp_path: Path) -> None:
    _worker_run(tmp_path, "", "idle")


def test_pdf_worker_is_not_started_beside_other_threads() -> None:
    import threading

    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        with PdfWorker() as worker:
            assert not worker.started  # a lock the other thread held could hang a child
            assert worker.render(render_html(empty_brief()), empty_brief())[:5] == b"%PDF-"
    finally:
        stop.set()
        t.join()


def test_a_stated_threat_pledge_and_condition_are_labelled_with_their_evidence() -> None:
    """The open questions' new kinds (book/threats.py) print a label a reader understands,
    not the code, and the sentence they rest on."""
    from briefgen.model import Statement

    b = rich_brief()
    said = "North Korea threatened on Friday to test a hydrogen bomb over the Pacific."
    b.open_questions = [
        Statement("Will North Korea test a hydrogen bomb over the Pacific? (threatened by North "
                  "Korea)", cites=[1], kind="threat", basis=said),
        Statement("Will Moon and Kim remove nuclear weapons? (vowed jointly)", cites=[1],
                  kind="pledge", basis="Moon and Kim vowed to remove nuclear weapons."),
    ]  # fmt: skip
    html = render_html(b)
    assert 'qkind-threat">Stated threat</span>' in html
    assert 'qkind-pledge">Pledge</span>' in html
    assert f"From the reporting: “{said}”" in html
