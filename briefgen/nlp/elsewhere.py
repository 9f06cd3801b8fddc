"""Whether a statement is about a people the Korean question does not involve.

"He's willing to talk at some point in the future, but it would have to be after rights
are restored to the Venezuelan people": an American official's words hold a phrase of
talks ("willing to talk"), and in a week of Korea news the stance model reads "favours
talks now", but the talks are Venezuela's.  A statement is elsewhere when the parser
tags a people in it (NORP: "Venezuelan", "Syrian") that knowledge/countries does not
know, and it names no country or body that it knows and nothing of Korea
(data/peninsula.yaml `statement_words`).  Narrow on purpose: a country the brief
knows (Iran, the EU, Australia) often speaks on Korea or is its comparison ("what we
did with Iran"), and a summit's host city is a place, not a people.  Such a statement's
readings are not lifted (nlp/backed.py); the model's own confidence still counts.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from briefgen.knowledge.countries import countries_mentioned
from briefgen.knowledge.peninsula import statement_korea_words
from briefgen.knowledge.stance_cues import not_peoples

if TYPE_CHECKING:
    from spacy.tokens import Span


def about_elsewhere(span: Span) -> bool:
    """A people the brief does not know, and no country it knows nor Korea.

    Not book/bottomline.on_peninsula, which the book asks of a bottom-line item's lead
    (plain text, no parse): there a known country outside the peninsula's parties that
    comes before any Korea marks another region's news, while here a known country keeps
    the statement (Iran, the EU often speak on Korea), and the sign is a people only the
    parser finds (NORP).  Neither can call the other: nlp never imports the book, and
    on_peninsula has no parse to ask about peoples."""
    text = span.text
    korea, not_peoples = _words_re()
    if countries_mentioned(text) or korea.search(text):
        return False
    return any(
        e.label_ == "NORP" and not countries_mentioned(e.text) and not not_peoples.search(e.text)
        for e in span.ents
    )


@lru_cache(maxsize=1)
def _words_re() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(words of Korea, words of a party or creed), each matched at a word's start."""

    def rx(words: frozenset[str]) -> re.Pattern[str]:
        alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        return re.compile(rf"\b(?:{alts or '(?!x)x'})", re.I)

    return rx(statement_korea_words()), rx(not_peoples())
