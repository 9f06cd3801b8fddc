"""Every probe of issue 13 that needs no model: hostile or careless files, config values,
options, templates and output folders each give a one-line error or a reported skip,
quickly, and never a traceback, a hang or a leak.

The three security findings (a template running code, a symlinked template reading
/etc/passwd, `paths = "/some/dir"` crawling /) each have a test that fails on the code
before the fix.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import cli
from briefgen.config import Settings, load_settings
from briefgen.corpus import load_corpus
from briefgen.corpus.encoding import decode_bytes
from briefgen.corpus.htmltext import extract_page, html_to_text
from briefgen.corpus.load import expand_paths
from briefgen.errors import ConfigError, OutputError, RenderError
from briefgen.model import Article
from briefgen.periods import Period, resolve_period

from .brief_fixture import rich_brief
from .conftest import ROOT

LEAD = (
    "North Korea fired a ballistic missile into the sea off its east coast on Tuesday, South "
    "Korea's military said, the latest in a series of launches this year."
)
PARA2 = (
    "The launch came days after Pyongyang warned of a strong response to joint drills by "
    "Seoul and Washington, which it calls rehearsals for an invasion of the North."
)
BODY = f"{LEAD}\n\n{PARA2}"


def write(p: Path, content: str | bytes) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


def one_line(text: str) -> bool:
    return bool(text) and "\n" not in text and "Traceback" not in text


# -- JSON ----------------------------------------------------------------------------------


def test_json_nested_10000_deep_is_skipped_in_one_line(tmp_path: Path) -> None:
    deep = "[" * 10_000 + "]" * 10_000
    write(tmp_path / "deep.json", deep)
    write(tmp_path / "deep.jsonl", json.dumps({"title": "t", "text": BODY}) + "\n" + deep)
    write(tmp_path / "obj.json", '{"a":' * 5_000 + "1" + "}" * 5_000)
    c = load_corpus([tmp_path])
    reasons = {Path(s.path).name: s.reason for s in c.skipped}
    assert "nested more than" in reasons["deep.json"] and one_line(reasons["deep.json"])
    assert "nested more than" in reasons["obj.json"]
    assert "line 2" in reasons["deep.jsonl"] and len(c.articles) == 1  # the good line stays


def test_a_400_digit_integer_date_is_no_date(tmp_path: Path) -> None:
    rows = [{"title": "Missile fired", "text": BODY, "date": 10**400}]
    write(tmp_path / "a.json", json.dumps(rows))
    c = load_corpus([tmp_path / "a.json"])
    a = c.articles[0]
    assert a.date_source != "metadata"
    assert [s.skipped for s in c.skipped] == [False]  # a note, not a skip
    assert "outside 1900-2100" in c.skipped[0].reason and one_line(c.skipped[0].reason)


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "2101-05-01", "1850-06-30"])
def test_dates_outside_1900_2100_are_unknown_with_a_note(tmp_path: Path, value: str) -> None:
    write(tmp_path / "a.jsonl", json.dumps({"title": "Missile fired", "text": BODY, "date": value}))
    c = load_corpus([tmp_path / "a.jsonl"])
    a = c.articles[0]
    assert a.published is None or 1900 <= a.published.year <= 2100
    assert a.date_source != "metadata"
    assert value in c.skipped[0].reason and not c.skipped[0].skipped
    assert "1 notes" in c.summary()


def test_lone_surrogate_in_json_text_prints_as_json(tmp_path: Path) -> None:
    # "\ud800" is valid JSON but no character: printing it as UTF-8 raised UnicodeEncodeError
    write(
        tmp_path / "s.json",
        '[{"title": "Lone \\ud800 surrogate", "text": "'
        + LEAD
        + " \\udfff end.\\n\\n"
        + PARA2
        + '"}]',
    )
    r = CliRunner().invoke(cli, ["articles", str(tmp_path / "s.json"), "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert "\ufffd" in rows[0]["title"] and "\ufffd" in rows[0]["text"]


def test_text_that_is_an_object_is_refused_per_record(tmp_path: Path) -> None:
    rows = [
        {"title": "Object text", "text": {"html": "<p>nested</p>"}},
        {"title": "Missile fired", "text": BODY},
        {"title": "List of objects", "text": [{"p": 1}]},
    ]
    write(tmp_path / "a.json", json.dumps(rows))
    c = load_corpus([tmp_path / "a.json"])
    assert [a.title for a in c.articles] == ["Missile fired"]
    assert "{" not in c.articles[0].text  # never a Python repr
    refused = [s.reason for s in c.skipped if s.skipped]
    assert len(refused) == 2 and all("text field 'text'" in r and one_line(r) for r in refused)
    assert "record 1" in refused[0] and "record 3" in refused[1]


def test_metadata_that_is_no_text_is_left_out_with_a_note(tmp_path: Path) -> None:
    rows = [{"title": {"a": [1, 2]}, "text": BODY, "source": [{"x": 1}], "url": True}]
    write(tmp_path / "a.json", json.dumps(rows))
    c = load_corpus([tmp_path / "a.json"])
    a = c.articles[0]
    assert "{" not in a.title and a.outlet is None and a.url is None
    notes = [s.reason for s in c.skipped if not s.skipped]
    assert any("title field 'title' is an object" in n for n in notes)


# -- dates: precision ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "day", "precision"),
    [
        ("2017", date(2017, 1, 1), "year"),
        ("2017-10", date(2017, 10, 1), "month"),
        ("October 2017", date(2017, 10, 1), "month"),
        ("2017-10-05", date(2017, 10, 5), "day"),
    ],
)
def test_a_year_alone_is_a_year_not_january_first(
    tmp_path: Path, value: str, day: date, precision: str
) -> None:
    write(tmp_path / "a.jsonl", json.dumps({"title": "Missile fired", "text": BODY, "date": value}))
    a = load_corpus([tmp_path / "a.jsonl"]).articles[0]
    assert (a.published, a.date_precision, a.date_source) == (day, precision, "metadata")


def test_a_partial_date_is_in_a_period_only_when_all_of_it_is() -> None:
    week = resolve_period(date(2017, 12, 20), week="2016-W52")
    year = resolve_period(date(2017, 12, 20), since="2017-01-01", until="2017-12-31")
    assert week.contains(date(2017, 1, 1))
    assert not week.holds(date(2017, 1, 1), "year")
    assert year.holds(date(2017, 1, 1), "year") and year.holds(date(2017, 10, 1), "month")
    assert Period(None, None).holds(date(2017, 1, 1), "year")
    assert Article(
        "a", "t", "x", "p", published=date(2017, 2, 1), date_precision="month"
    ).date_span == (
        date(2017, 2, 1),
        date(2017, 2, 28),
    )


def test_the_brief_prints_a_year_alone_not_an_invented_day() -> None:
    from briefgen.render import render_html

    b = rich_brief()
    b.sources[0].published, b.sources[0].date_precision = date(2015, 1, 1), "year"
    b.sources[1].published, b.sources[1].date_precision = date(2016, 3, 1), "month"
    html = render_html(b)
    assert '<time datetime="2015">2015</time>' in html
    assert '<time datetime="2016-03">March 2016</time>' in html
    assert "1 January 2015" not in html and "1 March 2016" not in html


# -- front matter --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "front",
    [
        "title: Missile fired\n1: one\ntrue: yes\nnull: nothing\n",
        "title: Missile fired\ndate: 0000-00-00\n",
        "title: Missile fired\ndate: 2017-13-45\n",
        "title: Missile fired\n? [a, b]\n: complex key\n",
        "title: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
        "title: !!python/object/apply:os.system ['echo hacked']\n",
    ],
)
def test_odd_front_matter_is_read_not_raised(tmp_path: Path, front: str) -> None:
    write(tmp_path / "a.md", f"---\n{front}---\n\n{BODY}\n")
    c = load_corpus([tmp_path / "a.md"])
    assert len(c.articles) == 1 and c.articles[0].paragraphs == [LEAD, PARA2]
    assert c.articles[0].published is None or c.articles[0].published.year == 2017
    assert all(one_line(s.reason) for s in c.skipped)


def test_yaml_alias_bomb_in_front_matter_is_not_expanded(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    front = "\n".join(lines) + "\ntitle: *a9\nsource: *a9\nauthor: *a9\n"
    write(tmp_path / "bomb.md", f"---\n{front}\n---\n\n{BODY}\n")
    tracemalloc.start()
    t = time.perf_counter()
    c = load_corpus([tmp_path / "bomb.md"])
    took = time.perf_counter() - t
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert took < 10 and peak < 200_000_000, (took, peak)  # 9**10 strings: 4.5 GB before
    assert c.articles[0].paragraphs == [LEAD, PARA2]


def test_huge_front_matter_is_read_line_by_line(tmp_path: Path) -> None:
    front = "title: Missile fired\n" + "".join(f"k{i}: v{i}\n" for i in range(20_000))
    write(tmp_path / "big.md", f"---\n{front}---\n\n{BODY}\n")
    a = load_corpus([tmp_path / "big.md"]).articles[0]
    assert a.title == "Missile fired"


# -- encodings -----------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_not_skipped(tmp_path: Path, codec: str) -> None:
    write(tmp_path / "a.txt", f"Missile fired\n\n{BODY}".encode(codec))
    write(
        tmp_path / "k.txt",
        "북한, 탄도미사일 발사\n\n북한이 오늘 동해상으로 탄도미사일 2발을 발사했다고 밝혔다. ".encode(
            codec
        )
        * 3,
    )
    c = load_corpus([tmp_path])
    assert not c.skipped
    texts = {Path(a.source_path).name: a for a in c.articles}
    assert texts["a.txt"].paragraphs == [LEAD, PARA2]
    assert "탄도미사일" in texts["k.txt"].text
    assert texts["a.txt"].meta["encoding"] == f"{codec} (no BOM)"


def test_a_stray_nul_byte_does_not_drop_the_file(tmp_path: Path) -> None:
    data = f"Missile fired\n\n{BODY}".encode()
    write(tmp_path / "a.txt", data[:40] + b"\x00" + data[40:])
    c = load_corpus([tmp_path / "a.txt"])
    assert c.articles and LEAD in c.articles[0].text and "\x00" not in c.articles[0].text
    assert "1 NUL byte dropped" in c.articles[0].meta["encoding"]
    # binary data is still refused
    with pytest.raises(ValueError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)


# -- paths ---------------------------------------------------------------------------------


def test_globs_and_folders_do_not_follow_symlink_loops(tmp_path: Path) -> None:
    write(tmp_path / "c" / "a" / "x.md", f"# Missile fired\n\n{BODY}\n")
    write(tmp_path / "c" / "b" / "y.txt", f"Talks\n\n{PARA2}\n")
    (tmp_path / "c" / "a" / "loop").symlink_to(tmp_path / "c")
    (tmp_path / "c" / "a" / "self").symlink_to(tmp_path / "c" / "a")
    (tmp_path / "c" / "b" / "up").symlink_to("..")
    t = time.perf_counter()
    files = expand_paths([str(tmp_path / "c" / "**" / "*.*")])
    folder = expand_paths([tmp_path / "c"])
    assert time.perf_counter() - t < 5
    assert sorted(f.name for f in files) == ["x.md", "y.txt"] == sorted(f.name for f in folder)


# -- HTML and Markdown ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "markup",
    [
        "<div>" * 40_000 + f"<p>{LEAD}</p>",
        "<a " * 20_000 + LEAD,
        "<!--" * 20_000 + LEAD,
        "</" * 40_000 + LEAD,
    ],
)
def test_html_fallback_is_linear(markup: str) -> None:
    t = time.perf_counter()
    text = html_to_text(markup)
    body, _ = extract_page(f"<html><body>{markup}</body></html>")
    assert time.perf_counter() - t < 15  # minutes before
    assert "North Korea fired" in text + body


def test_markdown_with_unclosed_brackets_is_linear(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "# T\n\n" + "[![(" * 30_000 + f"\n\n{BODY}\n")
    t = time.perf_counter()
    c = load_corpus([tmp_path / "a.md"])
    assert time.perf_counter() - t < 10
    assert LEAD in c.articles[0].text


# -- config --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "fragments"),
    [
        (
            '[corpus]\npaths = "/some/dir"\n',
            ["[corpus] paths", "/some/dir", 'paths = ["/some/dir"]'],
        ),
        ('[corpus]\nrelevance_threshold = "high"\n', ["relevance_threshold", "high", "0.35"]),
        ("[corpus]\nrelevance_threshold = 3\n", ["relevance_threshold", "0 to 1"]),
        ('[corpus]\nmax_file_mb = "big"\n', ["max_file_mb", "big"]),
        ("[corpus]\nfield_map = 3\n", ["field_map = 3", "table"]),
        ('[corpus]\nfield_map = { colour = "x" }\n', ["colour", "no field briefgen reads"]),
        ('[email]\ntimeout = "x"\n', ["[email] timeout", '"x"', "timeout = 30"]),
        ("[email]\ntimeout = nan\n", ["timeout", "finite"]),
        ("[email]\nsmtp_port = 0\n", ["smtp_port", "1 to 65535"]),
        ('[email]\nsecurity = "tls"\n', ["security", "starttls"]),
        ('[email]\nlists = { staff = "a@x.org" }\n', ["lists", "lists of strings"]),
        ("[brief]\npaper = 5\n", ["[brief] paper = 5", '"A4"']),
        ('[brief]\npaper = "A5"\n', ["paper", '"Letter"']),
        ('[brief]\nformats = ["docx"]\n', ["formats", "pdf"]),
        ("[brief]\ntop_keyphrases = true\n", ["top_keyphrases", "whole number"]),
        ("[store]\nworkers = -1\n", ["workers"]),
        ("cache_dir = 5\n", ["cache_dir"]),
        ("brief = 5\n", ["[brief]"]),
    ],
)
def test_every_bad_config_value_is_named_with_its_fix(
    tmp_path: Path, toml: str, fragments: list[str]
) -> None:
    cfg = write(tmp_path / "briefgen.toml", toml)
    with pytest.raises(ConfigError) as e:
        load_settings(cfg)
    assert one_line(e.value.message) and not e.value.more
    for f in fragments:
        assert f in e.value.message


def test_a_string_for_paths_is_never_crawled_letter_by_letter(tmp_path: Path) -> None:
    """Security: `paths = "/some/dir"` was iterated as "/", "s", ... and crawled /."""
    cfg = write(tmp_path / "briefgen.toml", f'[corpus]\npaths = "{tmp_path}"\n')
    r = CliRunner().invoke(cli, ["--config", str(cfg), "articles"])
    assert r.exit_code == 2
    assert r.output.startswith("Error:") and "[corpus] paths" in r.output


def test_several_bad_values_one_error_line_each(tmp_path: Path) -> None:
    cfg = write(
        tmp_path / "briefgen.toml",
        '[brief]\npaper = 5\n[corpus]\nrelevance_threshold = "high"\nmax_file_mb = "big"\n'
        'field_map = 3\n[email]\ntimeout = "x"\n',
    )
    r = CliRunner().invoke(cli, ["--config", str(cfg), "articles"])
    lines = r.output.strip().splitlines()
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert len(lines) == 5 and all(ln.startswith("Error: ") for ln in lines)


def test_good_values_are_normalised(tmp_path: Path) -> None:
    cfg = write(
        tmp_path / "briefgen.toml",
        '[brief]\npaper = "letter"\n[corpus]\nmax_file_mb = 20\n[email]\ntimeout = 5\n',
    )
    s = load_settings(cfg)
    assert s.brief.paper == "Letter" and s.corpus.max_file_mb == 20.0
    assert isinstance(s.email.timeout, float)


# -- options -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--week", "9999-W52"], "out of range"),
        (["--last", "99999999d"], "at most"),
        (["--last", "9" * 5000 + "d"], "at most"),
        (["--since", "0001-01-01"], "out of range"),
        (["--until", "9999-12-31"], "out of range"),
        (["--date", "9999-12-31"], "out of range"),
    ],
)
def test_periods_outside_1900_2100_are_refused(args: list[str], fragment: str) -> None:
    r = CliRunner().invoke(cli, ["articles", str(ROOT / "seeds"), *args])
    assert r.exit_code == 2, r.output
    lines = [ln for ln in r.output.splitlines() if ln.startswith("Error:")]
    assert len(lines) == 1 and fragment in lines[0] and len(lines[0]) < 200
    assert "Traceback" not in r.output


# -- templates -----------------------------------------------------------------------------


def test_a_user_template_cannot_run_code(tmp_path: Path) -> None:
    """Security: a template reached os.popen through brief.__class__.__init__.__globals__."""
    from briefgen.render import render_html

    marker = tmp_path / "ran"
    payload = (
        "{{ brief.__class__.__init__.__globals__['__builtins__']['__import__']('os')"
        f".popen('touch {marker}; id').read() }}}}"
    )
    write(tmp_path / "t" / "brief.html", payload)
    with pytest.raises(RenderError) as e:
        render_html(rich_brief(), tmp_path / "t")
    assert one_line(e.value.message) and "template" in e.value.message
    assert not marker.exists()
    write(tmp_path / "u" / "brief.html", "{{ ().__class__.__base__.__subclasses__() }}")
    with pytest.raises(RenderError):
        render_html(rich_brief(), tmp_path / "u")


def test_a_symlinked_template_outside_the_folder_is_refused(tmp_path: Path) -> None:
    """Security: a link in the template folder included /etc/passwd in the HTML."""
    from briefgen.render import render_html

    secret = write(tmp_path / "secret.txt", "root:x:0:0:SECRET")
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "brief.html").symlink_to(secret)
    with pytest.raises(RenderError, match="outside the template folder"):
        render_html(rich_brief(), folder)
    # an include of a linked partial is refused the same way
    (folder / "brief.html").unlink()
    write(
        folder / "brief.html",
        '{% extends "default:brief.html" %}{% block bluf %}{% include "p.html" %}{% endblock %}',
    )
    (folder / "p.html").symlink_to(secret)
    with pytest.raises(RenderError, match="outside the template folder"):
        render_html(rich_brief(), folder)
    # a link inside the folder is fine
    (folder / "p.html").unlink()
    write(folder / "real.html", "<p>own partial</p>")
    (folder / "p.html").symlink_to(folder / "real.html")
    assert "own partial" in render_html(rich_brief(), folder)


@pytest.mark.parametrize(
    ("template", "fragment"),
    [
        ("{{ 1/0 }}", "ZeroDivisionError"),
        ('{% extends "brief.html" %}', "extends or includes itself"),
        ("{{ 'x' * 1000000000 }}", "repetition"),
        ("{{ 2 ** 100000000 }}", "power"),
        ("{% for i in range(10**9) %}{% endfor %}", "template"),
        ("{{ brief.title | int + 'a' }}", "TypeError"),
    ],
)
def test_a_broken_template_is_one_line_error(tmp_path: Path, template: str, fragment: str) -> None:
    from briefgen.render import render_html

    write(tmp_path / "brief.html", template)
    t = time.perf_counter()
    with pytest.raises(RenderError) as e:
        render_html(rich_brief(), tmp_path)
    assert time.perf_counter() - t < 10
    assert one_line(e.value.message) and fragment in e.value.message


# -- output folder -------------------------------------------------------------------------


def _settings(tmp_path: Path, out: Path, template_dir: str | None = None) -> Settings:
    s = Settings()
    s.brief.output_dir = str(out)
    s.brief.template_dir = template_dir
    s.cache_dir = tmp_path / "cache"
    return s


@pytest.mark.parametrize("where", ["file", "under-file"])
def test_output_in_the_way_fails_before_the_heavy_work(tmp_path: Path, where: str) -> None:
    from briefgen.pipeline import build
    from briefgen.progress import Reporter

    blocker = write(tmp_path / "blocker", "I am a file")
    out = blocker if where == "file" else blocker / "briefs"
    steps: list[str] = []

    class Spy(Reporter):
        def step(self, message: str) -> None:
            steps.append(message)

    with pytest.raises(OutputError) as e:
        build(
            _settings(tmp_path, out),
            date(2017, 12, 20),
            Period(None, None),
            Spy(),
            [ROOT / "seeds"],
        )
    assert one_line(e.value.message) and "file" in e.value.message
    assert steps == []  # nothing was read or parsed


@pytest.mark.parametrize(
    "template", ["{% if %}", "{{ 1/0 }}", '{% extends "brief.html" %}', "{{ brief.__class__ }}"]
)
def test_a_broken_template_fails_before_the_heavy_work(tmp_path: Path, template: str) -> None:
    from briefgen.pipeline import build

    write(tmp_path / "t" / "brief.html", template)
    with pytest.raises(RenderError, match="template"):
        build(
            _settings(tmp_path, tmp_path / "out", str(tmp_path / "t")),
            date(2017, 12, 20),
            Period(None, None),
            None,
            [ROOT / "seeds"],
        )


def test_a_full_disk_is_found_before_the_heavy_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from briefgen.render import preflight

    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(shutil, "disk_usage", lambda p: usage._replace(free=100_000))
    with pytest.raises(OutputError, match="free"):
        preflight(_settings(tmp_path, tmp_path / "out").brief)


_AS_NOBODY = """
import os, sys
from pathlib import Path
from briefgen.files import check_output_folder
from briefgen.errors import OutputError
os.setgid(65534); os.setuid(65534)  # after the imports: the code stays readable
try:
    check_output_folder(Path(sys.argv[1]))
except OutputError as e:
    print(e)
"""


def test_a_read_only_folder_is_found_before_the_heavy_work(tmp_path: Path) -> None:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="briefgen-ro-", dir="/tmp"))
    try:
        folder.chmod(0o555)
        if os.geteuid() == 0:  # root writes anywhere: check as nobody
            r = subprocess.run(
                [sys.executable, "-c", _AS_NOBODY, str(folder)],
                capture_output=True,
                text=True,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
            assert "Traceback" not in r.stderr, r.stderr
            out = r.stdout.strip()
        else:
            from briefgen.files import check_output_folder

            with pytest.raises(OutputError) as e:
                check_output_folder(folder)
            out = e.value.message
        assert "cannot write in output folder" in out and "Permission denied" in out
        assert one_line(out)
    finally:
        folder.chmod(0o755)
        folder.rmdir()


_FSIZE = """
import resource, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from tests.brief_fixture import rich_brief
from briefgen.config import BriefSettings
from briefgen.errors import OutputError
from briefgen.render import preflight, write_outputs
settings = BriefSettings(output_dir=sys.argv[1], formats=["html"])
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[3]), resource.RLIM_INFINITY))
try:
    if sys.argv[4] == "check":
        preflight(settings)
    write_outputs(rich_brief(), settings)
    print("written")
except OutputError as e:
    print("Error:", e)
"""


def test_a_file_size_limit_is_an_error_and_keeps_the_earlier_brief(tmp_path: Path) -> None:
    out = tmp_path / "out"
    good = "<p>the good earlier brief</p>"
    earlier = write(out / "korea-brief-2017-12-20.html", good)

    def child(limit: int, check: str) -> str:
        r = subprocess.run(
            [sys.executable, "-c", _FSIZE, str(out), str(ROOT), str(limit), check],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert "Traceback" not in r.stderr, r.stderr
        return r.stdout.strip()

    # below what a brief takes: refused before any work
    line = child(100_000, "check")
    assert line.startswith("Error:") and "ulimit -f" in line and one_line(line)
    # found only when writing: one line, the earlier brief intact, no temp file left
    line = child(20_000, "write")
    assert line.startswith("Error: cannot write") and "File too large" in line and one_line(line)
    assert earlier.read_text() == good
    assert [p.name for p in out.iterdir()] == [earlier.name]
