"""The seeds (the issue's definition of done) and real corpora from ../shared/data."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from briefgen.corpus import Corpus, load_corpus

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "corpora"
JUNK = re.compile(
    r"Share This Post|Leave a Reply|Source link|Link copied|Your email address|Facebook Comments|"
    r"Lost Password|REUTERS/|via REUTERS|Thomson Reuters|AP-Yonhap|\(Reuters\)$|^TT$|지나쌤|"
    r"Featured Slider|From news reports|You may use these HTML",
    re.MULTILINE,
)


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return load_corpus([ROOT / "seeds"])


def test_seeds_give_five_clean_articles(seeds: Corpus) -> None:
    assert len(seeds.articles) == 5 and seeds.files_read == 4 and not seeds.skipped
    for a in seeds.articles:
        assert not JUNK.search(a.text), (a.title, JUNK.search(a.text))
        assert "\n\n\n" not in a.text
        # paragraphs whole: no paragraph ends mid-sentence on a wrapped line
        for p in a.paragraphs:
            assert p[-1] in '.!?"”’)…', (a.title, p[-60:])
        assert a.article_id and len({x.article_id for x in seeds.articles}) == 5


def test_seed_titles_outlets_and_dates(seeds: Corpus) -> None:
    by_file = {(Path(a.source_path).name[:3], a.part): a for a in seeds.articles}
    s000, s001, s003 = by_file[("000", 0)], by_file[("001", 0)], by_file[("003", 0)]
    s004a, s004b = by_file[("004", 0)], by_file[("004", 1)]
    assert s000.outlet == "Reuters" and s000.date_source == "estimate"
    assert s000.published and s000.published.year == 2017 and s000.published.month == 10
    assert s000.text.startswith("The United States is quietly pursuing")
    assert (s001.title, s001.outlet) == (
        "US probing NK for talks, as regime calls for end to US ‘hostilities’ in Russia",
        "The Korea Herald",
    )
    assert (s001.published, s001.date_source) == (date(2017, 10, 1), "published-line")
    assert s003.title == "US meets 1950-53 Korean War allies, wants more pressure on North Korea."
    assert s004a.title == "US Urges North Korea to Cease Weapons Testing for Talks to be Held"
    assert s004b.title.startswith("Blinken Meets China")
    assert (s004b.published, s004b.date_source) == (date(2024, 7, 27), "estimate")


def test_seed_relevance(seeds: Corpus) -> None:
    low = [a for a in seeds.articles if a.low_relevance]
    assert [a.title[:7] for a in low] == ["Blinken"]
    assert all(a.relevance >= 0.7 for a in seeds.articles if not a.low_relevance)


def test_seed_hard_wrap_rejoined(seeds: Corpus) -> None:
    s000 = next(a for a in seeds.articles if a.source_path.endswith("000_412f14a6cb4d0bce.txt"))
    assert "a senior State Department official said on Tuesday, despite" in s000.text
    assert not any("\n" in p for p in s000.paragraphs)


needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"shared corpora not found at {SHARED}"
)


@needs_shared
def test_yonhap_markdown_corpus() -> None:
    c = load_corpus([SHARED / "yonhap-2025"])
    assert c.files_read == 43 and not c.skipped
    assert all(a.date_source == "metadata" and a.published for a in c.articles)
    assert {a.outlet for a in c.articles} <= {"Yonhap", "The Korea Herald", "KBS"}
    for a in c.articles:
        assert "&quot;" not in a.text and "&#x27;" not in a.text
        assert "(Yonhap) --" not in a.paragraphs[0], a.title
        assert "Crawled at" not in a.text and "원문 보기" not in a.text


@needs_shared
def test_reuters_html_markdown_corpus() -> None:
    c = load_corpus([SHARED / "reuters-2016"])
    assert c.files_read >= 85
    assert sum(a.outlet == "Reuters" for a in c.articles) >= 55
    for a in c.articles:
        assert "<p>" not in a.text and "[ad_1]" not in a.text and "Editing by" not in a.text
