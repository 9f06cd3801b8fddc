"""Who said what where the sentence's structure decides it (issue 10), on short texts
written here: a participle after a relative clause of saying, two people joined through
their titles' names, a long attribution after a quotation ending on "?", a piece by two
authors, the papers of a press review, and a paper its owner names."""

from __future__ import annotations

from tests.texts import attribute_text


def quotes(nlp, text: str, outlet: str | None = None) -> list[tuple[str | None, str]]:  # type: ignore[no-untyped-def]
    return [(q.speaker, q.text) for q in attribute_text(nlp, text, outlet=outlet).quotes]


def test_a_participle_after_a_relative_clause_of_saying_is_that_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mr Trump was referring to comments from the North's Vice-Foreign Minister, Kim "
        'Kye-gwan, who said that the decision was "extremely regrettable", adding that '
        'Pyongyang was willing "to sit face to face at any time".'
    )
    got = quotes(nlp, text)
    assert [sp for sp, t in got if t.startswith("Pyongyang was willing")] == ["Kim Kye-gwan"]


def test_two_people_joined_through_their_names_speak_together(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In a telephone call on Monday, the US president, Donald Trump, and his South "
        'Korean counterpart, Moon Jae-in, agreed that the programmes "pose a grave '
        'threat" and vowed to apply maximum pressure on the regime.'
    )
    assert {sp for sp, _ in quotes(nlp, text)} == {"Donald Trump and Moon Jae-in"}


def test_a_second_title_of_one_person_is_no_second_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rep. Adam B. Schiff, California Democrat and the ranking member of the House "
        'Intelligence Committee, told CNN that the test "certainly underscores the '
        'importance of China."'
    )
    assert [sp for sp, _ in quotes(nlp, text)] == ["Adam B. Schiff"]


def test_a_long_attribution_after_a_question_is_the_quotations(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "An adviser to Hillary Clinton criticized the comments.\n\n"
        '"Let me get this straight: Donald Trump insults the leader of our closest ally, '
        "then turns around and says he'd love to talk to Kim Jong Un?\" Clinton's senior "
        "foreign policy adviser, Jake Sullivan, said in a statement."
    )
    got = quotes(nlp, text)
    assert [sp for sp, t in got if t.startswith("Let me")] == ["Jake Sullivan"]


def test_a_piece_by_two_authors_is_theirs_and_so_is_they(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Defense Secretary James Mattis warned of a catastrophic war.\n\n"
        "It would prefer to solve the crisis diplomatically, according to an op-ed piece "
        "by Mattis and Secretary of State Rex Tillerson.\n\n"
        "“While diplomacy is our preferred means, it is backed by military options,” they "
        "wrote."
    )
    # the tagger takes the lone "Mattis" for a place: his name all the same
    got = {sp for sp, t in quotes(nlp, text) if "catastrophic" not in t}
    assert got == {"James Mattis and Rex Tillerson"}


def test_an_article_in_a_press_review_is_the_papers_named_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Following are major news items and articles in leading newspapers of the DPRK:\n\n"
        "Rodong Sinmun - An article says that the history of the Party is a history of "
        "unity.\n\n"
        "- An article says that the global multi-polarization is being accelerated.\n\n"
        "Minju Joson - There took place meetings in different countries.\n\n"
        "- An article says that the Second World War should not be repeated."
    )
    got = [sp for sp, _ in quotes(nlp, text, outlet="KCNA")]
    assert got == ["Rodong Sinmun", "Rodong Sinmun", "Minju Joson"]


def test_a_paper_its_owner_names_is_no_other_paper_of_the_text(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Washington Post reported on the outbreak.\n\n"
        "“The advantages of the Chinese system have once again been demonstrated,” the "
        "Chinese Communist Party’s flagship paper said in a recent commentary."
    )
    res = attribute_text(nlp, text)
    (q,) = res.quotes
    assert q.speaker is not None and "flagship paper" in q.speaker
    assert q.country == "CHN"


def test_a_paper_its_owner_names_is_that_countrys_paper_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The People's Daily ran a long piece on Monday.\n\n"
        "The Washington Post reported on the outbreak.\n\n"
        "“The advantages of the Chinese system have once again been demonstrated,” the "
        "Chinese Communist Party’s flagship paper said in a recent commentary."
    )
    assert [sp for sp, _ in quotes(nlp, text)] == ["People's Daily"]


def test_an_owners_paper_is_its_countrys_paper_named_just_after(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "However, China’s Communist Party newspaper earlier had blasted the U.S. for "
        "demanding that Beijing increase the pressure on Pyongyang.\n\n"
        "“The so-called China’s responsibility theory is essentially moral kidnapping,” the "
        "People’s Daily said in an editorial."
    )
    assert [sp for sp, _ in quotes(nlp, text)] == ["People's Daily", "People's Daily"]


def test_a_persons_report_passed_on_by_a_source_stays_theirs(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "North Korean Foreign Minister Ri Yong Ho met the delegation on Friday.\n\n"
        "Ri said the offer “lacks sincerity,” according to the unnamed official."
    )
    assert [sp for sp, _ in quotes(nlp, text)] == ["Ri Yong Ho"]


def test_the_press_passing_on_a_bodys_words_gives_them_to_the_body(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kyodo News said the temblor was detected at a depth of zero, a strong indication "
        "of a manmade event, according to the China Earthquake Network Center."
    )
    assert [sp for sp, _ in quotes(nlp, text)] == ["China Earthquake Network Center"]


def test_a_described_speaker_then_named_with_that_title_is_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "An adviser to Hillary Clinton criticized Trump's foreign policy comments.\n\n"
        "\"Donald Trump insults the leader of our closest ally, then says he'd love to talk "
        "to Kim Jong Un?\" Clinton's senior foreign policy adviser, Jake Sullivan, said in a "
        "statement."
    )
    assert [sp for sp, _ in quotes(nlp, text)] == ["Jake Sullivan", "Jake Sullivan"]


def test_a_described_speaker_is_not_a_person_named_with_another_title(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "An adviser to Hillary Clinton criticized Trump's foreign policy comments.\n\n"
        '"Donald Trump insults the leader of our closest ally," Republican senator '
        "Lindsey Graham's spokesman, Kevin Bishop, said in a statement."
    )
    assert quotes(nlp, text)[0][0] == "an adviser to Hillary Clinton"
