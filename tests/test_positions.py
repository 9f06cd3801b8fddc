"""Positions, country roll-up and disagreements on short texts written here."""

from __future__ import annotations

import pytest

from briefgen.model import Article, Position
from briefgen.nlp.attribution import attribute
from briefgen.nlp.positions import disagreements, score_text


@pytest.fixture(scope="module")
def att():  # type: ignore[no-untyped-def]
    from briefgen.nlp.parse import load_spacy

    text = (
        "“We must increase the pressure and enforce every UN sanction until North Korea changes course,” "
        "Tillerson said.\n\n"
        "Trump said on Twitter that Tillerson was “wasting his time trying to negotiate with Little Rocket Man.”\n\n"
        "“Unilateral sanctions undermine Security Council unity and should be abandoned,” Wu Haitao said.\n\n"
        "“We encourage North Korea and the United States to carry out engagement and dialogue,” Hua Chunying told reporters."
    )
    art = Article(article_id="p", title="", text=text, source_path="p.txt")
    return attribute([art], {"p": load_spacy()(text)})


def _pos(att, holder: str, issue: str) -> Position:  # type: ignore[no-untyped-def]
    return next(p for p in att.positions if p.holder == holder and p.issue == issue)


def test_actor_stances_have_the_right_sign_and_evidence(att) -> None:  # type: ignore[no-untyped-def]
    assert _pos(att, "rex-tillerson", "pressure").stance > 0
    assert _pos(att, "wu-haitao", "pressure").stance < 0
    assert _pos(att, "donald-trump", "dialogue").stance < 0
    assert _pos(att, "hua-chunying", "dialogue").stance > 0
    p = _pos(att, "rex-tillerson", "pressure")
    assert p.evidence and p.evidence[0].quote_id and "pressure" in p.evidence[0].text


def test_country_positions_roll_up_government_actors(att) -> None:  # type: ignore[no-untyped-def]
    chn = _pos(att, "CHN", "pressure")
    assert chn.holder_kind == "country" and chn.stance < 0 and chn.label
    assert _pos(att, "USA", "pressure").stance > 0


def test_disagreements_within_a_country_and_between_countries(att) -> None:  # type: ignore[no-untyped-def]
    pairs = {(a.holder, b.holder, a.issue) for a, b in disagreements(att.positions)}
    pairs |= {(b, a, i) for a, b, i in pairs}
    assert ("USA", "CHN", "pressure") in pairs
    # President vs his Secretary of State, both USA, when they split on dialogue
    tillerson_dialogue = [
        p for p in att.positions if p.holder == "rex-tillerson" and p.issue == "dialogue"
    ]
    if tillerson_dialogue and tillerson_dialogue[0].stance > 0:
        assert ("donald-trump", "rex-tillerson", "dialogue") in pairs


def test_negation_flips_a_push_word() -> None:
    pro = score_text("We must keep up the sanctions pressure on Pyongyang.", "pressure")
    con = score_text(
        "We should not increase sanctions now; they are counterproductive.", "pressure"
    )
    assert pro is not None and pro > 0
    assert con is not None and con < 0
    assert score_text("The weather was fine in Seoul.", "pressure") is None
