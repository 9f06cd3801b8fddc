"""A country's own side of an event another country's line tells (issue 11 points 2-3):
blind judges struck "no action of its own" beside "Xi hosted Kim" (China) and "three
Americans freed by North Korea" (the North), and a 2018 trend resting on 2017's "fire and
fury"."""

from __future__ import annotations

from datetime import date

from briefgen.book.moves import own_move
from briefgen.book.parties import period_positions
from briefgen.book.summarize import official_countries
from briefgen.book.trend import sentence_moves
from briefgen.model import Actor, Evidence, Position

_OFFICIALS = {
    "Xi Jinping": "CHN",
    "Kim Jong Un": "PRK",
    "Moon Jae-in": "KOR",
    "Donald Trump": "USA",
    "Abe’s office": "JPN",
    "Kim Eui-kyeom": "KOR",
}


def _moves(code: str, text: str) -> list[str]:
    return [m.what for m in sentence_moves([text], code, _OFFICIALS, tied=True)]


def test_a_meeting_or_a_hosting_is_both_parties_act() -> None:
    """allsides 2018-W19: "Kim met with Chinese President Xi Jinping in China" is China's."""
    met = "Kim met with Chinese President Xi Jinping in China on Tuesday."
    assert _moves("CHN", met) == ["summit"]
    hosted = "Xi Jinping hosted Kim Jong Un in Beijing on Tuesday."
    assert _moves("CHN", hosted) == ["talks"]
    assert _moves("PRK", hosted) == ["talks"]
    # no third country is a party, and the meeting is not the other country's launch
    assert _moves("USA", hosted) == []
    assert _moves("CHN", "Kim Jong Un met Xi Jinping and fired a missile on Tuesday.") == ["talks"]


def test_a_thing_received_an_aside_or_a_meeting_to_come_is_no_meeting() -> None:
    assert _moves("CHN", "North Korea received Chinese aid on Tuesday.") == []
    assert _moves("CHN", "Kim Jong Un, who met Xi Jinping in March, fired a missile.") == []
    assert _moves("PRK", "Donald Trump will meet Kim Jong Un in Singapore on June 12.") == []


def test_a_passive_release_is_its_agents_act() -> None:
    """allsides 2018-W19: the judges counted the detainees' release as the North's act."""
    held = "Three American prisoners held in North Korea have been released."
    assert _moves("PRK", held) == ["detention released"]
    assert _moves("USA", held) == []
    told = "President Donald Trump welcomed home three Americans freed by North Korea on Thursday."
    assert _moves("PRK", told) == ["detention released"]
    # an earlier release in an aside; a statement released by a government is no detainee
    warmbier = (
        "Otto Warmbier, the last American to be released from North Korean custody, "
        "died shortly after returning."
    )
    assert _moves("PRK", warmbier) == []
    statement = "A statement released by the White House thanked North Korea for its gesture."
    assert _moves("USA", statement) == []


def test_a_short_surname_speaks_for_its_one_country() -> None:
    """allsides 2018-W18: "Abe’s office said…" was no Japanese statement ("Abe" is too
    short for the officials' map); "Kim" of both Koreas' officials is no one's."""
    said = "Abe’s office said on Sunday that Trump and Abe discussed North Korea by phone."
    assert own_move(said, "JPN", _OFFICIALS)
    assert not own_move("Kim said the talks with North Korea went well.", "KOR", _OFFICIALS)
    assert not own_move("Kim said the talks with North Korea went well.", "PRK", _OFFICIALS)


def test_a_clause_of_what_came_before_leaves_the_sentence_to_its_subject() -> None:
    """allsides 2017-W37: the South's decapitation unit was no move of its own."""
    text = (
        "A few days after North Korea tested its sixth nuclear bomb, South Korea announced "
        "that it would create a special military unit."
    )
    assert own_move(text, "KOR", _OFFICIALS)
    assert _moves("KOR", text) == ["deployment"]
    assert _moves("PRK", text) == []


def _position(*said: str) -> Position:
    ev = [Evidence(article_id="a1", text=t) for t in said]
    return Position("donald-trump", "actor", "military_force", 1, "threatens", evidence=ev)


def test_words_retold_from_before_the_period_are_no_basis() -> None:
    """allsides 2018-W23: "fire and fury" (said in August 2017) was a 2018 trend's basis."""
    fury = "North Korea could face “fire and fury like the world has never seen.”"
    assert period_positions([_position(fury)], {}, date(2018, 6, 4)) == []
    assert period_positions([_position(fury)], {}, date(2017, 8, 7)) != []
    both = period_positions([_position(fury, "all options are on the table")], {}, date(2018, 6, 4))
    assert [e.text for p in both for e in p.evidence] == ["all options are on the table"]


def test_anothers_words_or_source_are_no_countrys_move() -> None:
    """allsides 2019-W22: Trump's tweet printed unmarked was the North's judgement;
    2018-W23: "The source said North Korean officials…" was the North's."""
    tweet = "North Korea fired off some small weapons, which disturbed some of my people."
    assert not own_move(tweet, "PRK", _OFFICIALS)
    assert own_move("North Korea said “I will not give up” on Tuesday.", "PRK", _OFFICIALS)
    source = "The source said North Korean officials have been wildly inconsistent."
    assert not own_move(source, "PRK", _OFFICIALS)
    assert own_move("North Korean officials said on Monday that talks would go on.", "PRK", {})
    # state media's words before the period, told as such
    had = "North Korea’s state media had said before the summit that it would halt tests."
    assert not own_move(had, "PRK", _OFFICIALS)
    assert own_move("North Korea’s state media said it would halt tests.", "PRK", _OFFICIALS)


def test_a_bare_title_or_a_foreign_body_names_no_official() -> None:
    """allsides 2018-W19: an actor "President" filed under South Korea made "President
    Trump tweeted…" the South's judgement; "Singapore’s Ministry of Foreign Affairs" filed
    under the United States became the American one."""
    actors = [
        Actor("president", "President", kind="government", country="KOR", mentions=9),
        Actor("sg", "Singapore’s Ministry of Foreign Affairs", kind="government", country="USA"),
        Actor("moon", "Moon Jae-in", kind="government", country="KOR"),
        Actor("moon-office", "Moon’s office", kind="government", country="KOR"),
        Actor("list", "Kim Jong Un and South Korean President", kind="government", country="KOR"),
    ]
    names = official_countries(actors)
    assert "President" not in names
    assert "Singapore’s Ministry of Foreign Affairs" not in names
    assert not any(" and " in n for n in names)
    assert names["Moon’s office"] == "KOR" and names["Moon Jae-in"] == "KOR"


def test_a_week_credits_the_host_and_leaves_out_what_an_earlier_year_tells() -> None:
    """End to end (allsides 2018-W19): China's section, with no line of its own, has the
    summit it hosted as its basis; the South's judgement is no 2016 denial told after the
    line that dates it."""
    from briefgen.book.assemble import assemble
    from briefgen.nlp.attribution import Attribution
    from briefgen.periods import Period
    from tests.texts import news_article

    week = Period(date(2018, 5, 7), date(2018, 5, 13), "2018-W19")
    met = (
        "Kim Jong Un met with Chinese President Xi Jinping in Dalian on Tuesday, North "
        "Korean state media said.\n\nNorth Korea released three American prisoners on Wednesday."
    )
    spy = (
        "Kim Dong Chul was sentenced to 10 years of hard labor in 2016 on charges of spying "
        "for South Korea. South Korea's intelligence agency denied any ties to the man."
    )
    china = (
        "China's foreign ministry said on Thursday that Beijing welcomed the release of the "
        "three Americans by North Korea."
    )
    arts = [
        news_article("a1", "Kim meets Xi", met, "AP", date(2018, 5, 9)),
        news_article("a2", "Seoul denies spy ties", spy, "Reuters", date(2018, 5, 10)),
        news_article("a3", "Beijing welcomes release", china, "CNN", date(2018, 5, 10)),
    ]
    actors = [
        Actor("kim", "Kim Jong Un", "government", country="PRK", role="leader"),
        Actor("xi", "Xi Jinping", "government", country="CHN", role="President"),
        Actor("moon", "Moon Jae-in", "government", country="KOR", role="President"),
    ]
    b = assemble(arts, Attribution(actors=actors), {}, week, date(2018, 5, 13), "T")
    sections = {c.code: c for c in b.countries}
    assert "summit" in sections["CHN"].trend_basis, sections["CHN"].trend_basis
    south = sections["KOR"].judgement
    assert south is not None and "denied any ties" not in south.text, south
