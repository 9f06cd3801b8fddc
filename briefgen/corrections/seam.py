"""The one place the corrections touch the position stage: the tracked issues, their
labels, and deriving positions again after quotes or actors were fixed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefgen.model import Actor, Position
from briefgen.periods import Period

if TYPE_CHECKING:
    from briefgen.nlp.attribution import Attribution


def issue_keys() -> tuple[str, ...]:
    """The tracked issues' keys, in the brief's order (data/issues.yaml)."""
    from briefgen.knowledge.issues import issue_keys as keys

    return keys()


def issue_label(issue: str, stance: int) -> str:
    """How the brief words a stance on an issue ("favours talks now")."""
    from briefgen.knowledge.issues import get_issue

    return get_issue(issue).label(stance)


def derive_positions_again(att: Attribution, period: Period) -> list[Position]:
    """The period's positions from the (fixed) quotations and their stances, as the
    attribution stage derives them."""
    from briefgen.nlp.positions import derive_positions

    return derive_positions(att.quotes, att.actors, period.start, period.end)


def country_positions_again(
    actor_positions: Sequence[Position], actors: Sequence[Actor]
) -> list[Position]:
    """Country positions from their officials' positions (the desk's included)."""
    from briefgen.nlp.positions import country_positions

    return country_positions(list(actor_positions), list(actors))
