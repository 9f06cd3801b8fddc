"""A statement that only narrates a past event takes no stance (nlp/narration.py, the
stance veto "narrated"); one that wants, judges or acts still does."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "The latest talks were held on the northern side of the Panmunjom truce village.",
        "The talks ended on Monday.",
        "It had developed the ability to strike the United States mainland.",
        "U.N. sanctions had banned 90 percent of the country's exports.",
        "Two bombers had taken part in joint exercises with South Korean forces.",
        # "opened" is no volition ("open to talks" is present or a copula: no narration)
        "The government had invested 1 trillion won in Kaesong since it opened in 2004.",
    ],
)
def test_a_report_of_a_past_event_narrates(text: str, nlp) -> None:  # type: ignore[no-untyped-def]
    from briefgen.nlp.narration import narrates

    assert narrates(nlp(text)[:])


@pytest.mark.parametrize(
    "text",
    [
        "We are ready to sit down and talk.",  # present, first person, readiness
        "We held talks with the North.",  # first person: the speaker's own act
        "He cancelled the summit.",  # the main verb is a stance cue: an act
        "The talks went well.",  # a judgement
        "The North must give up its weapons.",  # a duty
        "North Korea had to take concrete steps toward denuclearization.",  # duty, in past
        "Such talks are a waste of time.",  # present, and a judgement
        "Kim wanted to meet Trump.",  # a want
        "Kim expressed his eagerness to meet President Trump as soon as possible.",
        "The talks will be held next week.",  # future: an announcement
        "Were the talks held in Seoul?",  # a question
    ],
)
def test_a_want_a_judgement_or_an_act_does_not_narrate(text: str, nlp) -> None:  # type: ignore[no-untyped-def]
    from briefgen.nlp.narration import narrates

    assert not narrates(nlp(text)[:])


def _read(text: str, country: str) -> set[tuple[str, int]]:
    from briefgen.nlp.embeddings import Embedder
    from briefgen.nlp.parse import load_spacy
    from briefgen.nlp.stance import StanceInput, read_stances

    inp = StanceInput(
        span=load_spacy()(text)[:],
        country=country,
        kind="government",
        quote_kind="indirect",
        cue="said",
    )
    (stances,) = read_stances([inp], Embedder(None).embed)
    return {(s.issue, s.stance) for s in stances}


def test_a_narrated_event_takes_no_stance_but_a_want_on_the_same_issue_does() -> None:
    """The model reads a want into both; the veto leaves the want."""
    from briefgen.knowledge.issues import issue_keys
    from briefgen.nlp.parse import load_spacy
    from briefgen.nlp.stance import StanceInput, hand_features, narrated

    k = list(issue_keys()).index("military_force")
    told = "it had developed the ability to strike the United States mainland"
    inp = StanceInput(load_spacy()(told)[:], "PRK", "government", "indirect", "said")
    assert narrated(hand_features(inp), k)
    assert ("military_force", 1) not in _read(told, "PRK")
    threat = "it will strike the United States mainland if the drills go ahead"
    inp = StanceInput(load_spacy()(threat)[:], "PRK", "government", "indirect", "said")
    assert not narrated(hand_features(inp), k)
    assert ("military_force", 1) in _read(threat, "PRK")


def test_narration_leaves_denuclearization_and_a_past_choice() -> None:
    """A past act can be a position ('had miniaturized nuclear warheads' refuses to
    denuclearize), and so is a past choice ('settled on a policy dubbed maximum
    pressure')."""
    from briefgen.knowledge.issues import issue_keys
    from briefgen.nlp.parse import load_spacy
    from briefgen.nlp.stance import StanceInput, hand_features, narrated

    keys = list(issue_keys())
    for text, issue in (
        ("his country had miniaturized nuclear warheads", "denuclearization"),
        ("officials settled on a policy dubbed maximum pressure", "sanctions"),
    ):
        inp = StanceInput(load_spacy()(text)[:], "USA", "government", "indirect", "said")
        assert not narrated(hand_features(inp), keys.index(issue))
