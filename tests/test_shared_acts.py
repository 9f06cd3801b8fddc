"""Who truly acts in a sentence (round 15's blind judges): a state-media statement is the
state's move, a joint act is each party's, a status another confers is not the country's,
a newspaper's words are nobody's official line, a record of launches is no act of the
period, and a thin basis is continuity only when both periods are alike."""

from __future__ import annotations

from briefgen.book.moves import own_move
from briefgen.book.parties import party_to
from briefgen.book.sharedacts import (
    conferred,
    explains_why,
    from_opinion_piece,
    joint_subject,
    points_back,
    press_credited,
    takes_part,
)
from briefgen.book.trend import Move, sentence_moves, tells_record, trend

BOMBERS = (
    "On Saturday, two U.S. Air Force B-1B bombers joined counterparts from the South "
    "Korean and Japanese air forces in sequenced bilateral missions over the Korean Peninsula."
)


def _moves(code: str, *texts: str) -> list[tuple[str, int]]:
    return [(m.what, m.direction) for m in sentence_moves(list(texts), code, {})]


def test_a_state_media_statement_is_the_countrys_move() -> None:
    """allsides 2013-W23: the North accepted talks through a statement in state media,
    told by the AP; its section said "no move of its own officials reported"."""
    said = (
        "The Associated Press reports that North Korea's acceptance of talks via a "
        "statement in state media was its first public response to the South's offer."
    )
    assert own_move(said, "PRK", {})
    assert not own_move(said, "KOR", {})  # the South's offer is named, not made here
    # the outlet's own report of another's news is no statement of the state
    assert not own_move(
        "The Associated Press reports that North Korea's economy shrank.", "PRK", {}
    )


def test_a_joint_act_is_each_partys_move() -> None:
    """allsides 2013-W23 ("North and South Korea have reached an agreement to hold talks")
    and 2017-W30 (Japan's jets joined the US bombers' drill; its section said "no
    Japanese move reported")."""
    talks = "North and South Korea have reached an agreement to hold talks on Kaesong."
    assert own_move(talks, "PRK", {}) and own_move(talks, "KOR", {})
    assert _moves("PRK", talks) == _moves("KOR", talks) != []
    drill = "The militaries of the U.S., South Korea and Japan held joint drills on Sunday."
    assert joint_subject(drill) is not None
    assert all(own_move(drill, c, {}) for c in ("USA", "KOR", "JPN"))
    assert not own_move(drill, "CHN", {})
    # a list that is no subject acts for no one
    assert joint_subject("The U.S. sanctions on China and Russia were lifted.") is None
    # joining another's drill with its forces
    assert takes_part(BOMBERS, "JPN") and takes_part(BOMBERS, "KOR")
    assert party_to(BOMBERS, "JPN", {}) and not party_to(BOMBERS, "CHN", {})
    assert [d for _, d in _moves("JPN", BOMBERS)] == [1]
    jets = "The bombers were joined by two (Japan Air Self Defense Force) F-2 fighter jets."
    assert takes_part(jets, "JPN")
    assert takes_part("The US held joint exercises with South Korea.", "KOR")
    ships = "North Korea threatened to sink a carrier as two Japanese Navy ships joined a U.S. strike group."
    assert takes_part(ships, "JPN") and not takes_part(
        "Japanese officials joined the talks.", "JPN"
    )
    # allies meeting among themselves is no engagement with the North
    allies = "Japan, South Korea and the U.S. have scheduled an emergency meeting at the summit."
    assert _moves("KOR", allies) == []
    # a meeting about drills is no drill the other took part in
    assert not takes_part("Trump met Abe to discuss the drills with China.", "CHN")


def test_a_status_another_confers_is_not_the_countrys_move() -> None:
    """allsides 2017-W47: the North's judgement was "North Korea will now join Iran,
    Sudan, and Syria … on the state sponsors of terrorism list", the US designation."""
    listed = (
        "North Korea will now join Iran, Sudan and Syria on the state sponsors of terrorism list."
    )
    assert not own_move(listed, "PRK", {})
    assert not own_move("North Korea was designated a state sponsor of terrorism.", "PRK", {})
    assert not own_move("Putting North Korea on the list has bipartisan support.", "PRK", {})
    assert conferred(" was hit with new sanctions") and not conferred(" joined the talks")
    # learning of another's act is the other's news (allsides 2017-W15)
    learnt = "Washington and Seoul were trying to determine what North Korea exactly launched."
    assert not own_move(learnt, "KOR", {}) and not own_move(learnt, "USA", {})
    assert own_move("Washington and Seoul were trying to revive talks with the North.", "KOR", {})
    assert own_move("North Korea joined talks with the South on Monday.", "PRK", {})


def test_a_newspapers_words_are_nobodys_official_line() -> None:
    """allsides 2018-W12: the US judgement gave Bolton words from a New York Times
    editorial ("The paper added that Mr. Bolton “has argued for attacking…”")."""
    assert press_credited('The paper added that Mr. Bolton "has argued for attacking North Korea."')
    assert press_credited("“Talks are a terrible decision,” the editorial argued.")
    assert not press_credited("Bolton said the “paper added” nothing to the talks.")
    # written in an op-ed the sentence before names: a writer's opinion
    assert from_opinion_piece(
        "wrote", "“Strike first,” Mr. Bolton wrote.", "At issue is a February op-ed."
    )
    assert not from_opinion_piece(
        "said", "“Strike first,” Mr. Bolton said.", "At issue is an op-ed."
    )
    assert not from_opinion_piece("wrote", "“Strike first,” Mr. Bolton wrote.", "He spoke Monday.")


def test_a_record_of_launches_is_no_act_of_the_period() -> None:
    """allsides 2017-W47: "escalation: missile launch" rested on "North Korea has
    successfully launched intercontinental ballistic missiles…" in a week it launched
    nothing since 15 September."""
    record = "North Korea has successfully launched intercontinental ballistic missiles that can reach the U.S."
    assert _moves("PRK", record) == []
    assert tells_record(record)
    launched = "North Korea launched an intercontinental ballistic missile on Friday."
    assert _moves("PRK", launched) == [("missile launch", 1)]
    assert not tells_record(launched)
    assert not tells_record("North Korea has launched a missile over Japan.")  # one act


def test_thin_continuity_needs_two_alike_periods() -> None:
    """allsides 2017-W30: three escalating US acts against one the week before read
    "unchanged, on a thin basis", which judges struck (one act is no lean to go on, and
    tripling it is no continuity); two against two (2018-W19) stays "unchanged"."""
    esc = [Move("threat", 1), Move("missile launch", 1), Move("deployment", 1)]
    marker, basis = trend(esc[:2], [Move("sanctions imposed", 1), Move("exercise", 1)], "x")
    assert marker == "unchanged", basis
    marker, basis = trend(esc, [Move("sanctions imposed", 1)], "2017-W29")
    assert marker is None and basis.startswith("insufficient basis for a trend"), basis
    five = [Move(f"step {i}", 1) for i in range(5)]
    marker, basis = trend(esc[:2], five, "x")
    assert marker is None and basis.startswith("insufficient basis for a trend"), basis


def test_the_countrys_own_official_is_the_actor_of_its_judgement() -> None:
    """allsides 2017-W47: the US judgement told the Warmbier rationale ("… was part of the
    impetus for the decision") and the North's told the US listing; "President Trump put
    North Korea back on the list" was no US move, its two lead words swallowing the name."""
    officials = {"Trump": "USA", "Tillerson": "USA"}
    listed = (
        "President Trump put North Korea back on the list of state sponsors of terrorism Monday."
    )
    assert own_move(listed, "USA", officials)
    assert own_move("Secretary Tillerson said the U.S. will keep up sanctions.", "USA", officials)
    assert not own_move("Prominent Trump critics said the talks failed.", "USA", officials)
    assert explains_why(
        "Trump has said the case of Warmbier was part of the impetus for the decision."
    )
    assert not explains_why("Trump designated North Korea a state sponsor of terrorism.")
    assert points_back("Trump announced the measure as part of his pressure campaign.")
    assert not points_back("Trump announced the measure to list North Korea.")


def test_an_aside_after_a_dash_is_not_the_countrys_act() -> None:
    """allsides 2018-W12: the US basis read "nuclear programme step" from "open to direct
    talks with Mr. Kim by May — the same month by which the president has said he will
    scrap the Iran nuclear accord"."""
    said = (
        "The Trump administration has said it is open to direct talks with Mr. Kim by May — "
        "the same month by which the president has said he will scrap the Iran nuclear accord."
    )
    found = sentence_moves([said], "USA", {"Trump": "USA", "Kim": "PRK"}, tied=True)
    assert [(m.what, m.direction) for m in found] == [("said may come: talks", -1)]
