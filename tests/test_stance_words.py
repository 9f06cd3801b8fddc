"""What the words of a statement say beyond the model: phrases of the issue that veto a
read side (contradicted: only the other way; mixed: both ways)."""

from __future__ import annotations

import pytest


def _hand(issue: str, **on: float) -> list[float]:
    from briefgen.nlp.stance import feature_names

    names = feature_names()
    row = [0.0] * len(names)
    for name, v in on.items():
        row[names.index(f"{issue}:{name}")] = v
    return row


def test_a_statement_with_phrases_on_both_sides_is_vetoed_either_way() -> None:
    from briefgen.knowledge.issues import issue_keys
    from briefgen.nlp.stance import mixed, vetoed

    k = list(issue_keys()).index("sanctions")
    both = _hand("sanctions", pro_phrase=0.5, con_phrase=0.5)
    assert mixed(both, k)
    assert vetoed(both, k, 1, ("contradicted", "mixed")) and vetoed(both, k, -1, ("mixed",))
    assert not vetoed(both, k, 1, ("contradicted",))  # without the mixed veto the model decides
    # "will not lift sanctions" (a negated con phrase) beside "maximum pressure": one side
    one_side = _hand("sanctions", pro_phrase=0.5, con_negated=0.5)
    assert not mixed(one_side, k) and not vetoed(one_side, k, 1, ("contradicted", "mixed"))
    # another issue's phrases do not make this one mixed
    other = _hand("talks", pro_phrase=0.5, con_phrase=0.5)
    assert not mixed(other, k)


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        (
            "Russia supports tightening sanctions at the Security Council but wants "
            "sanctions relief for the North's farmers.",
            "sanctions",
        ),
        (
            "We are ready to talk with Pyongyang at any time, but we will cancel the summit "
            "if the provocations continue.",
            "talks",
        ),
    ],
)
def test_a_mixed_statement_gives_no_stance_on_its_issue(
    text: str, issue: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefgen.knowledge.issues import issue_keys
    from briefgen.nlp import stance
    from briefgen.nlp.embeddings import Embedder
    from briefgen.nlp.parse import load_spacy
    from briefgen.nlp.stance import StanceInput, hand_features, mixed, read_stances

    monkeypatch.setattr(stance, "VETOES", ("contradicted", "mixed"))

    inp = StanceInput(
        span=load_spacy()(text)[:],
        country="RUS",
        kind="government",
        quote_kind="indirect",
        cue="said",
    )
    assert mixed(hand_features(inp), list(issue_keys()).index(issue))
    (stances,) = read_stances([inp], Embedder(None).embed)
    assert issue not in {s.issue for s in stances}


def test_a_pledge_to_implement_un_sanctions_is_never_read_as_seeking_relief() -> None:
    """The sanctions issue's pro phrase holds with a word between: "implementing UN
    sanctions" (issue 10: Nebenzia "seeks sanctions relief" from his pledge to implement
    them).  Concern about unilateral sanctions is no call for relief from the UN's, so no
    con phrase: a Russian official's words do not take the side his country's prior
    points to."""
    from briefgen.knowledge.issues import issue_keys
    from briefgen.nlp.embeddings import Embedder
    from briefgen.nlp.parse import load_spacy
    from briefgen.nlp.stance import MENTION_FEATURES, StanceInput, hand_features, read_stances

    text = (
        "Moscow was committed to implementing UN sanctions on North Korea and echoed "
        "China's concerns about unilateral sanctions."
    )
    inp = StanceInput(
        span=load_spacy()(text)[:],
        country="RUS",
        kind="government",
        quote_kind="indirect",
        cue="said",
    )
    k = list(issue_keys()).index("sanctions")
    hand = hand_features(inp)
    assert hand[k * len(MENTION_FEATURES) + MENTION_FEATURES.index("pro_phrase")] > 0
    (stances,) = read_stances([inp], Embedder(None).embed)
    assert ("sanctions", -1) not in {(s.issue, s.stance) for s in stances}


def test_an_h_bomb_is_a_term_of_military_force() -> None:
    """An H-bomb is a bomb: the hyphen kept "bomb*" from matching, so Ri Yong Ho's H-bomb
    threat (2017-W38) had no military-force feature at all."""
    from briefgen.knowledge.issues import issues_mentioned

    assert "military_force" in issues_mentioned("Pyongyang could conduct an H-bomb test")
    assert "military_force" in issues_mentioned("the H-bombs it may test over the Pacific")


@pytest.mark.parametrize(
    "text",
    [
        "Such talks are a waste of time.",
        "Talking to them is a waste of time.",
        "Now is not the time for negotiations.",
    ],
)
def test_talks_judged_a_waste_of_time_are_never_read_as_favouring_talks(text: str) -> None:
    """'a waste of time' is a con phrase of talks (the glob 'wast* time' missed the 'of'):
    Trump's 'such talks are a waste of time' was read as favouring talks (0.60); a
    speaker ready to talk still favours them."""
    from briefgen.nlp.embeddings import Embedder
    from briefgen.nlp.parse import load_spacy
    from briefgen.nlp.stance import StanceInput, read_stances

    def read(words: str) -> set[tuple[str, int]]:
        inp = StanceInput(load_spacy()(words)[:], "USA", "government", "direct", "said")
        (stances,) = read_stances([inp], Embedder(None).embed)
        return {(s.issue, s.stance) for s in stances}

    assert ("talks", 1) not in read(text)
    assert ("talks", 1) in read("We are ready to sit down and talk.")
