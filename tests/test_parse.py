"""The shared spaCy parse: the same Docs in one process or several, and read back from the cache."""

from __future__ import annotations

from pathlib import Path

from briefgen.model import Article
from briefgen.nlp.parse import parse_articles


def _articles() -> list[Article]:
    texts = [
        "Japanese Foreign Minister Taro Kono said on Friday that pressure must continue.",
        "“We are probing, so stay tuned,” Tillerson told reporters in Beijing.",
        "North Korea's KCNA said the drills were a rehearsal for invasion.",
        "South Korea's presidential office backed the State Department's statement.",
    ]
    return [
        Article(article_id=f"a{i}", title="t", text=t, source_path="x") for i, t in enumerate(texts)
    ]


def _signature(doc) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    return [(t.text, t.tag_, t.dep_, t.ent_type_) for t in doc]


def test_parallel_parse_equals_serial(tmp_path: Path) -> None:
    arts = _articles()
    serial = parse_articles(arts, n_process=1)
    parallel = parse_articles(arts, n_process=2, batch_size=1)
    assert {k: _signature(d) for k, d in serial.items()} == {
        k: _signature(d) for k, d in parallel.items()
    }


def test_cache_round_trip_keeps_the_parse(tmp_path: Path) -> None:
    arts = _articles()
    done: list[int] = []
    first = parse_articles(arts, cache_dir=tmp_path, progress=done.append)
    assert len(done) == len(arts)
    assert list((tmp_path / "spacy").rglob("*.spacy"))
    again = parse_articles(arts, cache_dir=tmp_path)
    assert {k: _signature(d) for k, d in first.items()} == {
        k: _signature(d) for k, d in again.items()
    }
    assert [e.text for e in again["a0"].ents]  # entities survive the cache
