"""A reading the statement's own phrases back, from an official voice, counts at the
backed confidence (nlp/backed.py); other readings keep the model's."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefgen.model import Stance


def _hand(kind: str, issue: str, **on: float) -> list[float]:
    from briefgen.nlp.stance import feature_names

    names = feature_names()
    row = [0.0] * len(names)
    row[names.index(f"kind:{kind}")] = 1.0
    for name, v in on.items():
        row[names.index(f"{issue}:{name}")] = v
    return row


def _lift(hand: list[float], stances: list[Stance]) -> list[Stance]:
    """nlp.backed.lifted as read_statements calls it."""
    from briefgen.nlp.backed import lifted
    from briefgen.nlp.stance import official_voice, words_back

    return lifted(stances, official_voice(hand), lambda i, side: words_back(hand, i, side))


@pytest.mark.parametrize(
    ("kind", "phrases", "stance", "lifted"),
    [
        ("government", {"pro_phrase": 0.5}, Stance("sanctions", 1, 0.65), True),
        ("state-media", {"con_phrase": 0.5}, Stance("sanctions", -1, 0.7), True),
        # a negated con phrase ("will not lift sanctions") is for
        ("international", {"con_negated": 0.5}, Stance("sanctions", 1, 0.62), True),
        # the phrase points the other way: the words do not back the reading
        ("government", {"con_phrase": 0.5}, Stance("sanctions", 1, 0.65), False),
        # phrases on both sides back neither
        ("government", {"pro_phrase": 0.5, "con_phrase": 0.5}, Stance("sanctions", 1, 0.7), False),
        # no phrase at all: the model's reading alone
        ("government", {}, Stance("sanctions", 1, 0.7), False),
        # an expert or a journalist is no official voice
        ("expert", {"pro_phrase": 0.5}, Stance("sanctions", 1, 0.7), False),
        # below the floor the reading is too unsure to lift
        ("government", {"pro_phrase": 0.5}, Stance("sanctions", 1, 0.3), False),
    ],
)
def test_only_an_official_reading_its_own_phrases_back_is_lifted(
    kind: str, phrases: dict[str, float], stance: Stance, lifted: bool
) -> None:
    from briefgen.knowledge.stance_cues import phrase_backed

    rule = phrase_backed()
    conf = rule.confidence
    assert rule.floor <= 0.62 and conf > 0.7  # the cases above sit around the shipped floor
    (got,) = _lift(_hand(kind, "sanctions", **phrases), [stance])
    assert (got.issue, got.stance) == (stance.issue, stance.stance)
    assert got.confidence == (max(conf, stance.confidence) if lifted else stance.confidence)


def test_a_lifted_reading_keeps_a_higher_confidence() -> None:
    sure = Stance("sanctions", 1, 0.97)
    (got,) = _lift(_hand("government", "sanctions", pro_phrase=0.5), [sure])
    assert got.confidence == 0.97


@pytest.mark.parametrize(
    ("text", "country", "issue", "sign"),
    [
        ("the parties should consider easing sanctions on North Korea", "CHN", "sanctions", -1),
        ("Seoul would keep up maximum pressure on the North", "KOR", "sanctions", 1),
        ("the U.S. mainland would be turned into a sea of fire", "PRK", "military_force", 1),
        ("the allies are ready for talks with Pyongyang", "KOR", "talks", 1),
    ],
)
def test_an_officials_own_phrase_carries_the_reading_to_print(
    text: str, country: str, issue: str, sign: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the real parser, embedder and model: the model alone reads these below
    what the brief prints (0.75-0.81); backed by the issue's phrase, an official's words
    count at the backed confidence, an expert's same words do not."""
    from briefgen.knowledge.stance_cues import phrase_backed
    from briefgen.nlp import backed
    from briefgen.nlp.embeddings import Embedder
    from briefgen.nlp.parse import load_spacy
    from briefgen.nlp.positions import show_confidence
    from briefgen.nlp.stance import StanceInput, read_stances

    def conf(kind: str) -> float:
        inp = StanceInput(load_spacy()(text)[:], country, kind, "indirect", "said")
        (stances,) = read_stances([inp], Embedder(None).embed)
        return next(s.confidence for s in stances if (s.issue, s.stance) == (issue, sign))

    rule = phrase_backed()
    official, expert = conf("government"), conf("expert")
    assert official >= rule.confidence >= show_confidence() > expert
    monkeypatch.setattr(backed, "phrase_backed", lambda: replace(rule, floor=1.01))
    assert rule.floor <= conf("government") < show_confidence()


def test_phrases_of_exercises_or_inter_korean_engagement_lift_nothing() -> None:
    """'legitimate economic and trade exchanges between North Korea and the outside
    world' holds an inter-Korean phrase without being about inter-Korean engagement."""
    for issue in ("inter_korean", "exercises"):
        st = Stance(issue, 1, 0.7)
        assert _lift(_hand("state-media", issue, pro_phrase=0.5), [st]) == [st]
