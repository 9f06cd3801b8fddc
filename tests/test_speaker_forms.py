"""Speaker forms on short texts written here: which of two people of one name a lone
family name means (by its honorific, its title and whom the text named first), and a
name set by commas beside a description."""

from __future__ import annotations

import pytest

from tests.texts import attribute_text


def quotes(nlp, text: str):  # type: ignore[no-untyped-def]
    return attribute_text(nlp, text).quotes


def speakers(nlp, text: str) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [q.speaker for q in quotes(nlp, text)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "Mr." is a man: never the first lady named after him
        (
            "“We’ll see,” Mr. Trump said when asked by a reporter. He made the comment as "
            "he and first lady Melania Trump departed church.",
            "Donald Trump",
        ),
        # the title fits the known president, not the first lady named before
        (
            "First lady Melania Trump visited the school.\n\n“We want peace,” President "
            "Trump said.",
            "Donald Trump",
        ),
        # a lone name the text uses before naming another of that name in full
        (
            "“The fact we were able to get them out so soon was a tribute,” Trump said. He "
            "and first lady Melania Trump then boarded the plane.",
            "Donald Trump",
        ),
        # the nearest full name still wins when nothing in the title says otherwise
        (
            "Moon Chung-in, an adviser, spoke in Seoul. Moon said the talks would go on.",
            "Moon Chung-in",
        ),
        (
            "Moon Chung-in, an adviser, spoke in Seoul. President Moon said the talks would go on.",
            "Moon Jae-in",
        ),
        # "Mrs." finds her
        (
            "President Donald Trump and first lady Melania Trump visited the school. Mrs. "
            "Trump said the children had been wonderful.",
            "Melania Trump",
        ),
    ],
)
def test_lone_name_means_the_person_its_title_fits(nlp, text, speaker) -> None:  # type: ignore[no-untyped-def]
    assert speakers(nlp, text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker", "country"),
    [
        # the parser hangs the name on "to the UN": the name beside the title still speaks
        (
            "The US ambassador to the UN, Nikki Haley, described the measures as “the "
            "single largest economic sanctions package ever levelled” against North Korea.",
            "Nikki Haley",
            "USA",
        ),
        # the name before the description, the parser's subject the description
        (
            "“We urge North Korea to make the right choice,” Moon Sang-gyun, a spokesman "
            "for South Korea’s defense ministry, said on Tuesday.",
            "Moon Sang-gyun",
            "KOR",
        ),
        # a clause after the name is no aside: "Pyongyang" does not make him North Korean
        (
            "According to one longtime North Korea watcher, Martyn Williams, Pyongyang has "
            "developed a quantum encryption device.",
            "Martyn Williams",
            None,
        ),
    ],
)
def test_a_name_beside_a_description_speaks(nlp, text, speaker, country) -> None:  # type: ignore[no-untyped-def]
    assert [(q.speaker, q.country) for q in quotes(nlp, text)] == [(speaker, country)]


def test_a_description_without_a_name_stays_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A senior official, speaking on condition of anonymity, said the talks were off."
    assert speakers(nlp, text) == ["a senior official"]


@pytest.mark.parametrize(
    "text",
    [
        "“There is no good option here,” former CIA Director Michael Morell told “CBS This "
        "Morning.” “There is no option to take out the program.”",
        "“It is an enormous challenge,” Pompeo said in an interview for CBS' “Intelligence "
        "Matters” podcast.",
    ],
)
def test_titles_in_marks_are_no_quotation(nlp, text) -> None:  # type: ignore[no-untyped-def]
    """Programmes, books and slogans in title case are named, not said."""
    texts = [q.text for q in quotes(nlp, text)]
    assert not any(t[:1] in "CIM" and t.istitle() for t in texts)
    assert not any(w in " ".join(texts) for w in ("This Morning", "Intelligence"))


def test_capitals_and_given_names_stay_quotations(nlp) -> None:  # type: ignore[no-untyped-def]
    from briefgen.nlp.marks import find_quote_spans
    from briefgen.nlp.quotes import _is_title

    shout = "Trump wrote “NO COLLUSION, NO OBSTRUCTION” again."
    assert not _is_title(shout, find_quote_spans(shout)[0], alone=True)  # a shout is said
    # a name a speaker gives is a mixed quotation
    text = "Trump called Kim “Little Rocket Man” at a rally in Alabama."
    assert any("Little Rocket Man" in q.text for q in quotes(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        # the press described, not named, is a source of news
        "The blast was felt in Yanji, near the North Korean border, according to local media.",
        "North Korea is believed to have up to 30 Musudan missiles, according to South "
        "Korean media.",
        # the subject of a passive cue is what is said about, not who says it
        "The Pentagon was also reported to be scouting sites on the west coast.",
        "Trump has been criticized for offering far fewer specific policy proposals.",
    ],
)
def test_sources_and_passive_subjects_are_no_speakers(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert quotes(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # state media speak for their state
        (
            "Pyongyang’s state-controlled media denied that the organization existed.",
            "Pyongyang’s state-controlled media",
        ),
        # an agent says who spoke; "He's described" with an object is active
        (
            "Donald Trump spoke on Monday. He’s also described the U.N. as “a club for "
            "people to get together, talk and have a good time.”",
            "Donald Trump",
        ),
    ],
)
def test_state_media_and_active_cues_still_speak(nlp, text, speaker) -> None:  # type: ignore[no-untyped-def]
    assert [q.speaker for q in quotes(nlp, text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "From two continents, Pence and Defense Secretary Jim Mattis warned of a reckless act.",
            "Defense Secretary",
        ),
        (
            "Trump and Secretary of State Rex Tillerson said talks were possible.",
            "Secretary of State",
        ),
        (
            "Minister of Trade and Industry Yoon Sang-jick said exports fell.",
            "Minister of Trade and Industry",
        ),
    ],
)
def test_a_title_never_reaches_back_over_another_person(nlp, text, title) -> None:  # type: ignore[no-untyped-def]
    """ "Pence and Defense Secretary" was printed as Jim Mattis's role (seen in a train week)."""
    from briefgen.nlp.titles import title_before

    doc = nlp(text)
    person = [e for e in doc.ents if e.label_ == "PERSON"][-1]
    assert title_before(doc, person.start) == title


def test_a_family_name_opening_a_sentence_is_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Sanders" opening a sentence is tagged a plural noun; it is still his name, not
    # the role of the spokesman described with it ("Sanders campaign spokesman")
    text = (
        "Hillary Clinton and Bernie Sanders were on opposing sides of research.\n\n"
        "Sanders campaign spokesman Michael Briggs did not respond to requests.\n\n"
        "Sanders said following a vote in 2001 that he had “very serious concerns "
        "about the industry.”"
    )
    assert speakers(nlp, text) == ["Bernie Sanders"]


def test_a_common_word_opening_a_sentence_is_no_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # a capitalised common noun is no lone name of anyone the text named
    text = "Jane Rivers leads the group.\n\nOfficials said the talks would resume."
    assert speakers(nlp, text) == ["officials"]


def test_state_press_words_have_one_home() -> None:
    """The words that make described press the state's voice live in roles.yaml, read by
    the quotation layer (a speaker, not a source) and by the sections (the state's own
    line): two copies of one list drifted apart before."""
    from briefgen.book.moves import _state_press_re
    from briefgen.knowledge.roles import load_roles

    roles = load_roles()
    for phrase in ("state-run media", "the ruling party's newspaper", "government-run TV"):
        assert roles.state_press_re.search(phrase), phrase
    assert not roles.state_press_re.search("local media")
    assert _state_press_re().match("'s state-controlled media")
    assert not _state_press_re().match("'s local media")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a number, a quantifier or an irregular plural takes no article
        ("It quoted two congressmen, who said the agency would add defences.", "two congressmen"),
        (
            "“The bottles kept coming,” said another administrative source who was there.",
            "another administrative source",
        ),
        (
            "People from flood-hit areas said that they were grateful.",
            "people from flood-hit areas",
        ),
        ("“We will go,” said a senior official.", "a senior official"),
    ],
)
def test_a_description_keeps_its_own_determiner(nlp, text, speaker) -> None:  # type: ignore[no-untyped-def]
    assert speakers(nlp, text) == [speaker]
