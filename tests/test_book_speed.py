"""Shortcuts in the book's compute give exactly what the plain code gave (issue 12)."""

from __future__ import annotations

import math
import random
import re
from itertools import repeat

import pytest


def _subject_plain(head: str, code: str, officials: dict[str, str]) -> str | None:
    """The named-official branch of moves._subject as it was: every name tried, longest
    first (ties in the map's order), at the earliest opening it starts."""
    simple = re.match(r"(?:(?:The|the|Mr\.|Mrs\.|Ms\.|Dr\.)\s+)?", head)
    starts = {0, simple.end() if simple else 0}
    for n in sorted(officials, key=len, reverse=True):
        at = next((i for i in sorted(starts) if head.startswith(n, i)), -1)
        if officials[n] == code and at >= 0 and len(n) > 3:
            return head[at + len(n) :]
    return None


OFFICIALS = {
    "Trump": "USA",
    "Donald Trump": "USA",
    "Tillerson": "USA",
    "Rex Tillerson": "USA",
    "Kim": "PRK",  # too short to open on
    "Kim Jong Un": "PRK",
    "Moon Jae-in": "KOR",
    "Moon": "KOR",
    "Mattis": "USA",
    "Abe": "JPN",
    "Wang Yi": "CHN",
    "Wang Yis": "USA",  # one longer name of another country starting the same
    "Kono": "JPN",
}


@pytest.mark.parametrize(
    "head",
    [
        "Donald Trump said on Tuesday",
        "Mr. Tillerson told reporters",
        "The Mattis plan was",
        "Trump's strategy has",
        "Kim Jong Un oversaw a launch",
        "Moon Jae-in met Kim",
        "Wang Yis and Wang Yi",
        "Wang Yi said",
        "Kono warned",
        "Nobody in particular",
        "",
    ],
)
def test_an_official_opening_the_sentence_is_found_as_before(head: str) -> None:
    """moves._subject's indexed look-up of the officials (thousands of sentences against
    hundreds of names in a whole-corpus brief) finds the name the plain loop found."""
    from briefgen.book.officialnames import _official_at, _officials_of

    simple = re.match(r"(?:(?:The|the|Mr\.|Mrs\.|Ms\.|Dr\.)\s+)?", head)
    starts = sorted({0, simple.end() if simple else 0})
    for code in ("USA", "PRK", "KOR", "JPN", "CHN"):
        hit = _official_at(head, starts, _officials_of(tuple(OFFICIALS.items()), code))
        got = None if hit is None else head[hit[0] + len(hit[1]) :]
        assert got == _subject_plain(head, code, OFFICIALS), (head, code)


def test_own_move_reads_a_changed_officials_map_afresh() -> None:
    """The look-up is kept per map's contents, not per map object: a map changed in
    place is read again."""
    from briefgen.book.moves import own_move

    officials = {"Tillerson": "USA"}
    assert own_move("Tillerson announced new sanctions on Monday.", "USA", officials)
    officials["Tillerson"] = "GBR"
    assert not own_move("Tillerson announced new sanctions on Monday.", "USA", officials)


def _random_vectors(rng: random.Random, n: int, vocab: int, size: int) -> list[dict[str, float]]:
    """Unit vectors over a small vocabulary, with repeated weights (ties in the sorts)."""
    out = []
    for _ in range(n):
        terms = rng.sample([f"t{i}" for i in range(vocab)], rng.randint(0, size))
        raw = {t: rng.choice([0.5, 1.0, 1.5, rng.random() + 0.01]) for t in terms}
        norm = math.sqrt(sum(x * x for x in raw.values()))
        out.append({t: x / norm for t, x in raw.items()} if norm else {})
    return out


def _support_plain(
    vecs: list[dict[str, float]],
    owners: list[str],
    postings: dict[str, list[tuple[str, float]]],
    skip: set[str],
    cap: int | None,
) -> list[float]:
    out = []
    for v, own in zip(vecs, owners, strict=True):
        acc: dict[str, float] = {}
        terms = sorted(v.items(), key=lambda x: (-x[1], x[0]))
        for t, w in terms[:cap] if cap is not None else terms:
            if t in skip:
                continue
            for aid, w2 in postings.get(t, ()):
                if aid != own:
                    acc[aid] = acc.get(aid, 0.0) + w * w2
        out.append(sum(map(min, acc.values(), repeat(0.25))) / 0.25)
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("cap", [None, 3])
def test_support_is_the_plain_loop_to_the_last_bit(seed: int, cap: int | None) -> None:
    """book.support gives the very floats of the loop it replaced (the order of every
    addition kept), in blocks too."""
    from briefgen.book import support as sp

    rng = random.Random(seed)
    ids = [f"a{i}" for i in range(12)]
    arts = dict(zip(ids, _random_vectors(rng, len(ids), 30, 12), strict=True))
    postings: dict[str, list[tuple[str, float]]] = {}
    for aid, v in arts.items():
        for t, w in v.items():
            postings.setdefault(t, []).append((aid, w))
    for p in postings.values():
        p.sort(key=lambda x: (-x[1], x[0]))
        del p[5:]
    vecs = _random_vectors(rng, 60, 34, 9)  # some terms no article has
    owners = [rng.choice([*ids, "elsewhere"]) for _ in vecs]
    skip = {"t1", "t2"}
    want = _support_plain(vecs, owners, postings, skip, cap)
    assert sp.support(vecs, owners, postings, skip, ids, cap) == want
    old = sp.BLOCK_CELLS
    try:
        sp.BLOCK_CELLS = 50  # four sentences per block
        assert sp.support(vecs, owners, postings, skip, ids, cap) == want
    finally:
        sp.BLOCK_CELLS = old


def test_similar_articles_are_those_the_plain_test_finds() -> None:
    """The sentence pool's similar articles (dot products first, cosine near the
    thresholds) are the articles the plain cosine loop finds, at any threshold."""
    from datetime import date

    from briefgen.book.summarize import SentencePool
    from briefgen.book.textsim import cosine
    from briefgen.model import Article

    rng = random.Random(7)
    words = [
        "missile",
        "launch",
        "talks",
        "summit",
        "sanctions",
        "nuclear",
        "test",
        "envoy",
        "Seoul",
        "Beijing",
    ]
    arts = [
        Article(
            article_id=f"a{i}",
            title=" ".join(rng.sample(words, 3)),
            text=" ".join(
                " ".join(rng.sample(words, rng.randint(3, 7))).capitalize() + "."
                for _ in range(rng.randint(1, 5))
            ),
            source_path="test",
            published=date(2017, 9, 1 + i % 20),
        )
        for i in range(30)
    ]
    pool = SentencePool(arts)

    def plain(c: object, threshold: float) -> list[str]:
        out = []
        for aid, cands in pool.by_article.items():
            if aid == c.article_id or cosine(c.vec, pool.article_vecs[aid]) < 0.05:  # type: ignore[attr-defined]
                continue
            if any(cosine(c.vec, o.vec) >= threshold for o in cands):  # type: ignore[attr-defined]
                out.append(aid)
        return sorted(out)

    assert len(pool.all) > 30
    found = 0
    for c in pool.all:
        for threshold in (0.3, 0.6, 1.0):
            got = pool.similar_articles(c, threshold)
            assert got == plain(c, threshold)
            found += len(got)
    assert found  # the corpus has similar articles to find


@pytest.mark.parametrize(
    "text,loose,strict",
    [
        ("North Korea fired a missile on Tuesday.", "PRK", "PRK"),
        ("The North said it would respond.", None, "PRK"),
        ("The joint exercises with South Korea presented a threat.", "KOR", None),
        ("Speaking in Seoul, Tillerson said the talks would go on.", "USA", "USA"),
        ("Talks with Japan and China went on.", "JPN", "CHN"),
        ("Nobody named a country here at all, as far as anyone can tell.", None, None),
    ],
)
def test_the_subject_and_the_doer_are_read_in_one_pass(
    text: str, loose: str | None, strict: str | None
) -> None:
    """subject_countries gives what subject_country gives, loose and strict."""
    from briefgen.book.summarize import NameFinder, subject_countries, subject_country

    names = {"Tillerson": "USA"}
    rx = NameFinder(names)
    assert subject_countries(text, names, rx) == (loose, strict)
    assert subject_country(text, names, rx) == loose
    assert subject_country(text, names, rx, strict=True) == strict
