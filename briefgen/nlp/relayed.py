"""The holder check: a statement that relays another country's voice is not its speaker's.

"Trump said it was good news for the whole world that they affirmed ... a complete
denuclearization", said by the Blue House spokesman, and "Moon relayed Abe's wish ...
and that Kim expressed his willingness to talk", by an official the parser took for an
American, each open with someone else saying something: the stance in them is that
someone's, of another country, and blind judges struck the positions the speakers were
given on them.  A statement relays when it opens with the name of a known actor (or of
a country) whose country is not its speaker's, then within a few words a verb of saying
or wanting (data/stance_cues.yaml relayed).  A voice of the speaker's own country ("the
White House said Trump and Moon emphasized ...") speaks for it and stays.

A pronoun is the other half: "As for Kim's supposed offer to disarm, he of course hedged
it by noting that North Korea would give up its nuclear program" gave "he" to Moon, while
the sentence itself names Kim before it.  A statement whose speaker was only resolved
(not named in the clause) and whose sentence, before the statement, names another actor
of the period and not its speaker rests on a guess the sentence argues against: it
counts for no position either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefgen.knowledge.countries import country_matches
from briefgen.knowledge.stance_cues import relayed_words
from briefgen.model import Actor, Quote

_OPEN = re.compile(r"^[\s\"'“‘(\[…\.]*")


class Relays:
    """Which statements of a period relay another country's voice, given its actors."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        verbs, gap = relayed_words()
        self._by_id = {a.actor_id: a for a in actors}
        self._names: list[tuple[str, str]] = sorted(
            (
                (n.lower(), a.country)
                for a in actors
                if a.country
                for n in [a.name, *a.aliases]
                if n[:1].isupper() and len(n) > 2
            ),
            key=lambda x: -len(x[0]),
        )
        self._then = re.compile(rf"^(?:[\w'’.-]+\s+){{0,{gap}}}?(?:{verbs})\b")

    def relays(self, text: str, country: str | None) -> bool:
        """The statement opens with another country's voice saying or wanting."""
        if country is None:
            return False
        start = _OPEN.match(text)
        body = text[start.end() if start else 0 :]
        low = body.lower()
        for name, code in self._names:
            if low.startswith(name) and not low[len(name) : len(name) + 1].isalnum():
                return code != country and bool(self._then.match(low[len(name) :].lstrip()))
        hits = country_matches(body[:40])
        if hits and hits[0][0] == 0:
            code = hits[0][3]
            return code != country and bool(self._then.match(low[hits[0][1] :].lstrip()))
        return False

    def other_named(self, q: Quote) -> bool:
        """The speaker was resolved, not named, and its own sentence, before the
        statement, names another actor of the period and no word of the speaker's name
        ("Abe" for Shinzo Abe)."""
        own = self._by_id.get(q.actor_id or "")
        if q.speaker_confidence >= 1.0 or own is None or not q.sentence:
            return False
        at = q.sentence.find(q.text[:40])
        before = _SENTENCE_END.split(q.sentence[: max(at, 0)])[-1]
        if not before.strip():
            return False
        own_words = {w for n in [own.name, *own.aliases] for w in n.split() if _proper(w)}
        if any(_word(w).search(before) for w in own_words):
            return False
        return any(
            _proper(n) and _word(n).search(before)
            for a in self._by_id.values()
            if a.actor_id != own.actor_id
            for n in [a.name, *a.aliases]
        )


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"'“‘A-Z])")


def _proper(name: str) -> bool:
    return name[:1].isupper() and len(name) > 2


def _word(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
