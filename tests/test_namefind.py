"""NameFinder finds what the regex `\\b(name|...)\\b` (longest first) finds, in order."""

from __future__ import annotations

import random
import re

from briefgen.book.namefind import NameFinder

NAMES = [
    "Kim",
    "Kim Jong Un",
    "Kim Jong",
    "Moon Jae-in",
    "Moon",
    "U.S.",
    "U.S. Forces",
    "Tillerson",
    "Rex Tillerson",
    "Abe",
    "'Abe",
    "Ri Yong Ho",
    "Lavrov_",
    "Wang Yi",
    "Xi",
]
WORDS = ["Kim", "Jong", "Un", "U.S.", "Forces", "Moon", "Jae-in", "Rex", "Tillerson", "Abe"]
WORDS += ["'", "Ri", "Yong", "Ho", "Lavrov_", "Wang", "Yi", "Xi", "said", ",", ".", "-", " "]


def regex_hits(names: list[str], text: str) -> list[tuple[int, str]]:
    alts = sorted(set(names), key=lambda n: (-len(n), n))
    rx = re.compile(r"\b(" + "|".join(re.escape(n) for n in alts) + r")\b")
    return [(m.start(), m.group(1)) for m in rx.finditer(text)]


def test_finds_what_the_alternation_regex_finds() -> None:
    rng = random.Random(5)
    for _ in range(3000):
        names = rng.sample(NAMES, rng.randint(1, len(NAMES)))
        text = "".join(rng.choice(WORDS) + rng.choice(["", " ", " ", ", "]) for _ in range(12))
        assert list(NameFinder(names).find(text)) == regex_hits(names, text), (names, text)


def test_longest_name_at_a_place_and_word_boundaries() -> None:
    f = NameFinder(["Kim", "Kim Jong Un", "U.S."])
    assert list(f.find("Kim Jong Un met Kim.")) == [(0, "Kim Jong Un"), (16, "Kim")]
    # "Kimchi" is no Kim; "U.S." needs a word after its full stop to end on a boundary
    assert list(f.find("Kimchi and U.S. ships")) == []
    assert list(f.find("U.S.Army")) == [(0, "U.S.")]
    assert not NameFinder([]) and list(NameFinder([]).find("Kim")) == []
