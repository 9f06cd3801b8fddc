"""What every country section draws on (BookContext) and its knobs (SectionWeights):
shared by book/sections.py and book/quotelines.py."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from briefgen.book.developments import DevelopmentFinder
from briefgen.book.summarize import SentencePool
from briefgen.book.trend import Move
from briefgen.model import Keyphrase, Quote
from briefgen.nlp.attribution import Attribution
from briefgen.periods import Period


@dataclass(frozen=True)
class SectionWeights:
    """The knobs of a country section."""

    judgement_max_words: int = 40
    # The report of the country's own development of the period may run longer: 'Trump and
    # … Kim Jong Un issued a joint statement after their historic meeting in Singapore on
    # Tuesday that reaffirmed…' (44 words) lost the Singapore summit week's judgement to a
    # side remark on sanctions.
    development_max_words: int = 50
    summary_max: int = 4
    summary_min: int = 2
    quotes: int = 3
    max_actors: int = 10
    max_disagreements: int = 4
    subject_bonus: float = 0.25  # a sentence with the country as its subject
    used_penalty: float = 0.35  # a line already used elsewhere in the brief
    judged_penalty: float = 0.5  # a line already another country's judgement
    summary_floor: float = 0.4
    position_confidence: float = 0.6  # a stated position must be this sure to be the judgement
    # An official's words are the judgement only when the speaker is named in the clause
    # ('It says the sanctions will never force…' resolved to the Security Council was the
    # North's statement).
    judgement_speaker_confidence: float = 0.9
    # A voice described, not named ("U.S. officials told…", confidence 0.8), speaks for
    # its country when the description is in the quote's own sentence.
    described_speaker_confidence: float = 0.8
    # A country outside the six parties and the UN has a section only when it says or
    # does this many things about the Koreas (a line it is the subject or a speaker of,
    # naming a Korea): the UN General Assembly week's Iran, Israel or France do not.
    peninsula_lines: int = 2


@dataclass
class BookContext:
    """What every section draws on: the period's sentences, records and developments."""

    pool: SentencePool
    attribution: Attribution
    keyphrases: Mapping[str, list[Keyphrase]]
    cite: Callable[[str], int | None]
    ranked_quotes: Sequence[tuple[float, Quote]]
    mentions: Mapping[str, int]
    finder: DevelopmentFinder | None = None
    # {code: moves} this period and in the comparison period (None: no comparison).
    moves: Mapping[str, list[Move]] = field(default_factory=dict)
    moves_before: Mapping[str, list[Move]] | None = None
    before_label: str = "the previous period"
    period: Period | None = None
    # quotations the compared period already printed (watchlist.repeated_quotes)
    stale_quotes: frozenset[str] = frozenset()
    # SentenceCandidate id() -> times used elsewhere in the brief / as a judgement.
    used: dict[int, int] = field(default_factory=dict)
    judged: dict[int, int] = field(default_factory=dict)
