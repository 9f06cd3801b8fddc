"""A country's own side of an event another country's line tells (issue 11 points 2-3):
blind judges struck "no action of its own" beside "Xi hosted Kim" (China) and "three
Americans freed by North Korea" (the North), and a 2018 trend resting on 2017's "fire and
fury"."""

from __future__ import annotations

from datetime import date

from briefgen.book.moves import own_move
from briefgen.book.parties import period_positions
from briefgen.book.trend import sentence_moves
from briefgen.model import Evidence, Position

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
