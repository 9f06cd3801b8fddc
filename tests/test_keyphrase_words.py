"""The keyphrase word lists live in one data file (data/keyphrase_words.yaml)."""

from __future__ import annotations

from briefgen.knowledge.countries import load_countries
from briefgen.knowledge.keyphrase_words import LISTS, institutions, words
from briefgen.nlp import kpcandidates


def test_each_list_is_lower_case_words_except_entity_types() -> None:
    """Lower-case single words, but entity types (upper case) and epithets, which are
    matched as whole words in a phrase ("rocket man")."""
    for name in LISTS:
        ws = words(name)
        assert ws, name
        if name == "skip_entities":
            assert all(w.isupper() for w in ws)
        else:
            one_word = name != "epithets"
            assert all(w == w.lower() and (" " not in w or not one_word) for w in ws), name


def test_institutions_belong_to_known_codes_and_feed_the_candidates() -> None:
    codes = {c.code for c in load_countries()} | {"UN"}
    inst = institutions()
    assert inst["Pentagon"] == "USA" and inst["KCNA"] == "PRK"
    assert set(inst.values()) <= codes
    assert inst == kpcandidates.INSTITUTION_CODE
    assert frozenset(inst) == kpcandidates._INSTITUTIONS
    assert "remarks" in kpcandidates._VAGUE_HEADS and "envoys" in kpcandidates._PEOPLE


def test_venue_and_generic_head_lists_feed_the_rules() -> None:
    """The venue heads reach the candidates and the generic heads the list's dedupe: a
    word added to the file changes which phrases are kept."""
    from briefgen.nlp import kpdedupe

    assert "estate" in kpcandidates._VENUE_HEADS
    assert "meeting" in words("generic_heads") and kpdedupe.bare("meetings")
    assert not kpdedupe.bare("sanctions")  # not listed: a subject on its own
