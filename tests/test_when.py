"""When a statement was made (briefgen/nlp/when.py), on short texts written here: a time
the parse hangs on the cue, on the verb its clause hangs from, or on the sentence's
opening; what the news came days after; and what holds now (present tense, "has denied")."""

from __future__ import annotations

from datetime import date

from briefgen.model import Quote
from tests.texts import attribute_text

PUB = date(2017, 9, 20)


def said(nlp, text: str, speaker_word: str, published: date = PUB, cue: str = "") -> Quote:  # type: ignore[no-untyped-def]
    """The one quotation whose speaker has `speaker_word` in it (and `cue`, if given)."""
    qs = attribute_text(nlp, text, published=published).quotes
    hits = [q for q in qs if q.speaker and speaker_word in q.speaker and (not cue or q.cue == cue)]
    assert len(hits) == 1, [(q.speaker, q.cue, q.text, q.earlier) for q in qs]
    return hits[0]


def test_last_week_and_earlier_this_week_are_before_the_news(nlp) -> None:  # type: ignore[no-untyped-def]
    q = said(nlp, "North Korea warned last week that it would strike Guam.", "Korea")
    assert q.earlier
    q = said(nlp, "Moon Jae-in said on Tuesday that talks were possible.", "Moon")
    assert not q.earlier


def test_a_clause_takes_the_time_of_the_verb_it_hangs_from(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Last week Donald Trump dismissed the taunt of Kim Jong Un, saying that his own "
        "button was bigger."
    )
    assert said(nlp, text, "Trump", cue="saying").earlier
    # a verb with a subject of its own keeps its own (lack of) time
    text = (
        "The Security Council adopted sanctions against North Korea in August, but "
        "analysts said Washington should do far more."
    )
    assert not said(nlp, text, "analyst").earlier


def test_what_the_news_came_days_after_is_earlier(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The launch came two days after North Korea warned it would retaliate."
    assert said(nlp, text, "Korea").earlier
    text = "The comments were published after Donald Trump warned Pyongyang it would suffer."
    assert not said(nlp, text, "Trump").earlier


def test_a_sentence_opening_on_an_earlier_month_sets_its_time(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In August, Kim Jong Un announced plans to fire rockets toward Guam."
    assert said(nlp, text, "Kim").earlier
    assert not said(nlp, text.replace("August", "September"), "Kim").earlier
    text = (
        "In March, after officials in Pyongyang threatened to resume tests, Mike Pompeo "
        "said that Kim had promised Trump that such tests would not happen."
    )
    assert said(nlp, text, "Pompeo", date(2019, 5, 4)).earlier


def test_what_holds_now_is_not_earlier(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Late last week, the FBI blamed North Korea for the hack, though Pyongyang has "
        "denied any involvement."
    )
    q = said(nlp, text, "Korea")
    assert not q.earlier
    text = (
        "In 2014, the two sides met in Geneva.\n\n"
        "Many experts say the North is years away from such a missile."
    )
    assert not said(nlp, text, "expert").earlier


def test_famous_words_retold_months_later_keep_their_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The summit was a turnaround from last year's war of words, with the American "
        'president Donald Trump warning Kim of "fire and fury."'
    )
    q = said(nlp, text, "Trump", date(2018, 6, 12))
    assert q.earlier and q.said_on == date(2017, 8, 8)
    # the week they were said, they are the news
    text = 'Donald Trump warned North Korea on Tuesday of "fire and fury."'
    assert not said(nlp, text, "Trump", date(2017, 8, 10)).earlier


def test_a_verbs_past_perfect_dates_its_own_act_not_a_frame_or_a_later_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Seoul had played down hopes before the summit, saying that talks would be hard."
    assert said(nlp, text, "Korea", cue="saying").earlier
    text = "According to the adviser, the test had been expected by Washington."
    assert not said(nlp, text, "adviser").earlier
    text = (
        "The agency had reported that skulls had popped up on the screens, but later "
        "said those who reported them did not work for the banks."
    )
    assert not said(nlp, text, "agency", cue="said").earlier


def test_a_verb_inside_the_quoted_words_lends_no_time_to_the_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    """The seeds' Thae Yong Ho line became 'earlier': the parser hung "told" on "believe",
    inside the quotation, whose clause held "until he defected in 2016"."""
    text = (
        "“I strongly believe in the use of soft power before taking any military actions,” "
        "Thae Yong Ho, chief of mission at Pyongyang’s embassy in London until he defected "
        "in 2016, told the Center for Strategic and International Studies."
    )
    assert not said(nlp, text, "Thae", published=date(2017, 10, 24)).earlier
