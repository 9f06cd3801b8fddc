"""Every input shape, every way a file can be unreadable, and arbitrary bytes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.config import CorpusSettings
from briefgen.corpus import load_corpus
from briefgen.corpus.encoding import decode_bytes
from briefgen.corpus.readers import ReadError, field_names, read_file
from briefgen.errors import CorpusError

LEAD = (
    "North Korea fired a ballistic missile into the sea off its east coast on Tuesday, South "
    "Korea's military said, the latest in a series of launches this year."
)
PARA2 = (
    "The launch came days after Pyongyang warned of a strong response to joint drills by "
    "Seoul and Washington, which it calls rehearsals for an invasion of the North."
)


def write(tmp: Path, name: str, content: str | bytes) -> Path:
    p = tmp / name
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


def test_jsonl_with_usual_field_names_and_epoch_dates(tmp_path: Path) -> None:
    rows = [
        {"headline": "Missile fired", "story_text": LEAD + "\n" + PARA2, "date": 1722643200000, "link": "http://kcna.kp/a"},
        {"title": "Drills begin", "content_original": "Seoul and Washington began ten days of joint drills on Monday, officials said.", "date_str": "2024-08-04",
         "source": "Fox Online News", "url": "http://www.foxnews.com/x", "authors": "Jane Doe"},
    ]  # fmt: skip
    write(tmp_path, "a.jsonl", "\n".join(json.dumps(r) for r in rows))
    c = load_corpus([tmp_path / "a.jsonl"])
    a, b = c.articles
    assert (a.title, a.published, a.date_source, a.url) == (
        "Missile fired",
        date(2024, 8, 3),
        "metadata",
        "http://kcna.kp/a",
    )
    assert a.outlet == "KCNA"  # from the link's domain
    assert (b.outlet, b.byline, b.published) == ("Fox News", "Jane Doe", date(2024, 8, 4))
    assert a.paragraphs == [LEAD, PARA2]


def test_user_field_map_for_unusual_names(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.json",
        json.dumps(
            [{"hed": "Missile fired", "copy": LEAD, "when": "2024-08-03", "paper": "Daily X"}]
        ),
    )
    s = CorpusSettings(
        field_map={"title": "hed", "text": "copy", "date": "when", "outlet": "paper"}
    )
    a = load_corpus([tmp_path / "a.json"], s).articles[0]
    assert (a.title, a.text, a.published, a.outlet) == (
        "Missile fired",
        LEAD,
        date(2024, 8, 3),
        "Daily X",
    )


def test_json_wrapper_object_and_nested_source(tmp_path: Path) -> None:
    data = {"status": "ok", "articles": [{"title": "T1", "description": "short", "content": LEAD,
                                          "publishedAt": "2024-08-03T10:00:00Z", "source": {"id": None, "name": "Reuters"}}]}  # fmt: skip
    write(tmp_path, "n.json", json.dumps(data))
    a = load_corpus([tmp_path / "n.json"]).articles[0]
    assert (a.title, a.outlet, a.published, a.text) == ("T1", "Reuters", date(2024, 8, 3), LEAD)


def test_markdown_front_matter_and_html_body(tmp_path: Path) -> None:
    md = (
        "---\npost_title: 'Missile &#039;test&#039; fired &#8211; CNN'\nauthor: Staff Writer\n"
        "post_date: 2016-01-13 03:02:59\npublished: true\n---\n [ad_1]\n<br><div><p>"
        + LEAD
        + "</p><figure><figcaption>Kim watches a launch. KCNA via REUTERS</figcaption></figure><p>"
        + PARA2
        + "</p></div>\n<br>[ad_2]\n<br><a href='http://x'>Source </a>"
    )
    write(tmp_path, "post.md", md)
    a = load_corpus([tmp_path / "post.md"]).articles[0]
    assert a.title == "Missile 'test' fired"
    assert a.outlet == "CNN"  # from the title suffix
    assert a.byline is None  # "Staff Writer" is no byline
    assert (a.published, a.date_source) == (date(2016, 1, 13), "metadata")
    assert a.paragraphs == [LEAD, PARA2]


def test_markdown_with_yaml_that_does_not_parse_and_entities(tmp_path: Path) -> None:
    md = (
        '---\ntitle: "Missile fired"\npublisher: 연합뉴스\nauthor: \n\t\t김현수(sookim@yna.co.kr)\n'
        "published_at: 2025-12-28 00:00\nurl: https://n.news.naver.com/x\n---\n\n# Missile fired\n\n"
        "**연합뉴스** | 2025-12-28 00:00 | \n\n---\n\n"
        + LEAD.replace("South Korea's", "South Korea&#x27;s")
        + "\n\n"
        + PARA2
        + "\n\n---\n\n*Crawled at: 2025-12-28 00:50:32*\n*Source: [원문 보기](https://n.news.naver.com/x)*\n"
    )
    write(tmp_path, "y.md", md)
    a = load_corpus([tmp_path / "y.md"]).articles[0]
    assert (a.title, a.outlet, a.published) == ("Missile fired", "Yonhap", date(2025, 12, 28))
    assert a.paragraphs == [LEAD, PARA2]


def test_html_page(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Missile fired | Example News</title>"
        "<meta property='article:published_time' content='2024-08-03T09:00:00Z'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Missile fired</h1>"
        f"<p>{LEAD}</p><p>{PARA2}</p></article><footer>© 2024 Example News. All rights reserved.</footer>"
        "</body></html>"
    )
    write(tmp_path, "p.html", page)
    a = load_corpus([tmp_path / "p.html"]).articles[0]
    assert a.published == date(2024, 8, 3)
    assert a.paragraphs == [LEAD, PARA2]
    assert "Missile fired" in a.title


@pytest.mark.parametrize("codec", ["cp1252", "latin-1", "cp949", "euc-kr"])
def test_legacy_encodings_are_decoded(tmp_path: Path, codec: str) -> None:
    extra = (
        "Café officials in Zürich said: “no comment”." if codec == "cp1252" else "Café in Zürich."
    )
    text = f"Missile fired\n\n{LEAD}\n\n{PARA2} {extra}"
    if codec in ("cp949", "euc-kr"):  # a Korean article
        extra = (
            "북한이 오늘 오전 동해상으로 탄도미사일 한 발을 발사했다고 합동참모본부가 밝혔다. " * 3
        )
        extra = extra.strip()
        text = f"북한, 탄도미사일 발사\n\n{extra}"
    write(tmp_path, "t.txt", text.encode(codec))
    a = load_corpus([tmp_path / "t.txt"]).articles[0]
    assert extra in a.text
    # cp1252 and cp949 are supersets of latin-1 and euc-kr: either reading is right
    assert a.meta["encoding"] == {"latin-1": "cp1252", "euc-kr": "cp949"}.get(codec, codec)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("bin.txt", bytes(range(256)) * 4, "binary"),
        ("cut.json", b'[{"title": "x", "text": "North Korea fired', "truncated JSON"),
        ("bad.json", b'{"title": "x",, }', "invalid JSON"),
        ("noarticles.json", b"[1, 2, 3]", "no article"),
    ],
)
def test_unreadable_files_are_skipped_with_one_line_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    write(tmp_path, "good.txt", f"Missile fired\n\n{LEAD}\n\n{PARA2}")
    write(tmp_path, name, content)
    c = load_corpus([tmp_path])
    assert len(c.articles) == 1 and c.files_read == 1
    assert [s.path.endswith(name) for s in c.skipped] == [True]
    assert reason in c.skipped[0].reason and "\n" not in c.skipped[0].reason
    assert "1 files skipped" in c.summary()


def test_too_large_file_is_skipped(tmp_path: Path) -> None:
    write(tmp_path, "big.txt", "Missile fired\n\n" + (LEAD + "\n\n") * 2000)
    c = load_corpus([tmp_path], CorpusSettings(max_file_mb=0.1))
    assert (
        not c.articles
        and "too large" in c.skipped[0].reason
        and "max_file_mb" in c.skipped[0].reason
    )


def test_truncated_last_jsonl_line_skips_only_that_line(tmp_path: Path) -> None:
    good = json.dumps({"title": "Missile fired", "text": LEAD})
    write(tmp_path, "a.jsonl", good + "\n" + '{"title": "cut", "text": "North')
    c = load_corpus([tmp_path / "a.jsonl"])
    assert len(c.articles) == 1
    assert "line 2" in c.skipped[0].reason


def test_missing_path_and_empty_glob_raise_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus([tmp_path / "nope"])
    with pytest.raises(CorpusError, match="no files match"):
        load_corpus([str(tmp_path / "*.nothing")])


def test_folders_recursive_globs_and_several_paths_each_file_once(tmp_path: Path) -> None:
    leads = [
        LEAD,
        PARA2,
        "Japan protested to Beijing over a survey ship seen near its coast on Sunday, officials said.",
    ]
    for i, sub in enumerate(["a", "a/b", "c"]):
        write(tmp_path, f"{sub}/f{i}.txt", f"Story {i}\n\n{leads[i]}")
    write(tmp_path, "a/.hidden/skip.txt", "Hidden\n\n" + LEAD)
    write(tmp_path, "a/image.png", b"\x89PNG\r\n")
    calls: list[int] = []
    c = load_corpus(
        [tmp_path / "a", str(tmp_path / "**" / "*.txt"), tmp_path / "c" / "f2.txt"],
        progress=calls.append,
    )
    assert sorted(Path(a.source_path).name for a in c.articles) == ["f0.txt", "f1.txt", "f2.txt"]
    assert sum(calls) == 3
    again = load_corpus([tmp_path / "a", str(tmp_path / "**" / "*.txt"), tmp_path / "c" / "f2.txt"])
    assert [a.article_id for a in again.articles] == [a.article_id for a in c.articles]


def test_duplicates_across_files_merge_and_remember_outlets(tmp_path: Path) -> None:
    rows = [
        {"title": "Missile fired", "text": f"{LEAD}\n\n{PARA2}", "source": "Reuters", "date": "2024-08-03"},
        {"title": "N. Korea fires missile", "text": f"{LEAD}\n\n{PARA2}\n\nMore details later.", "source": "USA TODAY", "date": "2024-08-03"},
    ]  # fmt: skip
    write(tmp_path, "a.jsonl", "\n".join(json.dumps(r) for r in rows))
    c = load_corpus([tmp_path / "a.jsonl"])
    assert len(c.articles) == 1 and c.duplicates_merged == 1
    a = c.articles[0]
    assert a.outlets == ["Reuters", "USA Today"]
    assert a.merged_from and a.merged_from[0].endswith("#0")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.binary(max_size=3000), ext=st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl"])
)
def test_arbitrary_bytes_never_crash_the_reader(tmp_path: Path, data: bytes, ext: str) -> None:
    p = tmp_path / f"fuzz{ext}"
    p.write_bytes(data)
    try:
        docs, problems = read_file(p, 10_000_000, field_names(None))
    except ReadError as e:
        assert "\n" not in str(e)
        return
    assert isinstance(docs, list)
    c = load_corpus([p])  # and the whole stage copes with it too
    assert c.files_read + len(c.skipped) >= 1


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=2000))
def test_arbitrary_text_decodes_and_cleans(text: str) -> None:
    from briefgen.corpus.clean import clean_article
    from briefgen.corpus.encoding import DecodeError

    try:
        decoded, _ = decode_bytes(text.encode("utf-8"))
    except DecodeError:
        decoded = text
    c = clean_article(decoded)
    assert all(p.strip() == p and p for p in c.paragraphs)


def _almanac(tmp: Path, name: str, published: str, years: list[int]) -> Path:
    entries = "".join(
        f"{y} -- North Korea's leader Kim Jong Un said the South must stop its drills, officials reported."
        for y in years
    )
    return write(
        tmp,
        name,
        f"---\ntitle: Today in Korean history\npublished_at: {published} 00:00\n---\n\n"
        f"Today in Korean history Dec. 29 {entries}\n",
    )


def test_a_chronology_of_past_years_is_kept_out_of_analysis(tmp_path: Path) -> None:
    """'Today in Korean history' is history: listed, but its entries (a 2011 statement by
    Pyongyang) must not pass for the week's news; a timeline reaching into the article's
    own year, or a news story, is analysed."""
    _almanac(tmp_path, "history.md", "2025-12-28", [1967, 1991, 2011, 2024])
    _almanac(tmp_path, "timeline.md", "2025-12-28", [2017, 2022, 2025])
    write(
        tmp_path,
        "news.md",
        f"---\ntitle: Missile fired\npublished_at: 2025-12-28\n---\n\n{LEAD}\n\n{PARA2}\n",
    )
    arts = {Path(a.source_path).stem: a for a in load_corpus([tmp_path]).articles}
    history = arts["history"]
    assert history.low_relevance and len(history.paragraphs) == 4
    assert history.paragraphs[0].startswith("1967 -- North Korea's leader")
    assert not arts["timeline"].low_relevance
    assert not arts["news"].low_relevance
