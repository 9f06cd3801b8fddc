"""Shortcuts in the book's compute give exactly what the plain code gave (issue 12)."""

from __future__ import annotations

import re

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
    from briefgen.book.moves import _official_at, _officials_of

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
