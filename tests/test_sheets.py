"""Spreadsheets: every export as XLSX opened with openpyxl and checked; the review sheet
filled in and imported back into the corrections file; the brief's data appendix."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from briefgen.cli import cli
from briefgen.corrections import CorrectionError, load_corrections
from briefgen.corrections.sheet import entries_for_row, parse_cell
from briefgen.render.sheets import Table, workbook_bytes

from . import corrections_corpus as cc

PERIOD = ["--week", cc.WEEK, "--date", "2017-09-24"]


def invoke(*args: str) -> str:
    r = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r.output


@pytest.fixture(scope="module")
def feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return cc.write(tmp_path_factory.mktemp("sheets"), 1)


def _sheet(path: Path, name: str | None = None) -> tuple[Any, list[str], list[dict[str, Any]]]:
    wb = load_workbook(path)
    ws = wb[name] if name else wb.worksheets[0]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=2)]
    return ws, header, rows


def _number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _no_formulas(path: Path) -> None:
    """Nothing in the file is a formula, whatever the articles' text starts with."""
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name)


def _check_sheet(ws: Any, header: list[str], expected: list[str]) -> None:
    assert header[: len(expected)] == expected
    assert ws.freeze_panes == "A2"
    assert all(c.font.bold for c in ws[1])
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
    for j, name in enumerate(header, 1):
        width = ws.column_dimensions[ws.cell(1, j).column_letter].width
        assert 6 <= width <= 60, (name, width)


def test_articles_xlsx(feed: Path, tmp_path: Path) -> None:
    out = tmp_path / "articles.xlsx"
    invoke("articles", str(feed), *PERIOD, "--format", "xlsx", "-o", str(out))
    ws, header, rows = _sheet(out, "articles")
    _check_sheet(ws, header, ["article_id", "published", "date_source", "outlets"])
    assert len(rows) == 4
    assert all(isinstance(r["published"], datetime) for r in rows)
    assert ws.cell(2, header.index("published") + 1).number_format == "yyyy-mm-dd"
    # numbers as numbers (a whole float such as 1.0 reads back as 1)
    assert all(isinstance(r["words"], int) and _number(r["relevance"]) for r in rows)
    assert "text" in header  # every field, as JSON and CSV have
    # the title written as a formula is text, shown as typed and never evaluated
    evil = next(i for i, r in enumerate(rows, 2) if str(r["title"]).startswith("=HYPERLINK"))
    cell = ws.cell(evil, header.index("title") + 1)
    assert cell.data_type == "s" and cell.quotePrefix
    _no_formulas(out)


def test_quotes_actors_keyphrases_xlsx(feed: Path, tmp_path: Path) -> None:
    q = tmp_path / "quotes.xlsx"
    invoke("quotes", str(feed), *PERIOD, "--format", "xlsx", "-o", str(q))
    ws, header, rows = _sheet(q, "quotes")
    _check_sheet(ws, header, ["speaker", "speaker_role", "country", "kind", "cue", "quote"])
    assert len(rows) >= 7 and {"Rex Tillerson", "Taro Kono"} <= {r["speaker"] for r in rows}
    assert all(isinstance(r["published"], datetime) for r in rows)
    assert all(_number(r["speaker_confidence"]) for r in rows)
    _no_formulas(q)

    a = tmp_path / "actors.xlsx"
    invoke("actors", str(feed), *PERIOD, "--format", "xlsx", "-o", str(a))
    assert load_workbook(a).sheetnames == ["actors", "positions"]
    ws, header, rows = _sheet(a, "actors")
    _check_sheet(ws, header, ["name", "kind", "role", "country", "quote_count", "mentions"])
    assert all(isinstance(r["quote_count"], int) for r in rows)
    ws, header, rows = _sheet(a, "positions")
    _check_sheet(ws, header, ["holder", "holder_kind", "country", "issue", "stance", "label"])
    assert rows and all(r["stance"] in (1, -1) for r in rows)

    k = tmp_path / "kp.xlsx"
    invoke("keyphrases", str(feed), *PERIOD, "--format", "xlsx", "-o", str(k))
    ws, header, rows = _sheet(k, "keyphrases")
    _check_sheet(ws, header, ["scope_id", "phrase", "score", "variants"])
    assert rows and all(_number(r["score"]) for r in rows)


def test_xlsx_needs_an_output_file(feed: Path) -> None:
    r = CliRunner().invoke(cli, ["quotes", str(feed), *PERIOD, "--format", "xlsx"])
    assert r.exit_code == 2 and "add -o FILE.xlsx" in r.output


def test_build_writes_a_data_appendix(feed: Path, tmp_path: Path) -> None:
    invoke("build", str(feed), *PERIOD, "--format", "xlsx,html", "-o", str(tmp_path), "-q")
    path = tmp_path / "korea-brief-2017-09-24.xlsx"
    assert load_workbook(path).sheetnames == ["quotes", "positions", "sources"]
    ws, header, rows = _sheet(path, "sources")
    _check_sheet(ws, header, ["number", "outlet", "title", "published"])
    assert [r["number"] for r in rows] == list(range(1, len(rows) + 1))
    assert all(isinstance(r["published"], datetime) for r in rows)
    ws, header, rows = _sheet(path, "quotes")
    # where the brief shows each quote: the key quotes, or a country's section (the key
    # quotes repeat none a section already boxed)
    shown = {r["in the brief"] for r in rows} - {"", None}
    assert shown and all(s == "key quote" or s.endswith(" section") for s in shown)
    assert all(isinstance(r["source"], int) for r in rows)
    _, _, positions = _sheet(path, "positions")
    assert positions and all(r["stance"] in (1, -1) for r in positions)
    _no_formulas(path)
    assert not (tmp_path / "korea-brief-2017-09-24.pdf").exists()


def test_review_to_xlsx_to_corrections_and_back(feed: Path, tmp_path: Path) -> None:
    """The analyst's round trip: review sheet, five rows filled in, imported, rebuilt."""
    sheet = tmp_path / "review.xlsx"
    invoke("review", str(feed), *PERIOD, "--format", "xlsx", "-o", str(sheet))
    wb = load_workbook(sheet)
    assert wb.sheetnames == ["review", "how to fill in"]
    ws, header, rows = _sheet(sheet, "review")
    _check_sheet(ws, header, ["rank", "check", "why", "item"])
    assert all(r["correction"] in (None, "") for r in rows)
    assert ws.cell(1, header.index("correction") + 1).comment is not None
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))

    col = {name: i for i, name in enumerate(header, 1)}

    used: set[int] = set()

    def fill(pred: Any, correction: str, reason: str = "") -> dict[str, Any]:
        i, row = next((i, r) for i, r in enumerate(rows, 2) if i not in used and pred(r))
        used.add(i)
        ws.cell(i, col["correction"]).value = correction
        ws.cell(i, col["reason"]).value = reason or None
        return row

    official = fill(
        lambda r: r["check"] == "speaker is a description", "speaker: Joseph Yun; country: USA"
    )
    position = fill(lambda r: r["item"] == "position", "flip", "the desk reads it the other way")
    removed = fill(
        lambda r: r["item"] == "position" and r["actor"] != position["actor"],
        "remove",
        "not a stance",
    )
    fill(lambda r: r["item"] == "position", "ok")  # a reviewed row left as it is
    wired = fill(
        lambda r: bool(r["url"]),
        "outlet: Reuters",
    )
    ws.parent.save(sheet)
    target = tmp_path / "corrections.yaml"
    target.write_text("# my own entries, kept as they are\n- do: ban-keyphrase\n  phrase: talks\n")
    out = invoke("corrections", "import", str(sheet), "--to", str(target), "--by", "JK")
    assert "Appended 4 entries" in out and "5 of" in out and "1 marked ok" in out
    text = target.read_text(encoding="utf-8")
    assert text.startswith(
        "# my own entries, kept as they are\n- do: ban-keyphrase\n  phrase: talks\n"
    )
    entries = load_corrections([target]).entries
    assert entries[0].do == "ban-keyphrase"  # the analyst's own entry stays first
    by_do = {e.do: e for e in entries[1:]}
    assert sorted(by_do) == ["flip-position", "remove-position", "set-article", "set-quote"]
    sq, fp, rp, sa = (
        by_do[d] for d in ("set-quote", "flip-position", "remove-position", "set-article")
    )
    assert sq.get("speaker") == "Joseph Yun" and sq.get("country") == "USA"
    assert sq.get("quote") == official["quote"] and sq.get("was") == official["speaker"]
    assert sq.get("article").url == official["url"] and sq.get("by") == "JK"
    assert (fp.get("actor"), fp.get("issue"), fp.reason) == (
        position["actor"],
        position["issue"],
        "the desk reads it the other way",
    )
    assert (rp.get("actor"), rp.get("issue")) == (removed["actor"], removed["issue"])
    # a flip or removal is about the statement the row showed: scoped to it
    assert fp.get("quote") == position["quote"] and fp.get("article").url == position["url"]
    assert sa.get("outlet") == "Reuters" and sa.get("article").url == wired["url"]
    # importing the same sheet again adds nothing
    again = invoke("corrections", "import", str(sheet), "--to", str(target))
    assert "Appended 0 entries" in again and "4 already there" in again
    assert target.read_text(encoding="utf-8") == text
    # the next review applies them: the fixed quotation is not queued again
    out2 = tmp_path / "review2.csv"
    invoke(
        "review",
        str(feed),
        *PERIOD,
        "--format",
        "csv",
        "-o",
        str(out2),
        "--corrections",
        str(target),
    )
    import csv

    again_rows = list(csv.DictReader(out2.open(encoding="utf-8")))
    assert not [
        r
        for r in again_rows
        if r["quote"] == official["quote"] and r["check"] == "speaker is a description"
    ]
    check = invoke("corrections", "check", str(feed), *PERIOD, "--corrections", str(target))
    assert check.count("applied") >= 4 and "stale" not in check


def test_import_refuses_a_bad_row_in_one_line(tmp_path: Path) -> None:
    sheet = tmp_path / "review.xlsx"
    row = {
        "rank": 1,
        "check": "speaker is a description",
        "item": "quote",
        "speaker": "a senior official",
        "quote": "The channels are open and we use them",
        "title": "Tillerson says US ready to talk",
        "correction": "speeker: Joseph Yun",
        "reason": "",
    }
    sheet.write_bytes(workbook_bytes([Table("review", list(row), [row])]))
    target = tmp_path / "c.yaml"
    with pytest.raises(CorrectionError) as e:
        from briefgen.corrections.sheet import import_sheet

        import_sheet(sheet, target)
    msg = str(e.value)
    assert msg.startswith(
        "review.xlsx row 2 (speaker is a description): `speeker: Joseph Yun` is not a correction"
    )
    assert "\n" not in msg and not target.exists()
    row["correction"] = "country: Nroth Korea"
    sheet.write_bytes(workbook_bytes([Table("review", list(row), [row])]))
    with pytest.raises(
        CorrectionError, match=r"row 2 .*\(set-quote\): country `Nroth Korea` is not a known"
    ):
        import_sheet(sheet, target)


def test_correction_cells() -> None:
    assert parse_cell("speaker: Joseph Yun; country: usa") == [
        ("speaker", "Joseph Yun"),
        ("country", "usa"),
    ]
    assert parse_cell("Merge into Rex Tillerson") == [("merge-into", "Rex Tillerson")]
    assert parse_cell("Flip.\nreason: misread") == [("flip", ""), ("reason", "misread")]
    pair = {
        "item": "actor pair",
        "actor": "Rex Tillerson",
        "other_actor": "Tillerson",
        "correction": "merge",
    }
    assert entries_for_row(pair) == [
        {"do": "merge-actors", "actor": "Rex Tillerson", "merge": ["Tillerson"]}
    ]
    actor = {"item": "actor", "actor": "Victor Cha", "correction": "country: USA; kind: expert"}
    assert entries_for_row(actor) == [
        {"do": "set-actor", "actor": "Victor Cha", "kind": "expert", "country": "USA"}
    ]
    with pytest.raises(ValueError, match="does not apply to a position row"):
        entries_for_row(
            {"item": "position", "actor": "X", "issue": "talks", "correction": "speaker: Y"}
        )


@pytest.mark.parametrize(
    "name,described",
    [
        ("a senior State Department official", True),
        ("France’s foreign minister", True),
        ("U.S. officials", True),
        ("tweet", True),
        ("Trump administration officials", True),
        ("Rex Tillerson", False),
        ("White House", False),
        ("Chinese government", False),
        ("Kim Il Sung Square", False),
    ],
)
def test_review_knows_a_description_from_a_name(name: str, described: bool) -> None:
    from briefgen.corrections.review import is_description

    assert is_description(name) is described
