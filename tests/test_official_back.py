"""A bare "the official said" means the official who spoke last, when no official was
described just before (roles.yaml official_heads; pronouns.official_spoke_last).

2018-W18 (Reuters): "the Blue House spokesman said" Moon discussed the abductions; two
sentences later "the official said" Moon relayed Abe's wish to Kim.  It went to "a senior
U.S. official" of twelve paragraphs before and printed a South Korean account as the
United States'.  Train (Fox News, 2017-04-16): "A White House foreign policy adviser"
... "The adviser ... said" ... "The official said" was a new "an official".
"""

from __future__ import annotations

from tests.texts import attribute_text


def _speakers(nlp, text: str, outlet: str | None = None) -> list[tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(q.speaker, q.country) for q in attribute_text(nlp, text, outlet=outlet).quotes]


def test_the_official_is_the_adviser_who_has_been_speaking(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A White House foreign policy adviser told reporters that the missile exploded "
        "seconds after it was launched.\n\n"
        "The adviser, who spoke on condition of anonymity, said there was no expected "
        "response from the administration.\n\n"
        'The official said that had it been a nuclear test, "other actions would have '
        'been taken by the U.S."'
    )
    adviser = ("a White House foreign policy adviser", "USA")
    assert _speakers(nlp, text) == [adviser, adviser, adviser]


SEOUL = (
    "A senior U.S. official has said Singapore is being considered as a venue for the "
    "summit.\n\n"
    "Trump told reporters the summit would take place in the next three to four weeks.\n\n"
    "The White House said Trump and Moon discussed the summit in their call.\n\n"
    "Japan's government said Abe raised the abductions with Trump.\n\n"
    "Moon also had a phone call with Abe and said he had discussed the abduction issue "
    "with Kim, Blue House spokesman Kim Eui-kyeom said.\n\n"
    "Pyongyang admitted in 2002 to kidnapping 13 Japanese to train spies. Five of them "
    "returned to Japan.\n\n"
    '"Moon relayed Abe\'s wish for a normalization of ties to Kim," the official said.'
)


def test_the_official_is_the_spokesman_who_spoke_last_not_one_described_long_before(nlp) -> None:  # type: ignore[no-untyped-def]
    got = _speakers(nlp, SEOUL, "Reuters")
    assert got[0] == ("a senior U.S. official", "USA")
    assert got[-1] == ("Kim Eui-kyeom", "KOR")


def test_an_official_described_just_before_is_still_the_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A senior U.S. official said Singapore is being considered as a venue.\n\n"
        "Blue House spokesman Kim Eui-kyeom said Moon welcomed the choice.\n\n"
        '"We are looking at two or three places," the official said.'
    )
    assert _speakers(nlp, text)[-1] == ("a senior U.S. official", "USA")


def test_the_official_is_never_the_president_who_spoke_last(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "President Donald Trump said the summit would be a success.\n\n"
        '"Preparations are going well," the official said.'
    )
    assert _speakers(nlp, text)[-1][0] != "Donald Trump"
