"""Country sections: who is listed with the section's positions."""

from __future__ import annotations

from briefgen.book.sections import BookContext, CountrySectionBuilder, SectionWeights
from briefgen.model import Actor, Position
from briefgen.nlp.attribution import Attribution


def test_an_actor_holding_a_position_is_never_cut_from_the_section() -> None:
    """A senator below the actor limit had his position printed as 'United States as a
    whole'; whoever holds a printed position is listed, the rest fill the limit."""
    officials = [
        Actor(f"official-{i}", f"Official {i}", kind="government", country="USA", quote_count=9)
        for i in range(4)
    ]
    senator = Actor("tom-cotton", "Tom Cotton", kind="legislator", country="USA", quote_count=1)
    held = Position("tom-cotton", "actor", "sanctions", 1, "keeps up sanctions", "USA")
    ctx = BookContext(
        pool=None,  # type: ignore[arg-type]
        attribution=Attribution(actors=[*officials, senator], positions=[held]),
        keyphrases={},
        cite=lambda _: None,
        ranked_quotes=[],
        mentions={},
    )
    builder = CountrySectionBuilder(ctx, SectionWeights(max_actors=3))
    listed = [a.actor_id for a in builder._actors("USA", [held])]
    assert "tom-cotton" in listed
    assert len(listed) == 3  # the limit still holds: two officials and the senator
    assert [a.actor_id for a in builder._actors("USA")] == [f"official-{i}" for i in range(3)]


def test_a_disagreement_names_the_issue_as_a_reader_would() -> None:
    from briefgen.book.questions import contradiction_statement
    from briefgen.model import Evidence

    trump = Actor("donald-trump", "Donald Trump", kind="government", country="USA")
    rex = Actor("rex-tillerson", "Rex Tillerson", kind="government", country="USA")
    ev = [Evidence("a1", "words")]
    a = Position("donald-trump", "actor", "military_force", 1, "threatens force", "USA", ev)
    b = Position("rex-tillerson", "actor", "military_force", -1, "warns against force", "USA", ev)
    s = contradiction_statement(a, b, {x.actor_id: x for x in (trump, rex)}, lambda _: 1)
    assert s.text.endswith("watch which line prevails on military force.")


def test_a_voice_whose_role_is_its_name_is_not_named_twice() -> None:
    """'North Korea's foreign minister (North Korea's foreign minister)' in 'Also heard'."""
    from briefgen.render.html import render_html
    from tests.brief_fixture import rich_brief

    b = rich_brief()
    sec = b.countries[0]
    sec.positions = []
    sec.actors = [
        Actor("x", "North Korea's foreign minister", kind="government", role="foreign minister"),
        Actor("y", "Ri Yong Ho", kind="government", role="Foreign Minister"),
    ]
    html = render_html(b)
    assert "North Korea's foreign minister (foreign minister)" not in html.replace("&#39;", "'")
    assert "Ri Yong Ho (Foreign Minister)" in html


def test_the_watch_list_keeps_to_the_peninsula() -> None:
    """2017-W38's open questions carried Britain's Rohingya meeting and Iran's nuclear
    deal; a Korean state as subject ('his country would not pose a threat') still counts."""
    from types import SimpleNamespace

    from briefgen.book.watchlist import _plain_news

    def cand(text: str, subject: str) -> SimpleNamespace:
        return SimpleNamespace(
            usable=True, news=1, subject=subject, text=text, sent=SimpleNamespace(text=text)
        )

    off = [
        cand("Britain is due to host a ministerial meeting on Monday on Myanmar.", "GBR"),
        cand("The White House has until mid-October to certify Iran's compliance.", "USA"),
    ]
    on = [
        cand("The White House will decide on new sanctions against Pyongyang.", "USA"),
        cand("Ja Song Nam said his country would not pose a threat to any state.", "PRK"),
    ]
    assert [_plain_news(c, None) for c in off] == [False, False]  # type: ignore[arg-type]
    assert [_plain_news(c, None) for c in on] == [True, True]  # type: ignore[arg-type]
