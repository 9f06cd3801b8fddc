"""Speaker resolution and actor records on short texts written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.errors import ConfigError
from briefgen.knowledge.countries import countries_mentioned, country_name
from briefgen.model import Article
from briefgen.nlp.actors import load_gazetteer, role_and_country
from briefgen.nlp.attribution import attribute
from tests.texts import attribute_text


def run(nlp, text: str, extra=(), indirect: bool = False):  # type: ignore[no-untyped-def]
    """Quotations and actors of `text`; reported speech left out unless asked for."""
    att = attribute_text(nlp, text, extra=extra)
    if not indirect:
        att.quotes = [q for q in att.quotes if q.kind != "indirect"]
    return att


def test_pronoun_goes_to_the_earlier_subject_not_the_last_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kono said last week's visit to Pyongyang by UN political chief Jeffrey Feltman showed little.\n\n"
        "“North Korea is nowhere near ready to talk about its weapons,” he said."
    )
    qs = run(nlp, text).quotes
    assert [q.speaker for q in qs] == ["Taro Kono"]


def test_she_skips_a_man(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kang Kyung-wha met Taro Kono in Vancouver on Tuesday.\n\n"
        "“Sanctions and pressure are beginning to take effect on the North,” she said."
    )
    qs = run(nlp, text).quotes
    assert [(q.speaker, q.country) for q in qs] == [("Kang Kyung-wha", "KOR")]


def test_described_speaker_resolves_to_named_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Japanese Foreign Minister Taro Kono arrived at the meeting on Friday.\n\n"
        "Japan's foreign minister urged all countries to maximize pressure on North Korea "
        "“by all means available to the international community.”"
    )
    qs = run(nlp, text).quotes
    assert [q.speaker for q in qs] == ["Taro Kono"]


def test_envoy_resolves_to_the_secretary_of_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Secretary of State Rex Tillerson said on Saturday that Washington was in touch with Pyongyang.\n\n"
        "Asked how he would know, the US envoy said: “We are probing, so stay tuned.”"
    )
    qs = run(nlp, text).quotes
    assert [q.speaker for q in qs] == ["Rex Tillerson"]


def test_unnamed_official_kept_as_description_with_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A senior State Department official said the talks went on.\n\n"
        "“The preferred endpoint is not a war but a diplomatic settlement,” the official said."
    )
    att = run(nlp, text)
    assert [(q.speaker, q.country) for q in att.quotes] == [
        ("a senior State Department official", "USA")
    ]


def test_actor_learned_from_title_when_not_in_gazetteer(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“We will keep every channel open to the North,” Mongolian Foreign Minister Batmunkh Battsetseg said."
    att = run(nlp, text)
    a = next(a for a in att.actors if a.quote_count)
    assert (a.name, a.role, a.country, a.kind) == (
        "Batmunkh Battsetseg",
        "Foreign Minister",
        "MNG",
        "government",
    )


def test_title_then_name_in_next_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mongolia's deputy UN ambassador pushed back against the US demands.\n\n"
        "Ganbold Dorj told the Security Council that “the parties should move towards each other now.”"
    )
    att = run(nlp, text)
    q = att.quotes[0]
    assert q.speaker == "Ganbold Dorj" and q.country == "MNG"


def test_defector_and_expert_are_not_government(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“I strongly believe in the use of soft power before taking any military actions,” "
        "Thae Yong Ho, who defected in 2016, told the audience.\n\n"
        "“Sanctions take years to bite,” said John Doe, an analyst at the Korea Institute for Policy Studies."
    )
    att = run(nlp, text)
    kinds = {a.name: a.kind for a in att.actors if a.quote_count}
    assert kinds["Thae Yong Ho"] == "defector"
    assert kinds["John Doe"] == "expert"


def test_user_gazetteer_extends_and_bad_file_is_one_line_error(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "mine.yaml"
    f.write_text(
        "- name: Jane Roe\n  aliases: [Roe]\n  role: Special Envoy\n  country: NZL\n  kind: government\n"
    )
    att = run(nlp, "“Talks must resume soon and without conditions,” Roe said.", extra=[f])
    assert (att.quotes[0].speaker, att.quotes[0].country) == ("Jane Roe", "NZL")
    bad = tmp_path / "bad.yaml"
    bad.write_text("- name: X\n  kind: alien\n")
    with pytest.raises(ConfigError, match="kind"):
        load_gazetteer([bad])
    undated = tmp_path / "undated.yaml"
    undated.write_text("- name: Y Z\n  alone: {name: Y, from: last year}\n")
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        load_gazetteer([undated])


def test_country_helpers() -> None:
    c = countries_mentioned(
        "Pyongyang warned Washington and the U.S. while Beijing watched. KCNA said."
    )
    assert c["PRK"] == 2 and c["USA"] == 2 and c["CHN"] == 1
    assert country_name("PRK") == "North Korea" and country_name("XYZ") == "XYZ"
    assert role_and_country("Japanese Foreign Minister") == ("Foreign Minister", "JPN")
    assert role_and_country("Cheong Wa Dae spokesman") == ("Cheong Wa Dae spokesman", "KOR")


def test_title_prefixed_name_is_the_person_with_the_title_as_role(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "U.S. Ambassador to the United Nations Jane Whitlock called the resolution "
        "“the largest package of measures ever adopted against the regime.”\n\n"
        "“These measures will cut deep,” Whitlock said."
    )
    att = run(nlp, text)
    assert {q.speaker for q in att.quotes} == {"Jane Whitlock"}
    (a,) = [a for a in att.actors if a.quote_count]
    assert (a.name, a.country, a.quote_count) == ("Jane Whitlock", "USA", 2)
    assert a.role and "Ambassador" in a.role


def test_description_then_name_is_one_defector(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A high-ranking North Korean defector said on Tuesday that he backed sanctions, "
        "coupled with “maximum engagement” with the leadership.\n\n"
        "“Information is the strongest weapon against the regime,” Ri Song Chol, a diplomat "
        "until he defected in 2019, told the audience."
    )
    att = run(nlp, text)
    assert {q.speaker for q in att.quotes} == {"Ri Song Chol"}
    assert [a.kind for a in att.actors if a.quote_count] == ["defector"]


def test_roles_come_from_the_persons_own_title(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On Wednesday the US defence secretary, Mark Ellison, said an attack would mean "
        "“the end of its regime.”\n\n"
        "On Thursday, the president’s deputy assistant, Paul Brandt, declined to tone down the "
        "rhetoric, warning Pyongyang: “Do not challenge the United States.”\n\n"
        "White House press secretary Anna Keller said: “We are confident in our decisions.”\n\n"
        "“We will look at what they said,” Mr. Ellison added."
    )
    att = run(nlp, text)
    roles = {a.name: a.role for a in att.actors if a.quote_count}
    assert roles["Anna Keller"] == "White House press secretary"
    assert "James" not in (roles.get("Paul Brandt") or "") and "secretary" not in (
        roles.get("Paul Brandt") or ""
    )
    assert roles["Mark Ellison"] == "defence secretary"  # "Mr." is no role
    assert [q.speaker for q in att.quotes if "challenge" in q.text] == ["Paul Brandt"]


def test_a_statement_speaks_for_whoever_issued_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“All options are on the table,” said a White House statement.\n\n"
        "“The launch occurred near the coast,” said a statement from U.S. Forces Korea. "
        "“We continue to monitor the situation closely,” the statement said."
    )
    att = run(nlp, text)
    assert [(q.speaker, q.country) for q in att.quotes] == [
        ("White House", "USA"),
        ("U.S. Forces Korea", "USA"),
        ("U.S. Forces Korea", "USA"),
    ]
    assert all("statement" not in a.name for a in att.actors)


def test_country_named_speaker_is_its_government(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Beijing said it “firmly opposes” the deployment of the missile shield.\n\n"
        "“We urge all sides to exercise restraint,” Chinese Foreign Ministry spokeswoman "
        "Lin Mei said."
    )
    att = run(nlp, text)
    assert [(q.speaker, q.country) for q in att.quotes] == [
        ("Chinese government", "CHN"),
        ("Lin Mei", "CHN"),
    ]
    gov = next(a for a in att.actors if a.name == "Chinese government")
    assert gov.kind == "government" and gov.actor_id == "chinese-government"


def test_honorifics_and_congress_titles(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sen. Tom Ruhle, Ohio Democrat, spoke on Sunday.\n\n"
        "“We will work together to make sure that this summit is a success,” Mr. Ruhle said."
    )
    att = run(nlp, text)
    (a,) = [a for a in att.actors if a.quote_count]
    assert (a.name, a.role, a.country) == ("Tom Ruhle", "Senator", "USA")


def test_known_body_inside_a_description_and_leader_is_the_president(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "President Donald Trump spoke on Tuesday.\n\n"
        "“We are locked and loaded,” the American leader said.\n\n"
        "“The U.S. will pay dearly,” the dictatorship's official KCNA news agency said."
    )
    att = run(nlp, text)
    assert [q.speaker for q in att.quotes] == ["Donald Trump", "Korean Central News Agency"]
    assert not any(
        "news agency" in a.name for a in att.actors if a.name != "Korean Central News Agency"
    )


def test_a_country_named_as_a_field_is_not_an_allegiance(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“Trucks like these need the missile maker's help,” said Tom Reyes, a China and Korea "
        "analyst at a Washington think tank.\n\n"
        "“The sanctions will take years to bite,” said Lee Min-ho, a South Korean analyst."
    )
    att = run(nlp, text)
    got = {q.speaker: q.country for q in att.quotes}
    assert got["Tom Reyes"] != "CHN"
    assert got["Lee Min-ho"] == "KOR"


def test_unplaced_official_serves_the_dateline_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“We must track and prepare for the new submarines,” National Security Adviser Hong Gil-dong said."
    with_dl = Article(
        article_id="d",
        title="",
        text=text,
        source_path="d.md",
        meta={"dateline": "SEOUL, Jan. 2 (Yonhap) --"},
    )
    att = attribute([with_dl], {"d": nlp(text)}, with_positions=False)
    assert [(q.speaker, q.country) for q in att.quotes] == [("Hong Gil-dong", "KOR")]
    assert [q.country for q in run(nlp, text).quotes] == [None]  # no dateline: no guess


def test_the_south_china_sea_is_not_south_korea() -> None:
    from briefgen.knowledge.countries import countries_mentioned

    found = countries_mentioned("Beijing's actions in the South China Sea worried the South.")
    assert found["KOR"] == 1  # "the South" alone
    assert found["CHN"] == 1  # "Beijing", not the sea


def test_gazetteer_lookup_kept_answers_are_the_first_answers() -> None:
    """Lookups are kept per name (speakers and keyphrases ask the same names again): a
    second ask, a possessive before a body, a miss and an emptied memo all answer as
    the first time did."""
    from briefgen.nlp import gazetteer as gz
    from briefgen.nlp.gazetteer import GazEntry, Gazetteer

    g = Gazetteer(
        [
            GazEntry(name="Kim Jong Un", aliases=["Kim Jong-un"], country="PRK"),
            GazEntry(name="Korean Central News Agency", aliases=["KCNA"], type="body"),
        ]
    )
    asked = ["Kim Jong-un", "KCNA", "North's KCNA", "China's Kim Jong Un", "Moon"]
    first = [g.lookup(n) for n in asked]
    assert [e.name if e else None for e in first] == [
        "Kim Jong Un",
        "Korean Central News Agency",
        "Korean Central News Agency",
        None,  # a person after a possessive is not that person
        None,
    ]
    assert [g.lookup(n) for n in asked] == first
    old = gz._MAX_FOUND
    gz._MAX_FOUND = 2  # the memo starts again when full; answers stay the same
    try:
        g = Gazetteer(g.entries.values())
        assert [g.lookup(n) for n in asked] == first
        assert len(g._found) <= 2 + 1  # (+1: a possessive's inner name is kept first)
    finally:
        gz._MAX_FOUND = old
