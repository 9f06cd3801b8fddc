"""Whether a statement only narrates a past event, from its parse.

"The latest talks were held at Panmunjom", "it had developed the ability to strike the
U.S. mainland", "U.N. sanctions had banned 90 percent of its exports": the words name an
issue, and the stance model reads a want into them (talks +1 at 0.83, military force +1
at 0.95), but the speaker says what happened, not what it wants.  A statement narrates
when every main verb of its words (a verb whose head lies outside the statement, as the
reported clause under "said") is past (simple past, or a participle under had / was /
were / has been) and is not itself a stance cue ("cancelled", "shut", "vowed" are acts or
wants), and nothing in it wants, judges or speaks in the first person: no modal, no
present-tense verb, no question, no word of volition or judgement, no "I" or "we"
(data/stance_cues.yaml narration).  The stance model's vetoes use it (nlp/stance.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.knowledge.issues import issues_mentioned
from briefgen.knowledge.stance_cues import cue_regexes, narration_words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_PAST_AUX = frozenset({"was", "were", "had", "been", "has", "have", "'d"})
_PRESENT = frozenset({"VBZ", "VBP", "MD"})


def narrates(span: Span) -> bool:
    """The statement only reports a past event (see the module's docstring)."""
    words = narration_words()
    for t in span:
        low = t.lower_
        if t.tag_ in _PRESENT or low == "?" or low in words.first_person:
            return False
        if t.lemma_.lower() in words.volition or low in words.volition:
            return False
        if t.lemma_.lower() in words.judgement or low in words.judgement:
            return False
    mains = [
        t
        for t in span
        if t.pos_ not in ("PUNCT", "SPACE")
        and (t.head == t or not (span.start <= t.head.i < span.end))
    ]
    verbs = [t for t in mains if t.pos_ in ("VERB", "AUX")]
    return bool(verbs) and len(verbs) == len(mains) and all(_past_event(v) for v in verbs)


def _past_event(v: Token) -> bool:
    """A past verb that is no copula, no duty ("had to") and no stance cue."""
    if v.lemma_.lower() == "be" or (
        v.lemma_.lower() == "have" and any(c.dep_ == "xcomp" for c in v.children)
    ):
        return False
    auxes = [c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")]
    past = v.tag_ == "VBD" or (v.tag_ == "VBN" and any(a in _PAST_AUX for a in auxes))
    if not past:
        return False
    cues = cue_regexes()
    low, lemma = v.lower_, v.lemma_.lower()
    # "held" is a push cue ("held talks"), but "the talks were held" only narrates; and
    # a cue verb whose subject is the issue itself, with no object, is what the issue
    # did ("the talks ended on Monday"), not what someone did to it
    if lemma == "hold" or _issue_did(v):
        return True
    return not any(
        cues[c].search(low) or cues[c].search(lemma) for c in ("push", "against", "threat")
    )


def _issue_did(v: Token) -> bool:
    """The verb's subject names an issue (its terms) and it has no object."""
    if any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in v.children):
        return False
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    return subj is not None and bool(issues_mentioned(subj.text))
