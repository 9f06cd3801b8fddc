"""The one place the corrections touch the position stage: the tracked issues, their
labels, and deriving positions again after quotes or actors were fixed.

The position stage is being rebuilt (issues moving to data/issues.yaml with a trained
stance model, knowledge/issues.py); until that lands both shapes are served here, so
neither side has to change the other's modules.  Once it has landed, the fallbacks go.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from briefgen.model import Actor, Position
from briefgen.periods import Period

if TYPE_CHECKING:
    from briefgen.nlp.attribution import Attribution


def _issues_module() -> Any | None:
    try:
        return importlib.import_module("briefgen.knowledge.issues")
    except ModuleNotFoundError:
        return None


def issue_keys() -> tuple[str, ...]:
    """The tracked issues' keys, in the brief's order."""
    mod = _issues_module()
    if mod is not None:
        return tuple(mod.issue_keys())
    from briefgen.nlp import positions

    return tuple(positions.ISSUES)


def issue_label(issue: str, stance: int) -> str:
    """How the brief words a stance on an issue ("favours talks now")."""
    mod = _issues_module()
    if mod is not None:
        return str(mod.get_issue(issue).label(stance))
    from briefgen.nlp import positions

    pro, con = positions.LABELS[issue]
    return str(pro if stance > 0 else con)


def derive_positions_again(att: Attribution, period: Period) -> list[Position]:
    """The period's positions from the (fixed) quotations, as the attribution stage
    derives them."""
    from briefgen.nlp import positions

    derive: Any = positions.derive_positions
    params = list(inspect.signature(derive).parameters)
    if len(params) > 1 and params[1] == "statements":
        return list(derive(att.quotes, att.statements, att.actors))
    return list(derive(att.quotes, att.actors, period.start, period.end))


def country_positions_again(
    actor_positions: Sequence[Position], actors: Sequence[Actor]
) -> list[Position]:
    """Country positions from their officials' positions (the desk's included)."""
    from briefgen.nlp import positions

    countries: Any = positions.country_positions
    hint = str(inspect.signature(countries).parameters["actors"].annotation)
    by: Any = {a.actor_id: a for a in actors} if "dict" in hint else list(actors)
    return list(countries(list(actor_positions), by))
