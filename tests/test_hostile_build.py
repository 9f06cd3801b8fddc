"""The probes of issue 13 that need the models: a build over articles dated 9999-12-31,
0001-01-01 or only "2017", and `quotes` on an article longer than spaCy's limit."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from briefgen.config import Settings
from briefgen.periods import Period
from briefgen.progress import Reporter

from .conftest import SEEDS


class Notes(Reporter):
    def __init__(self) -> None:
        self.warnings: list[str] = []

    def warn(self, message: str) -> None:
        self.warnings.append(message)


def _settings(tmp_path: Path) -> Settings:
    s = Settings()
    s.cache_dir = tmp_path / "cache"
    s.store.workers = 1
    s.brief.output_dir = str(tmp_path / "out")
    s.brief.formats = ["html"]
    return s


def test_build_with_dates_out_of_range_and_a_year_alone(tmp_path: Path) -> None:
    from briefgen.pipeline import build

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    dates = ["9999-12-31", "0001-01-01", "2017", "2017-12-19"]
    rows = [
        {"title": f"Story {i}", "text": t.split("\n", 1)[1], "date": d, "source": "Reuters"}
        for i, (t, d) in enumerate(zip(texts, dates, strict=False))
    ]
    corpus = tmp_path / "feed.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    notes = Notes()
    result = build(_settings(tmp_path), date(2017, 12, 20), Period(None, None), notes, [corpus])
    html = result.paths[0].read_text(encoding="utf-8")
    assert "9999" not in html and "0001-01-01" not in html
    assert "1 January 2017" not in html  # "2017" is a year, not a day
    assert '<time datetime="2017">2017</time>' in html
    out_of_range = [w for w in notes.warnings if "outside 1900-2100" in w]
    assert len(out_of_range) == 2 and all("\n" not in w for w in out_of_range)
    by_title = {a.title: a for a in result.brief.articles}
    assert by_title["Story 2"].date_precision == "year"


def test_quotes_of_an_article_longer_than_the_parser_limit(tmp_path: Path) -> None:
    """spaCy refuses texts over nlp.max_length; the parse goes by paragraph windows."""
    import briefgen.nlp.parse as parse
    from briefgen.nlp.parse import load_spacy
    from briefgen.pipeline import analyse

    nlp = load_spacy()
    para = (
        "“We will not accept a nuclear North Korea, and round {i} of talks changes nothing,” "
        "Secretary of State Rex Tillerson said on Tuesday, adding that {n} envoys could meet "
        "without preconditions."
    )
    paras = [para.format(i=i, n=i * 7 + 3) for i in range(120)]
    text = "Long transcript\n\n" + "\n\n".join(paras)  # about 22,000 characters
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    limit, window = nlp.max_length, parse.WINDOW
    nlp.max_length, parse.WINDOW = 10_000, 4_000  # the real limit, scaled down
    try:
        with pytest.raises(ValueError, match="E088"):
            nlp(text)  # what a plain parse does
        an = analyse(
            _settings(tmp_path),
            Period(None, None),
            None,
            [tmp_path / "long.txt"],
            keyphrases="none",
        )
    finally:
        nlp.max_length, parse.WINDOW = limit, window
    article = an.articles[0]
    assert len(article.text) > 10_000
    quotes = an.attribution.quotes
    assert len(quotes) >= 100  # found in every window, not only the first
    assert all(article.text[q.start : q.end] == q.text for q in quotes)
    assert {q.speaker for q in quotes} == {"Rex Tillerson"}
