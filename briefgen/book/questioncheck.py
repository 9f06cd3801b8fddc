"""Is an open question sound enough to print (issue 11, part 6)?

Blind readers found open questions weak or garbled more often than useful; fewer and
sound beats many weak.  A question is printed only when its words read as one whole
question (quotes and brackets closed, no word doubled, no sentence run into it, not
ending on a word that needs more after it, not opening on a pronoun with nobody named),
it names who it is about (a country, an official or a proper name) and it, or the
main clause of the sentence it rests on, names the peninsula (else a kind of
development, with no state outside the peninsula's parties named).  A check of form,
not of the examples read: no word of a week's story is in it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from briefgen.book.trend import korea_tie, tied_itself
from briefgen.knowledge.countries import country_matches, country_offsets, peninsula_parties
from briefgen.knowledge.events import classify
from briefgen.model import Statement

# A question's own words end before its parenthesis ("(the condition Trump set)").
_ASIDE_RE = re.compile(r"\s\((?:[^()]*)\)\.?\s*$")
# Words that need more after them: a question that ends on one was cut off (a whole
# word: "Moon Jae-in?" ends on a name).
_DANGLING_RE = re.compile(
    r"(?:^|\s)(?:the|a|an|of|to|and|or|but|with|for|in|on|at|by|from|that|which|who|its|his|her|"
    r"their|our|is|are|was|were|be|been|will|would|than|as|into|about|after|before|not)"
    r"\s*[?.!]?\s*$",
    re.I,
)
_DOUBLED_RE = re.compile(r"\b(\w+)\s+\1\b", re.I)
# A second sentence run into the question ("… talks. The ministry said …?"): a lower-case
# word ends it, so a title's abbreviation ("Mr. Trump", "U.S. President") does not.
_RUN_ON_RE = re.compile(r"\b[a-z]{3,}[.!?]\s+[A-Z][a-z]")
# An auxiliary, then a pronoun that names nobody ("Will it …?", "Did they …?").
_PRONOUN_ASK_RE = re.compile(
    r"^(?:Watch for:\s+(?:whether|if|how|what|when|why)\s+|(?:Will|Would|Could|Can|Should|Is|"
    r"Are|Was|Were|Did|Does|Do|Has|Have|How|What|When|Why|Where)\s+(?:\w+\s+)?)"
    r"(?:it|they|he|she|this|that|these|those|there)\b",
    re.I,
)
_PROPER_NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)+\b")
MIN_WORDS, MAX_WORDS = 4, 45


def own_words(text: str) -> str:
    """The question without its closing parenthesis."""
    return _ASIDE_RE.sub("", text.strip())


def well_formed(text: str) -> bool:
    """The words read as one whole question or watch line (see the module docstring)."""
    words = own_words(text)
    n = len(words.split())
    if not MIN_WORDS <= n <= MAX_WORDS:
        return False
    if words.count("(") != words.count(")") or words.count("“") != words.count("”"):
        return False
    if words.count('"') % 2:
        return False
    if _DANGLING_RE.search(words) or _DOUBLED_RE.search(words):
        return False
    # a watch line quotes its question after a colon: only a question is checked for run-ons
    if not words.startswith("Watch for an answer") and _RUN_ON_RE.search(words[:-1]):
        return False
    return not _PRONOUN_ASK_RE.match(words)


def names_an_actor(text: str, officials: Mapping[str, str]) -> bool:
    """It says who it is about: a country, an official or a proper name."""
    words = own_words(text)
    return (
        bool(country_offsets(words))
        or any(n in words for n in officials)
        or bool(_PROPER_NAME_RE.search(words[1:]))
    )


def names_an_issue(q: Statement, officials: Mapping[str, str]) -> bool:
    """The question names the peninsula (trend.korea_tie), or the main clause of the
    sentence it rests on does (trend.tied_itself); a kind of development (talks,
    sanctions…) counts only when neither names a state outside the peninsula's parties:
    "The foreign ministers of Iran … are due to meet on Wednesday ahead of an October
    deadline…" in a week's report on the UN General Assembly is no matter of this
    brief's (a blind reader struck an Iran-deal item)."""
    words = own_words(q.text)
    if korea_tie(words, officials):
        return True
    basis = [part for part in q.basis.split(" / ") if part]
    if any(_elsewhere(t) for t in (words, *basis)):
        return False  # "Will Trump certify Iran's compliance?": another region's matter
    if any(tied_itself(part, officials) for part in basis):
        return True
    # a kind of development among the peninsula's parties only ("Asked if he supported
    # unconditional talks, Trump did not answer directly")
    return any(_kind(t) for t in (words, *basis))


def _elsewhere(text: str) -> bool:
    """The text names a state outside the peninsula's parties (data/countries.yaml
    peninsula_parties), as a question about Iran or Syria does."""
    parties = peninsula_parties()
    return any(m[3] not in parties for m in country_matches(text))


def _kind(text: str) -> bool:
    """A kind of development, not a bare "said it would" (a policy statement of any
    subject)."""
    tag = classify(text)
    return tag is not None and tag.kind != "statement"


def sound(q: Statement, officials: Mapping[str, str]) -> bool:
    """Print the question: well formed, naming an actor and an issue."""
    return (
        well_formed(q.text) and names_an_actor(q.text, officials) and names_an_issue(q, officials)
    )
