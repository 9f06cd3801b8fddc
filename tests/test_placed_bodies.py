"""A body called by its short name is the one the article named in full.

2018-W19 (Newsmax): after "North Korea's Foreign Ministry said ...", "the Foreign
Ministry's statement said" and "The ministry said" were a body of no country, which the
US outlet's home then claimed: the North's Foreign Ministry was printed under the United
States.  2017-W35 (The Washington Times): "the ministry's statement said" after "The
Chinese Foreign Ministry issued a statement" was a "ministry" of the United States.
"""

from __future__ import annotations

from tests.texts import attribute_text


def _speakers(nlp, text: str, outlet: str) -> list[tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(q.speaker, q.country) for q in attribute_text(nlp, text, outlet=outlet).quotes]


NORTH = (
    "North Korea's Foreign Ministry said all of the tunnels at the testing ground will be "
    "destroyed by explosion.\n\n"
    "Analysts say the closure of the site is not a step toward denuclearization.\n\n"
    '"A ceremony for dismantling the test ground is now scheduled between May 23 and 25," '
    "the Foreign Ministry's statement said, adding that journalists from the United "
    "States will be invited.\n\n"
    'The ministry said the North will continue to "promote close contacts and dialogue."'
)


def test_the_foreign_ministry_after_the_norths_is_the_norths(nlp) -> None:  # type: ignore[no-untyped-def]
    got = _speakers(nlp, NORTH, "Newsmax")
    ministry = [sp for sp in got if sp[0] != "analysts"]
    assert len(ministry) >= 3
    assert set(ministry) == {("North Korean Foreign Ministry", "PRK")}


def test_a_ministry_named_but_not_quoted_is_the_one_its_statement_speaks_for(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Chinese Foreign Ministry, however, issued a statement of rare criticism.\n\n"
        '"The Chinese government expresses resolute objection to it," the ministry\'s '
        "statement said, according to Xinhua."
    )
    assert _speakers(nlp, text, "The Washington Times") == [("Chinese Foreign Ministry", "CHN")]


def test_another_ministry_is_not_the_one_named(nlp) -> None:  # type: ignore[no-untyped-def]
    """Only a name the full one ends in: "the Defense Ministry" is not the North's Foreign
    Ministry, and a Korean outlet's own unplaced ministry stays its home's."""
    text = (
        "North Korea's Foreign Ministry said the test site would be closed.\n\n"
        "The Defense Ministry said South Korean forces were watching the site closely."
    )
    assert _speakers(nlp, text, "Yonhap") == [
        ("North Korean Foreign Ministry", "PRK"),
        ("Defense Ministry", "KOR"),
    ]


def test_a_us_paper_does_not_claim_a_ministry_or_another_owners_body(nlp) -> None:  # type: ignore[no-untyped-def]
    """Washington has departments (countries.yaml not_its_bodies): a US paper's unplaced
    "Defense Ministry" is another state's, and so is "Singapore's Ministry of Foreign
    Affairs" (2018-W19 printed it under the United States), whatever the text names."""
    text = (
        "The South Korean military raised its readiness level, the Defense Ministry said.\n\n"
        "Trump said the summit will be held in Singapore, a choice the United States "
        "welcomed.\n\n"
        "Singapore's Ministry of Foreign Affairs said it was pleased to host the summit."
    )
    got = dict(_speakers(nlp, text, "Fox News"))
    assert got["Defense Ministry"] is None
    assert got["Singapore's Ministry of Foreign Affairs"] is None
    assert got["Donald Trump"] == "USA"
    # a Korean outlet's own unplaced ministry is still its home's
    korean = "The Defense Ministry said South Korean forces were on alert."
    assert _speakers(nlp, korean, "Yonhap") == [("Defense Ministry", "KOR")]
