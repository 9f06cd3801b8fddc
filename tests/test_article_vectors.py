"""Each article's vectors are made beside its analysis and kept in the store: a rerun reads
them and embeds nothing, an article's vectors do not depend on the articles embedded with
it, and the brief is the one the main-process embedder gave."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from briefgen import articlevectors  # noqa: E402
from briefgen.config import Settings  # noqa: E402
from briefgen.nlp import embeddings  # noqa: E402
from briefgen.periods import resolve_period  # noqa: E402
from briefgen.pipeline import analyse, build  # noqa: E402
from tests.conftest import SEEDS  # noqa: E402
from tests.texts import news_article  # noqa: E402

DAY = date(2017, 12, 20)


def _settings(tmp: Path, name: str) -> Settings:
    s = Settings(cache_dir=tmp / f"cache-{name}")
    s.brief = replace(s.brief, output_dir=str(tmp / f"out-{name}"), formats=["html"])
    s.store = replace(s.store, path=str(tmp / f"store-{name}"), workers=1)
    return s


def test_a_rerun_reads_the_vectors_and_embeds_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    s = _settings(tmp_path, "a")
    calls: list[int] = []
    alone = embeddings.embed_alone

    def spy(texts: list[str]) -> tuple[list[str], np.ndarray]:
        calls.append(len(texts))
        return alone(texts)

    monkeypatch.setattr(embeddings, "embed_alone", spy)
    first = analyse(s, resolve_period(DAY), paths=[corpus])
    assert first.embedder is not None
    assert calls and first.embedder.preloaded > 0 and first.embedder.embedded == 0
    calls.clear()
    again = analyse(s, resolve_period(DAY), paths=[corpus])
    assert again.embedder is not None
    assert calls == [] and again.embedder.embedded == 0
    assert again.embedder.preloaded > 0  # (fewer: the kept keyphrase lists need none)


def test_an_articles_vectors_do_not_depend_on_its_company() -> None:
    a = news_article(
        "a1",
        "North Korea fires a missile",
        "North Korea fired a ballistic missile into the sea on Tuesday, the South Korean "
        "military said. Seoul said the launch violated UN resolutions.",
        "AP",
        DAY,
    )
    b = news_article(
        "b1",
        "China urges restraint",
        "China urged restraint on Wednesday after talks in Beijing with the U.S. envoy, "
        "who said sanctions would stay until North Korea gives up its nuclear weapons.",
        "Reuters",
        DAY,
    )
    alone = articlevectors.embed_articles([(a, None, None)])[0]
    with_b = articlevectors.embed_articles([(b, None, None), (a, None, None)])[1]
    assert alone == with_b
    vecs = articlevectors.unpack(alone[0])
    title = embeddings.text_key(a.title or "")
    assert title in vecs and np.isclose(float(np.linalg.norm(vecs[title])), 1.0, atol=1e-5)


def test_the_stored_vectors_give_the_brief_the_main_process_gave(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    ours = build(_settings(tmp_path, "ours"), DAY, resolve_period(DAY), paths=[corpus])
    # as before: no article's vectors, everything embedded in this process
    monkeypatch.setattr(articlevectors, "article_vectors", lambda *a, **k: ({}, 0))
    before = build(_settings(tmp_path, "before"), DAY, resolve_period(DAY), paths=[corpus])
    for p, q in zip(ours.paths, before.paths, strict=True):
        assert p.read_bytes() == q.read_bytes(), f"{p.name} differs"
