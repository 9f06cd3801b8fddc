"""Positions blind readers of round 14 struck (issue 10), as short texts through the
shipped parser and stance model: a conditional or sceptical talk offer and a leader's
call with an ally read as favouring talks, KCNA scorning sanctions read as seeking
relief, an expert's analysis read as a demand, and a statement relaying another
country's voice given to its speaker (the holder check)."""

from __future__ import annotations

import pytest

from briefgen.model import Actor, Quote, Stance

TALKS = [Stance("talks", 1, 0.95)]


def _span(text: str):  # type: ignore[no-untyped-def]
    from briefgen.nlp.parse import load_spacy

    return load_spacy()(text)[:]


def _hand(text: str, country: str, kind: str) -> list[float]:
    from briefgen.nlp.stance import StanceInput, hand_features

    return hand_features(StanceInput(_span(text), country, kind, "direct", "said"))


# -- North Korea's wish, held by a noun ("his willingness") or a noun's owner -----------


@pytest.mark.parametrize(
    "text",
    [
        "Kim expressed his willingness to talk to Japan at any time.",
        "We will see if Pyongyang's message today, that it is willing to hold talks, "
        "represents the first steps along the path to denuclearization.",
        "Kim expressed his desire to meet Trump soon.",
    ],
)
def test_a_wish_held_by_north_korea_through_a_noun_is_reported(text: str) -> None:
    from briefgen.nlp.wishes import reports_north_wish

    assert reports_north_wish(_span(text))


@pytest.mark.parametrize(
    "text",
    [
        "We expressed our willingness to talk to North Korea.",
        "Trump expressed his willingness to meet Kim.",
        "The president reaffirmed his readiness to hold talks with the North.",
    ],
)
def test_the_speakers_own_willingness_is_not_north_koreas(text: str) -> None:
    from briefgen.nlp.wishes import reports_north_wish

    assert not reports_north_wish(_span(text))


# -- talks offered on conditions, scepticism, a call with an ally -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Talks can begin only once North Korea abandons its nuclear weapons.",
        "If North Korea denuclearizes, we will be happy to meet.",
        "We will see if Pyongyang's message represents the first steps along the path.",
        "a long and very good talk",
        "The two leaders held a phone call on Sunday and discussed the summit.",
    ],
)
def test_conditions_doubt_and_calls_are_not_favouring_talks(text: str) -> None:
    from briefgen.nlp.ruled_out import not_ruled_out

    assert not_ruled_out(text, TALKS) == []


@pytest.mark.parametrize(
    "text",
    [
        "We are ready to talk to North Korea now.",
        "He had a good talk with Kim.",  # with North Korea's leader it is talks
        "The summit will go ahead and we look forward to meeting.",
    ],
)
def test_plain_offers_of_talks_still_read(text: str) -> None:
    from briefgen.nlp.ruled_out import not_ruled_out

    assert not_ruled_out(text, TALKS) == TALKS


def test_north_koreas_own_conditions_on_talks_are_its_line() -> None:
    from briefgen.nlp.ruled_out import not_ruled_out

    text = "We will talk only if the U.S. drops its demand that we denuclearize first."
    assert not_ruled_out(text, TALKS, north_speaker=True) == TALKS


# -- disputed credit for sanctions; an expert's analysis ----------------------------------------


def _vetoed(text: str, country: str, kind: str, issue: str, sign: int) -> bool:
    from briefgen.knowledge.issues import issue_keys
    from briefgen.nlp.stance import vetoed

    return vetoed(_hand(text, country, kind), issue_keys().index(issue), sign)


def test_disputing_what_sanctions_achieved_is_not_seeking_relief() -> None:
    from briefgen.nlp.ruled_out import not_ruled_out

    text = (
        "Washington was 'misleading public opinion' by claiming the denuclearization "
        "pledge was the result of sanctions and other pressure."
    )
    relief = [Stance("sanctions", -1, 0.9)]
    assert not_ruled_out(text, relief, north_speaker=True) == []


@pytest.mark.parametrize(
    "text",
    [
        "The United States must lift the sanctions at once.",
        "Sanctions should not harm legitimate trade and the lives of ordinary people.",
    ],
)
def test_asking_for_relief_still_reads(text: str) -> None:
    from briefgen.nlp.ruled_out import not_ruled_out

    relief = [Stance("sanctions", -1, 0.9)]
    assert not_ruled_out(text, relief, north_speaker=True) == relief


@pytest.mark.parametrize(
    "text",
    [
        "It is a good confidence building measure, but not a sign of irreversible disarmament.",
        "Dismantling the test site is part of the complete denuclearization of the peninsula.",
    ],
)
def test_an_experts_analysis_is_no_demand(text: str) -> None:
    assert _vetoed(text, "USA", "expert", "denuclearization", 1)


def test_an_officials_same_words_are_left_to_the_model() -> None:
    text = "Dismantling the test site is part of the complete denuclearization of the peninsula."
    assert not _vetoed(text, "USA", "government", "denuclearization", 1)


def test_an_expert_who_says_what_north_korea_must_do_demands() -> None:
    text = "The next steps North Korea needed to take were to give up its nuclear weapons."
    assert not _vetoed(text, "USA", "expert", "denuclearization", 1)
    # without the word of duty it is the expert's account, no demand
    told = "The next steps North Korea took were to give up its nuclear weapons."
    assert _vetoed(told, "USA", "expert", "denuclearization", 1)


# -- the holder check: another country's voice relayed -----------------------------------

ACTORS = [
    Actor("donald-trump", "Donald Trump", "government", country="USA", aliases=["Trump"]),
    Actor("moon-jae-in", "Moon Jae-in", "government", country="KOR", aliases=["Moon"]),
    Actor("kim-eui-kyeom", "Kim Eui-kyeom", "government", country="KOR"),
    Actor("sarah-sanders", "Sarah Sanders", "government", country="USA"),
]


@pytest.mark.parametrize(
    ("text", "country", "relays"),
    [
        ("Trump said it was good news that they affirmed complete denuclearization", "KOR", True),
        ("Moon relayed Abe's wish for a normalization of ties to Kim", "USA", True),
        ("North Korea agreed to dismantle its nuclear test site", "USA", True),
        ("Moon told Trump that Kim said he would get along with him", "KOR", False),
        ("Trump also said he would meet Kim", "USA", False),
        ("We will keep up maximum pressure", "USA", False),
    ],
)
def test_a_statement_opening_with_another_countrys_voice_relays(
    text: str, country: str, relays: bool
) -> None:
    from briefgen.nlp.relayed import Relays

    assert Relays(ACTORS).relays(text, country) is relays


def test_a_relayed_statement_gives_its_speaker_no_position() -> None:
    from briefgen.nlp.positions import actor_positions

    said = [
        ("kim-eui-kyeom", "KOR", "Trump said it was good news that they affirmed denuclearization"),
        ("sarah-sanders", "USA", "Trump said it was good news that they affirmed denuclearization"),
    ]
    quotes = [
        Quote(
            quote_id=f"a-q{n}",
            article_id="a",
            text=text,
            start=0,
            end=1,
            actor_id=who,
            country=country,
            stances=[Stance("denuclearization", 1, 0.95)],
        )
        for n, (who, country, text) in enumerate(said)
    ]
    assert [p.holder for p in actor_positions(quotes, ACTORS)] == ["sarah-sanders"]


def _resolved(text: str, sentence: str, who: str) -> Quote:
    return Quote(
        quote_id="a-q9",
        article_id="a",
        text=text,
        start=0,
        end=1,
        actor_id=who,
        country="KOR",
        kind="indirect",
        sentence=sentence,
        speaker_confidence=0.7,
        stances=[Stance("denuclearization", 1, 0.95)],
    )


def test_a_pronoun_the_sentence_gives_another_actor_holds_no_position() -> None:
    from briefgen.nlp.positions import actor_positions

    actors = [
        *ACTORS,
        Actor("kim-jong-un", "Kim Jong Un", "government", country="PRK", aliases=["Kim"]),
    ]
    text = "North Korea would give up its nuclear program over a period of years"
    other = f"As for Kim's supposed offer to disarm, he of course hedged it by noting that {text}."
    own = f"After the summit with Kim, Moon said he believed that {text}."
    assert actor_positions([_resolved(text, other, "moon-jae-in")], actors) == []
    # the speaker named before it too: the resolution stands
    kept = actor_positions([_resolved(text, own, "moon-jae-in")], actors)
    assert [p.holder for p in kept] == ["moon-jae-in"]


def test_a_pronoun_after_the_speakers_own_sentence_keeps_its_speaker() -> None:
    """Only the statement's own sentence counts, and a word of the speaker's name is
    enough ("Abe" for Shinzo Abe): "Abe praised the talks. He said he expects ..."."""
    from briefgen.nlp.relayed import Relays

    actors = [*ACTORS, Actor("shinzo-abe", "Shinzo Abe", "government", country="JPN")]
    text = "he expects North Korea to take concrete actions toward denuclearization"
    for sentence in (f"Abe met Moon. He said {text}.", f"Moon met Kim. Abe said {text}."):
        assert not Relays(actors).other_named(_resolved(text, sentence, "shinzo-abe"))
