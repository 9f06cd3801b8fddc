"""The CLI end to end, on the seeds and on bad input, with the real models and WeasyPrint."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from briefgen.cli import cli

from .conftest import ROOT, SEEDS, SEEDS_DATE


def run(*args: str) -> tuple[int, str]:
    """Exit code and everything printed (stdout and stderr)."""
    r = CliRunner().invoke(cli, list(args))
    if r.exception and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r.exit_code, r.output


def stdout_of(*args: str) -> str:
    r = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r.stdout


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    for name, cmd in group.commands.items():
        found.append((prefix + name, cmd))
        if isinstance(cmd, click.Group):
            found += _commands(cmd, prefix + name + " ")
    return found


@pytest.mark.parametrize("name,cmd", _commands(cli))
def test_every_command_has_help(name: str, cmd: click.Command) -> None:
    assert cmd.help, f"`briefgen {name}` has no help text"
    code, out = run(*name.split(), "--help")
    assert code == 0 and "Usage:" in out


def test_help_does_not_import_heavy_modules() -> None:
    """`briefgen --help` must answer at once: no torch, spaCy, WeasyPrint or pandas at import."""
    probe = (
        "import sys; from briefgen.cli import cli\n"
        "heavy = [m for m in ('torch','spacy','weasyprint','pandas','sentence_transformers','keybert') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


# --- the seeds brief -------------------------------------------------------------


def test_build_writes_dated_pdf_and_html(seeds_build: dict) -> None:
    out: Path = seeds_build["out"]
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert names == [f"korea-brief-{SEEDS_DATE}.html", f"korea-brief-{SEEDS_DATE}.pdf"]
    assert seeds_build["pdf"].read_bytes().startswith(b"%PDF-")


def test_brief_has_every_part(seeds_build: dict) -> None:
    text = " ".join(seeds_build["pdf_text"].split())
    for heading in (
        "Bottom line",
        "United States",
        "North Korea",
        "South Korea",
        "China",
        "Japan",
        "Russia",
        "Key quotes",
        "Open questions",
        "Timeline",
        "Sources",
    ):
        assert heading.lower() in text.lower(), f"section {heading!r} missing from the PDF"
    assert "20 December 2017" in text  # the as-of date on the cover


def test_known_seed_quote_with_speaker(seeds_build: dict) -> None:
    html = seeds_build["html_text"]
    # Seed 001: the US envoy (Tillerson) said: "We are probing, so stay tuned."
    assert "We are probing, so stay tuned" in html
    i = html.index("We are probing, so stay tuned")
    assert "Tillerson" in html[i - 1500 : i + 1500]


def test_sources_are_numbered_and_cited(seeds_build: dict) -> None:
    html = seeds_build["html_text"]
    assert 'id="src-1"' in html
    cited = set(re.findall(r'href="#src-(\d+)"', html))
    listed = set(re.findall(r'id="src-(\d+)"', html))
    assert cited, "no statement cites a source"
    assert cited <= listed, f"citations without a source entry: {cited - listed}"


def test_pdf_metadata_and_outline(seeds_build: dict) -> None:
    reader = seeds_build["reader"]
    meta = reader.metadata
    assert meta and "Korea" in (meta.title or "")
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert any("Bottom line" in t for t in titles), titles
    assert len(reader.pages) >= 4


def test_hangul_font_is_embedded(seeds_build: dict) -> None:
    fonts: set[str] = set()
    for page in seeds_build["reader"].pages:
        res = page.get("/Resources") or {}
        for f in (res.get("/Font") or {}).values():
            fonts.add(str(f.get_object().get("/BaseFont")))
    assert any("CJK" in f for f in fonts), f"no CJK font embedded: {fonts}"


# --- exports ---------------------------------------------------------------------


def test_articles_json_fields() -> None:
    rows = json.loads(stdout_of("articles", str(SEEDS), "--format", "json"))
    assert len(rows) >= 4
    for key in (
        "article_id",
        "title",
        "outlet",
        "published",
        "date_source",
        "source_path",
        "url",
        "words",
        "text",
        "relevance",
        "outlets",
        "byline",
    ):
        assert key in rows[0], key


def test_quotes_json_fields() -> None:
    rows = json.loads(stdout_of("quotes", str(SEEDS), "--format", "json"))
    assert rows, "no quotes found in the seeds"
    for key in (
        "quote",
        "speaker",
        "speaker_role",
        "country",
        "cue",
        "source_path",
        "article_id",
        "title",
        "published",
    ):
        assert key in rows[0], key
    hua = [r for r in rows if "encourage North Korea and the United States" in r["quote"]]
    assert hua and "Hua" in (hua[0]["speaker"] or "") and hua[0]["country"] == "CHN"


def test_csv_export_has_header(tmp_path: Path) -> None:
    out = stdout_of("articles", str(SEEDS), "--format", "csv")
    assert out.splitlines()[0].startswith("article_id,")


# --- failures are one line, non-zero, no traceback -------------------------------


def _one_line_error(code: int, out: str) -> str:
    assert code != 0
    assert "Traceback" not in out
    lines = [ln for ln in out.splitlines() if ln.startswith("Error:")]
    assert len(lines) == 1, out
    return lines[0]


def test_missing_corpus_path_is_one_line(tmp_path: Path) -> None:
    line = _one_line_error(*run("build", str(tmp_path / "nope"), "-o", str(tmp_path)))
    assert "does not exist" in line


def test_bad_week_is_one_line(tmp_path: Path) -> None:
    line = _one_line_error(*run("build", str(SEEDS), "--week", "2017-53x", "-o", str(tmp_path)))
    assert "--week" in line


def test_conflicting_period_options(tmp_path: Path) -> None:
    line = _one_line_error(
        *run("build", str(SEEDS), "--week", "2017-W50", "--last", "7d", "-o", str(tmp_path))
    )
    assert "one of" in line


def test_empty_period_is_a_message_not_an_empty_pdf(tmp_path: Path) -> None:
    line = _one_line_error(
        *run(
            "build",
            str(SEEDS),
            "--since",
            "1990-01-01",
            "--until",
            "1990-01-31",
            "-o",
            str(tmp_path),
        )
    )
    assert "no dated articles" in line
    assert not list(tmp_path.glob("*.pdf"))


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    line = _one_line_error(*run("articles", str(tmp_path / "in")))
    assert "no articles" in line


def test_bad_config_is_one_line(tmp_path: Path) -> None:
    cfg = tmp_path / "briefgen.toml"
    cfg.write_text("[brief]\ncolour = 'red'\n")
    line = _one_line_error(*run("--config", str(cfg), "articles", str(SEEDS)))
    assert "colour" in line


def test_bad_file_is_skipped_not_fatal(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "good.txt").write_text((SEEDS / "001_c9e5aadb6dd4af01.txt").read_text())
    (corpus / "bad.json").write_bytes(b'[{"title": "x", "text": ')
    r = CliRunner().invoke(cli, ["articles", str(corpus), "--format", "json"])
    assert r.exit_code == 0, r.output
    assert len(json.loads(r.stdout)) >= 1
    assert "bad.json" in r.stderr  # reported, one line


def test_console_script_is_installed() -> None:
    exe = Path(sys.executable).parent / "briefgen"
    assert exe.exists()
    r = subprocess.run([str(exe), "--help"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and "build" in r.stdout
