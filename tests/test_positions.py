"""Positions: the stance model on short statements written here, and how stances add up.

The model tests read each issue from both sides (a North Korean and an American voice
where both make sense), negation and demands on Pyongyang, and abstention on statements
that take no side.  The aggregation tests build quotes with stances by hand.
"""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.model import Actor, Article, Evidence, Position, Stance
from briefgen.nlp.positions import (
    actor_positions,
    derive_positions,
    disagreements,
)
from tests.texts import stance_quote

# (speaker country, kind, cue, statement, issue, expected stance)
SIGNED = [
    (
        "PRK",
        "government",
        "said",
        "We will never give up our nuclear weapons, which are the treasured sword of the nation.",
        "denuclearization",
        -1,
    ),
    (
        "USA",
        "government",
        "said",
        "North Korea must completely and verifiably dismantle its nuclear weapons program.",
        "denuclearization",
        1,
    ),
    (
        "PRK",
        "government",
        "demanded",
        "the United States lift the sanctions imposed on our country",
        "sanctions",
        -1,
    ),
    (
        "USA",
        "government",
        "said",
        "We will keep up maximum pressure and enforce every sanction until North Korea denuclearizes.",
        "sanctions",
        1,
    ),
    (
        "KOR",
        "government",
        "said",
        "We are ready to hold talks with the North at any time and any place.",
        "talks",
        1,
    ),
    (
        "USA",
        "government",
        "said",
        "I have decided to cancel the planned summit in Singapore.",
        "talks",
        -1,
    ),
    (
        "PRK",
        "state-media",
        "warned",
        "our army will launch merciless strikes that will reduce Guam to ashes",
        "military_force",
        1,
    ),
    (
        "CHN",
        "government",
        "said",
        "All parties should exercise restraint and avoid any military action that could lead to war.",
        "military_force",
        -1,
    ),
    (
        "PRK",
        "government",
        "demanded",
        "the United States and South Korea immediately halt their joint military exercises",
        "exercises",
        -1,
    ),
    (
        "USA",
        "government",
        "said",
        "Our joint exercises with South Korea will go ahead as planned to keep our forces ready.",
        "exercises",
        1,
    ),
    (
        "KOR",
        "government",
        "said",
        "We will reopen the Kaesong industrial complex and resume family reunions with the North.",
        "inter_korean",
        1,
    ),
    (
        "PRK",
        "government",
        "said",
        "We will cut off all communication lines with the South and demolish the liaison office.",
        "inter_korean",
        -1,
    ),
    (
        "PRK",
        "government",
        "said",
        "a phased, action-for-action approach in which each step is rewarded is the only realistic way",
        "sequencing",
        -1,
    ),
    (
        "USA",
        "government",
        "said",
        "We want a big deal: complete denuclearization first, no step-by-step rewards.",
        "sequencing",
        1,
    ),
]
# Cases blind readers found reversed in briefs: a North Korean plea for relief, "not the
# time for dialogue", demands on North Korea from Washington.
SIGNED += [
    (
        "PRK",
        "government",
        "asked",
        "for partial relief from the sanctions that are hurting the civilian economy",
        "sanctions",
        -1,
    ),
    (
        "PRK",
        "government",
        "said",
        "the United States must ease sanctions if it wants the talks to make progress",
        "sanctions",
        -1,
    ),
    (
        "USA",
        "government",
        "said",
        "Sanctions will remain in place until North Korea denuclearizes",
        "sanctions",
        1,
    ),
    (
        "JPN",
        "government",
        "said",
        "now is not the time for dialogue with North Korea but for pressure",
        "talks",
        -1,
    ),
    (
        "USA",
        "government",
        "said",
        "North Korea must stop its missile tests and come back to the negotiating table",
        "talks",
        1,
    ),
]
SILENT = [
    (
        "USA",
        "government",
        "said",
        "The secretary will travel to Tokyo on Tuesday for a meeting with his counterpart.",
    ),
    (
        "KOR",
        "government",
        "said",
        "The weather at the border was cold and the ceremony lasted an hour.",
    ),
]


@pytest.fixture(scope="module")
def read():  # type: ignore[no-untyped-def]
    """Statement -> stances, through the real parser, embedder and shipped model."""
    from briefgen.nlp.embeddings import Embedder
    from briefgen.nlp.parse import load_spacy
    from briefgen.nlp.stance import StanceInput, read_stances

    nlp = load_spacy()
    embedder = Embedder(None)

    def run(rows: list[tuple[str, str, str, str]]) -> list[list[Stance]]:
        inputs = [
            StanceInput(span=nlp(text)[:], country=c, kind=k, quote_kind="direct", cue=cue)
            for c, k, cue, text in rows
        ]
        return read_stances(inputs, embedder.embed)

    return run


def test_each_issue_from_either_side(read) -> None:  # type: ignore[no-untyped-def]
    got = read([r[:4] for r in SIGNED])
    missed, flipped = [], []
    for row, stances in zip(SIGNED, got, strict=True):
        by_issue = {s.issue: s.stance for s in stances}
        if row[4] not in by_issue:
            missed.append(f"{row[3][:60]!r}: wanted {row[4]} {row[5]:+d}, got {by_issue}")
        elif by_issue[row[4]] != row[5]:
            flipped.append(f"{row[3][:60]!r}: {row[4]} read {by_issue[row[4]]:+d}")
    assert not flipped, "\n".join(flipped)  # a wrong side is never acceptable
    assert len(missed) <= 2, "\n".join(missed)  # abstaining on a hard case is


def test_abstains_on_statements_that_take_no_side(read) -> None:  # type: ignore[no-untyped-def]
    """No stance the brief would state: a weak reading ("a meeting" as talks) may be kept
    below the display threshold, where noisy-or over several statements can use it."""
    from briefgen.nlp.positions import show_confidence

    show = show_confidence()
    for row, stances in zip(SILENT, read(SILENT), strict=True):
        assert all(s.confidence < show - 0.2 for s in stances), (row[3], stances)


def test_a_defector_backing_pressure_is_not_read_as_north_korea(read) -> None:  # type: ignore[no-untyped-def]
    """A defector's country is no prior: North Korean officials seek sanctions relief in
    the training data, and a defector who backs pressure was read the same way."""
    text = "He backed the administration's policy of pressuring Pyongyang through sanctions."
    (defector,) = read([("PRK", "defector", "said", text)])
    assert ("sanctions", -1) not in {(s.issue, s.stance) for s in defector}


# --- adding stances up ---------------------------------------------------------------


_q = stance_quote


ACTORS = [
    Actor("kim-yo-jong", "Kim Yo Jong", "government", country="PRK"),
    Actor("choe-son-hui", "Choe Son Hui", "government", country="PRK"),
    Actor("kcna", "KCNA", "state-media", country="PRK"),
    Actor("a-professor", "a professor", "expert", country="PRK"),
    Actor("mike-pompeo", "Mike Pompeo", "government", country="USA"),
    Actor("john-bolton", "John Bolton", "government", country="USA"),
]


def test_an_actor_needs_its_statements_to_agree() -> None:
    quotes = [
        _q(1, "mike-pompeo", "USA", "talks", 1),
        _q(2, "mike-pompeo", "USA", "talks", 1, 0.7),
        _q(3, "john-bolton", "USA", "talks", 1, 0.8),
        _q(4, "john-bolton", "USA", "talks", -1, 0.8),  # split: no position
    ]
    ps = {(p.holder, p.issue): p for p in actor_positions(quotes, ACTORS)}
    assert ps[("mike-pompeo", "talks")].stance == 1
    assert [e.quote_id for e in ps[("mike-pompeo", "talks")].evidence] == ["a-q1", "a-q2"]
    assert ("john-bolton", "talks") not in ps


def test_earlier_statements_and_statements_outside_the_period_do_not_count() -> None:
    quotes = [
        _q(1, "mike-pompeo", "USA", "sanctions", -1, earlier=True),
        _q(2, "john-bolton", "USA", "sanctions", 1, said_on=date(2018, 1, 3)),
    ]
    ps = actor_positions(quotes, ACTORS, since=date(2018, 5, 21), until=date(2018, 5, 27))
    assert ps == []


def test_one_voice_is_not_the_country_two_agreeing_official_voices_are() -> None:
    one = derive_positions([_q(1, "kim-yo-jong", "PRK", "talks", -1)], ACTORS)
    assert [p.holder_kind for p in one] == ["actor"]
    two = derive_positions(
        [_q(1, "kim-yo-jong", "PRK", "talks", -1), _q(2, "kcna", "PRK", "talks", -1)], ACTORS
    )
    country = [p for p in two if p.holder_kind == "country"]
    assert len(country) == 1 and country[0].holder == "PRK" and country[0].stance == -1
    assert country[0].label == "rejects or doubts talks now"
    assert {e.quote_id for e in country[0].evidence} == {"a-q1", "a-q2"}


def test_experts_are_no_official_voice_and_a_split_country_has_no_position() -> None:
    expert = derive_positions(
        [_q(1, "kim-yo-jong", "PRK", "talks", -1), _q(2, "a-professor", "PRK", "talks", -1)],
        ACTORS,
    )
    assert not [p for p in expert if p.holder_kind == "country"]
    split = [
        _q(1, "kim-yo-jong", "PRK", "talks", -1),
        _q(2, "kcna", "PRK", "talks", -1),
        _q(3, "choe-son-hui", "PRK", "talks", 1),
    ]
    ps = derive_positions(split, ACTORS)
    assert not [p for p in ps if p.holder_kind == "country"]
    pairs = disagreements(ps)
    assert pairs and {pairs[0][0].stance, pairs[0][1].stance} == {1, -1}


def test_one_person_under_two_names_is_one_voice_not_the_country() -> None:
    """ "Trump" in one article and "Donald Trump" in another are two actor ids but one
    voice: the United States "as a whole" never rests on him alone; the same quoted words
    given to two holders are one voice too."""
    actors = [
        *ACTORS,
        Actor("donald-trump", "Donald Trump", "government", country="USA"),
        Actor("trump", "Trump", "government", country="USA"),
    ]
    one = derive_positions(
        [_q(1, "donald-trump", "USA", "talks", 1), _q(2, "trump", "USA", "talks", 1)], actors
    )
    assert not [p for p in one if p.holder_kind == "country"]
    same_words = [_q(1, "mike-pompeo", "USA", "talks", 1), _q(2, "john-bolton", "USA", "talks", 1)]
    same_words[1].text = same_words[0].text  # one statement, given to two holders
    assert not [p for p in derive_positions(same_words, actors) if p.holder_kind == "country"]
    two = derive_positions(
        [_q(1, "donald-trump", "USA", "talks", 1), _q(2, "mike-pompeo", "USA", "talks", 1)], actors
    )
    assert [p.holder for p in two if p.holder_kind == "country"] == ["USA"]


def test_a_position_at_the_display_threshold_prints_one_just_below_does_not() -> None:
    """Confidences have 3 decimals and the threshold is stored as float32 (0.87 reads back
    as 0.8700000048): a position of exactly the threshold, which the training grid counted
    as printed, must print, and one 0.001 below must not."""
    from briefgen.nlp.positions import country_positions, show_confidence

    show = show_confidence()

    def voices(conf: float) -> list[Position]:
        return [
            Position(who, "actor", "talks", 1, "x", "USA", [Evidence("a", who)], conf)
            for who in ("mike-pompeo", "john-bolton")
        ]

    at = country_positions(voices(round(show, 3)), ACTORS)
    assert [(p.holder, p.stance) for p in at] == [("USA", 1)]
    assert country_positions(voices(round(show - 0.001, 3)), ACTORS) == []


def test_disagreement_needs_confidence_on_both_sides() -> None:
    def pos(holder: str, stance: int, conf: float) -> Position:
        return Position(
            holder, "actor", "sanctions", stance, "x", "USA", [Evidence("a", "t")], conf
        )

    strong, weak, clear = pos("a", 1, 0.99), pos("b", -1, 0.3), pos("c", -1, 0.95)
    assert disagreements([strong, weak]) == []
    assert disagreements([strong, clear]) == [(strong, clear)]


def test_positions_come_through_the_pipeline_with_evidence() -> None:
    from briefgen.nlp.attribution import attribute
    from briefgen.nlp.embeddings import Embedder
    from briefgen.nlp.parse import load_spacy

    text = (
        "“We will never give up our nuclear weapons,” North Korean Foreign Minister Ri Yong Ho said.\n\n"
        "“Our nuclear force is not a bargaining chip and will never be on the negotiating table,” "
        "Choe Son Hui, the vice foreign minister, said."
    )
    art = Article(article_id="p", title="", text=text, source_path="p.txt")
    att = attribute([art], {"p": load_spacy()(text)}, embed=Embedder(None).embed)
    ri = [p for p in att.positions if p.issue == "denuclearization" and p.holder_kind == "actor"]
    assert ri and all(p.stance == -1 for p in ri)
    assert all(p.evidence and p.evidence[0].quote_id for p in ri)
    prk = [p for p in att.positions if p.holder == "PRK" and p.issue == "denuclearization"]
    assert prk and prk[0].stance == -1 and prk[0].label == "refuses to give up nuclear weapons"


# The issue's own phrases, negated or not, pointing only against the model's side: the
# model abstains on that issue instead of stating a side the words contradict.
CONTRADICTED = [
    (
        "USA",
        "government",
        "said",
        "the United States opposes a freeze-for-freeze, whereby the drills would halt in "
        "exchange for a suspension of the North's nuclear programs",
        "exercises",
        -1,
    ),
    (
        "PRK",
        "government",
        "called for",
        "the lifting of the sanctions, which he said were strangling the economy",
        "sanctions",
        1,
    ),
]


def test_a_side_the_issue_phrases_contradict_is_never_stated(read) -> None:  # type: ignore[no-untyped-def]
    for row, stances in zip(CONTRADICTED, read([r[:4] for r in CONTRADICTED]), strict=True):
        assert (row[4], row[5]) not in {(s.issue, s.stance) for s in stances}, row[3]


def test_contradicted_reads_the_issue_phrases_of_either_side() -> None:
    from briefgen.knowledge.issues import issue_keys
    from briefgen.nlp.stance import MENTION_FEATURES, contradicted, feature_names

    def hand(issue: str, **on: float) -> list[float]:
        names = feature_names()
        row = [0.0] * len(names)
        for name, v in on.items():
            row[names.index(f"{issue}:{name}")] = v
        return row

    k = list(issue_keys()).index("sanctions")
    assert "pro_phrase" in MENTION_FEATURES
    assert contradicted(hand("sanctions", con_phrase=0.5), k, 1)  # "lift sanctions" read +1
    assert not contradicted(hand("sanctions", con_phrase=0.5), k, -1)
    assert contradicted(hand("sanctions", pro_phrase=0.5), k, -1)  # "maximum pressure" read -1
    assert contradicted(hand("sanctions", pro_negated=0.5), k, 1)  # "will not tighten"
    assert contradicted(hand("sanctions", con_negated=0.5), k, -1)  # "will not lift"
    both = hand("sanctions", pro_phrase=0.5, con_phrase=0.5)
    assert not contradicted(both, k, 1) and not contradicted(both, k, -1)  # the model decides
    assert not contradicted(hand("sanctions"), k, 1)  # no phrase: the model decides


# Whose demand it is, end to end: the words of one side about the other are the
# speaker's position, never the other side's concession; a North Korean plea for relief
# is never read as backing sanctions.
WHOSE = [
    (
        "“North Korea must completely and verifiably dismantle its nuclear weapons program "
        "before any sanctions are lifted,” Secretary of State Mike Pompeo said on Tuesday.",
        "Mike Pompeo",
        {("denuclearization", 1)},
        "PRK",
    ),
    (
        "North Korea's vice foreign minister Choe Son Hui said on Monday that Washington must "
        "lift the sanctions that are strangling the country before talks can resume.",
        "Choe Son Hui",
        {("sanctions", -1)},
        "USA",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "wanted", "not_country"), WHOSE)
def test_a_demand_is_the_position_of_who_makes_it(text, speaker, wanted, not_country) -> None:  # type: ignore[no-untyped-def]
    from briefgen.nlp.attribution import attribute
    from briefgen.nlp.embeddings import Embedder
    from briefgen.nlp.parse import load_spacy

    art = Article(article_id="w", title="", text=text, source_path="w.txt")
    att = attribute([art], {"w": load_spacy()(text)}, embed=Embedder(None).embed)
    names = {a.actor_id: a.name for a in att.actors}
    got = {
        (p.issue, p.stance)
        for p in att.positions
        if p.holder_kind == "actor" and names.get(p.holder) == speaker
    }
    assert wanted <= got, (speaker, got)
    # the other side takes no position from these words
    assert not [p for p in att.positions if p.country == not_country]
    stances = {(s.issue, s.stance) for q in att.quotes for s in q.stances}
    flipped = {(i, -s) for i, s in wanted}
    assert not stances & flipped, stances


# A statement on one issue is not given another: the other issue's relevance is low, and
# its calibration (how often such readings were right on whole articles) keeps it low.
ONE_ISSUE = [
    (
        "USA",
        "government",
        "said",
        "We will keep every sanction in place and enforce them fully until the regime changes course.",
        "sanctions",
    ),
    (
        "KOR",
        "government",
        "said",
        "We hope to reopen the Kaesong industrial complex and resume family reunions soon.",
        "inter_korean",
    ),
]


def test_a_statement_about_one_issue_is_given_no_other(read) -> None:  # type: ignore[no-untyped-def]
    for row, stances in zip(ONE_ISSUE, read([r[:4] for r in ONE_ISSUE]), strict=True):
        assert {s.issue for s in stances} <= {row[4]}, (row[3], stances)


def test_calibration_is_monotone_and_abstains_below_the_raw_floor() -> None:
    import numpy as np

    from briefgen.nlp.calibration import RAW_FLOOR, calibrated

    coef, icpt = np.array([1.2, 0.8]), -0.5
    p_rel = np.array([0.05, 0.3, 0.6, 0.9])
    got = calibrated(p_rel, np.full(4, 0.95), coef, icpt)
    assert got[0] == 0.0  # 0.05 x 0.95 is below the raw floor: no stance
    assert 0.05 * 0.95 < RAW_FLOOR <= 0.3 * 0.95
    assert list(got[1:]) == sorted(got[1:]) and got[3] > got[1]
    # the side's certainty counts whichever side P(+1) points to
    assert np.allclose(calibrated(p_rel, np.full(4, 0.05), coef, icpt), got)
