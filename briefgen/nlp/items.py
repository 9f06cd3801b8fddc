"""A quotation on its way through quotations.py: an Item before its speaker is resolved,
a Resolved one after.  Their own module so the steps quotations.py hands them to
(carried.py) can name them without importing quotations.py back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from briefgen.nlp.marks import QuoteSpan
    from briefgen.nlp.names import Speaker
    from briefgen.nlp.quotes import RawQuote


@dataclass
class Item:
    """A quotation before its speaker is resolved."""

    kind: str  # direct | mixed | indirect
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    cue: Token | None
    phrase: Span | None
    head: Token | None
    spans: list[QuoteSpan] = field(default_factory=list)
    raw: RawQuote | None = None
    via: str = ""


@dataclass
class Resolved:
    item: Item
    speaker: Speaker | None
    cue: str | None
    confidence: float
    earlier: bool = False
    said_on: object = None
