"""Whether a statement reports North Korea's wish rather than states its speaker's own.

"Kim wants to meet Trump", "Pyongyang is willing to talk", "Kim wrote in a letter that
he still wanted to meet with Trump", said by a South Korean or American official: the
words hold a phrase of talks ("meet trump", "willing to talk") and the stance model
reads "favours talks now", but what the speaker says is what the other side wants, not
what the speaker's government wants.  A statement reports such a wish when a word of
wanting or readiness (data/stance_cues.yaml others_wish `words`, lemmas) has North Korea
as its subject: the country's names (knowledge/countries), or its leader and regime
(`subjects`); a pronoun subject ("he still wanted") stands for the subject of the clause
it is reported in ("Kim wrote that ...").  The stance model's readings of it are not
lifted (nlp/backed.py), and from a speaker who is not North Korean they are dropped
(nlp/stance.py, veto "others_wish").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.knowledge.countries import country_of
from briefgen.knowledge.stance_cues import OthersWish, others_wish_words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_PRONOUNS = frozenset({"he", "she", "it", "they", "his", "her", "its", "their"})
_SUBJECTS = ("nsubj", "nsubjpass")


def reports_north_wish(span: Span) -> bool:
    """Some word of wanting in the statement has North Korea as its subject, and is
    asserted, not put as a condition or a possibility ("if it wanted to negotiate", "the
    best signal North Korea could give that it is ready")."""
    words = others_wish_words()
    for t in span:
        if t.lemma_.lower() in words.words or t.lower_ in words.words:
            path = _subject_path(t, span)
            if path and _is_north(path[-1], words.subjects) and not _hedged(path[:-1], words):
                return True
    return False


def _subject_path(t: Token, span: Span) -> list[Token]:
    """The verbs from the wanting word up to its subject, and the subject last: its own,
    or its copula's ("Pyongyang is willing"); a pronoun stands for the nearest named
    subject, within the statement, of a clause it hangs under ("Kim wrote in a letter
    that he still wanted ..."); empty when it has none."""
    v = t.head if t.dep_ in ("acomp", "amod") and t.head.i != t.i else t
    path = [t, v]
    subj = _holder(v)
    if subj is None:
        return []
    for _ in range(4):
        if subj.lower_ not in _PRONOUNS or v.head.i == v.i or not span.start <= v.head.i < span.end:
            break
        v = v.head
        path.append(v)
        outer = _holder(v)
        subj = outer if outer is not None else subj
    return [*path, subj]


def _holder(v: Token) -> Token | None:
    """Who wants: a verb's subject, or a noun's possessor ("his willingness to talk",
    "Pyongyang's message that it is willing")."""
    deps = _SUBJECTS if v.pos_ in ("VERB", "AUX", "ADJ") else ("poss",)
    return next((c for c in v.children if c.dep_ in deps), None)


def _hedged(path: list[Token], words: OthersWish) -> bool:
    """A verb on the way is conditional ("if", "unless") or only possible ("could")."""
    return any(
        c.lower_ in words.hedges for v in path for c in v.children if c.dep_ in ("aux", "mark")
    )


def _is_north(subj: Token, subjects: frozenset[str]) -> bool:
    """The subject's own words (up to its head) name North Korea or its leader."""
    words = subj.doc[subj.left_edge.i : subj.i + 1].text
    low = words.lower()
    return country_of(words) == "PRK" or any(low == s or low.startswith(s + " ") for s in subjects)
