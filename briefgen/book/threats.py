"""Threats, pledges and conditions an actor of the peninsula stated in the period, as
what to watch.

An analyst tracks what a side said it would do: "North Korea's foreign minister
threatened to test a hydrogen bomb in the atmosphere" leaves open whether it will, and
the test (or its withdrawal) resolves it.  Asked as "Will North Korea test a hydrogen
bomb in the atmosphere? (threatened by North Korea's foreign minister)", of the country
whose state or official made it, named in the words before the verb (never a pronoun:
"A day after he threatened…" tells an earlier threat in passing).  Only the period's
news tied to the peninsula, said by a country or its official; not a standing threat
("has long threatened"), not a guess, not a columnist's own words.

A condition a side set on another ("…promised “grave consequences” if the U.S. does not
agree to a joint investigation") is asked of the side it binds: "Will the U.S. agree to
a joint investigation? (the condition North Korea set)"; only a named party and a verb
in the present (or "does not" and its verb), never a reported past ("if Pyongyang
continued…", whose sense a rule cannot tell).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from briefgen.book.moves import own_move
from briefgen.book.officialvoice import voices
from briefgen.book.reports import dated_before
from briefgen.book.summarize import SentenceCandidate, SentencePool
from briefgen.book.trend import korea_tie, tied_itself
from briefgen.book.watchlist import distinct_lines, writers_own
from briefgen.book.watchphrase import base_verb, clause_end, too_vague
from briefgen.knowledge.countries import country_matches, country_name
from briefgen.knowledge.events import speculative
from briefgen.model import Statement
from briefgen.periods import Period

# The verb of a stated intent and its infinitive ("threatened on Sunday to sink…").
_INTENT_RE = re.compile(
    r"\b(threaten(?:ed|s)|vow(?:ed|s)|pledg(?:ed|es)|promis(?:ed|es))\s+"
    r"(?:(?:on|this|last|late|early)\s+\w+\s+|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?"
    r"to\s+(?![“\"]?(?:be|have)\b)"
)
# A standing or earlier intent, not the period's: "has long threatened", "had vowed".
_STANDING_RE = re.compile(
    r"\b(?:had\s+(?:\w+ly\s+)?|(?:has|have)\s+(?:long|also|repeatedly|often|\w+ly)\s+)$", re.I
)
# The subject phrase begins after the last clause break before the verb.
_BREAK_RE = re.compile(r".*(?:[,;:—–]|\bthat\b|\bafter\b|\bwhen\b|\bas\b)\s*", re.S)
_PRONOUN_RE = re.compile(r"^(?:he|she|it|they|we|i|this|that|which|who)\b", re.I)
_PAST = {"threa": "threatened", "vowed": "vowed", "vows": "vowed", "pledg": "pledged"}
_PAST |= {"promi": "promised"}
_NAME = r"(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*"
_LEAD_NAME_RE = re.compile(rf"^((?:The\s+)?{_NAME}(?:\s+and\s+(?:the\s+)?{_NAME})?)")
_TRAILING_RE = re.compile(
    r"(?:\s+(?:also|too|jointly|both|again|now|then|has|have|all but|reportedly|repeatedly))+$"
)
_JOINT_RE = re.compile(r"^(?:[A-Z][\w.’'-]*\s+){1,4}and\s+(?:the\s+)?[A-Z]")
# What follows the intent's own clause: its time or occasion ("…on North Korea after a
# Washington Post story Monday").
_OCCASION_RE = re.compile(
    r"\s(?:after|before|during|in response to|unless|if|as|while|when|amid)\s"
)
# How things have stood, not the period's news: "Since taking office, Trump has threatened…".
_SINCE_RE = re.compile(r"^(?:Since|For (?:years|months|decades))\b|\b(?:long|repeatedly)\b")
# A party named only by an earlier sentence ("the country", "the regime").
_WHICH_RE = re.compile(r"\bthe (?:country|nation|regime|state)\b")
# A present perfect ("Trump has threatened to…") is the period's news only when the
# sentence gives it a day of the period; else it is how things stand.
_PERFECT_RE = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?$")
MAX_THREATS = 2
MIN_WORDS, MAX_WORDS = 3, 20  # "do everything": nothing to track


def _speaker(head: str, code: str, officials: Mapping[str, str]) -> str | None:
    """The subject phrase before the verb when it names the country or one of its
    officials ("North Korea's foreign minister", "Kim"); None for a pronoun or another."""
    m = _BREAK_RE.match(head)
    subject = (head[m.end() :] if m else head).strip()
    if re.search(r"\band$", subject):  # "North Korea called the drills … and threatened"
        lead = _LEAD_NAME_RE.match(subject)
        subject = lead.group(1) if lead else ""
    subject = re.sub(r"^(?:and|but|while)\s+", "", _TRAILING_RE.sub("", subject))
    if not subject or _PRONOUN_RE.match(subject) or len(subject.split()) > 10:
        return None
    named = country_matches(subject)
    if _JOINT_RE.search(subject):
        return subject  # "Mr. Kim and the South's President Moon": asked of both
    if named:
        return subject if named[0][3] == code else None
    return subject if any(n in subject and c == code for n, c in officials.items()) else None


def _tail(clause: str) -> str:
    """The clause without its closing punctuation; an abbreviation keeps its point
    ("…attacks the U.S.")."""
    clause = clause.strip().rstrip(",;:")
    return clause if re.search(r"\b[A-Z]\.$", clause) else clause.rstrip(".")


def as_subject(code: str) -> str:
    """The country's name as a question's subject ("the United States", "North Korea")."""
    name = country_name(code)
    return f"the {name}" if re.match(r"(?:United|European)\s", name) else name


def intent_question(text: str, code: str, officials: Mapping[str, str]) -> tuple[str, str] | None:
    """'North Korea threatened Sunday to sink a U.S. aircraft carrier…' as ('Will North
    Korea sink a U.S. aircraft carrier…? (threatened by North Korea)', 'threat'); None
    when the sentence states no intent of the country `code` that a reader can track."""
    m = _INTENT_RE.search(text)
    if m is None or _STANDING_RE.search(text[: m.start()]) or _SINCE_RE.search(text[: m.start()]):
        return None
    who = _speaker(text[: m.start()], code, officials)
    if who is None:
        return None
    rest = text[m.end() :]
    end = clause_end(rest)
    clause = _OCCASION_RE.split(_tail(rest[:end] if end is not None else rest), maxsplit=1)[0]
    clause = clause.replace("“", "").replace("”", "").replace('"', "")
    n = len(clause.split())
    if not MIN_WORDS <= n <= MAX_WORDS or too_vague(country_name(code), clause):
        return None
    if _WHICH_RE.search(clause):
        return None  # "…to totally destroy the country": which, an earlier sentence said
    kind = "threat" if m.group(1).startswith("threaten") else "pledge"
    said = _PAST[m.group(1)[:5]]
    who = re.sub(r"^The\s", "the ", who)
    if _JOINT_RE.search(who):
        return f"Will {who} {clause}? ({said} jointly)", kind
    return f"Will {as_subject(code)} {clause}? ({said} by {who})", kind


def _before_verb(text: str) -> str:
    """The words before the intent's verb: a guess there ("could threaten") is no intent."""
    m = _INTENT_RE.search(text)
    return text[: m.start()] if m else text


def stated_intents(
    pool: SentencePool, cite: Callable[[str], int | None], period: Period | None = None
) -> list[Statement]:
    """The period's threats and pledges of the peninsula's actors, best first (see the
    module docstring); each rests on its cited sentence."""
    names = pool.official_countries
    picks: list[tuple[SentenceCandidate, str, str]] = []
    seen: set[str] = set()
    cands = sorted(pool.usable_candidates(), key=lambda c: (-c.score, c.key()))
    for c in cands:
        code = c.doer or c.subject
        if (
            code is None
            or c.news < 0
            or dated_before(c, period)
            or writers_own(c)
            or speculative(_before_verb(c.text))
        ):
            continue
        verb = _INTENT_RE.search(c.text)
        if verb is None or (c.news <= 0 and _PERFECT_RE.search(c.text[: verb.start()])):
            continue
        found = intent_question(c.text, code, names)
        # the peninsula is the matter: named in the question, or in the sentence's own
        # main clause ("Trump … threatened to tear up the nuclear deal negotiated with
        # Iran" is not this brief's)
        if found is None or not (korea_tie(found[0], names) or tied_itself(c.text, names)):
            continue
        if code in seen:
            continue  # one per side: its clearest (the North's "righteous action" and
            # "thousands-fold revenge" answered one resolution)
        seen.add(code)
        picks.append((c, found[0], found[1]))
    out: list[Statement] = []
    taken: list[SentenceCandidate] = []
    for kind in ("threat", "pledge"):
        if len(out) >= MAX_THREATS:
            break
        mine = ((c, q) for c, q, k in picks if k == kind)
        out += distinct_lines(mine, kind, MAX_THREATS - len(out), cite, taken)
    return out


# A condition set with its consequence before it ("…would face consequences if…", "…
# promised grave consequences if…"): the party bound, "does not" and the verb, the rest.
_IF_RE = re.compile(
    r"\bif\s+((?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)\s+"
    r"(?:(?:does|do)\s+not\s+|(?:doesn|don)[’']t\s+)?([a-z]+)\s+(.+)$"
)
_CONSEQUENCE_RE = re.compile(
    r"\b(?:will|would|won[’']t|must|shall|consequences?|respond|response|retaliat\w*|"
    r"promised|warned|threatened|vowed)\b",
    re.I,
)


def _set_by(head: str, code: str, officials: Mapping[str, str]) -> bool:
    """The words before the consequence name the side `code` as who set it: the subject
    before the verb ("a spokesman for North Korea's Foreign Ministry promised…", "The US
    will respond…") or the sentence's opening ("China's government, via state media,
    said…"); not "A day after he threatened…" (an earlier threat told in passing)."""
    m = _BREAK_RE.match(head)
    for phrase in (head[m.end() :] if m else head, head.split(",", 1)[0]):
        phrase = phrase.strip()
        if not phrase or _PRONOUN_RE.match(phrase):
            continue
        if _speaker(phrase + " ", code, officials) or voices(phrase, code, officials):
            return True
    return False


def condition_set(text: str, code: str, officials: Mapping[str, str]) -> str | None:
    """'…promised "grave consequences" if the U.S. does not agree to a joint
    investigation' (`code` the side that set it) as 'Will the U.S. agree to a joint
    investigation? (the condition North Korea set)'; None when no named other party is
    bound by a verb in the present."""
    m = _IF_RE.search(text)
    said = _CONSEQUENCE_RE.search(text[: m.start()]) if m else None
    if m is None or said is None or not _set_by(text[: said.start()], code, officials):
        return None
    party, verb, rest = m.group(1), m.group(2), m.group(3)
    bound = country_matches(party)
    named = bound[0][3] if bound else officials.get(re.sub(r"^the\s+", "", party))
    if named is None or named == code:
        return None
    negated = bool(re.search(r"\b(?:not|n[’']t)\s+$", text[: m.start(2)]))
    base = verb if negated else base_verb(verb)
    if base is None or base == "be" or verb in ("was", "were", "did"):
        return None
    end = clause_end(rest)
    clause = _tail(rest[:end] if end is not None else rest)
    clause = _OCCASION_RE.split(clause, maxsplit=1)[0].replace("“", "").replace("”", "")
    if not 1 <= len(clause.split()) <= MAX_WORDS or '"' in clause:
        return None
    return f"Will {party} {base} {clause}? (the condition {as_subject(code)} set)"


_SAID_RE = re.compile(r"\b(?:promised|warned|threatened|vowed|said|says|told)\b")


def _voiced(text: str, code: str, officials: Mapping[str, str]) -> bool:
    """The country's state or official set it: told as its own move, or said by a
    speaker who speaks for it ("a spokesman for North Korea's Foreign Ministry promised")."""
    if own_move(text, code, officials):
        return True
    m = _SAID_RE.search(text)
    if m is None:
        return False
    head = _BREAK_RE.match(text[: m.start()])
    phrase = text[head.end() if head else 0 : m.start()].strip()
    return bool(phrase) and voices(phrase, code, officials)


def stated_conditions(
    pool: SentencePool, cite: Callable[[str], int | None], period: Period | None = None
) -> list[Statement]:
    """Conditions a side of the peninsula set on another in the period (condition_set),
    said by its official or told as the state's own move (moves.own_move), best first."""
    names = pool.official_countries
    picks: list[tuple[SentenceCandidate, str]] = []
    for c in sorted(pool.usable_candidates(), key=lambda c: (-c.score, c.key())):
        code = c.doer or c.subject
        if (
            code is None
            or (c.official < 0.5 and not _voiced(c.text, code, names))
            or c.news < 0
            or dated_before(c, period)
            or writers_own(c)
            or not korea_tie(c.text, names)
        ):
            continue
        q = condition_set(c.text, code, names)
        if q is not None:
            picks.append((c, q))
    return distinct_lines(picks, "condition", MAX_THREATS, cite, [])
