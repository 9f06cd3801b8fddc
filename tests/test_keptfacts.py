"""The sentence facts kept in the store (briefgen.keptfacts): a build from a warm store
equals one that computes them, nothing is recomputed when nothing changed, and a changed
article, a row of older code or a damaged row is computed again."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from briefgen.book.sentfacts import article_facts, facts_key
from briefgen.keptfacts import KIND, KeptFacts
from briefgen.model import Article
from briefgen.store import articles as st
from briefgen.store import open_store
from briefgen.store.versions import facts_version
from tests.test_store import _brief_json, _seeds_copy, _settings

TEXT = (
    "SEOUL -- North Korea fired a ballistic missile into the sea on Tuesday, the South "
    "Korean military said.\n\nThe launch came a day after the United States and South "
    "Korea ended joint exercises near the border with China.\n\nHe said it was bad."
)


def _article(text: str = TEXT, aid: str = "a1") -> Article:
    return Article(aid, "North Korea fires missile", text, "x.txt", published=date(2017, 11, 28))


def _refuse(a: Article) -> None:
    raise AssertionError(f"facts of {a.article_id} computed, not read from the store")


def test_stored_facts_equal_computed_and_are_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    arts = [_article(), _article(TEXT.replace("Tuesday", "Monday"), "a2")]
    with open_store(tmp_path / "data") as store:
        first = KeptFacts(store)(arts)
        assert [f.dumps() for f in first] == [article_facts(a).dumps() for a in arts]
        assert first[0].sentences[0].usable and first[0].sentences[0].news == 1.0
        monkeypatch.setattr("briefgen.keptfacts.article_facts", _refuse)
        again = KeptFacts(store)(arts)
    assert [f.dumps() for f in again] == [f.dumps() for f in first]
    assert again[1].sentences[0].sent.article_id == "a2"


def test_a_changed_article_an_old_row_and_a_damaged_row_are_computed_again(
    tmp_path: Path,
) -> None:
    a = _article()
    changed = replace(a, text=TEXT.replace("ballistic missile", "cruise missile"))
    assert facts_key(changed) != facts_key(a)
    assert facts_key(replace(a, published=date(2017, 10, 1))) != facts_key(a)
    with open_store(tmp_path / "data") as store:
        KeptFacts(store)([a])
        got = KeptFacts(store)([changed])[0]
        assert got.dumps() == article_facts(changed).dumps()
        assert "cruis" in got.tokens  # stemmed
        # a row of another version of the code counts as missing
        st.put_derived(store, KIND, [(facts_key(a), b"old")], "f-older")
        assert KeptFacts(store)([a])[0].dumps() == article_facts(a).dumps()
        # a row whose bytes are not facts is computed again (and written anew)
        st.put_derived(store, KIND, [(facts_key(a), b"\x78\x01garbage")], facts_version())
        assert KeptFacts(store)([a])[0].dumps() == article_facts(a).dumps()
        rows = st.get_derived(store, KIND, [facts_key(a)], facts_version())
        assert rows[facts_key(a)] != b"\x78\x01garbage"


def test_a_closed_store_still_gives_the_facts(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data")
    kept = KeptFacts(store)
    store.close()
    assert kept([_article()])[0].dumps() == article_facts(_article()).dumps()


def test_a_warm_build_equals_a_fresh_one_and_computes_no_facts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _seeds_copy(tmp_path)
    fresh = _brief_json(_settings(tmp_path / "a", tmp_path / "a" / "data"), [corpus])
    warm_settings = _settings(tmp_path / "b", tmp_path / "b" / "data")
    _brief_json(warm_settings, [corpus])
    db = sqlite3.connect(tmp_path / "b" / "data" / "briefgen-store.sqlite")
    kept = db.execute("SELECT COUNT(*) FROM derived WHERE kind = ?", (KIND,)).fetchone()[0]
    db.close()
    assert kept > 0
    monkeypatch.setattr("briefgen.keptfacts.article_facts", _refuse)
    assert _brief_json(warm_settings, [corpus]) == fresh
