"""Whom a named expert, private person or local office holder speaks for, from what the
text says beside the name: an institution (actors.yaml), a place (places.yaml), a
nationality, a state's office or party tag; nobody when the text says none of these
(labels/GUIDE.md, country: a wrong country costs more than a missing one)."""

from __future__ import annotations

import pytest

from tests.texts import attribute_text


def speakers(nlp, text: str) -> list[tuple[str | None, str | None, str]]:  # type: ignore[no-untyped-def]
    att = attribute_text(nlp, text)
    kinds = {a.actor_id: a.kind for a in att.actors}
    return [(q.speaker, q.country, kinds.get(q.actor_id or "", "")) for q in att.quotes]


@pytest.mark.parametrize(
    ("text", "speaker", "country", "kind"),
    [
        # an institution in an apposition, the nationality of an expert, a city
        ("“It will pass,” said Victor Cha, a Korea expert at the Center for Strategic and "
         "International Studies.", "Victor Cha", "USA", "expert"),
        ("“It will pass,” said Koh Yu-hwan, a professor at Dongguk University in Seoul.",
         "Koh Yu-hwan", "KOR", "expert"),
        ("“It will pass,” said John Smith, a Japanese analyst.", "John Smith", "JPN", "expert"),
        # a lower-case title whose "prime" the tagger made a noun's modifier
        ("“We have had false dawns before on the Korean peninsula,” Australian prime "
         "minister Malcolm Turnbull warned.", "Malcolm Turnbull", "AUS", "government"),
        # "visiting" opens no clause: the apposition is a title
        ("“Peace is hard,” Duyeon Kim, visiting senior fellow at the Korean Peninsula "
         "Future Forum, told CNN.", "Duyeon Kim", "KOR", "expert"),
        # the institution as the owner before the name
        ("Dyn Research's Doug Madory said “usually there are isolated blips” in its service.",
         "Doug Madory", "USA", "expert"),
        # ... also before a two-word name the tagger did not take for a person
        ("The risk of war is, according to the Arms Control Association’s Kingston Reif, "
         "“unacceptably high.” “It is dangerous,” Reif explains.", "Kingston Reif", "USA",
         "expert"),
        # the place a sentence opens on, for a private person its subject
        ("In Dallas, Michelle Espinal, 25, arrived at the theater early. “We do whatever we "
         "want here,” she said.", "Michelle Espinal", "USA", "other"),
        # ... but never over an office's country
        ("In Dallas, Foreign Minister Taro Kono said the talks would go on.", "Taro Kono",
         "JPN", "government"),
        # a nationality before a trade that is no title
        ("Australian traveler Mark Fahey said he was not worried about possible war.",
         "Mark Fahey", "AUS", "other"),
        # a defector is placed where he lives now, not by the state he left
        ("The third was Park Sang-hak, a North Korean defector now living in South Korea. "
         "“I have almost died twice,” Park said.", "Park Sang-hak", "KOR", "defector"),
        # serving a known person: his country
        ("After communications director and Trump confidante Hope Hicks announced she "
         "would leave, Sanders took the job. “He was impressed,” Hicks says.", "Hope Hicks",
         "USA", "other"),
        ("“We deployed her under challenging conditions,” says Bryan Lanza, who managed "
         "surrogates for the Trump campaign.", "Bryan Lanza", "USA", "other"),
        # ... or a person the article has placed
        ("Mike Huckabee ran as a Republican in 2008. “We were the original group,” says "
         "Chip Saltsman, Huckabee’s 2008 campaign manager.", "Chip Saltsman", "USA", "other"),
        # "with" a firm the gazetteer knows
        ("Kurt Stammberger, with the cybersecurity firm Norse, told CBS News that Sony was "
         "“essentially nuked from the inside.”", "Kurt Stammberger", "USA", "expert"),
        # the verb's "from" phrase after a name that follows the verb
        ("“North Korea resisted,” said David Albright from the Institute for Science and "
         "International Security in Washington.", "David Albright", "USA", "expert"),
        # a place after an age, or in the description the name stands beside
        ("Derek Karpel, 34, an attorney from Manhattan, said he did consider the risks.",
         "Derek Karpel", "USA", "other"),
        ("One moviegoer in Dallas, David Matthews, said he was glad he went.",
         "David Matthews", "USA", "other"),
        # a clause of where the person lives
        ("“It was calm,” said Jane Roe, who lives in Seoul.", "Jane Roe", "KOR", "other"),
        # running as a US party's candidate, the name beside the subject
        ("In 1992, her father, Mike Huckabee, ran his first campaign as a Republican. "
         "“Politics were brutal,” Huckabee says.", "Mike Huckabee", "USA", "other"),
        # a state's office or a party-state tag is American
        ("Utah State Representative David Lifferth said he is revising the bill.",
         "David Lifferth", "USA", "legislator"),
        ("“It hurts,” said Texas Gov. Greg Abbott.", "Greg Abbott", "USA", "government"),
        ("“It will pass,” said Sen. Lindsey Graham, R-S.C.", "Lindsey Graham", "USA",
         "legislator"),
    ],
)  # fmt: skip
def test_the_text_beside_the_name_places_the_speaker(nlp, text, speaker, country, kind) -> None:  # type: ignore[no-untyped-def]
    assert speakers(nlp, text)[0] == (speaker, country, kind)


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        # nothing beside the name says where
        ("“It will pass,” said John Smith, an analyst.", "John Smith", "expert"),
        # a desk is no nationality; a defector's nationality is the state he left
        ("China analyst John Doe said the talks could fail.", "John Doe", "expert"),
        ("North Korean defector Kim Chul-soo said he was not worried.", "Kim Chul-soo",
         "defector"),
        ("“I have almost died twice,” said Park Sang-hak, a North Korean defector.",
         "Park Sang-hak", "defector"),
        # a clause of what the person did names where they went, not whom they speak for
        ("“It was terrible,” said John Doe, who was detained in North Korea for a year.",
         "John Doe", "other"),
        ("“It was terrible,” said Jane Roe, 45, who visited Pyongyang in May.", "Jane Roe",
         "other"),
        # a nationality one ran as is no US party
        ("“It will pass,” said John Doe, who ran as a Japanese candidate.", "John Doe",
         "other"),
        # a critic serves nobody; a former aide no longer
        ("“It was a lie,” said Trump critic John Doe.", "John Doe", "other"),
        ("“It was a lie,” said former Trump aide John Doe.", "John Doe", "other"),
        ("“It was a lie,” said John Doe, a former Trump aide.", "John Doe", "other"),
        # a state's office held before: a commentator of no state
        ("“It hurts,” said former Arkansas Gov. Mike Huckabee.", "Mike Huckabee", "expert"),
        # the state a defector left is not whom he speaks for
        ("Jang Se-yul, who worked as a computer expert for North Korea's government before "
         "defecting, told CNN he thinks Pyongyang has 1,800 hackers.", "Jang Se-yul",
         "other"),
        # a former inspector of a body no longer speaks for it
        ("That may be the reason, said Robert Kelley, a former inspector for the "
         "Vienna-based International Atomic Energy Agency.", "Robert Kelley", "expert"),
    ],
)  # fmt: skip
def test_no_place_beside_the_name_is_no_country(nlp, text, speaker, kind) -> None:  # type: ignore[no-untyped-def]
    assert speakers(nlp, text)[0] == (speaker, None, kind)


def test_a_lone_names_aside_names_the_employer(nlp) -> None:  # type: ignore[no-untyped-def]
    # the employer said beside a family name met before places the person; where he
    # went does not
    text = (
        "Security expert Marc Rogers picked apart the case. Rogers, who works at mobile "
        "security firm CloudFlare, argued that the code has leaked. Security expert John "
        "Doe agreed. Doe, who visited Pyongyang in 2015, said the code was old."
    )
    assert [s[:2] for s in speakers(nlp, text)] == [("Marc Rogers", "USA"), ("John Doe", None)]


def test_a_former_official_is_placed_where_he_is_now(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "That may be the reason, said Robert Kelley, a former inspector for the IAEA. "
        "“It is damaged,” said Kelley, the former IAEA inspector who is now a fellow at the "
        "Stockholm International Peace Research Institute."
    )
    assert [s[1] for s in speakers(nlp, text)] == ["SWE", "SWE"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # an unplaced description joins the one state of the others
        ("President Donald Trump and his aides said they want to resolve the dispute "
         "diplomatically.", "USA"),
        ("Intelligence officials and the FBI have concluded that the attack points back to "
         "North Korea.", "USA"),
        # analysts speak for no state beside a president; two states are no one state
        ("President Donald Trump and some analysts said the talks could fail.", None),
        ("President Donald Trump and Chinese President Xi Jinping said they would work "
         "together.", None),
    ],
)  # fmt: skip
def test_a_joint_subject_of_one_state_speaks_for_it(nlp, text, country) -> None:  # type: ignore[no-untyped-def]
    assert speakers(nlp, text)[0][1] == country


def test_other_governments_join_no_one_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The United States and other governments said the launch broke U.N. resolutions."
    assert speakers(nlp, text)[0][:2] == ("United States and other governments", None)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a body's members speak for their own states, which the words do not name, even
        # under the body's dateline
        ("UNITED NATIONS (Reuters) - “We are faced with real uncertainties,” a senior U.N. "
         "Security Council diplomat said.", None),
        ("“We are faced with real uncertainties,” a senior U.N. Security Council diplomat "
         "said.", None),
        # the body's own official speaks for it
        ("“It is grave,” said a U.N. official.", "UN"),
    ],
)  # fmt: skip
def test_a_bodys_members_are_not_the_body(nlp, text, country) -> None:  # type: ignore[no-untyped-def]
    assert speakers(nlp, text)[0][1] == country
