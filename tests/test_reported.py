"""Reported speech and what is no quotation, on short texts written here: each reporting
cue gives an indirect quotation with its content and speaker; sources, questions and
imagined speech give none; statements from an earlier time keep their time."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.model import Quote
from tests.texts import attribute_text


def quotes(nlp, text: str, published: date | None = None) -> list[Quote]:  # type: ignore[no-untyped-def]
    return attribute_text(nlp, text, published=published).quotes


def one(nlp, text: str, published: date | None = None) -> Quote:  # type: ignore[no-untyped-def]
    qs = quotes(nlp, text, published)
    assert len(qs) == 1, [(q.kind, q.speaker, q.text) for q in qs]
    return qs[0]


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "Secretary of State Mike Pompeo said on Monday that North Korea must give up its weapons.",
            "North Korea must give up its weapons",
            "Mike Pompeo",
            "said",
        ),
        (
            "Kang Kyung-wha told reporters the talks would resume next month.",
            "the talks would resume next month",
            "Kang Kyung-wha",
            "told",
        ),
        (
            "According to South Korea's Unification Ministry, the North cut the hotline on Tuesday.",
            "the North cut the hotline on Tuesday",
            "Unification Ministry",
            "according to",
        ),
        (
            "Japanese Prime Minister Shinzo Abe warned that the missile launch was a grave threat.",
            "the missile launch was a grave threat",
            "Shinzo Abe",
            "warned",
        ),
        (
            "Chinese President Xi Jinping urged Washington to resume talks with Pyongyang.",
            "Washington to resume talks with Pyongyang",
            "Xi Jinping",
            "urged",
        ),
        (
            "Russian Foreign Minister Sergei Lavrov called on all sides to exercise restraint.",
            "all sides to exercise restraint",
            "Sergei Lavrov",
            "called on",
        ),
        (
            "Foreign Minister Ri Yong Ho denied any involvement in the attack.",
            "any involvement in the attack",
            "Ri Yong Ho",
            "denied",
        ),
        (
            "Kim Jong Un vowed to bolster the country's nuclear force.",
            "to bolster the country's nuclear force",
            "Kim Jong Un",
            "vowed",
        ),
        # rejecting, opposing and mocking are statements too
        (
            "Pyongyang rejects the inquiry's findings.",
            "the inquiry's findings",
            "North Korean government",
            "rejects",
        ),
        (
            "Russia had opposed a Security Council airing of the UN investigation.",
            "a Security Council airing of the UN investigation",
            "Russian government",
            "opposed",
        ),
        (
            "Donald Trump mocked Kim Jong Un as a rocket man on a suicide mission.",
            "Kim Jong Un as a rocket man on a suicide mission",
            "Donald Trump",
            "mocked",
        ),
    ],
)
def test_each_reporting_cue_gives_an_indirect_quotation(nlp, text, content, speaker, cue) -> None:  # type: ignore[no-untyped-def]
    q = one(nlp, text)
    assert (q.kind, q.text, q.speaker, q.cue) == ("indirect", content, speaker, cue)


def test_a_ministry_speaks_in_a_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    q = one(
        nlp,
        "North Korea's foreign ministry said in a statement that the drills were a provocation.",
    )
    assert q.kind == "indirect" and q.text == "the drills were a provocation"
    assert q.country == "PRK" and "ministry" in (q.speaker or "").lower()


def test_the_clause_before_an_inverted_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    q = one(nlp, "The talks will resume next week, a senior U.S. official told reporters.")
    assert (q.text, q.speaker, q.country) == (
        "The talks will resume next week",
        "a senior U.S. official",
        "USA",
    )


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The White House said Trump had agreed to the encounter.",
            "Trump had agreed to the encounter",
            "White House",
        ),
        (
            "The US has demanded that North Korea offer a full, detailed list of its nuclear "
            "inventory before it lifts sanctions.",
            "North Korea offer a full, detailed list of its nuclear inventory before it lifts "
            "sanctions",
            "U.S. government",
        ),
    ],
)
def test_a_verb_in_the_reported_clause_is_no_cue_after_its_clause(
    nlp, text, content, speaker
) -> None:  # type: ignore[no-untyped-def]
    """The parser hangs "agreed"/"offer" as the clause of "said"/"demanded"; read as a cue
    set after its own clause, it made "The White House said" Trump's words and dropped
    the White House's report as nested in them."""
    q = one(nlp, text)
    assert (q.text, q.speaker) == (content, speaker)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Chinese Foreign Minister Wang Yi was quick to condemn the missile launch.",
            "the missile launch",
            "Wang Yi",
        ),
        (
            "Russia took the opportunity to condemn the deployment of THAAD in South Korea.",
            "the deployment of THAAD in South Korea",
            "Russian government",
        ),
    ],
)
def test_an_infinitive_done_speaks_for_the_clauses_subject(nlp, text, content, speaker) -> None:  # type: ignore[no-untyped-def]
    q = one(nlp, text)
    assert (q.text, q.speaker) == (content, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "Wang Yi was unable to confirm that the talks would resume.",
        "Wang Yi was ready to announce that the talks would resume.",
    ],
)
def test_an_infinitive_not_done_is_no_statement(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert quotes(nlp, text) == []


def test_reported_clause_with_quoted_words_is_one_mixed_quotation(nlp) -> None:  # type: ignore[no-untyped-def]
    q = one(nlp, "Moon Jae-in said the talks with Kim had been “very productive.”")
    assert q.kind == "mixed" and q.speaker == "Moon Jae-in"
    assert q.text == "the talks with Kim had been “very productive.”"


def test_a_report_inside_a_report_is_part_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    q = one(
        nlp, "Moon Jae-in said Kim Jong Un had told him that he was ready to give up his weapons."
    )
    assert q.speaker == "Moon Jae-in"


@pytest.mark.parametrize(
    "text",
    [
        "Even if Kim walks in and says “We will give up our nuclear weapons,” nobody will believe him.",
        "Imagine Trump saying that the alliance is over.",
        "If Moon were to say that the talks had failed, the markets would fall.",
        "Kim Jong Un would say that the sanctions are an act of war.",
        "Mike Pompeo did not say whether the summit would go ahead.",
        "Moon Jae-in declined to say whether he would meet Kim.",
    ],
)
def test_imagined_hypothetical_and_negated_speech_is_no_quotation(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert quotes(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Mike Pompeo did not give a date, nor did he indicate whether the summit would go ahead.",
        "The summit loomed, with neither Kim Jong Un nor Moon Jae-in saying anything about it.",
        "In his speech, Donald Trump is expected to call on U.N. members to cut off North Korea.",
        "South Korea plans to announce a new aid package for North Korea next week.",
        "Mike Pompeo stopped short of calling the launch a violation of the agreement.",
        "The White House did not say why it changed course by agreeing to talks without "
        "“concrete steps toward denuclearization.”",
        "Mike Pompeo did not need to announce any sanctions for Pyongyang to take offense.",
        "South Korea's Joint Chiefs of Staff is aiming to identify the type of missiles.",
        "Donald Trump is trying to signal that the talks will go on.",
        "Moon Jae-in wants to announce a new aid package before the summit.",
        "Seoul seeks to confirm that the launch failed.",
    ],
)
def test_speech_not_made_or_not_yet_made_is_no_quotation(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert quotes(nlp, text) == [], text


def test_a_cue_beside_a_negated_verb_still_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    """Only a cue under the negated or unsaid verb is left out: "did not believe ..., as
    officials have suggested" keeps the minister's statement; "According to X, the test had
    been expected" is X's."""
    q = one(nlp, "According to Defense Minister Song Young-moo, the test had been expected.")
    assert (q.speaker, q.text) == ("Song Young-moo", "the test had been expected")
    q = one(nlp, "Kang Kyung-wha said Seoul did not believe the talks had failed.")
    assert (q.speaker, q.text) == ("Kang Kyung-wha", "Seoul did not believe the talks had failed")


@pytest.mark.parametrize(
    "text",
    [
        "The next question is: Will Kim, in Pyongyang, say the same about his country's Internet?",
        "Why does Donald Trump keep saying that the sanctions are working?",
    ],
)
def test_the_writers_question_about_speech_is_no_quotation(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert quotes(nlp, text) == [], text


def test_a_question_inside_the_marks_leaves_the_report(nlp) -> None:  # type: ignore[no-untyped-def]
    q = one(nlp, "Moon Jae-in said the talks would answer one question: “what comes next?”")
    assert q.speaker == "Moon Jae-in"


def test_a_question_after_the_cues_colon_is_what_was_said(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Moon Jae-in suggested asking the North one thing at the talks: Would you rather "
        "keep your weapons or see your economy grow?"
    )
    assert [q.speaker for q in quotes(nlp, text)] == ["Moon Jae-in"]


def test_a_reporters_question_is_no_quotation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“Will you meet Kim Jong Un this year?” a reporter asked.\n\n“We will see,” Trump said."
    assert [(q.text, q.speaker) for q in quotes(nlp, text)] == [("We will see", "Donald Trump")]


@pytest.mark.parametrize(
    "text",
    [
        "Reuters reported that the North fired two missiles on Sunday.",
        "According to Yonhap, the North fired two missiles on Sunday.",
        "The Associated Press said the launch took place near Pyongyang.",
    ],
)
def test_a_wire_that_reports_is_a_source_not_a_speaker(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert quotes(nlp, text) == []


def test_a_statement_from_an_earlier_time_keeps_its_time(nlp) -> None:  # type: ignore[no-untyped-def]
    pub = date(2017, 12, 15)
    tweet = one(
        nlp, "Trump tweeted in October that talking to North Korea was a waste of time.", pub
    )
    assert tweet.earlier and tweet.said_on is None
    last = one(
        nlp, "Kim Jong Un said last year that his country would never give up its nukes.", pub
    )
    assert last.earlier
    dated = one(
        nlp, "Rex Tillerson said on Sept. 30 that Washington had channels to Pyongyang.", pub
    )
    assert dated.earlier and dated.said_on == date(2017, 9, 30)
    had = one(nlp, "Moon Jae-in had warned that war must never happen again.", pub)
    assert had.earlier
    news = one(nlp, "Rex Tillerson said on Tuesday that talks were possible.", pub)
    assert not news.earlier and news.said_on == date(2017, 12, 12)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (  # a relative clause after a comma is the writer's aside
            "North Korea has consistently denied involvement in the attack, which included "
            "threats made to theaters.",
            "involvement in the attack",
        ),
        (  # so is a dash with nothing to close it
            "Ri Yong Ho threatened to test a hydrogen bomb in the atmosphere — something no "
            "country has done in decades.",
            "to test a hydrogen bomb in the atmosphere",
        ),
        (  # and the occasion after an object cue's object
            "Trump announced the new executive order during a working lunch with Moon Jae-in.",
            "the new executive order",
        ),
        (  # the scene set before an inverted cue
            "But while North Korea is set to boycott the meeting, it remains unclear whether "
            "Pyongyang was responsible, cybersecurity experts say.",
            "it remains unclear whether Pyongyang was responsible",
        ),
    ],
)
def test_a_reported_clause_ends_where_the_writer_takes_over(nlp, text, content) -> None:  # type: ignore[no-untyped-def]
    assert one(nlp, text).text == content


def test_a_second_cue_of_one_speaker_is_a_second_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    got = [
        (q.text, q.speaker, q.cue)
        for q in quotes(
            nlp,
            "Trump warned he would destroy North Korea if it attacked the US, and called on other "
            "countries to cut the regime off.\n\n"
            "North Korea said it was expelling all South Koreans from the zone, calling the "
            "South's move a declaration of war.",
        )
    ]
    assert got == [
        ("he would destroy North Korea if it attacked the US", "Donald Trump", "warned"),
        ("other countries to cut the regime off", "Donald Trump", "called on"),
        ("it was expelling all South Koreans from the zone", "North Korean government", "said"),
        ("the South's move a declaration of war", "North Korean government", "calling"),
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The reclusive North said it would never give up its nuclear weapons.",
            "it would never give up its nuclear weapons",
        ),
        (
            "The communist North has carried out six nuclear tests since 2006, saying it needs "
            "the weapons for its own security.",
            "it needs the weapons for its own security",
        ),
        (
            "The isolated North has vowed to strengthen its nuclear deterrent.",
            "to strengthen its nuclear deterrent",
        ),
    ],
)
def test_a_country_with_an_epithet_is_that_country_speaking(nlp, text, content) -> None:  # type: ignore[no-untyped-def]
    """The tagger took "North" for a person ("North" said) or the phrase for no country;
    without the writer's lower-case adjectives it is "the North"."""
    q = one(nlp, text)
    assert (q.text, q.speaker, q.country) == (content, "North Korean government", "PRK")


def test_the_north_and_the_south_open_a_sentence_as_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "The North said" at the head of a sentence is Pyongyang speaking: the capital
    letter does not make it some other name (the code found no speaker and dropped it)."""
    got = [
        (q.text, q.speaker, q.country)
        for q in quotes(
            nlp,
            "North Korea sent a note on Tuesday. The North called the closure of the border "
            '"an act of aggression." The South said it would reply to the note within days.',
        )
    ]
    assert got == [
        ('the closure of the border "an act of aggression."', "North Korean government", "PRK"),
        ("it would reply to the note within days", "South Korean government", "KOR"),
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ms. Berg told reporters the deal is probably dead, and the talks have failed "
            "several times.",
            "the deal is probably dead, and the talks have failed several times",
        ),
        (  # a pronoun subject after "and" is the speaker acting, not what was said
            "The mayor said the bridge is safe, and he left the room soon after.",
            "the bridge is safe",
        ),
    ],
)
def test_a_second_clause_joined_to_the_cue_is_still_what_was_said(nlp, text, content) -> None:  # type: ignore[no-untyped-def]
    assert one(nlp, text).text == content


def test_a_sentence_repeating_cues_is_read_for_its_first_cues_only(nlp) -> None:  # type: ignore[no-untyped-def]
    """A garbled 'sentence' repeating 'said' (a fuzzed 96 KB text took over 90 s): each cue
    walks the sentence, so only the first MAX_CUES_PER_SENTENCE cues of one are read."""
    from briefgen.knowledge.reporting import load_reporting_verbs
    from briefgen.nlp.reported import MAX_CUES_PER_SENTENCE, extract_reported

    text = " ".join(f"Official {k} said the talks were over, and" for k in range(80)) + " left."
    found = extract_reported(nlp(text), load_reporting_verbs(), [])
    assert 0 < len(found) <= MAX_CUES_PER_SENTENCE


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (  # the possessor of a noun cue with a "that" clause
            "Talks stalled after Mike Pompeo's warning that sanctions would stay in place.",
            "sanctions would stay in place",
            "Mike Pompeo",
            "warning",
        ),
        (  # the clause the parser hangs on a noun before the cue is still the cue's
            "That assertion signaled a break from Mike Pompeo's past warnings that Iran was "
            "bound to develop a nuclear arsenal.",
            "Iran was bound to develop a nuclear arsenal",
            "Mike Pompeo",
            "warnings",
        ),
        (  # "by X", and a pledge's "to" infinitive
            "The thaw was followed by an offer by Kim Jong Un to meet President Trump in June.",
            "to meet President Trump in June",
            "Kim Jong Un",
            "offer",
        ),
        (  # a country in front of the noun, and what a call is "for"
            "China has resisted U.S. calls for a complete oil embargo on the North.",
            "a complete oil embargo on the North",
            "U.S. government",
            "calls for",
        ),
        (  # the subject of a verb that issues the statement
            "North Korea issued a warning that it would strike Guam within days.",
            "it would strike Guam within days",
            "North Korean government",
            "warning",
        ),
    ],
)
def test_a_noun_cue_gives_an_indirect_quotation(nlp, text, content, speaker, cue) -> None:  # type: ignore[no-untyped-def]
    q = one(nlp, text)
    assert (q.kind, q.text, q.speaker, q.cue) == ("indirect", content, speaker, cue)


@pytest.mark.parametrize(
    "text",
    [
        # nobody the text names makes the accusation: the denial is the only statement
        "North Korea denied the accusation that it hacked Sony Pictures.",
        # a threat or an invitation "to" do something is an act, not a statement
        "Analysts recalled Ri Yong Ho's threat to test a hydrogen bomb over the Pacific.",
        # a news report is a source, and "no claim" denies the claim
        "A Japanese report that the submarine was ready caused alarm in Tokyo.",
        "There was no claim by Pyongyang that the launch had failed.",
    ],
)
def test_a_noun_without_a_speaker_or_statement_reports_nothing(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert [(q.speaker, q.cue) for q in quotes(nlp, text) if q.cue != "denied"] == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Kim Jong Un, who is just 36, went so far as to say the two Koreas will be reunited.",
            "the two Koreas will be reunited",
        ),
        (
            "Kim Jong Un laughed, then corrected himself to say the border was not so far away.",
            "the border was not so far away",
        ),
    ],
)
def test_an_infinitive_cue_speaks_for_its_clauses_subject(nlp, text, content) -> None:  # type: ignore[no-untyped-def]
    q = one(nlp, text)
    assert (q.text, q.speaker) == (content, "Kim Jong Un")


def test_a_participle_that_compares_is_no_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "About 210,000 South Koreans have been tested, compared to about 6,500 in the U.S."
    assert quotes(nlp, text) == []


def test_a_passive_finding_with_nobody_named_is_no_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "are confirmed to have" states a finding; with an agent ("was urged by China to")
    somebody still spoke."""
    assert quotes(nlp, "People who are confirmed to have coronavirus are tracked by GPS.") == []
    text = "North Korea was urged by China's Foreign Ministry to exercise restraint."
    assert [q.cue for q in quotes(nlp, text)] == ["urged"]


def test_a_speaker_who_compares_still_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    q = one(nlp, "Moon Jae-in compared the North's missile to a toy.")
    assert (q.speaker, q.cue) == ("Moon Jae-in", "compared")


def test_as_opposed_to_is_no_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Trump argued for helping refugees where they are, as opposed to resettling them here."
    assert [q.cue for q in quotes(nlp, text) if q.cue == "opposed"] == []


def test_a_sentence_repeating_noun_cues_is_read_for_its_first_few(nlp) -> None:  # type: ignore[no-untyped-def]
    from briefgen.knowledge.reporting import load_reporting_verbs
    from briefgen.nlp.noun_cues import noun_reports

    text = " ".join(["Kim's warning that the talks would fail, and"] * 12) + " more."
    sent = next(iter(nlp(text).sents))
    verbs = load_reporting_verbs()
    assert len(noun_reports(sent, verbs, 100)) > 3
    assert len(noun_reports(sent, verbs, 3)) <= 3


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Everything in the Trump White House, Sean Spicer says, was harder than before.",
            "Everything in the Trump White House, Sean Spicer says, was harder than before",
            "Sean Spicer",
        ),
        (
            "Syria, the White House said, does not identify security risks to travellers.",
            "Syria, the White House said, does not identify security risks to travellers",
            "White House",
        ),
        (  # a clause for the subject ("Talking to Pyongyang now")
            "Talking to Pyongyang now, Moon Jae-in said, would reward its provocations.",
            "Talking to Pyongyang now, Moon Jae-in said, would reward its provocations",
            "Moon Jae-in",
        ),
        (  # after a phrase that opens the clause, the clause after the cue
            "For the cost of settling one refugee in the U.S., Donald Trump said, ten "
            "refugees could be resettled closer to home.",
            "ten refugees could be resettled closer to home",
            "Donald Trump",
        ),
    ],
)
def test_a_cue_between_commas_reports_the_clause_around_it(nlp, text, content, speaker) -> None:  # type: ignore[no-untyped-def]
    q = one(nlp, text)
    assert (q.text, q.speaker) == (content, speaker)


def test_a_long_subject_the_parser_took_for_an_object_is_what_was_said(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Other experts said a simple closure of the site, where North Korea has conducted "
        "all six of its tests, was more likely than a complete dismantling."
    )
    assert one(nlp, text).text == (
        "a simple closure of the site, where North Korea has conducted all six of its "
        "tests, was more likely than a complete dismantling"
    )
    # whom a cue addresses is no part of what was said
    q = one(nlp, "Kang Kyung-wha told reporters the talks would resume next month.")
    assert q.text == "the talks would resume next month"


def test_a_statement_after_a_sentence_set_in_an_earlier_year_keeps_that_time(nlp) -> None:  # type: ignore[no-untyped-def]
    """2017-W37's North Korean escalation rested on the 2014 threat over a film, told as
    background: the sentence before set the time and the threat gave none of its own."""
    pub = date(2017, 9, 16)
    text = (
        "In the 2014 comedy, the actors play journalists sent to kill the North's leader.\n\n"
        "North Korea was not happy about it — Pyongyang even threatened military action "
        "against the U.S."
    )
    (threat,) = attribute_text(nlp, text, published=pub).quotes
    assert threat.earlier and threat.said_on is None
    # a scene set this year, or a time of its own, keeps the statement the period's
    for scene in ("In 2017, the North tested six missiles.", "In 2014, the two sides met."):
        own = one(nlp, f"{scene}\n\nKim Jong Un said on Tuesday that talks were possible.", pub)
        assert not own.earlier and own.said_on == date(2017, 9, 12)
    plain = one(nlp, "The North tested a missile.\n\nKim Jong Un said talks were possible.", pub)
    assert not plain.earlier


def test_speech_not_made_yet_is_no_quotation(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "has yet to agree to give up" says he has not agreed: nothing was said yet."""
    for text in (
        "Kim Jong Un has yet to agree to give up his weapons programs.",
        "Moon Jae-in is about to announce that the talks will resume.",
    ):
        assert quotes(nlp, text) == []
    assert one(nlp, "Kim Jong Un agreed to give up his weapons programs.").speaker == "Kim Jong Un"
