"""Speakers on short texts written here: names whole in every form, publications that
speak, titles as roles, the accompanying official, pronouns, shared family names,
things that never speak, and the country and kind of each speaker."""

from __future__ import annotations

import pytest

from briefgen.nlp.attribution import Attribution
from briefgen.nlp.names import is_east_asian, name_key, same_name
from tests.texts import attribute_text


def run(nlp, text: str, outlet: str | None = None) -> Attribution:  # type: ignore[no-untyped-def]
    return attribute_text(nlp, text, outlet=outlet)


def speakers(nlp, text: str, outlet: str | None = None) -> list[tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(q.speaker, q.country) for q in run(nlp, text, outlet).quotes]


# -- names whole, in every form


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("President Moon Jae-in said the talks had to go on.", "Moon Jae-in", "KOR"),
        (
            "North Korea's Vice Foreign Minister Kim Kye Gwan warned that the summit could be cancelled.",
            "Kim Kye Gwan",
            "PRK",
        ),
        (
            "Foreign Minister Ri Yong Ho told reporters that sanctions must be lifted.",
            "Ri Yong Ho",
            "PRK",
        ),
        (
            "Choe Son Hui, the vice foreign minister, said the summit was in doubt.",
            "Choe Son Hui",
            "PRK",
        ),
        (
            "National Security Adviser Chung Eui-yong said he had met Kim Jong Un.",
            "Chung Eui-yong",
            "KOR",
        ),
    ],
)
def test_east_asian_names_are_whole(nlp, text, name, country) -> None:  # type: ignore[no-untyped-def]
    att = run(nlp, text)
    assert [q.speaker for q in att.quotes] == [name]
    assert att.quotes[0].country == country
    # no piece of the name is an actor of its own
    assert all(a.name == name or " " in a.name for a in att.actors)


def test_forms_of_one_name_are_one_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Foreign Minister Ri Yong Ho said the sanctions were a crime.\n\n"
        "Ri Yong-ho later told reporters that his country would respond.\n\n"
        "“We will never give up,” Ri said."
    )
    att = run(nlp, text)
    assert {q.actor_id for q in att.quotes} == {"ri-yong-ho"}
    assert [a.name for a in att.actors if a.quote_count] == ["Ri Yong Ho"]


def test_name_forms() -> None:
    assert is_east_asian("Moon Jae-in") and is_east_asian("Kim Kye Gwan")
    assert not is_east_asian("Rex Tillerson")
    assert same_name("Kim Jong-un", "Kim Jong Un") and same_name("Choe Son Hui", "Choi Son-hui")
    assert name_key("Moon Jae-In") == name_key("Moon Jae In") == name_key("Moon Jae-in")
    assert not same_name("Moon Jae-in", "Moon Chung-in")


def test_a_title_is_a_role_not_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    att = run(nlp, "U.S. Defense Secretary Jim Mattis said diplomacy was working.")
    (q,) = att.quotes
    assert (q.speaker, q.country) == ("James Mattis", "USA")
    assert not any(a.name == "Defense" for a in att.actors)
    # the parser takes "the U.N. Nikki Haley" for an organisation: the known name wins
    att = run(nlp, "U.S. Ambassador to the U.N. Nikki Haley said the sanctions were working.")
    assert [(q.speaker, q.country) for q in att.quotes] == [("Nikki Haley", "USA")]


def test_shared_family_names_stay_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "President Moon Jae-in will meet Kim Jong Un on Friday.\n\n"
        "Moon Chung-in, a special adviser to the president, said the summit would be hard.\n\n"
        "Moon added that Washington should ease some sanctions."
    )
    assert [q.speaker for q in run(nlp, text).quotes] == ["Moon Chung-in", "Moon Chung-in"]


def test_a_lone_family_name_is_the_nearest_full_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kim Yo Jong, the sister of the leader, issued a statement on Sunday.\n\n"
        "Kim said Seoul had insulted her country."
    )
    assert [q.speaker for q in run(nlp, text).quotes] == ["Kim Yo Jong"]


# -- publications


@pytest.mark.parametrize(
    "text",
    [
        "Rodong Sinmun carried an article on Monday. The article said the drills were a rehearsal for invasion.",
        "Rodong Sinmun ran an editorial on Monday. The editorial warned that the drills would bring war.",
        "A commentary in Rodong Sinmun said the drills were a rehearsal for invasion.",
        "Rodong Sinmun, the ruling party's newspaper, published a long piece. The newspaper said the drills were a rehearsal for invasion.",
    ],
)
def test_a_publication_speaks_for_its_state(nlp, text) -> None:  # type: ignore[no-untyped-def]
    att = run(nlp, text)
    assert [(q.speaker, q.country) for q in att.quotes] == [("Rodong Sinmun", "PRK")]
    assert [a.kind for a in att.actors if a.quote_count] == ["state-media"]


def test_the_editorial_of_a_chinese_paper(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Global Times ran an editorial on Tuesday. The editorial urged Washington to talk to Pyongyang."
    assert speakers(nlp, text) == [("Global Times", "CHN")]


# -- descriptions, companions and pronouns


@pytest.mark.parametrize(
    "text",
    [
        "An official who accompanied Pompeo told reporters that the talks had gone well.",
        "An official traveling with Pompeo said the talks had gone well.",
    ],
)
def test_an_accompanying_official_is_an_official_of_the_country(nlp, text) -> None:  # type: ignore[no-untyped-def]
    (q,) = run(nlp, text).quotes
    assert q.speaker != "Mike Pompeo" and q.speaker and "official" in q.speaker
    assert q.country == "USA"


def test_he_never_finds_a_woman(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Senator Bernie Sanders met Hillary Clinton on Monday.\n\n"
        "“We disagree on trade,” he said. “We will win,” she said."
    )
    assert [q.speaker for q in run(nlp, text).quotes] == ["Bernie Sanders", "Hillary Clinton"]


def test_pronouns_find_the_nearest_speaker_of_their_sort(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "South Korea's Unification Ministry said on Monday that the North had cut the hotline.\n\n"
        "Kang Kyung-wha met Taro Kono in Tokyo.\n\n"
        "It added that talks would resume. She said the allies were united."
    )
    got = speakers(nlp, text)
    assert got == [
        ("Unification Ministry", "KOR"),
        ("Unification Ministry", "KOR"),
        ("Kang Kyung-wha", "KOR"),
    ]


def test_things_and_events_never_speak(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pompeo's meeting with Kim signaled that the talks were back on track.\n\n"
        "“We will never give up our nuclear weapons,” the statement said."
    )
    att = run(nlp, text)
    assert [(q.kind, q.speaker) for q in att.quotes] == [("direct", None)]  # unknown, kept
    assert not any("meeting" in a.name or "statement" in a.name for a in att.actors)


# -- countries and kinds


def test_employer_country_and_kind(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“The North wants a deal,” said Hong Min, a researcher at the Korea Institute for "
        "National Unification.\n\n"
        "“Sanctions are working,” said Matthew Prince, the chief executive of CloudFlare.\n\n"
        "“We must stay firm,” Sen. Tom Ruhle said."
    )
    att = run(nlp, text)
    got = {a.name: (a.kind, a.country) for a in att.actors if a.quote_count}
    assert got["Hong Min"] == ("expert", "KOR")
    assert got["Matthew Prince"] == ("expert", "USA")
    assert got["Tom Ruhle"] == ("legislator", "USA")


def test_a_spokesman_of_a_named_office_has_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“We are watching closely,” a spokesman for the Unification Ministry said."
    (q,) = run(nlp, text).quotes
    assert q.country == "KOR"


def test_a_lone_family_name_is_not_a_relative_named_in_passing(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Governor Alan Porter said the budget would cut taxes. Porter said the state would "
        "save money.\n\n"
        "Neil Porter, his cousin, runs a bakery in the town. The bakery opened in 1990. It "
        "employs twelve people. Customers queue there every morning.\n\n"
        "Porter said the budget would pass next week."
    )
    assert [q.speaker for q in run(nlp, text).quotes] == ["Alan Porter"] * 3


def test_a_pronoun_led_sentence_offers_no_antecedent_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Foreign Minister Alan Porter spoke in Geneva on Monday.\n\n"
        "He said the talks could press the envoy, Neil Brandt, to compromise.\n\n"
        "“We are not giving up,” he said."
    )
    assert [q.speaker for q in run(nlp, text).quotes] == ["Alan Porter"] * 2


def test_an_expert_on_a_country_does_not_speak_for_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“The talks will fail,” said Alan Porter, an expert on North Korea.\n\n"
        "“The sanctions bite,” said Neil Brandt, who heads research on North Korea's economy "
        "at a bank in Seoul."
    )
    assert speakers(nlp, text) == [("Alan Porter", None), ("Neil Brandt", "KOR")]


def test_a_portfolio_is_not_whom_one_serves(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "director for Japan and China" is the desk; "in the Obama administration" the
    employer; but "director for Amnesty International USA" names the employer itself."""
    text = (
        "“The talks will fail,” said Alan Porter, security council director for Japan and "
        "China in the Obama administration.\n\n"
        "“The sanctions bite,” said Neil Brandt, a special envoy for North Korea.\n\n"
        "“The ban is cruel,” said Ruth Imber, senior campaigns director for Amnesty "
        "International USA."
    )
    assert speakers(nlp, text) == [
        ("Alan Porter", "USA"),
        ("Neil Brandt", None),
        ("Ruth Imber", "USA"),
    ]


def test_an_unplaced_spokesman_serves_the_government_just_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The White House has not threatened a veto, and a spokesman told reporters on "
        "Wednesday he did not have a response to the bill."
    )
    assert [(q.speaker, q.country) for q in run(nlp, text).quotes] == [("a spokesman", "USA")]


def test_a_description_set_beside_a_name_is_that_person_later(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“She works hard,” says her husband, Neil Brandt.\n\n"
        "Mary Brandt joined the campaign in 2015.\n\n"
        "“She never stops,” her husband says. “She is the rock of the family,” her father "
        "says."
    )
    got = [q.speaker for q in run(nlp, text).quotes]
    assert got == ["Neil Brandt", "Neil Brandt", "her father"]


def test_an_abbreviated_country_keeps_its_dots(nlp) -> None:  # type: ignore[no-untyped-def]
    # "U.S." cut to "U.S" was no country: a body named "U.S" with no country spoke
    assert speakers(nlp, "The U.S. said the sanctions would stay in place until March.") == [
        ("U.S. government", "USA")
    ]
    assert speakers(nlp, "China has resisted U.S. calls for a complete oil embargo.") == [
        ("U.S. government", "USA")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (  # "the order" refers back to the proclamation its issuer was named with
            "Mr. Trump’s proclamation also ordered more scrutiny of Iraqis. The order said "
            "Iraq did not meet the standards of the review.",
            ("Donald Trump", "USA"),
        ),
        (  # a letter speaks for whoever sent it
            "North Korea sat out the meeting in protest, but sent a letter Monday that said "
            "the council was orchestrating a dangerous attempt.",
            ("North Korean government", "PRK"),
        ),
        (  # ... or wrote it
            "The CIA wrote a manual for its officers. The 15-page manual tells officers to "
            "avoid looking suspicious to airport screeners.",
            ("Central Intelligence Agency", "USA"),
        ),
    ],
)
def test_a_document_speaks_for_its_issuer_named_nearby(nlp, text, speaker) -> None:  # type: ignore[no-untyped-def]
    assert speakers(nlp, text) == [speaker]


def test_reports_do_not_borrow_an_issuer_from_before(nlp) -> None:  # type: ignore[no-untyped-def]
    # "reports" refers to nothing named before: no issuer, no quotation
    text = (
        "The army chief has been executed by order of the country's leader, Kim Jong Un, "
        "according to reports."
    )
    assert speakers(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (  # the NER missed "Hope Hicks" after the descriptions before it
            "After communications director and Trump confidante Hope Hicks left the White "
            "House, Sanders took on the role.\n\n“He was really impressed with her,” Hicks says.",
            "Hope Hicks",
        ),
        (  # ... and "Kingston Reif" after an organisation's possessive
            "The risk is, according to the Arms Control Association’s Kingston Reif, high.\n\n"
            "“The cycle of threats has entered an even more dangerous phase,” Reif explains.",
            "Kingston Reif",
        ),
        (  # "Councillor" is a title, not a name
            "China's top diplomat, State Councillor Wang Yi, spoke on Monday.\n\n"
            "“We cannot let any noise damage the improvements,” Wang said.",
            "Wang Yi",
        ),
    ],
)
def test_a_lone_family_name_finds_a_full_name_the_ner_missed(nlp, text, name) -> None:  # type: ignore[no-untyped-def]
    direct = [q.speaker for q in run(nlp, text).quotes if q.kind == "direct"]
    assert direct == [name]


def test_a_word_before_a_family_name_is_no_given_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Though Trump said he wanted talks, Trump warned that time was running out.\n\n"
        "“You will see very soon,” Trump said."
    )
    assert {q.speaker for q in run(nlp, text).quotes} == {"Donald Trump"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (  # a capitalised title alone is no body called "The President"
            "Trump's wild weekend showed how abnormal his presidency has become.\n\n"
            "The President also said the raid was a disgrace.",
            "Donald Trump",
        ),
        (
            "Trump's wild weekend showed how abnormal his presidency has become.\n\n"
            "The current President said he did not want to detract from the occasion.",
            "Donald Trump",
        ),
        (  # "the nation's foreign minister" is the foreign minister the article names
            "North Korean Foreign Minister Ri Yong Ho arrived in New York on Monday. North "
            "Korea escalated the dispute when the nation's foreign minister revealed that "
            "Pyongyang could test a hydrogen bomb.",
            "Ri Yong Ho",
        ),
    ],
)
def test_a_role_alone_is_the_person_the_article_names_in_it(nlp, text, name) -> None:  # type: ignore[no-untyped-def]
    assert [q.speaker for q in run(nlp, text).quotes] == [name]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Most moviegoers said they did not take the threats seriously.", "most moviegoers"),
        ("The other signatories say that Iran is abiding by the agreement.", "other signatories"),
        ("Those around her say she has never been one to look ahead.", "those around her"),
        (  # an acronym the tagger took for a plural noun is still the body it names
            "In response to a records request, the NYPD has disclosed that it operates the devices.",
            "NYPD",
        ),
    ],
)
def test_groups_and_acronyms_speak(nlp, text, speaker) -> None:  # type: ignore[no-untyped-def]
    assert [q.speaker for q in run(nlp, text).quotes] == [speaker]


def test_a_chain_of_he_goes_back_to_its_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Trump's speech to the nations of the world was also a reminder of his audience at home.\n\n"
        "He began the speech by talking about his election victory. He ended it with a tribute "
        "to the middle class. In between, he hit on many resentments. He argued for helping "
        "refugees where they are. He spoke of the costs of immigration. He mentioned the wall "
        "again. He praised the troops. And he complained that other countries have gamed the "
        "system on trade."
    )
    assert [q.speaker for q in run(nlp, text).quotes if q.cue == "complained"] == ["Donald Trump"]


def test_a_chain_of_he_carries_no_it_back(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The White House announced the pick on Friday. Sanders was in Maine. He was hiking. "
        "He had no signal. He walked on. He came back. He was tired. He got a text. "
        "It said that she was the next press secretary."
    )
    # what "it" said is kept with an unknown speaker (issue 10), never the "he" chain's
    assert all(q.speaker is None for q in run(nlp, text).quotes if q.cue == "said")


# -- joint speakers


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "North Korean leader Kim Jong Un and South Korean President Moon Jae-in said "
            "they would work toward a permanent peace treaty.",
            "Kim Jong Un and Moon Jae-in",
            None,
        ),
        (
            "The United States, Japan and South Korea said Sunday's launch was a ballistic "
            "missile test.",
            "United States, Japan and South Korea",
            None,
        ),
        (
            "Jenny Jun, Scott LaFoy and Ethan Sohn wrote that the North's cyber units were "
            "growing.",
            "Jenny Jun, Scott LaFoy and Ethan Sohn",
            None,
        ),
        (
            "Kang Kyung-wha and Cho Myoung-gyon said the talks would resume next month.",
            "Kang Kyung-wha and Cho Myoung-gyon",
            "KOR",
        ),
    ],
)
def test_a_joint_statement_is_of_all_its_speakers(nlp, text, name, country) -> None:  # type: ignore[no-untyped-def]
    assert speakers(nlp, text) == [(name, country)]


def test_words_of_one_name_or_alternatives_are_no_joint_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Victor Cha of the Center for Strategic and International Studies said the site "
        "was still active."
    )
    assert speakers(nlp, text) == [("Victor Cha", "USA")]
    text = "Diplomats said Russia or China could veto the resolution within days."
    assert [s for s, _ in speakers(nlp, text)] == ["diplomats"]


def test_they_after_a_joint_statement_is_the_pair(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kim Jong Un and Moon Jae-in met at the border on Friday. They said the two "
        "Koreas would seek a permanent end to the war this year."
    )
    assert [s for s, _ in speakers(nlp, text)] == ["Kim Jong Un and Moon Jae-in"]


def test_he_is_the_nearest_earlier_speaker_not_the_first_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    # two sentences the parser may read as one: Onodera spoke last, so "he" is Onodera
    text = (
        "Trump tweeted in response on Friday: “Kim will be tested like never before!” "
        "Itsunori Onodera, the Japanese defence minister, warned such a test could involve "
        "a nuclear device flown over Japan. “We cannot deny the possibility it may fly over "
        "our country,” he said."
    )
    assert [s for s, _ in speakers(nlp, text)][-1] == "Itsunori Onodera"


def test_a_pronoun_chain_keeps_its_speaker_past_a_name_in_what_was_said(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Trump" is the subject of what Kim said, not a speaker: the next "he" is Kim again
    text = (
        "Kim Jong Un said the remarks had convinced him he was right. He added that he "
        "was thinking hard about his response, but vowed that Trump would pay dearly for "
        "his speech. “Action is the best option in treating the dotard,” he said."
    )
    assert [s for s, _ in speakers(nlp, text)][-1] == "Kim Jong Un"


def test_experts_on_a_country_speak_for_no_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "North Korea experts say Pyongyang wants nuclear weapons to deter an invasion."
    assert speakers(nlp, text) == [("North Korea experts", None)]
    text = "A senior North Korean official said the talks were over for this year."
    assert speakers(nlp, text) == [("a senior North Korean official", "PRK")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The outage was first seen by Dyn, a company in Manchester that tracks Internet "
            "traffic. The company said the connectivity problems would continue for days.",
            "Dyn Research",
        ),
        (
            "The Committee to Protect Journalists ranks North Korea second on its list. The "
            "group said only a smattering of ruling elites can go online freely.",
            "Committee to Protect Journalists",
        ),
    ],
)
def test_the_company_is_the_organisation_just_named(nlp, text, name) -> None:  # type: ignore[no-untyped-def]
    assert [s for s, _ in speakers(nlp, text)] == [name]


def test_the_company_finds_no_organisation_named_long_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sony Pictures pulled the film. Theatres were empty on Friday. Fans were angry. "
        "Critics were divided. The company said it had found the attackers."
    )
    assert [s for s, _ in speakers(nlp, text)] == ["a company"]


def test_a_place_named_after_a_person_lends_no_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kim Jong Un said the test was a success. Crowds gathered in Kim Il Sung Square "
        "on Saturday. Kim said the United States would pay dearly for its threats."
    )
    assert [s for s, _ in speakers(nlp, text)] == ["Kim Jong Un", "Kim Jong Un"]
    text = "Grace Park, 45, of New Jersey, said she was a little afraid of the film."
    assert [s for s, _ in speakers(nlp, text)] == ["Grace Park"]


# -- labels trimmed to who spoke


def test_a_time_phrase_is_not_part_of_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    """2014-W52 printed 'Pyongyang’s state-controlled media for the first time'."""
    text = (
        "His role remained secret until March 29, 2013, when Pyongyang’s state-controlled "
        "media for the first time confirmed the existence of the organization."
    )
    assert [q.speaker for q in run(nlp, text).quotes] == ["Pyongyang’s state-controlled media"]


def test_a_ministry_takes_no_title_from_the_sentence_before(nlp) -> None:  # type: ignore[no-untyped-def]
    """W38 printed 'Unification Ministry (leader)': 'the North Korean leader' just before
    lent its title to the ministry as if the ministry were the person."""
    text = (
        "The North Korean leader issued an unusual statement on Friday. South Korea’s "
        "unification ministry said neither his father nor his grandfather had issued a "
        "similar statement."
    )
    quotes = run(nlp, text).quotes
    assert [(q.speaker, q.speaker_role) for q in quotes] == [("Unification Ministry", None)]


def test_the_president_unnamed_is_not_a_president(nlp) -> None:  # type: ignore[no-untyped-def]
    """2014-W52 printed 'a president' for 'the president's comments': an office one
    person holds keeps its article."""
    text = (
        'Our toughest counteraction will be taken against the White House," the statement '
        "said, referring to the president's comments on CNN Sunday that the US would "
        '"respond proportionally" to the attack on Sony.'
    )
    assert "the president" in [q.speaker for q in run(nlp, text).quotes]


def test_a_name_set_off_by_commas_before_the_verb_is_its_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    """The parser hangs "Michael Lynton" on the phrase before and "insisted" on the first
    clause's verb, whose subject is Obama: the name with its apposition speaks."""
    from tests.texts import attribute_text

    text = (
        "The film may go to YouTube:\n\nAs President Barack Obama again expressed "
        "disappointment in the company’s decision to withdraw the movie in the face of "
        "threats thought to originate from North Korea, Michael Lynton, the studio’s chief "
        "executive, insisted on Sunday it had “not caved” to hackers who crippled the "
        "company and that it was exploring ways to let audiences see the film. “We would "
        "still like the public to see this movie, absolutely,” he told CNN."
    )
    got = [(q.speaker, q.text) for q in attribute_text(nlp, text).quotes]
    assert [s for s, t in got if "caved" in t] == ["Michael Lynton"]
    assert [s for s, t in got if "absolutely" in t] == ["Michael Lynton"]


def test_a_verb_joined_by_and_keeps_the_first_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    from tests.texts import attribute_text

    text = (
        "President Barack Obama met Michael Lynton, the studio’s chief executive, and "
        "insisted the company had “not caved” to hackers."
    )
    got = [(q.speaker, q.text) for q in attribute_text(nlp, text).quotes]
    assert any(s == "Barack Obama" and "caved" in t for s, t in got)


def test_a_country_joined_after_another_keeps_its_article(nlp) -> None:  # type: ignore[no-untyped-def]
    from tests.texts import attribute_text

    text = "South Korea and the United States said they would deploy the system next year."
    assert [q.speaker for q in attribute_text(nlp, text).quotes] == [
        "South Korea and the United States"
    ]


def test_a_title_abbreviation_cut_from_its_name_is_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    from tests.texts import attribute_text

    text = (
        "“We strongly condemn this and North Korea's other recent missile tests,” said "
        "Cmdr. Gary Ross, a Pentagon spokesman."
    )
    q = attribute_text(nlp, text).quotes[0]
    assert (q.speaker, q.country) == ("Gary Ross", "USA")
