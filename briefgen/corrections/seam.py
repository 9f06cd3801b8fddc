"""The one place the corrections touch the position stage: deriving positions again
after quotes or actors were fixed.  (The tracked issues and their labels are shared
knowledge: briefgen/knowledge/issues.py.)"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefgen.model import Actor, Position, Quote
from briefgen.periods import Period

if TYPE_CHECKING:
    from briefgen.nlp.attribution import Attribution


def derive_positions_again(att: Attribution, period: Period) -> list[Position]:
    """The period's positions from the (fixed) quotations and their stances, as the
    attribution stage derives them."""
    from briefgen.nlp.positions import derive_positions

    return derive_positions(att.quotes, att.actors, period.start, period.end)


def country_positions_again(
    actor_positions: Sequence[Position], actors: Sequence[Actor], quotes: Sequence[Quote] = ()
) -> list[Position]:
    """Country positions from their officials' positions (the desk's included).  An
    official's statement of the other side still stops a country-wide position, as when
    the attribution derived them, unless the desk set or flipped that official's own."""
    from briefgen.nlp.positions import country_positions, official_dissent

    edited = {p.holder for p in actor_positions if p.edited}
    said = [q for q in quotes if q.actor_id not in edited]
    return country_positions(list(actor_positions), list(actors), official_dissent(said, actors))
