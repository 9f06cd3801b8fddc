"""Positions, country roll-up and disagreements on short texts written here."""

from __future__ import annotations

import pytest

from briefgen.model import Article, Evidence, Position
from briefgen.nlp.attribution import attribute
from briefgen.nlp.positions import disagreements, score_text


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from briefgen.nlp.parse import load_spacy

    return load_spacy()


@pytest.fixture(scope="module")
def att(nlp):  # type: ignore[no-untyped-def]

    text = (
        "“We must increase the pressure and enforce every UN sanction until North Korea changes course,” "
        "Tillerson said.\n\n"
        "Trump said on Twitter that Tillerson was “wasting his time trying to negotiate with Little Rocket Man.”\n\n"
        "“Unilateral sanctions undermine Security Council unity and should be abandoned,” Wu Haitao said.\n\n"
        "“We encourage North Korea and the United States to carry out engagement and dialogue,” Hua Chunying told reporters."
    )
    art = Article(article_id="p", title="", text=text, source_path="p.txt")
    return attribute([art], {"p": nlp(text)})


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


def test_polarity_follows_what_the_cue_governs() -> None:
    # "against" names the target of the sanctions, not opposition to them
    assert (
        score_text(
            "She called the resolution the largest sanctions package ever levelled against the regime.",
            "pressure",
        )
        is None
    )
    assert (
        score_text("These sanctions will cut deep into the regime's revenue.", "pressure") or 0
    ) > 0
    # a demand on North Korea itself is no stance on pressure
    assert score_text("North Korea must stop isolating itself.", "pressure") is None
    # refusing a nuclear-armed North Korea is insisting on denuclearization
    assert (
        score_text("We will never accept a nuclear-armed North Korea.", "denuclearization") or 0
    ) > 0
    s_dia = score_text(
        "The preferred endpoint is not a war but a diplomatic settlement.", "dialogue"
    )
    s_mil = score_text(
        "The preferred endpoint is not a war but a diplomatic settlement.", "military"
    )
    assert s_dia is not None and s_dia > 0 and s_mil is not None and s_mil < 0
    assert (score_text("China firmly opposes unilateral sanctions.", "pressure") or 0) < 0
    # a grievance about the other side's sanctions is not support for them
    assert score_text("The US would pay dearly for pushing new sanctions.", "pressure") is None
    # one's own duty is not a call on others to do more
    assert (
        score_text("He said it was his responsibility to prepare options.", "responsibility")
        is None
    )


def test_own_clause_drops_the_other_speakers_half() -> None:
    from briefgen.nlp.positions import own_clause

    s = (
        "Trump said he was “very happy with the vote” on the sanctions, but China has said "
        "any punitive action must avoid bringing disaster."
    )
    assert own_clause(s, "very happy with the vote") == (
        "Trump said he was “very happy with the vote” on the sanctions"
    )
    s2 = (
        "Days later, after Lee said Seoul was ready for talks, Kim said the South was "
        "“wasting its time with negotiations.”"
    )
    assert own_clause(s2, "wasting its time with negotiations.").startswith("Kim said")


def test_weak_single_cue_gives_no_stance_and_country_voice_folds_into_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“The talks must go on,” Deputy Minister Park Ho-jin said.\n\n"
        "China said it “firmly opposes any unilateral sanctions and calls for dialogue.”\n\n"
        "“We welcome and support the new sanctions and urge full enforcement of them,” "
        "Chinese Foreign Minister Zhao Lin said."
    )
    art = Article(article_id="w", title="", text=text, source_path="w.txt")
    att = attribute([art], {"w": nlp(text)})
    holders = {(p.holder, p.issue) for p in att.positions}
    # one weak modal is not enough to say where Park stands
    assert not any(h == "park-ho-jin" for h, _ in holders)
    # the country-named speaker is the country, never an actor set against its own minister
    assert not any(h == "chinese-government" for h, _ in holders)
    assert ("CHN", "pressure") in holders
    assert all(
        "chinese-government" not in (a.holder, b.holder) for a, b in disagreements(att.positions)
    )


def test_disagreement_needs_clear_evidence_on_both_sides() -> None:
    def pos(holder: str, signed: float, n: int) -> Position:
        ev = [Evidence("a", f"text {i}") for i in range(n)]
        stance = 1 if signed > 0 else -1
        return Position(holder, "actor", "pressure", stance, "x", "USA", ev, confidence=abs(signed))

    strong_pro = pos("a", 0.8, 3)
    weak_con = pos("b", -0.25, 1)
    clear_con = pos("c", -0.7, 2)
    assert disagreements([strong_pro, weak_con]) == []
    assert disagreements([strong_pro, clear_con]) == [(strong_pro, clear_con)]
