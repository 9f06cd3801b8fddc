"""Whom a speaker speaks for, on short texts written here: a former official speaks for
no state (only where he works now places him), and an official the text does not place
serves the home country of the national outlet that reports him, when the story names
that country (labels/GUIDE.md, country)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.texts import attribute_text


def speaker_of(nlp, text: str, outlet: str | None = None) -> tuple[str | None, str | None, str]:  # type: ignore[no-untyped-def]
    att = attribute_text(nlp, text, outlet=outlet)
    (q,) = att.quotes
    kinds = {a.actor_id: a.kind for a in att.actors}
    return q.speaker, q.country, kinds.get(q.actor_id or "", "")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a title put in the past, "acting" read as part of it though tagged a verb
        (
            "“There is no good option here,” former acting CIA Director Michael J. Morell "
            "told reporters.",
            "Michael J. Morell",
        ),
        ("Former Secretary of State John Kerry said diplomacy had not failed.", "John Kerry"),
        # the past office in a clause after the name
        (
            "“That was an insult,” said Christopher Hill, who formerly served as U.S. "
            "ambassador to South Korea.",
            "Christopher Hill",
        ),
    ],
)
def test_a_former_official_speaks_for_no_state(nlp, text, speaker) -> None:  # type: ignore[no-untyped-def]
    assert speaker_of(nlp, text) == (speaker, None, "expert")


def test_a_former_official_is_placed_by_where_he_works_now(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“It could have been a failure,” said Steve Bucci, a former Pentagon official who "
        "is now a defense expert at the Heritage Foundation."
    )
    assert speaker_of(nlp, text) == ("Steve Bucci", "USA", "expert")


def test_a_former_lawyer_keeps_his_office(nlp) -> None:  # type: ignore[no-untyped-def]
    # "former" of a trade, not of an office: the president still speaks for his state
    text = "President Moon Jae-in, a former human rights lawyer, said he would go to Pyongyang."
    assert speaker_of(nlp, text) == ("Moon Jae-in", "KOR", "government")


HAGEL = (
    "Defense Secretary Chuck Hagel said the United States takes the threats from North "
    "Korea seriously."
)


def test_an_unplaced_official_serves_a_national_outlets_country(nlp) -> None:  # type: ignore[no-untyped-def]
    assert speaker_of(nlp, HAGEL, "The Washington Times") == ("Chuck Hagel", "USA", "government")


# An office many states have: only the outlet's home could place him ("Defense
# Secretary" is an American office, roles.yaml us_politics).
INTERIOR = (
    "Interior Minister John Doe said the United States takes the threats from North "
    "Korea seriously."
)


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (INTERIOR, "Reuters"),  # an international wire has no home
        (INTERIOR, None),  # nor has an unknown outlet
        # the outlet's country is not in the story
        ("Interior Minister John Doe said the threats were taken seriously.", "Fox News"),
    ],
)
def test_no_home_no_country(nlp, text, outlet) -> None:  # type: ignore[no-untyped-def]
    assert speaker_of(nlp, text, outlet)[1] is None


@pytest.mark.parametrize(
    "text",
    [
        # several states speaking together are no one state
        "China and Russia said the United States should halt its drills.",
        # an employer the text names places the official, known or not
        "An official at the Korea Communications Commission said the United States had been told.",
        # "foreign" says he is not the home country's
        "An unnamed foreign official said the United States had received a letter.",
    ],
)
def test_home_country_is_not_given_to_others(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert speaker_of(nlp, text, "Fox News")[1] != "USA"


def test_a_title_before_a_known_name_tagged_an_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    # the tagger reads "State Rex Tillerson" as an organisation: the known person all the
    # same, with his own country, not a speaker named "Secretary of State Rex Tillerson"
    text = "Washington has opened channels, Secretary of State Rex Tillerson said Saturday."
    assert speaker_of(nlp, text, "The Korea Herald") == ("Rex Tillerson", "USA", "government")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a US party and state after the name: a member of Congress, American
        ("Rep. Jim Himes (D-Conn.) said the tweet could cause a miscalculation.", "USA"),
        # the title alone is a seat in a house, whose country the text does not give
        ("Representative Jim Himes said the tweet could cause a miscalculation.", None),
    ],
)
def test_a_representative_is_a_legislator(nlp, text, country) -> None:  # type: ignore[no-untyped-def]
    assert speaker_of(nlp, text) == ("Jim Himes", country, "legislator")


def test_a_trade_representative_is_no_legislator(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“We need a deal,” said U.S. Trade Representative Robert Lighthizer."
    assert speaker_of(nlp, text)[2] != "legislator"


@pytest.mark.parametrize(
    ("text", "speaker", "country"),
    [
        # "the North" and "the South" are the two Koreas, with or without a capital
        (
            "The North's Vice-Foreign Minister Kim Kye-gwan said the decision was unexpected.",
            "Kim Kye-gwan",
            "PRK",
        ),
        (
            "He cited the North's Vice-Foreign Minister, Kim Kye-gwan, who said that the "
            'decision was "unexpected".',
            "Kim Kye-gwan",
            "PRK",
        ),
        (
            "The South's Unification Minister Pak Hwan-so said the talks would go on.",
            "Pak Hwan-so",
            "KOR",
        ),
    ],
)
def test_the_norths_minister_is_north_korean(nlp, text, speaker, country) -> None:  # type: ignore[no-untyped-def]
    assert speaker_of(nlp, text, "BBC News")[:2] == (speaker, country)


def test_a_company_spokesman_is_not_placed_at_home(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The firm saw no sign of a cyberattack from the United States, company spokesman "
        "Lee Jung-hwan said."
    )
    assert speaker_of(nlp, text, "Fox News")[:2] == ("Lee Jung-hwan", None)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a subject that joins several states speaks for no one of them (issue 10)
        ("The leaders of North and South Korea said they would work for peace.", None),
        ("South Korean and U.S. military officials said the North launched a missile.", None),
        ("U.S. and South Korean officials said they were ready to deploy the system.", None),
        ("China, Russia and North Korea said the deployment would hurt their security.", None),
        # one state's official with a body in the title is still that state's
        ("Russia's UN envoy said Moscow opposed new sanctions.", "RUS"),
        ("A senior official at South Korea's unification ministry told reporters that "
         "the North had not replied.", "KOR"),
    ],
)  # fmt: skip
def test_a_joint_subject_is_no_one_country(nlp, text, country) -> None:  # type: ignore[no-untyped-def]
    assert speaker_of(nlp, text)[1] == country
    # nor the country of a national outlet that reports them
    home = f"{text} It was a day of hope in the United States."
    assert speaker_of(nlp, home, "The Washington Times")[1] == country


@pytest.mark.parametrize(
    ("text", "speaker", "country", "kind"),
    [
        # an expert at an institute is placed by it, but as an expert: no voice of that
        # state (issue 10, strike 1)
        ("“Kim is serious,” said Paul Haenle, who heads the Beijing-based "
         "Carnegie-Tsinghua Center for Global Policy.", "Paul Haenle", "CHN", "expert"),
        # an office only one state has places its holder
        ("The government had invested 1 trillion won in Kaesong, Unification Minister "
         "Hong Yong-pyo said on Wednesday.", "Hong Yong-pyo", "KOR", "government"),
        ("“He is open to a number of approaches,” said Brian Hook, the director of policy "
         "planning at the state department.", "Brian Hook", "USA", "government"),
        # a body of a person the gazetteer knows, though the tagger took him for an ORG
        ("Trump’s administration said it would keep up the pressure on North Korea.",
         "Trump’s administration", "USA", "government"),
        # "the South" before a body the gazetteer does not know is South Korea
        ("The North also test-fired a missile, the South's Joint Chiefs of Staff said.",
         "South's Joint Chiefs of Staff", "KOR", "government"),
        # a party of Congress is American and sits in a legislature
        ("Senate Democrats said they expected President Barack Obama would sign the "
         "measure into law.", "Senate Democrats", "USA", "legislator"),
    ],
)  # fmt: skip
def test_an_office_or_employer_places_the_speaker(nlp, text, speaker, country, kind) -> None:  # type: ignore[no-untyped-def]
    assert speaker_of(nlp, text) == (speaker, country, kind)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a US-only office, in a wire story that places nobody (no home country)
        (
            "Deputy Defense Secretary Robert Work said the tests send a message to rivals.",
            "USA",
        ),
        # the British spelling is another state's office: not placed by the word
        ("Defence Secretary Michael Fallon said the tests send a message to rivals.", None),
    ],
)
def test_a_us_only_office_places_its_holder(nlp, text, country) -> None:  # type: ignore[no-untyped-def]
    assert speaker_of(nlp, text, outlet="Reuters")[1] == country


PAST_2019 = date(2019, 5, 10)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an administration whose head was out of office on the article's day
        ("“We’re courting danger,” said Robert Malley, a senior White House adviser on "
         "the Middle East in the Obama administration.", "Robert Malley"),
        # an office whose years ended before the article's
        ("“There are no silver bullets,” James Miller, the top Pentagon policy official "
         "from 2012 to 2014, told me.", "James Miller"),
    ],
)  # fmt: skip
def test_an_office_its_dates_put_in_the_past_places_nobody(nlp, text, speaker) -> None:  # type: ignore[no-untyped-def]
    att = attribute_text(nlp, text, published=PAST_2019)
    (q,) = att.quotes
    kinds = {a.actor_id: a.kind for a in att.actors}
    assert (q.speaker, q.country, kinds[q.actor_id or ""]) == (speaker, None, "expert")


def test_an_administration_in_office_keeps_its_official(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“We’re courting danger,” said John Doe, a senior White House adviser in the "
        "Trump administration."
    )
    att = attribute_text(nlp, text, published=PAST_2019)
    (q,) = att.quotes
    assert (q.speaker, q.country) == ("John Doe", "USA")
    assert {a.kind for a in att.actors} == {"government"}


def test_analysts_are_experts_of_no_state_not_the_expert_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“It is a message,” said Bruce Klingner, a senior fellow at the Heritage Foundation. "
        "Military analysts said the bombers were a show of U.S. power."
    )
    att = attribute_text(nlp, text, outlet="Fox News", published=PAST_2019)
    kinds = {a.actor_id: a.kind for a in att.actors}
    last = att.quotes[-1]
    assert (last.speaker, last.country, kinds[last.actor_id or ""]) == (
        "military analysts",
        None,
        "expert",
    )


def test_an_unnamed_former_official_comments_for_no_state(nlp) -> None:  # type: ignore[no-untyped-def]
    # a US outlet's unplaced officials serve its home, but a former one serves nobody
    text = (
        "President Trump met the United States team. “It’s crucial,” said a former Trump "
        "administration official. “It went well,” said a senior administration official."
    )
    att = attribute_text(nlp, text, outlet="Politico", published=PAST_2019)
    kinds = {a.actor_id: a.kind for a in att.actors}
    got = [(q.speaker, q.country, kinds[q.actor_id or ""]) for q in att.quotes]
    assert got == [
        ("a former Trump administration official", None, "expert"),
        ("a senior administration official", "USA", "government"),
    ]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a delegate to a body speaks for the state he is "of"
        ("“All expressed a strong concern,” said Alexis Lamek, Deputy U.N. Ambassador of "
         "France.", "FRA"),
        # the body's own officer speaks for it
        ("“It is grave,” said U.N. Secretary-General Antonio Guterres.", "UN"),
        # a country's "chair" is a desk he holds, not whom he serves ("Japan" is no
        # nationality word, though it ends like one)
        ("“There is anxiety in Japan,” said Michael J. Green, senior vice president for "
         "Asia and Japan chair with the Washington-based Center for Strategic and "
         "International Studies.", "USA"),
    ],
)  # fmt: skip
def test_whom_a_delegate_or_a_desk_holder_serves(nlp, text, country) -> None:  # type: ignore[no-untyped-def]
    assert speaker_of(nlp, text)[1] == country


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a nationality the brief has no section for is still not the outlet's home
        ("Venezuelan President Nicolas Maduro said the United States wanted to oust him.",
         None),
        # a party is no nationality: the home's official
        ("Republican Senator John Doe said the United States must act.", "USA"),
    ],
)  # fmt: skip
def test_a_foreign_nationality_is_not_placed_at_home(nlp, text, country) -> None:  # type: ignore[no-untyped-def]
    assert speaker_of(nlp, text, "Fox News")[1] == country
