"""What is not an official's own line on the Korean question gets no lift to the backed
confidence (nlp/backed.py, nlp/stance.py own_official_word): a report of North Korea's
wish (nlp/wishes.py; from a speaker who does not speak for Pyongyang its readings are
dropped, veto "others_wish"), a question, a statement about a people the question does
not involve (nlp/elsewhere.py).  Patience is no demand (data/stance_cues.yaml no_rush),
and a side read from another issue's words alone is dropped (veto "unnamed")."""

from __future__ import annotations

import pytest

from briefgen.model import Stance


@pytest.mark.parametrize(
    "text",
    [
        "Kim wants to meet Trump.",
        "Pyongyang is willing to talk about denuclearization at the summit.",
        # the pronoun stands for the subject of the clause it is reported in
        "Kim wrote in a letter that he still wanted to meet with Trump.",
        "The North wants sanctions relief.",
        "North Korea's leader is looking forward to the summit.",
    ],
)
def test_north_koreas_wish_reported(text: str, nlp) -> None:  # type: ignore[no-untyped-def]
    from briefgen.nlp.wishes import reports_north_wish

    assert reports_north_wish(nlp(text)[:])


@pytest.mark.parametrize(
    "text",
    [
        "We are willing to talk with the North.",  # the speaker's own wish
        "Trump said he is willing to meet Kim.",  # the pronoun is Trump
        "He wants North Korea to give up its weapons.",  # a demand on the North
        "North Korea must show its commitment to denuclearization.",  # a duty
        # conditions and possibilities the speaker sets, not the North's wish
        "North Korea should halt missile launches if it wanted to negotiate.",
        "The best signal North Korea could give that it is ready for talks is to halt launches.",
        "As soon as North Korea agrees to a freeze, we should continue negotiations.",
        # a pronoun with nothing in the statement to stand for is not the North
        "they both wanted to see full implementation of the sanctions against Pyongyang",
    ],
)
def test_own_wishes_demands_and_conditions_are_not_the_norths(text: str, nlp) -> None:  # type: ignore[no-untyped-def]
    from briefgen.nlp.wishes import reports_north_wish

    assert not reports_north_wish(nlp(text)[:])


def _read(nlp, text: str, country: str, kind: str = "government") -> list[Stance]:  # type: ignore[no-untyped-def]
    from briefgen.nlp.embeddings import Embedder
    from briefgen.nlp.stance import StanceInput, read_stances

    (stances,) = read_stances(
        [StanceInput(nlp(text)[:], country, kind, "indirect", "said")], Embedder(None).embed
    )
    return stances


def test_a_seoul_officials_report_of_kims_wish_takes_no_talks_stance(nlp) -> None:  # type: ignore[no-untyped-def]
    """Through the real parser, embedder and model: 'Kim wants to meet Trump' from a
    South Korean official holds a talks phrase ('meet trump'), which lifted it to print;
    it is Pyongyang's wish, so Seoul takes no stance on it.  The same words from a North
    Korean voice are its own line and keep their reading."""
    text = "Kim Jong Un wants to meet Trump soon."
    assert not [s for s in _read(nlp, text, "KOR") if s.issue == "talks"]
    own = [s for s in _read(nlp, text, "PRK") if s.issue == "talks"]
    assert own and own[0].stance == 1


def test_a_question_is_not_lifted(nlp) -> None:  # type: ignore[no-untyped-def]
    """An official's question holding an issue's phrase ('ready for talks') states no
    line: the model's own reading counts, not the backed confidence the same words get
    as a statement."""
    from briefgen.knowledge.stance_cues import phrase_backed

    backed = phrase_backed().confidence
    asked = [s for s in _read(nlp, "Are the allies ready for talks with Pyongyang?", "USA")]
    said = [s for s in _read(nlp, "The allies are ready for talks with Pyongyang.", "USA")]
    assert [(s.issue, s.stance) for s in said if s.issue == "talks"] == [("talks", 1)]
    assert max(s.confidence for s in said if s.issue == "talks") >= backed
    assert all(s.confidence < backed for s in asked if s.issue == "talks")


@pytest.mark.parametrize(
    "text",
    [
        "We're in no rush whatsoever on denuclearization. As long as there's no testing, "
        "I'm in no rush.",
        "There is no hurry for North Korea to denuclearize, he said.",
    ],
)
def test_patience_is_no_demand_to_denuclearize(text: str, nlp) -> None:  # type: ignore[no-untyped-def]
    """'No rush' says the speaker will wait, not that it demands denuclearization now."""
    got = [(s.issue, s.stance) for s in _read(nlp, text, "USA")]
    assert ("denuclearization", 1) not in got


@pytest.mark.parametrize(
    ("text", "elsewhere"),
    [
        (
            "He's willing to talk at some point in the future, but it would have to be "
            "after rights are restored to the Venezuelan people.",
            True,
        ),
        ("Syrians deserve peace, and we are ready to talk.", True),
        # a people with Korea in the same words, or a country the brief knows
        ("We are ready to talk with the Syrians and the North Koreans.", False),
        ("What we did with Iran was let off the pressure.", False),
        # a party the parser tags as a people is no people
        (
            "Senate Democratic leader Chuck Schumer said a strong sanctions bill is essential.",
            False,
        ),
        # a summit's host city is a place
        ("The Singapore summit will be a great success.", False),
    ],
)
def test_a_statement_about_another_people(text: str, elsewhere: bool, nlp) -> None:  # type: ignore[no-untyped-def]
    from briefgen.nlp.elsewhere import about_elsewhere

    assert about_elsewhere(nlp(text)[:]) is elsewhere


def test_talks_about_venezuela_are_not_lifted(nlp) -> None:  # type: ignore[no-untyped-def]
    """Nikki Haley's words on Venezuela hold a phrase of talks ('willing to talk'); the
    same words about the North are lifted to the backed confidence, hers are not."""
    from briefgen.knowledge.stance_cues import phrase_backed

    backed = phrase_backed().confidence
    there = "The president is willing to talk once rights are restored to the Venezuelan people."
    here = "The president is willing to talk once North Korea stops its missile tests."
    assert max(s.confidence for s in _read(nlp, here, "USA") if s.issue == "talks") >= backed
    assert all(s.confidence < backed for s in _read(nlp, there, "USA") if s.issue == "talks")


def test_a_side_read_from_another_issues_words_alone_is_dropped() -> None:
    """'to pursue ... the complete denuclearisation of the divided peninsula' names
    denuclearization's phrases and nothing of talks or inter-Korean engagement: a talks
    +1 or inter-Korean +1 read from it rests on nothing the speaker said about them."""
    from briefgen.knowledge.issues import issue_keys
    from briefgen.nlp.stance import feature_names, vetoed

    names = feature_names()
    hand = [0.0] * len(names)
    hand[names.index("denuclearization:present")] = 1.0
    hand[names.index("denuclearization:pro_phrase")] = 0.5
    keys = list(issue_keys())
    for issue in ("talks", "inter_korean", "sanctions"):
        assert vetoed(hand, keys.index(issue), 1)
    assert not vetoed(hand, keys.index("denuclearization"), 1)
    # a statement naming talks keeps its talks reading
    hand[names.index("talks:present")] = 1.0
    assert not vetoed(hand, keys.index("talks"), 1)
