"""A watch-list sentence as the question a reader tracks.

Split from watchlist.py (issue 14's size limit): a pending matter ("…will begin talks
with Washington next week") as "Will South Korea begin talks…?", a condition an official
set ("…until North Korea takes concrete steps") as "Will North Korea take concrete
steps? (the condition Pence set)", a reported "would" as the "will" it was said as.
None whenever the sentence cannot be turned safely: a blind reader judged sentences
restated whole weak.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from briefgen.knowledge.countries import country_matches
from briefgen.knowledge.watch_cues import report_cue_re, reported_would_re

# Phrasing a pending matter as the question a reader tracks ("Will South Korea begin
# talks with Washington as early as next week on deploying THAAD?"): the marker's
# subject, its verb and what follows up to the clause's end.  A blind reader judged the
# sentences restated whole "a sentence turned into a question": weak.
_LEAD_MARKER_RE = re.compile(
    r"\b(?:will|(?:is|are) (?:expected|set|due|scheduled) to|plans? to|planning to|"
    r"intends? to|(?:has|have) yet to|agreed(?:\s+on\s+\w+)?\s+to)\s+(?!not\b|never\b|be\b|have\b)",
    re.I,
)
_CLAUSE_END_RE = re.compile(
    r"\s*(?:[,;:]|[“”\"]?(?<![A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)[.?!][”\"]?(?=\s|$)|\s[-–—]\s|"
    r"\s(?:and|but)\s(?=(?:\w+ed|said|told)\b)|\s(?:following|amid|because|while|but|"
    r"which|who|where|in response to|in a bid to|according to)\b)"
)


def clause_end(rest: str) -> int | None:
    """Where the clause that opens `rest` ends (a comma, a sentence's end, an aside or a
    new clause), or None when it runs to the end."""
    m = _CLAUSE_END_RE.search(rest)
    return m.start() if m else None


_HE_RE = re.compile(r"^(?:he|she|they)$", re.I)
_NAME_TAIL_RE = re.compile(
    r"((?:(?:Mr|Mrs|Ms|Dr|Gen)\.\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w’'-]+)\s*$"
)
# "The United States and South Korea said they would…": "they" are both.
_NAMES_TAIL_RE = re.compile(
    r"((?:The\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]+\s+and\s+(?:the\s+)?"
    r"(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]+)\s*$"
)


def as_question(text: str) -> str | None:
    """The pending matter of the sentence as a yes/no question, or None when it cannot be
    turned safely (no named subject, a clause too short or too long)."""
    text = re.sub(r"\s[-–—]\s[^-–—]{1,80}\s[-–—]\s", " ", text)  # an aside in dashes
    m = _LEAD_MARKER_RE.search(text)
    if m is None:
        return None
    before = text[: m.start()].rstrip()
    cues = list(report_cue_re().finditer(before))
    speaker_part = before[: cues[-1].start()] if cues else ""
    subject = before[cues[-1].end() :] if cues else before
    subject = re.split(r",\s+", subject)[-1].strip()
    if _HE_RE.match(subject):
        tail = re.split(r",\s+", speaker_part.rstrip(" ,"))[-1]
        both = _NAMES_TAIL_RE.search(tail) if subject.lower() == "they" else None
        named = both or _NAME_TAIL_RE.search(tail)
        if named is None:
            return None
        subject = named.group(1)
    lowered = re.match(r"(?:The|A|An)\s+\w|the\s+[A-Z]", subject) is not None
    if lowered:
        subject = subject[0].lower() + subject[1:]  # "Will the North Korean leader meet…?"
    if not (1 <= len(subject.split()) <= 8) or not (subject[:1].isupper() or lowered):
        return None
    if _PRONOUN_OPEN_RE.match(subject) or _HE_RE.match(subject.split()[0]):
        return None
    rest = text[m.end() :]
    end = _CLAUSE_END_RE.search(rest)
    clause = (rest[: end.start()] if end else rest).strip().rstrip(".,;:")
    if clause.count("“") != clause.count("”"):
        clause = clause.replace("“", "").replace("”", "")
    if clause.count('"') % 2:
        clause = clause.replace('"', "")
    if not 1 <= len(clause.split()) <= 24 or too_vague(subject, clause):
        return None
    return f"Will {subject} {clause}?"


def backshifted(text: str) -> str:
    """The sentence with a reported "would" told as the "will" it was said as ("Haley told
    the Council that the United States would propose new sanctions in coming days")."""
    return reported_would_re().sub(r"\1will", text, count=1)


# Words after a verb that name nothing to track ("follow through", "go ahead").
_BARE_RE = re.compile(
    r"^[\w’'-]+(?:\s+(?:through|up|out|on|off|back|down|ahead|forward|soon|again|now|"
    r"in|over|along|it|so))*$",
    re.I,
)


def too_vague(subject: str, predicate: str) -> bool:
    """A yes/no question with nothing to track beyond its verb ("Will the unpredictable
    North Korean leader follow through?", judged weak): a bare verb, unless the subject
    names the parties ("Will Kim and Trump meet?")."""
    return bool(_BARE_RE.match(predicate.strip())) and not re.search(r"\b(?:and|with)\b", subject)


_OPEN_CONDITION_RE = re.compile(
    r"\b(?:unless|until|as long as|only if|on (?:the )?condition that|provided that|so long as)"
    r"\s+",
    re.I,
)
# An exchange is an offer to watch only when told as one ("are proposing", "would be
# willing"); "had not raised its demand … in exchange for…" offers nothing.
_OFFER_RE = re.compile(r"\b(?:propos\w*|offer\w*|suggest\w*|willing|ready|would|could)\b", re.I)
_EXCHANGE_RE = re.compile(r"\b(?:in exchange for|in return for)\b", re.I)
# An exchange told as an offer ("are proposing…", "would be willing…"), not as done.
_DONE_DEAL_RE = re.compile(r"\b(?:secured|won|obtained|got|received|agreed)\b", re.I)
_LEAD_NAME_RE = re.compile(
    r"^((?:(?:Mr|Mrs|Ms|Dr|Gen)\.\s+)?(?:[A-Z][\w.’'-]*\s+){0,5}[A-Z][\w’'-]+)"
)


def base_verb(word: str) -> str | None:
    """'takes' -> 'take', 'carries' -> 'carry', 'has' -> 'have'; None if no present verb."""
    w = word.lower()
    if w in ("has", "does", "goes", "is"):
        return {"has": "have", "does": "do", "goes": "go", "is": "be"}[w]
    if not w.isalpha() or not w.endswith("s") or w.endswith("ss") or w != word:
        return None
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes", "zes")):
        return w[:-2]
    return w[:-1]


def condition_question(text: str, officials: Collection[str] = ()) -> str | None:
    """'…will keep the pressure until North Korea takes concrete steps' as 'Will North
    Korea take concrete steps? (the condition Pence set)'; told in the past of reported
    speech ('…until North Korea dismantled its program', '…until a deal was reached'), as
    whether it has been met.  None when the condition is not a clause of a named subject
    and a present or regular past verb.  The setter is named when the sentence gives it:
    a country, one of `officials` (names of the period's officials) or whoever speaks."""
    m = _OPEN_CONDITION_RE.search(text)
    if m is None:
        ex = _EXCHANGE_RE.search(text)
        offer = _OFFER_RE.search(text[: ex.start()]) if ex else None
        if ex and offer and not _DONE_DEAL_RE.search(text):
            # an offer of one thing for another: whether it is taken up is what to watch,
            # asked of whoever made it (the sentence itself is shown as its evidence)
            maker = _offerer(text[: offer.start()])
            if maker:
                return f"Will {maker}’s offer be taken up?"
            return f"Will the offer be taken up? {text}"
        return None
    rest = text[m.end() :]
    end = _CLAUSE_END_RE.search(rest)
    clause = (rest[: end.start()] if end else rest).strip().rstrip('.,;:”"')
    if re.match(r"(?:it|they)\s", clause):
        # "…pressure on North Korea until it dismantles": the country named last before
        named = country_matches(text[: m.start()])
        if not named:
            return None
        clause = text[named[-1][0] : named[-1][1]] + clause[clause.index(" ") :]
    words = clause.split()
    at = next((i for i, w in enumerate(words[:7]) if w[:1].islower()), None)
    passive = next((i for i, w in enumerate(words[:7]) if w in ("was", "were")), None)
    if passive and words[0][:1].islower() and not _PRONOUN_RE.match(words[0]):
        at = passive  # "until a political settlement was reached": a thing to be done
    elif not at or not words[0][:1].isupper() or _PRONOUN_OPEN_RE.match(clause):
        return None
    if not 1 <= len(words) - at <= 20:
        return None
    clause = clause.replace("“", "").replace("”", "").replace('"', "")
    words = clause.split()
    subject, rest = " ".join(words[:at]), " ".join(words[at + 1 :])
    verb = None if words[at] in ("was", "were") else base_verb(words[at])
    if verb is not None:
        q = f"Will {subject} {verb} {rest}".rstrip() + "?"
    else:
        # Told in the reporting verb's past ("sanctions would stay until North Korea
        # dismantled its program", "until a deal was reached"): asked whether it has
        # been met, in the participle the past form of a regular verb shares.
        q_past = _met_yet(subject, words[at], rest)
        if q_past is None:
            return None
        q = q_past
    cue = report_cue_re().search(text[: m.start()])
    head = text[: cue.start()] if cue else text[: m.start()]
    who = _LEAD_NAME_RE.match(re.split(r",\s+", head.strip())[0])
    if who and not cue and not (country_matches(who.group(1)) or who.group(1) in officials):
        return q  # "Sanctions would stay until…": no one named who set it
    if who is None:
        return q
    setter = re.sub(r"^The\s", "the ", who.group(1))
    return f"{q} (the condition {setter} set)"


_PRONOUN_OPEN_RE = re.compile(r"^(?:It|This|That|These|Those|There|We|I|You)\b")


def _offerer(head: str) -> str | None:
    """Who makes the offer told after `head` ("In a joint statement, China and Russia are
    proposing…" -> "China and Russia"): the name just before the verb and its auxiliaries,
    a country or parties named in full."""
    head = re.sub(r"(?:\s+(?:are|is|was|were|would|be|been|has|have|also|now))+\s*$", "", head)
    named = _NAMES_TAIL_RE.search(head) or _NAME_TAIL_RE.search(head)
    if named is None:
        return None
    who = named.group(1)
    who = re.sub(r"^(?:In|On|At|But|And|That)\s+", "", who)
    hits = country_matches(who)
    return who if hits and hits[0][0] == 0 else None


_PRONOUN_RE = re.compile(r"^(?:it|this|that|these|those|there|we|i|you|he|she|they)$", re.I)
# A regular verb's past, which is its participle too ("tempered", "agreed"), not an
# irregular one ("took", "gave") nor a word in -ed that is no verb ("red").
_REGULAR_PAST_RE = re.compile(r"^[a-z]{2,}[^e]ed$|^[a-z]{2,}eed$|^[a-z]{2,}ied$")


def _met_yet(subject: str, verb: str, rest: str) -> str | None:
    """'North Korea' 'dismantled' 'its program' -> 'Has North Korea dismantled its
    program?'; 'a deal' 'was' 'reached' -> 'Has a deal been reached?'."""
    words = rest.split()
    if verb in ("was", "were") and words and _REGULAR_PAST_RE.match(words[0]):
        aux = "Have" if verb == "were" else "Has"
        return f"{aux} {subject} been {rest}?"
    if not _REGULAR_PAST_RE.match(verb) or not words:
        return None
    named = country_matches(subject)
    one = bool(named) and named[0][0] <= 4 and named[0][1] >= len(subject) - 1
    plural = not one and subject.endswith("s") and not subject.endswith("ss")
    return f"{'Have' if plural else 'Has'} {subject} {verb} {rest}?"
