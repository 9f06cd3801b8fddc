"""Speakers called by a group or an epithet (issue 10), on short texts written here: the
leaders of two countries named together, the same pair called "the two leaders" and
"they" sentences later, and a person called by their age alone."""

from __future__ import annotations

from datetime import date

from tests.texts import attribute_text

SUMMIT = (
    "The leaders of North and South Korea agreed Friday to pursue a permanent peace, as "
    "they embraced after a historic summit.\n\n"
    "In a day of bonhomie, the pair issued a declaration on “the common goal of a "
    "nuclear-free Korean peninsula”.\n\n"
    "Upon signing the document, the two leaders shared a warm embrace.\n\n"
    "They also agreed that they would this year seek a permanent end to the Korean War.\n\n"
    "The summit was held in the truce village.\n\n"
    "Moon would visit Pyongyang in the fall, the two leaders said."
)


def _speakers(nlp, text: str, day: date | None) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    return {q.text[:20]: q.speaker for q in attribute_text(nlp, text, published=day).quotes}


def test_the_leaders_of_two_countries_are_who_led_them_that_day(nlp) -> None:  # type: ignore[no-untyped-def]
    got = _speakers(nlp, SUMMIT, date(2018, 4, 27))
    assert got["to pursue a permanen"] == "Kim Jong Un and Moon Jae-in"


def test_the_two_leaders_and_they_are_that_pair_paragraphs_later(nlp) -> None:  # type: ignore[no-untyped-def]
    got = _speakers(nlp, SUMMIT, date(2018, 4, 27))
    assert got["they would this year"] == "Kim Jong Un and Moon Jae-in"
    assert got["Moon would visit Pyo"] == "Kim Jong Un and Moon Jae-in"


def test_without_a_date_the_leaders_are_nobody_made_up(nlp) -> None:  # type: ignore[no-untyped-def]
    got = _speakers(nlp, SUMMIT, None)
    assert "Kim Jong Un and Moon Jae-in" not in got.values()


def test_a_count_that_disagrees_names_no_pair(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The three leaders of China and Russia said they oppose the deployment."
    got = _speakers(nlp, text, date(2018, 4, 27))
    assert got["they oppose the depl"] != "Xi Jinping and Vladimir Putin"
    text = "The presidents of China and Russia said they oppose the deployment."
    assert _speakers(nlp, text, date(2018, 4, 27))["they oppose the depl"] == (
        "Xi Jinping and Vladimir Putin"
    )


def test_a_person_called_by_their_age_is_the_one_just_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "One moviegoer in Dallas, David Matthews, said he was glad he went to the theater. "
        "“It was such a paradox, or irony, this whole experience,” the 58-year-old said."
    )
    got = _speakers(nlp, text, None)
    assert got["It was such a parado"] == "David Matthews"


def test_a_subject_inside_the_quotation_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Joshua Pollack, an expert at the Middlebury Institute, has studied the site.\n\n"
        "“Who tests anymore? Only newcomers,” said Middlebury’s Pollack."
    )
    assert _speakers(nlp, text, None)["Who tests anymore? O"] == "Joshua Pollack"


def test_he_after_a_possessor_in_his_own_sentence_is_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "President Donald Trump’s speech at the United Nations on Tuesday, in which he "
        "threatened to “totally destroy” North Korea, provoked an unprecedented response."
    )
    assert _speakers(nlp, text, None)["to “totally destroy”"] == "Donald Trump"


def test_an_epithet_is_the_one_person_just_named_and_only_then(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Donald Trump spoke in Ohio on Monday.\n\n"We will win," the former reality-TV star said.'
    )
    assert _speakers(nlp, text, None)["We will win"] == "Donald Trump"
    text = (
        "Donald Trump spoke in Ohio on Monday with Mike Pence. "
        '"We will win," the New York billionaire said.'
    )
    assert _speakers(nlp, text, None)["We will win"] not in ("Donald Trump", "Mike Pence")
