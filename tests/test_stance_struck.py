"""Positions blind readers struck as wrong (issue 10), as short texts through the shipped
parser, embedder and stance model: pressure read as restraint, a forecast about North
Korea read as the speaker's demand, a refused trade read as asking for it, and a press
body given a position on state policy."""

from __future__ import annotations

import pytest

from briefgen.model import Actor, Quote, Stance


def _read(text: str, country: str, kind: str) -> set[tuple[str, int]]:
    from briefgen.nlp.embeddings import Embedder
    from briefgen.nlp.parse import load_spacy
    from briefgen.nlp.stance import StanceInput, read_stances

    inp = StanceInput(
        span=load_spacy()(text)[:], country=country, kind=kind, quote_kind="direct", cue="said"
    )
    (stances,) = read_stances([inp], Embedder(None).embed)
    return {(s.issue, s.stance) for s in stances}


def test_pressure_is_not_restraint_on_military_force() -> None:
    """Read as military_force -1 before the "unnamed" veto: the words name no force."""
    got = _read(
        "Senator Graham urged keeping up maximum pressure on North Korea.", "USA", "legislator"
    )
    assert ("sanctions", 1) in got
    assert ("military_force", -1) not in got


def test_a_forecast_about_kim_is_not_the_speakers_demand() -> None:
    """Read as denuclearization +1 (0.76) before the "about_other" veto."""
    got = _read(
        "Kim will not denuclearize, no matter what the president offers.", "USA", "legislator"
    )
    assert ("denuclearization", 1) not in got


def test_north_korea_after_the_subjects_head_is_no_forecast_of_pyongyang() -> None:
    """ "Talks with North Korea will not work": the subject is the talks, so the doubt is
    the speaker's own (talks -1); the "about_other" veto read North Korea anywhere in the
    subject's words and dropped Trump's "their talk of appeasement with North Korea will not
    work" (the United States' "rejects or doubts talks now" in 2017-W35)."""
    assert ("talks", -1) in _read("Talks with North Korea will not work.", "USA", "government")


@pytest.mark.parametrize(
    ("text", "country", "issue", "sign"),
    [
        # a demand on Pyongyang stays the speaker's own
        (
            "North Korea must completely and verifiably dismantle its nuclear weapons program.",
            "USA",
            "denuclearization",
            1,
        ),
        # North Korea's own refusal stays its position
        ("North Korea will never give up its nuclear weapons.", "PRK", "denuclearization", -1),
    ],
)
def test_own_demands_and_refusals_still_read(
    text: str, country: str, issue: str, sign: int
) -> None:
    assert (issue, sign) in _read(text, country, "government")


@pytest.mark.parametrize(
    "text",
    [
        "North Korea won't trade its nuclear arsenal for sanctions relief or economic benefits.",
        "The country will not trade its weapons for economic rewards or an easing of sanctions.",
    ],
)
def test_a_refused_trade_is_not_seeking_relief(text: str) -> None:
    """Both read as sanctions -1 (0.74, 0.75) before the refused-trade words."""
    assert ("sanctions", -1) not in _read(text, "PRK", "state-media")


def test_asking_for_relief_still_reads() -> None:
    got = _read(
        "We want the sanctions lifted in exchange for dismantling Yongbyon.", "PRK", "government"
    )
    assert ("sanctions", -1) in got


@pytest.mark.parametrize(
    ("role", "kind"),
    [
        ("head of the Korea Press Association", "media"),
        ("president of the Journalists Association of Korea", "media"),
        ("White House press secretary", "government"),
    ],
)
def test_a_press_body_is_media(role: str, kind: str) -> None:
    from briefgen.nlp.titles import infer_kind

    assert infer_kind(role, "KOR") == kind


def test_the_press_holds_no_position_on_state_policy() -> None:
    from briefgen.nlp.positions import actor_positions

    actors = [
        Actor("press-head", "Press Association head", "media", country="KOR"),
        Actor("moon", "Moon Jae-in", "government", country="KOR"),
    ]
    quotes = [
        Quote(
            quote_id=f"a-q{n}",
            article_id="a",
            text=f"statement {n}",
            start=0,
            end=1,
            actor_id=who,
            country="KOR",
            stances=[Stance("talks", 1, 0.95)],
        )
        for n, who in enumerate(["press-head", "moon"])
    ]
    assert [p.holder for p in actor_positions(quotes, actors)] == ["moon"]


@pytest.mark.parametrize(
    "text",
    [
        "The United States will lift sanctions and allow private investment if North Korea "
        "fully denuclearizes.",
        "Sanctions relief will come only after North Korea completely denuclearizes.",
        "We will ease sanctions once North Korea denuclearizes.",
    ],
)
def test_relief_offered_on_denuclearization_is_not_seeking_relief(text: str) -> None:
    """All three read as sanctions -1 (0.9) before the conditional_relief words: an offer
    of relief once Pyongyang denuclearizes keeps sanctions until then (blind judges struck
    Pompeo "seeks sanctions relief")."""
    assert ("sanctions", -1) not in _read(text, "USA", "government")


@pytest.mark.parametrize("country", ["PRK", "USA"])
def test_a_demand_for_relief_still_reads(country: str) -> None:
    assert ("sanctions", -1) in _read(
        "North Korea demands sanctions relief.", country, "government"
    )


def test_north_koreas_own_conditional_trade_is_still_its_demand() -> None:
    """From Pyongyang, relief before its denuclearization is what it asks for."""
    got = _read(
        "The U.S. must lift sanctions first if it wants denuclearization.", "PRK", "government"
    )
    assert ("sanctions", -1) in got
