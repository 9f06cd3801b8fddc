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
        "JPN", "Japan’s Defense Ministry is deploying Patriot interceptors in western Japan."
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
        "JPN", "Japan imposed sanctions on Monday.", "Japan will raise pressure with new sanctions."
    ) == [("sanctions imposed", 1)]
    # a reporter's guess
    assert _moves("PRK", "North Korea may be preparing another missile launch.") == []


def test_a_marker_goes_only_the_way_its_basis_leans() -> None:
    """Judges read 'improved' beside a basis that leaned toward escalation; a period that
    leans both ways gets no marker, its basis says both periods' moves."""
    both = [Move("missile launch", 1), Move("talks offered", -1)]
    before = [Move("missile launch", 1), Move("threat", 1)]
    marker, basis = trend(both, before, "2017-W27")
    assert marker is None
    assert basis == (
        "this period leans both ways: missile launch (escalation), talks offered (engagement); "
        "2017-W27 leans toward escalation: missile launch (escalation), threat (escalation)"
    )
    assert trend([Move("talks offered", -1)], before, "x")[0] == "improved"
    assert trend(before, [Move("talks offered", -1)], "x")[0] == "deteriorated"
    assert trend([Move("threat", 1)], before, "x")[0] == "unchanged"


def test_a_section_that_states_something_is_never_insufficient() -> None:
    marker, basis = trend([Move("the judgement's statement", 0)], [Move("threat", 1)], "x")
    assert marker is None
    assert basis == "this period nothing of its own leans toward escalation or engagement"
    marker, basis = trend([Move("policy statement", 0)], None)
    assert basis.startswith("this period nothing of its own (policy statement) leans")
