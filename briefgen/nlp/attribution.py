"""Who said what, for which country: the one entry point of the quotes/actors/positions stage."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.model import Actor, Article, Position, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Attribution:
    quotes: list[Quote] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)


def attribute(
    articles: Sequence[Article],
    docs: Mapping[str, Doc],
    extra_actor_files: Sequence[Path] = (),
) -> Attribution:
    """Find the quotations in each article, resolve speakers to actors, derive positions.

    `docs` maps article_id to the article's spaCy parse (see nlp.parse.parse_articles).
    """
    return Attribution()
