"""A position's words read right whoever holds it (data/issues.yaml by_country).

Blind judges struck Mike Pompeo "seeks sanctions relief" (he offered to lift sanctions)
and Donald Trump "closes off inter-Korean engagement" (he called Seoul's engagement
appeasement): a side only Pyongyang takes in its own way has Pyongyang's words, every
other holder words that fit an offer, a call or an objection.
"""

from __future__ import annotations

import pytest

from briefgen.book.changes import _now
from briefgen.book.contradictions import _predicate
from briefgen.book.trend import position_words
from briefgen.knowledge.issues import get_issue, load_issues
from briefgen.model import Actor, Evidence, Position, Quote
from briefgen.nlp.positions import actor_positions, derive_positions
from tests.texts import stance_quote

ACTORS = [
    Actor("mike-pompeo", "Mike Pompeo", "government", country="USA"),
    Actor("john-bolton", "John Bolton", "government", country="USA"),
    Actor("wang-yi", "Wang Yi", "government", country="CHN"),
    Actor("kcna", "KCNA", "state-media", country="PRK"),
    Actor("kim-yo-jong", "Kim Yo Jong", "government", country="PRK"),
    Actor("donald-trump", "Donald Trump", "government", country="USA"),
]


def _said(rows: list[tuple[str, str, str]]) -> list[Quote]:
    """Quotes of (actor, country, words) with the stances the shipped model reads in them."""
    from briefgen.nlp.embeddings import Embedder
    from briefgen.nlp.parse import load_spacy
    from briefgen.nlp.stance import StanceInput, read_stances

    nlp = load_spacy()
    inputs = [
        StanceInput(span=nlp(t)[:], country=c, kind="government", quote_kind="indirect", cue="said")
        for _, c, t in rows
    ]
    quotes = []
    for n, ((actor, country, text), stances) in enumerate(
        zip(rows, read_stances(inputs, Embedder(None).embed), strict=True)
    ):
        q = stance_quote(n, actor, country, "sanctions", -1)
        q.text, q.stances = text, stances
        quotes.append(q)
    return quotes


def _labels(quotes: list[Quote]) -> dict[str, str]:
    """The sanctions label of each holder."""
    return {p.holder: p.label for p in derive_positions(quotes, ACTORS) if p.issue == "sanctions"}


def test_relief_reads_as_an_offer_or_a_call_except_from_pyongyang() -> None:
    """2018-W19: Pompeo "was willing to lift sanctions" printed "seeks sanctions relief"."""
    quotes = _said(
        [
            (
                "mike-pompeo",
                "USA",
                "Washington was willing to lift sanctions to pave the way for private "
                "American investment in North Korea",
            ),
            ("wang-yi", "CHN", "sanctions should be eased to encourage North Korea to talk"),
            ("kcna", "PRK", "The U.S. must lift its sanctions against the DPRK"),
        ]
    )
    assert all(("sanctions", -1) in {(s.issue, s.stance) for s in q.stances} for q in quotes)
    got = _labels(quotes)
    assert got["mike-pompeo"] == "is open to easing sanctions"
    assert got["wang-yi"] == "is open to easing sanctions"
    assert got["kcna"] == "seeks sanctions relief"


def test_a_country_as_a_whole_takes_its_own_words() -> None:
    quotes = [
        stance_quote(1, "kcna", "PRK", "sanctions", -1),
        stance_quote(2, "kim-yo-jong", "PRK", "sanctions", -1),
        stance_quote(3, "mike-pompeo", "USA", "sanctions", -1),
        stance_quote(4, "john-bolton", "USA", "sanctions", -1),
    ]
    got = _labels(quotes)
    assert got["PRK"] == "seeks sanctions relief"
    assert got["USA"] == "is open to easing sanctions"


def test_only_pyongyang_closes_off_engagement_and_demands_a_halt_to_drills() -> None:
    quotes = [
        stance_quote(1, "donald-trump", "USA", "inter_korean", -1),
        stance_quote(2, "kcna", "PRK", "inter_korean", -1),
        stance_quote(3, "donald-trump", "USA", "exercises", -1),
        stance_quote(4, "kcna", "PRK", "exercises", -1),
        stance_quote(5, "wang-yi", "CHN", "exercises", -1),
    ]
    got = {(p.holder, p.issue): p.label for p in actor_positions(quotes, ACTORS)}
    assert got["donald-trump", "inter_korean"] == "opposes inter-Korean engagement"
    assert got["kcna", "inter_korean"] == "closes off inter-Korean engagement"
    assert got["donald-trump", "exercises"] == "favours scaling back US–South Korea drills"
    assert got["kcna", "exercises"] == "demands a halt to US–South Korea drills"
    assert got["wang-yi", "exercises"] == "opposes US–South Korea drills and deployments"


@pytest.mark.parametrize("country", [None, "USA", "PRK", "KOR", "CHN", "RUS", "UN"])
def test_every_label_reads_after_a_holders_name(country: str | None) -> None:
    """Labels follow a name in sentences ("X {label}.", "X now {label}", "X {label},
    while Y ..."): each opens on a verb of the third person or on "is"."""
    for issue in load_issues():
        for stance in (1, -1):
            label = get_issue(issue.key).label(stance, country)
            first = label.split()[0]
            assert first == "is" or first.endswith("s"), (issue.key, stance, country, label)
            assert not label.startswith("is is")


def test_sentences_put_is_and_now_where_english_does() -> None:
    assert _now("is open to easing sanctions") == "is now open to easing sanctions"
    assert _now("seeks sanctions relief") == "now seeks sanctions relief"
    assert _predicate("is open to easing sanctions") == "is open to easing sanctions"


def test_a_position_kept_without_words_gets_its_holders() -> None:
    """A position read back from an older record with no label: its holder's words."""
    p = Position(
        "mike-pompeo",
        "actor",
        "sanctions",
        -1,
        "",
        "USA",
        [Evidence("a", "willing to lift sanctions")],
    )
    assert position_words(p) == "is open to easing sanctions"
    p.country = "PRK"
    assert position_words(p) == "seeks sanctions relief"
