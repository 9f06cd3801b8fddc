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
