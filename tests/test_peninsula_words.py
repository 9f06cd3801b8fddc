"""The peninsula's two word lists (data/peninsula.yaml), one home, read two ways."""

from __future__ import annotations

from briefgen.corpus.relevance import mentions_peninsula
from briefgen.knowledge.peninsula import peninsula_terms, statement_korea_words


def test_both_lists_are_read_from_the_one_file() -> None:
    assert "DMZ" in peninsula_terms() and "inter-Korean" in peninsula_terms()
    assert {"korea", "the north", "peninsula"} <= statement_korea_words()


def test_the_looser_statement_words_are_no_names_of_the_peninsula() -> None:
    """A union would let another region's peninsula into the relevance test."""
    assert mentions_peninsula("Troops patrolled the DMZ on Monday.")
    assert not mentions_peninsula("Troops patrolled the Crimean peninsula on Monday.")
    assert not mentions_peninsula("Fighting spread across the north of Syria.")
