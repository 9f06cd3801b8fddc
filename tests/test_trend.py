"""Trend markers that agree with their section: the country's own acts in the sentences
the section shows, read in the country's own clause, and a marker only the way its basis
leans."""

from __future__ import annotations

from briefgen.book.trend import Move, sentence_moves, trend


def _moves(code: str, *texts: str) -> list[tuple[str, int]]:
    return [(m.what, m.direction) for m in sentence_moves(list(texts), code, {})]


def test_the_countrys_own_act_counts_whoever_reported_it() -> None:
    """Train 2018-W16: the North's announced halt was 'none found' (the development was
    filed under Trump's tweet); its own sentence is its move."""
    assert _moves("PRK", "North Korea has agreed to suspend all nuclear tests.") == [
        ("halt of nuclear tests", -1)
    ]
    assert _moves("USA", "The United States cancelled the summit with North Korea on Thursday.")
    assert _moves(
        "USA", "The United States sent an aircraft carrier to waters off the Korean peninsula."
    ) == [("deployment", 1)]


def test_an_event_outside_the_countrys_own_clause_is_not_its_act() -> None:
    # another's act after "after", a reason, a relative clause, the object of a demand
    assert _moves(
        "PRK", "North Korea vowed revenge after the United Nations imposed sanctions."
    ) == [("threat", 1)]
    assert _moves(
        "PRK",
        "North Korea is closing the Punggye-ri Nuclear Test Site, where it has tested six bombs.",
    ) == [("nuclear programme step", 0)]
    assert (
        _moves(
            "USA", "Trump has pushed China to pressure North Korea to halt its nuclear programme."
        )
        == []
    )
    # a verdict on another's act, a habit, a possession, a pledge that is no agreement
    assert _moves("USA", "Obama blamed North Korea for the cyberattack on Sony.") == []
    assert (
        _moves("PRK", "The North Korean military has frequently tested missiles off Japan.") == []
    )
    assert (
        _moves("USA", "Trump has codes to launch as many as 800 nuclear missiles in 10 minutes.")
        == []
    )
    assert (
        _moves("JPN", "Abe pledged Saturday to do everything to protect his nation's people.") == []
    )
    # a negation before the event's words; one act said with and without what happened
    assert (
        _moves("PRK", "North Korea said it would never put its deterrent on the negotiating table.")
        == []
    )
    assert _moves(
        "JPN",
        "Japan imposed sanctions on North Korea on Monday.",
        "Japan imposed sanctions on Pyongyang.",
    ) == [("sanctions imposed", 1)]
    # a reporter's guess
    assert _moves("PRK", "North Korea may be preparing another missile launch.") == []


ESCALATION = [Move("missile launch", 1), Move("threat", 1), Move("sanctions imposed", 1)]
ENGAGEMENT = [Move("talks offered", -1), Move("summit agreed", -1), Move("visit", -1)]


def test_a_marker_goes_only_the_way_its_basis_leans() -> None:
    """Judges read 'improved' beside a basis that leaned toward escalation; a period that
    leans both ways gets no marker, its basis says what is new and what is gone."""
    both = [*ESCALATION[:2], *ENGAGEMENT[:2]]
    marker, basis = trend(both, ESCALATION, "2017-W27")
    assert marker is None
    assert basis == (
        "no clear change (this period 2 of its acts and statements lean toward escalation, "
        "2 toward engagement; in 2017-W27, 3 toward escalation); new: talks offered "
        "(engagement), summit agreed (engagement); no longer reported: sanctions imposed "
        "(escalation)"
    )
    assert trend(ENGAGEMENT, ESCALATION, "x")[0] == "improved"
    assert trend(ESCALATION, ENGAGEMENT, "x")[0] == "deteriorated"
    hostile = [Move("nuclear test", 1), Move("threat", 1), Move("sanctions imposed", 1)]
    assert trend(hostile, ESCALATION, "x")[0] == "unchanged"


def test_a_section_that_states_something_is_never_insufficient() -> None:
    marker, basis = trend([Move("the judgement's statement", 0)], [Move("threat", 1)], "x")
    assert marker is None
    assert basis == "this period leans neither way"
    marker, basis = trend([Move("policy statement", 0)], None)
    assert basis.startswith("this period leans neither way (its own: policy statement)")


def test_an_event_counts_only_when_it_happened() -> None:
    """The events lexicon reads words, not what happened: a denial, a negation, a
    question, a wish or a condition is no event of the period; the country's own
    announcement of what it will do is its move."""
    # negated, before or after the event's words
    assert _moves("PRK", "North Korea shows no sign of wanting to restart talks.") == []
    assert _moves("PRK", "North Korea said the nuclear test did not take place.") == []
    # denied: no incident
    assert _moves("PRK", "North Korea denied any role in the hacking of Seoul's banks.") == []
    assert _moves("PRK", "Pyongyang dismissed reports of a missile launch as fabricated.") == []
    # asked, wished for, conditional, guessed
    assert _moves("USA", "Will the United States lift sanctions on North Korea?") == []
    assert _moves("KOR", "South Korea wants to hold talks with North Korea.") == []
    assert _moves("USA", "The US will ease sanctions on North Korea if it disarms.") == []
    assert _moves("CHN", "China hopes to see sanctions on North Korea eased.") == []
    # announced, agreed and threatened are done when said
    assert _moves("PRK", "North Korea said it would suspend nuclear tests.") == [
        ("halt of nuclear tests", -1)
    ]
    assert _moves("KOR", "South Korea agreed to hold talks with North Korea.") == [
        ("agreement", -1)
    ]
    # and what happened still counts
    assert _moves("PRK", "North Korea fired a missile into the sea on Sunday.") == [
        ("missile launch", 1)
    ]


def test_another_countrys_act_is_no_basis() -> None:
    """An event the country condemns, opposes or reports is another's act, also when an
    "its" in the words between names the other country."""
    assert (
        _moves("CHN", "Beijing took the opportunity to condemn the U.S. THAAD deployment in Korea.")
        == []
    )
    assert (
        _moves("PRK", "Pyongyang has expressed anger over the military exercises of South Korea.")
        == []
    )
    assert _moves("USA", "Trump said he believes North Korea is sincere in its peace talks.") == []
    assert _moves("CHN", "China is pushing the United States to start talks with the North.") == []
    # a count of past events is history, not the period's act
    assert _moves("PRK", "North Korea has conducted five nuclear tests in total.") == []


def test_an_act_with_no_tie_to_the_koreas_is_no_basis() -> None:
    """A country's act in another region ("endorsed the strike on an Islamic State
    complex") is no move on the peninsula; a Korean name, official, programme or issue
    term ties it, in the sentence or (for a development) in another of its reports."""
    assert _moves("USA", "The United States imposed sanctions on Iran's oil exports.") == []
    assert _moves("USA", "The United States imposed sanctions on North Korea's banks.") == [
        ("sanctions imposed", 1)
    ]
    assert _moves("USA", "The US deployed THAAD batteries near Seongju.") == [
        ("defensive deployment", 0)
    ]
    assert _moves("CHN", "China imposed sanctions over the six-party talks impasse.") == [
        ("sanctions imposed", 1)
    ]
    tied = sentence_moves(["The United States imposed sanctions on the banks."], "USA", {}, True)
    assert [m.what for m in tied] == ["sanctions imposed"]


def test_what_a_country_says_may_come_is_its_stance_not_an_event() -> None:
    """'Sanctions eased' for a week nothing was eased: the country's own words that a
    thing could come lean its way, said as such."""
    assert _moves(
        "CHN", "China’s foreign ministry said that sanctions on North Korea could be lifted."
    ) == [("said may come: sanctions eased", -1)]
    # another's act it expects is its reading of that country, no stance of its own
    assert _moves("KOR", "Seoul said North Korea could launch a missile soon.") == []
    # the reporter's guess before the country speaks is no stance of its own
    assert _moves("CHN", "China may say that sanctions on North Korea could be lifted.") == []


def test_no_marker_goes_against_the_countrys_main_move() -> None:
    """'Deteriorated' beside a judgement that the country agreed to a summit: the marker
    would contradict its own section, so the basis says both instead."""
    now = [Move("summit agreed", -1), *ESCALATION, Move("keeps up sanctions", 1)]
    assert trend(now, ENGAGEMENT, "x")[0] == "deteriorated"
    marker, basis = trend(now, ENGAGEMENT, "x", main=[Move("summit agreed", -1)])
    assert marker is None
    assert "its main move, summit agreed (engagement), goes the other way" in basis
    # a main move the marker agrees with changes nothing
    assert trend(now, ENGAGEMENT, "x", main=[Move("threat", 1)])[0] == "deteriorated"


def test_one_move_is_no_trend() -> None:
    """Judges could not tell what 'improved' rested on when one move of each period
    bore it: too thin a basis in either period gives no marker and says so, with the
    counts and the moves in words (new, and no longer reported)."""
    marker, basis = trend([Move("talks offered", -1)], [Move("threat", 1)], "2018-W09")
    assert marker is None
    assert basis.startswith(
        "insufficient basis for a trend (this period 1 of its acts and statements lean "
        "toward engagement; in 2018-W09, 1 toward escalation; a marker needs 3"
    ), basis
    assert basis.endswith(
        "new: talks offered (engagement); no longer reported: threat (escalation)"
    )
    # a full week of its own against a sparse earlier week: still too little to compare
    marker, basis = trend(ESCALATION, [Move("talks offered", -1)], "x")
    assert marker is None and basis.startswith("insufficient basis for a trend"), basis


def test_two_acts_do_not_flip_a_marker() -> None:
    """allsides 2017-W17: the US got "improved" in a week of conflict warnings because
    regrouping the developments left 1 of its escalating acts (3 before) beside 2 engaging
    ones.  Two acts added, dropped or turned never make a marker of change."""
    before = [*ESCALATION, Move("visit", -1)]
    now = [Move("threat", 1), Move("talks offered", -1), Move("summit agreed", -1)]
    marker, basis = trend(now, before, "2017-W16")
    assert marker is None
    assert basis.startswith("no clear change"), basis
    assert "new: talks offered (engagement), summit agreed (engagement)" in basis, basis
    # two engaging acts added to a week of escalation do not improve it either
    assert trend([*ESCALATION, *ENGAGEMENT[:2]], ESCALATION, "x")[0] is None
    # the same week with a clear turn is a marker
    assert trend([*ENGAGEMENT, Move("threat", 1)], before, "x")[0] == "improved"


def test_words_alone_do_not_improve_a_week_of_hostile_acts() -> None:
    """'Improved' for a country in a week its relations clearly worsened: its officials'
    stated positions leaned toward talks, while its own acts and the period's events
    involving it (a launch over it, sanctions) leaned toward escalation."""
    words = [
        Move("favours talks now", -1, said=True),
        Move("favours engagement", -1, said=True),
        Move("opposes new sanctions", -1, said=True),
    ]
    assert trend(words, ESCALATION, "x")[0] == "improved"  # no events known: words suffice
    marker, basis = trend(words, ESCALATION, "x", events=[1, 1, -1])
    assert marker is None
    assert (
        "its words lean toward engagement but the period's acts and events involving it "
        "lean toward escalation (2 toward escalation, 1 toward engagement)"
    ) in basis, basis
    # acts of its own that engage bear the marker out
    acts = [*words, Move("summit agreed", -1), Move("talks offered", -1)]
    assert trend(acts, ESCALATION, "x", events=[1])[0] == "improved"


def test_the_basis_cites_where_each_move_is_reported() -> None:
    """A reader checks a marker against its sources: each move names the articles that
    report it, and a stated position is marked as words, not an act."""
    now = [
        Move("missile launch", 1, ("a", "b")),
        Move("keeps up sanctions", 1, ("c",), said=True),
        Move("threat", 1),
    ]
    before = [Move("talks offered", -1, ("d",)), Move("visit", -1), Move("summit agreed", -1)]
    numbers = {"a": 3, "b": 1, "c": 7, "d": 2}
    marker, basis = trend(now, before, "2017-W14", cite=numbers.get)
    assert marker == "deteriorated"
    assert "missile launch [1, 3] (escalation)" in basis, basis
    assert "stated: keeps up sanctions [7] (escalation)" in basis, basis
    assert (
        "(this period 3 of its acts and statements lean toward escalation; in 2017-W14, "
        "3 toward engagement)"
    ) in basis, basis


def test_every_printed_basis_is_plain_english() -> None:
    """Issue 11, item 7: a basis says its moves in words ("new: threatened missile launch;
    no longer reported: talks offered"), never a key ("threat", "said may come: ...",
    "inter_korean") or a bare count."""
    from briefgen.book.trend import move_words, position_words
    from briefgen.knowledge.events import event_kinds
    from briefgen.model import Position

    now = sentence_moves(["North Korea threatened to launch more missiles over Japan."], "PRK", {})
    now += sentence_moves(["North Korea vowed revenge after the UN imposed sanctions."], "PRK", {})
    shown = {m.shown for m in now}
    assert {"threatened missile launch", "threats"} <= shown, shown
    assert move_words("summit", "threatened", "done") == "threat to the summit"
    # the key the periods are compared on is the same as before: markers do not move
    assert "threat" in {m.what for m in now}
    marker, basis = trend([*now, Move("missile launch", 1)], ENGAGEMENT, "2017-W37")
    assert marker == "deteriorated"
    assert "new: threatened missile launch (escalation)" in basis, basis
    assert "in 2017-W37, 3 toward engagement" in basis, basis
    # what its own words say may come, in words
    geng = sentence_moves(["China said that sanctions could be eased on North Korea."], "CHN", {})
    assert [m.shown for m in geng] == ["sanctions eased, said to be possible"], geng
    # no kind and action reads as a key
    for k in event_kinds():
        for action in ("", "held", "imposed", "eased", "cancelled", "agreed", "threatened"):
            for how in ("done", "stated"):
                words = move_words(k.kind, action, how)
                assert "_" not in words and ":" not in words, words
    # a position with no label (an older record) is said in the issue's words
    p = Position(holder="PRK", holder_kind="country", issue="inter_korean", stance=1, label="")
    assert position_words(p) == "favours inter-Korean engagement"
    p.label = "inter_korean"
    assert position_words(p) == "favours inter-Korean engagement"


def test_guarding_against_an_attack_or_complying_with_sanctions_is_no_escalation() -> None:
    """Struck in 2017: Japan's PAC-3 deployment and China applying the UN oil cap were
    scored as escalation; a deployment of interceptors guards, compliance presses no one."""
    assert _moves(
        "JPN", "Japan’s Defense Ministry is deploying Patriot interceptors in western Japan."
    ) == [("defensive deployment", 0)]
    assert _moves(
        "JPN",
        "The Japanese military has deployed two more PAC-3 units on Hokkaido, intended to "
        "protect against an attack from the North.",
    ) == [("defensive deployment", 0)]
    assert _moves("JPN", "Japan deployed PAC-3 missile batteries on Hokkaido on Tuesday.") == [
        ("defensive deployment", 0)
    ]
    # approved or not, an interceptor stays defensive
    assert _moves("KOR", "South Korea approved the deployment of THAAD near Seongju.") == [
        ("defensive deployment", 0)
    ]
    assert _moves(
        "CHN",
        "China announced on Saturday that it will limit exports of petroleum products to the "
        "North from October under the terms of the latest U.N. sanctions.",
    ) == [("sanctions applied", 0)]
    assert _moves("CHN", "China began to implement the UN sanctions on North Korea on Monday.") == [
        ("sanctions applied", 0)
    ]
    # sanctions a country imposes itself still press
    assert _moves("USA", "The United States imposed new sanctions on North Korean banks.") == [
        ("sanctions imposed", 1)
    ]


def test_a_travel_ban_is_no_sanctions_unless_the_text_says_sanctions() -> None:
    assert _moves(
        "USA", "The State Department imposed a travel ban on Americans visiting North Korea."
    ) == [("travel ban", 0)]
    assert _moves(
        "USA",
        "The United States signed an order imposing sanctions and a travel ban on North Korea.",
    ) == [("sanctions imposed", 1)]
    # an executive order signed is the sanctions it imposes, no agreement
    assert _moves(
        "USA", "The United States signed an executive order on secondary sanctions on North Korea."
    ) == [("sanctions imposed", 1)]


def test_the_actor_of_an_event_is_the_one_who_does_it() -> None:
    """Struck in 2014: an American 'escalation: cyber incident' that was North Korea's
    hack, told by U.S. intelligence; the possessive or the agent names whose act it is."""
    said = (
        "U.S. intelligence agencies have identified the military officer orchestrating "
        "North Korea’s state-sponsored hacking attacks, such as the one on Sony Pictures."
    )
    assert _moves("USA", said) == []
    assert _moves("USA", "The FBI traced the cyberattack by North Korea to servers in China.") == []
    assert _moves("PRK", "North Korea hacked the computers of Sony Pictures on Monday.") == [
        ("cyber incident", 1)
    ]
    # the other country as the object of the country's own act leaves the act its own
    assert _moves("USA", "The United States imposed sanctions on North Korea’s banks.") == [
        ("sanctions imposed", 1)
    ]


def test_a_position_stated_by_several_officials_cites_each_ones_articles() -> None:
    """The seeds brief's South Korea cited one article for "keeps up sanctions and
    pressure" where the foreign minister (article 4) and the presidential spokesman
    (article 1) both stated it: the first position's evidence alone was the move's."""
    from briefgen.book.trend import moves_of
    from briefgen.model import Actor, Evidence, Position

    actors = [
        Actor("kang", "Kang Kyung-wha", "government", country="KOR"),
        Actor("park", "Park Soo-hyun", "government", country="KOR"),
    ]
    ps = [
        Position(
            holder=who,
            holder_kind="actor",
            issue="sanctions",
            stance=1,
            label="keeps up sanctions and pressure",
            country="KOR",
            evidence=[Evidence(art, "words", f"{art}-q1")],
            confidence=0.95,
        )
        for who, art in (("kang", "a4"), ("park", "a1"))
    ]
    (move,) = moves_of("KOR", [], ps, actors)
    assert move.said and move.article_ids == ("a1", "a4")


def test_a_writers_view_or_an_agreement_to_nothing_is_no_act() -> None:
    """Struck (issue 10): an "agreement" taken from an opinion piece. The writer's own
    view tells no act of the period, nor does agreeing to nothing; a reported agreement
    still counts."""
    assert (
        _moves("PRK", "I think North Korea agreed to denuclearize only on paper in Singapore.")
        == []
    )
    assert _moves("PRK", "North Korea agreed to nothing at the talks in Hanoi on Thursday.") == []
    assert _moves("PRK", "North Korea agreed to suspend nuclear tests on Thursday.") != []


def test_sanctions_proposed_or_discussed_are_not_eased() -> None:
    """Struck (issue 10): "sanctions eased" where none were. Proposing or discussing an
    easing is no easing of the period; an easing reported as done still is one."""
    assert (
        _moves(
            "RUS",
            "Russia and China proposed easing sanctions on North Korea at the Security Council "
            "on Tuesday.",
        )
        == []
    )
    assert (
        _moves(
            "KOR", "South Korea discussed easing sanctions on North Korea with the United States."
        )
        == []
    )
    assert _moves("USA", "The United States eased sanctions on North Korea on Tuesday.") != []


def test_distinct_acts_count_once_each_and_one_act_once_however_told() -> None:
    """Issue 11 point 3: moves were counted once per kind, so a week of several acts
    still had "insufficient basis".  Acts on three stated days are three moves; one act
    in three articles (or told again under a guessed date) is one."""
    from datetime import date

    from briefgen.book.trend import moves_of
    from briefgen.model import Development

    def dev(text: str, day: int, arts: list[str], guessed: bool = False) -> Development:
        when = date(2018, 5, day)
        return Development(text, kind="x", when=when, date_is_estimate=guessed, article_ids=arts)

    launch = "North Korea launched a ballistic missile into the sea."
    talks = "North Korea held talks with South Korea."
    before = moves_of("PRK", [dev(launch, d, [f"b{d}"]) for d in (1, 3, 5)], [], [])
    assert [(m.what, m.acts) for m in before] == [("missile launch", 3)]
    now = moves_of("PRK", [dev(talks, d, [f"n{d}"]) for d in (8, 10, 12)], [], [])
    marker, basis = trend(now, before, "x")
    assert marker == "improved", basis
    assert "3 of its acts and statements lean toward engagement; in x, 3 toward" in basis
    # three different engaging acts, one each, make the marker too
    kinds = [
        "North Korea released three detained Americans.",
        "North Korea suspended nuclear tests.",
        talks,
    ]
    assert trend(moves_of("PRK", [dev(t, 9, ["a"]) for t in kinds], [], []), before, "x")[0]
    # one act told by three articles, and again under a guessed date: one move
    one = moves_of("PRK", [dev(talks, 8, ["a", "b", "c"]), dev(talks, 9, ["d"], True)], [], [])
    assert [(m.acts, m.article_ids) for m in one] == [(1, ("a", "b", "c", "d"))]
    marker, basis = trend(one, before, "x")
    assert marker is None and basis.startswith("insufficient basis for a trend"), basis


def test_thin_continuity_is_unchanged_but_a_thin_change_is_no_marker() -> None:
    """allsides 2018-W19: two engaging acts of the North against two the week before read
    "insufficient basis for a trend" to judges who saw engagement go on.  A thin basis
    that leans the same way in both periods, with nothing the other way, says so; a thin
    basis that changed, or leans both ways, still gives no marker."""
    now = [Move("talks offered", -1), Move("nuclear programme step", 0), Move("summit", -1)]
    before = [Move("favours talks now", -1, said=True), Move("halt of missile launches", -1)]
    marker, basis = trend(now, before, "2018-W18")
    assert marker == "unchanged", basis
    assert basis.startswith("still leans toward engagement as in 2018-W18, on a thin basis")
    # one escalating move among them: no clear way, so no marker
    mixed = [*before, Move("threat", 1)]
    assert trend(now, mixed, "2018-W18")[0] is None
    # the way turned on a thin basis: no marker of change
    marker, basis = trend([Move("threat", 1)], before, "2018-W18")
    assert marker is None and basis.startswith("insufficient basis for a trend"), basis


def test_a_detention_held_in_another_country_is_its_act() -> None:
    """allsides 2018-W19: Trump announcing that Americans held in North Korea were freed
    put "detention (escalation)" in the US basis; the detention and the release are the
    North's.  The North's own release is still its move."""
    said = (
        "President Donald Trump announced that three Americans held in North Korea "
        "have been released and are on their way home."
    )
    assert _moves("USA", said) == []
    assert (
        _moves("USA", "Trump welcomed home three Americans freed from detention in North Korea.")
        == []
    )
    assert _moves("PRK", "North Korea released three detained Americans.") == [
        ("detention released", -1)
    ]
    assert _moves("USA", "The United States detained a North Korean diplomat.") == [
        ("detention", 1)
    ]


def test_a_scrapped_launch_is_a_halt_not_a_launch() -> None:
    """allsides 2018-W18: "would suspend nuclear and missile tests, scrap its nuclear test
    site" came out as "missile launch (engagement)", a launch judges could not find."""
    said = (
        "Pyongyang said it would immediately suspend nuclear and missile tests and "
        "scrap its nuclear test site."
    )
    assert [w for w, _ in _moves("PRK", said)] == ["halt of missile launches"]
