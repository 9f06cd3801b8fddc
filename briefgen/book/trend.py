"""Trend marker per country: what it did and said this period against the period before.

A country's *moves* are its own developments (acts of its officials and bodies: a launch,
sanctions imposed, a summit cancelled, tests suspended, talks offered; data/events.yaml
says which way each points) and the stated positions of its own officials (supporting
sanctions escalates, supporting talks engages).  This period's moves come from the same
data its section shows: the developments, the positions and the sentences that tell the
country's own act (the judgement's among them), so the marker never says "none found"
beside a section that shows the country acting.  A country's report or verdict on
another's act is no act of its own ("China's ambassador told the Council that the
missile launch was a flagrant violation" is no Chinese launch).

The marker and its basis in words: book/trendbasis.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from briefgen.book.moves import opening, own_move
from briefgen.book.parties import meeting_tag, meets_with, party_event, party_to
from briefgen.book.reports import opinion
from briefgen.book.sentences import first_sentence
from briefgen.book.sharedacts import allies_among_themselves
from briefgen.book.summarize import official_countries

# The marker and its words live in book/trendbasis.py; importers of these names find them here.
from briefgen.book.trendbasis import STATED as STATED
from briefgen.book.trendbasis import Move as Move
from briefgen.book.trendbasis import fullest
from briefgen.book.trendbasis import merged as merged
from briefgen.book.trendbasis import trend as trend
from briefgen.corpus.relevance import mentions_peninsula
from briefgen.knowledge.countries import country_matches
from briefgen.knowledge.events import (
    classify,
    event_actions,
    event_kinds,
    issue_direction,
    kind_label,
    speculative,
)
from briefgen.knowledge.issues import get_issue, issue_name
from briefgen.knowledge.named import named_matches
from briefgen.knowledge.watch_cues import own_report_re, peninsula_issue_re, reaction_re
from briefgen.model import OFFICIAL_KINDS, Actor, Development, Position

MIN_CONFIDENCE = 0.5


def development_phrase(d: Development) -> str:
    """'missile launch', 'sanctions imposed', 'summit cancelled' ('agreement', not
    'agreement agreed')."""
    return phrase(d.kind, d.action)


def phrase(kind: str, action: str) -> str:
    """A kind of development and what happened to it, in words (development_phrase)."""
    label = kind_label(kind) if kind else "statement"
    if action in ("", "held") or action[:5] in label:
        return label
    if action in ("eased", "cancelled") and kind in ("missile_launch", "nuclear_test"):
        # "suspend nuclear and missile tests", "scrap": a halt, never "missile launch"
        return f"halt of {label}es" if label.endswith("launch") else f"halt of {label}s"
    if kind not in _ACTS_ON.get(action, ()):
        return label  # "missile launch imposed", "talks eased": the action misread
    return f"{label} {action}"


# The kinds each action reads right with ("sanctions imposed", "summit cancelled").
_ACTS_ON: dict[str, tuple[str, ...]] = {
    "imposed": ("sanctions", "un_action"),
    "applied": ("sanctions",),
    "eased": ("sanctions", "exercise", "deployment"),
    "cancelled": ("summit", "talks", "exercise", "visit", "agreement", "inter_korean"),
    "agreed": ("summit", "talks", "visit", "inter_korean"),
    "released": ("detention",),
    "threatened": ("summit", "talks", "agreement"),
}


def position_words(p: Position) -> str:
    """The stance in the words of data/issues.yaml ("favours talks now"), never the issue's
    key: a position read from an older record or a desk file may carry no label."""
    label = p.label.strip()
    if label and "_" not in label:
        return label
    try:
        return get_issue(p.issue).label(p.stance, p.country)
    except KeyError:
        return f"{'for' if p.stance > 0 else 'against'} {issue_name(p.issue)}"


def move_words(kind: str, action: str, how: str, threat_of: bool = True) -> str:
    """A move in words a reader understands: "threatened missile launch", "threat to the
    summit", "threats"; what the country's own words say may come, "sanctions eased, said
    to be possible".  `threat_of`: the threat is of the kind's act (its words come just
    after the threat's), else it is said as "threats"."""
    if action == "threatened":
        label = kind_label(kind)
        if not threat_of:
            what = "threats"
        elif kind in _ACTS_ON["threatened"]:
            what = f"threat to the {label}"
        elif kind != "threat" and any(k.kind == kind and k.direction > 0 for k in event_kinds()):
            what = f"threatened {label}"  # a hostile act threatened: "threatened sanctions"
        else:
            what = "threats"
    else:
        what = phrase(kind, action)
    return f"{what}, said to be possible" if how == STATED_ONLY else what


def speaks_for(p: Position, code: str, actors: Mapping[str, Actor]) -> bool:
    """The position is the country's own: the country, or one of its official actors."""
    if p.holder_kind == "country":
        return p.holder == code
    a = actors.get(p.holder)
    return a is not None and a.country == code and a.kind in OFFICIAL_KINDS


def moves_of(
    code: str,
    developments: Sequence[Development],
    positions: Sequence[Position],
    actors: Sequence[Actor],
) -> list[Move]:
    """The country's developments and its officials' stated positions, one move each.

    A development counts as the country's move only when its sentence tells it as one
    (book/moves.py, as for the judgement): a launch a development finder credits to the
    United States because "U.S. officials said" it failed is North Korea's, and read as
    America's it made the marker swing on nothing the country did."""
    by_id = {a.actor_id: a for a in actors}
    officials = official_countries(actors)
    out: dict[str, Move] = {}
    days: dict[str, set[object]] = {}
    for d in developments:
        if not d.kind:
            continue  # whoever the finder filed it under: its sentence says whose act
        # the development's sentence read as the section's are: its own clause, no habit
        # tied to the Koreas by any of its reports, not only the one it is told by
        tied = any(korea_tie(t, officials) for t in [d.text, *(e.text for e in d.sentences)])
        for m in sentence_moves([first_sentence(d.text)], code, officials, tied=tied):
            # its words kept; an act of the period, as before (said=False)
            told = [*(out[m.what].article_ids if m.what in out else ()), *d.article_ids]
            out[m.what] = replace(
                out.get(m.what, m), article_ids=tuple(dict.fromkeys(told)), said=False
            )
            # a day only when stated: two guessed dates may be one event told twice
            days.setdefault(m.what, set()).update([d.when] if not d.date_is_estimate else [])
    # one move per kind, counted once per day it was done (a development is one event
    # however many articles told it): launches on three stated days weigh three
    for what, when in days.items():
        if not out[what].said:
            out[what] = replace(out[what], acts=max(1, len(when - {None})))
    for p in positions:
        if p.confidence < MIN_CONFIDENCE or not speaks_for(p, code, by_id):
            continue
        # "demands or commits to denuclearization" points neither way: a basis, no lean
        direction = issue_direction(p.issue) * (1 if p.stance > 0 else -1)
        ids = {e.article_id for e in p.evidence}
        label = position_words(p)
        # several official voices stating one position: the move cites each one's words
        # (the first voice's alone cited one article where three told it)
        if label in out and out[label].said:
            ids |= set(out[label].article_ids)
        out[label] = out.get(label) or Move(label, direction, (), said=True)
        if out[label].said:
            out[label] = replace(out[label], article_ids=tuple(sorted(ids)))
    return sorted(out.values(), key=lambda m: m.what)


# The country itself in the words just before the event ("said it would conduct a test").
_OWN_REF_RE = re.compile(r"\b(?:it|its|we|our|they|their|itself)\b", re.I)


def reacts_to(text: str, code: str) -> bool:
    """The sentence tells the country speaking of an event, not making it: a reporting
    verb (data/watch_cues.yaml) comes before the event's words, and those words are not
    said of itself ("China's envoy told the Council that the missile launch was a
    violation" is China's reaction to the North's launch, not a Chinese launch)."""
    tag = classify(text)
    at = text.find(tag.trigger) if tag is not None and tag.trigger else -1
    verb = reaction_re().search(text)
    if at < 0 or verb is None or verb.start() > at:
        return False
    near = text[verb.end() : at]
    named = country_matches(near)
    if any(m[3] == code for m in named):
        return False
    # "it"/"its" is the country's own only when no other country is named before it
    # ("Trump said he believes North Korea is sincere in its peace talks": the North's)
    return not (_OWN_REF_RE.search(near[-40:]) and not named)


def _reported_stance(text: str) -> bool:
    """After the reporting verb, what may or should come with no country named as its
    doer: "the ministry said that sanctions could be lifted" is a stance of the speaker's,
    "Seoul said North Korea could launch a missile" its reading of another's act."""
    tag = classify(text)
    verb = reaction_re().search(text)
    if tag is None or verb is None:
        return False
    at = text.find(tag.trigger)
    near = text[verb.end() : max(at, verb.end())]
    return not country_matches(near) and bool(_MAYBE_RE.search(text[verb.end() :]))


# Where the country's own clause ends: what follows is another's act, a reason, the time
# or a description ("…vowed revenge after the UN imposed sanctions", "…closing the site,
# where it has tested six bombs", "Trump has pushed China to pressure North Korea to halt…",
# "open to talks with Mr. Kim by May — the same month … he will scrap the Iran accord").
_CLAUSE_END_RE = re.compile(
    r",\s*(?:which|where|who|whose|when|while|as|after|amid)\b"
    r"|\s(?:after|amid|while|when|because|since|following|despite|until|unless|if)\s"
    r"|\sas\s(?!(?:a|an|part|well|much|many|long|soon|if|though)\b)"
    r"|\s(?:in response to|in reaction to|ahead of|in the wake of)\s"
    r"|\s[—–]\s"  # an aside after a spaced dash ("…by May — the month he will scrap…")
    r"|\b(?:urged|urges|urging|pushed|pushes|pushing|pressed|presses|pressing|pressured|"
    r"pressures|pressuring|asked|asks|asking|demanding|"
    r"called on|calls on|persuade\w*|demanded|demands|wants|wanted|told|pointed to|cited|"
    r"reacted|reacts|responded|responds|referencing|referring)\b",
    re.I,
)
# A perfect or present of habit, not the period's act ("has frequently tested missiles").
_HABIT_RE = re.compile(
    r"\b(?:frequently|repeatedly|consistently|often|routinely|always|usually|long|already|"
    r"so far|for (?:(?:more than|over|nearly|almost|about) )?(?:\w+ )?(?:years|decades|months)|"
    r"in the past|previous(?:ly)?|years of|in total|to date|spent (?:\w+ )?(?:years|decades))\b"
    # a count of past events ("has conducted five nuclear tests", "dozens of missiles")
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|dozens of|scores of)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:tests|launches|missiles|rockets|summits|rounds)\b",
    re.I,
)
# A record told in the perfect with a plural object ("North Korea has successfully
# launched intercontinental ballistic missiles", in a week it launched none: 2017-W47).
_RECORD_RE = re.compile(
    r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:launched|tested|fired|conducted|test-fired)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:missiles|ICBMs|tests|launches|rockets|bombs|weapons)\b",
    re.I,
)


def tells_record(text: str) -> bool:
    """The sentence's own clause tells a record of acts, not one of the period."""
    return _RECORD_RE.search(own_clause(opening(text))) is not None


# A pledge, a commitment or a hoped-for deal is no agreement made with another party.
_NO_AGREEMENT_RE = re.compile(r"^(?:pledg|promis|commit|deal|denucl|accord)", re.I)


# The country has a thing, it does nothing ("Trump has codes to launch 800 missiles"):
# "has" before the subject's first participle is possession, not a perfect.
_HAS_THING_RE = re.compile(
    r"^(?:[\w.’'-]+\s+){1,6}?(?:has|have|had)\s+(?!(?:not\s+|never\s+|also\s+|now\s+|just\s+)?"
    r"(?:\w+ly\s+)?(?:been|\w+(?:ed|en|wn|ne|un|ght|lt|nt|pt|ft|id|ld))\b)"
)
# A negation before the event's words: the country says it will not ("would never put its
# nuclear deterrent on the negotiating table"); its stated position says which way.
_NEGATED_RE = re.compile(
    r"\b(?:not|never|no(?!\s+more\b)|no longer|without|refus\w*|yet to)\b|n[’']t\b", re.I
)
# A negation just after the event's words: "the talks did not take place", "agreed to
# nothing".
_NEGATED_AFTER_RE = re.compile(
    r"^[^,;.]{0,30}?\b(?:was|were|is|are|did|does|do|has|have|had|will|would)\s*"
    r"(?:not|never|n[’']t)\b|^\s*(?:to|on|upon)\s+(?:nothing|none|no)\b",
    re.I,
)
# A denial is no event: "North Korea denied any role in the hack", "dismissed reports of
# a test as fabricated".
_DENIAL_RE = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|denial|dismiss\w*\s+(?:the\s+)?(?:reports?|claims?|"
    r"allegations?|accusations?)|reject\w*\s+(?:the\s+)?(?:reports?|claims?|allegations?|"
    r"accusations?)|refut\w+|fabricat\w+|baseless|groundless|no (?:evidence|sign|indication))\b",
    re.I,
)
# What may, should or is wished to happen, or is only proposed or discussed, before the
# event's words: no event of the period ("wants to hold talks", "could launch", "if
# Pyongyang tests", "whether", "discussed easing sanctions").
_NOT_YET_RE = re.compile(
    r"\b(?:will|would|shall|could|might|may|should|must|wants?\s+to|wanted\s+to|"
    r"hopes?\s+to|hoped\s+to|plans?\s+to|planning\s+to|intends?\s+to|seeks?\s+to|"
    r"aims?\s+to|wishes\s+to|would like to|(?:is|are|was|were)\s+(?:to|expected to|set to|"
    r"due to|likely to|considering|poised to|preparing to)|likely|perhaps|possibly|if|unless|"
    r"whether|in case|ready to|willing to|prepared to|"
    # proposed, discussed or weighed, not done ("proposed easing sanctions")
    r"propos(?:ed|es|ing)|discuss(?:ed|es|ing)|consider(?:ed|s)|mull(?:ed|s|ing)|"
    r"weigh(?:ed|s|ing)|debat(?:ed|es|ing)|float(?:ed|s|ing)|suggest(?:ed|s|ing)|"
    r"calls? for|called for|calling for|talk(?:ed|s|ing)? about)\b",
    re.I,
)
# After the country's own reporting verb (data/watch_cues.yaml own_report_verbs), a
# "will"/"would" is a decision it made known in the period, its move though not done; a
# "could" or an "if" after it is its stance ("could be lifted").
_ANNOUNCED_RE = re.compile(r"[^.;]{0,60}?\b(?:will|would|to)\b", re.I)
_MAYBE_RE = re.compile(r"\b(?:if|unless|whether|could|might|may|perhaps|possibly)\b", re.I)
# How happened() tells a move the country's own words say may or should come.
STATED_ONLY = "stated"
# Words asking, not telling: a question is no event.
_QUESTION_RE = re.compile(
    r"\?\s*[”\"’']?\s*$|^(?:Will|Would|Could|Can|Should|Is|Are|Did|Does|Do|Has|Have)\s"
)
# A site named for what was done there ("the Punggye-ri Nuclear Test Site") is no test.
_SITE_RE = re.compile(r"\bnuclear test(?:ing)? site\b", re.I)


def own_clause(sentence: str) -> str:
    """The sentence up to where the country's own clause ends (_CLAUSE_END_RE)."""
    return _CLAUSE_END_RE.split(sentence, maxsplit=1)[0]


def sentence_moves(
    texts: Sequence[str], code: str, officials: Mapping[str, str], tied: bool = False
) -> list[Move]:
    """The country's own acts in the sentences its section shows (the judgement, the lines
    that open on it): "North Korea has agreed to suspend all nuclear tests" is the North's
    act whoever's tweet the development finder filed it under.  A sentence counts when it
    tells the country's own move (book/moves.py), is no report or verdict on another's
    act, no habit, ties to the Koreas (korea_tie; `tied`: the caller found the tie, in
    another report of the same development), and its own clause names a kind of
    development (data/events.yaml) that happened (happened): an event in a clause that
    follows is someone else's or a reason."""
    out: dict[str, Move] = {}
    for text in texts:
        said = first_sentence(text)
        own = own_move(said, code, officials)
        party = not own and party_to(said, code, officials)
        if opinion(said) or not (own or party):
            continue  # a writer's view ("I think North Korea agreed ...") tells no act
        # a party's side is told in another's clause: whoever reports it, it did it
        reacting = not party and reacts_to(said, code)
        if reacting and not _reported_stance(said):
            continue
        if not (tied or korea_tie(said, officials)):
            continue  # an act with no tie to either Korea ("endorsed the strike in Syria")
        body = opening(said)  # after a dateline or a clause of what came before
        head = own_clause(body)
        tag = classify(_SITE_RE.sub("test site", head)) or meeting_tag(head, officials)
        if tag is None or _HABIT_RE.search(head) or _RECORD_RE.search(head):
            continue
        if _HAS_THING_RE.match(head):
            continue
        if party and not party_event(tag.kind, tag.action, head, code, said, officials):
            # the other party's side of a meeting or a release, nothing else
            tag = meeting_tag(head, officials) if meets_with(said, code, officials) else None
            if tag is None:
                continue
        if tag.kind == "agreement" and _NO_AGREEMENT_RE.match(tag.trigger):
            continue
        if own and tag.direction < 0 and allies_among_themselves(body):
            continue  # "Japan, South Korea and the U.S. scheduled an emergency meeting"
        if not party and (
            others_act(head, tag.trigger, code)
            or (tag.kind == "detention" and held_by_other(head, code))
        ):
            continue
        how = happened(body, head, tag.trigger, tag.action)
        if how is None or (reacting and how != STATED_ONLY):
            continue
        # The key two periods are compared on; its words say more (move_words).
        what = "threat" if tag.action == "threatened" else phrase(tag.kind, tag.action)
        if how == STATED_ONLY:
            what = f"said may come: {what}"  # "sanctions could be lifted", Geng said
        shown = move_words(tag.kind, tag.action, how, _threat_of(head, tag.trigger))
        out.setdefault(what, Move(what, tag.direction, said=how == STATED_ONLY, words=shown))
    return fullest(out.values())


# Just before an event's words, a country's possessive ("North Korea's state-sponsored
# hacking"); just after them, its agent ("the hack by North Korea").
_POSSESSED_RE = re.compile(r"^\s*[’']s?\s+(?:[\w-]+\s+){0,3}$")
_BY_RE = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?(?:by|from)\s+(?:the\s+)?$")


def others_act(head: str, trigger: str, code: str) -> bool:
    """The clause tells the event as another country's: its name in the possessive just
    before the event's words ("U.S. intelligence identified the officer orchestrating
    North Korea's hacking attacks" is the North's hack, not an American one) or as its
    agent just after them ("the cyberattack by North Korea")."""
    at = head.find(trigger) if trigger else -1
    if at < 0:
        return False
    end = at + len(trigger)
    for start, stop, _, other in country_matches(head):
        if other == code:
            continue
        if stop <= at and _POSSESSED_RE.match(head[stop:at]):
            return True
        if start >= end and _BY_RE.match(head[end:start]):
            return True
    return False


# Where a detainee is held names who holds them ("three Americans held in North Korea",
# "freed from a North Korean labour camp").
_HELD_IN_RE = re.compile(
    r"\b(?:held|detained|imprisoned|jailed|freed|released|detention|custody|prison|camp)"
    r"\s+(?:[\w-]+\s+){0,2}?(?:in|by|from)\s+(?:(?:the|a|an)\s+)?$",
    re.I,
)


def held_by_other(head: str, code: str) -> bool:
    """The detention is another country's act: the clause says the detainees are held in
    or by it.  "Three Americans held in North Korea have been released", told by Trump,
    is the North's detention and release, not an American escalation (allsides 2018-W19:
    judges struck "detention (escalation)" in the US basis)."""
    return any(
        other != code and _HELD_IN_RE.search(head[max(0, start - 60) : start])
        for start, _, _, other in country_matches(head)
    )


def _threat_of(head: str, trigger: str) -> bool:
    """The clause threatens the act its trigger names: a threat word (data/events.yaml,
    action "threatened") shortly before it ("threatened to launch missiles"), not a threat
    elsewhere in the clause ("… halt missile tests, and Trump has threatened to …")."""
    at = head.find(trigger) if trigger else -1
    if at < 0:
        return False
    before = head[max(0, at - 40) : at]
    act = next((a for a in event_actions() if a.action == "threatened"), None)
    return act is not None and any(p.search(before) for p in act.patterns)


def happened(sentence: str, head: str, trigger: str, action: str = "") -> str | None:
    """How the sentence tells the event of `trigger` as the country's in the period:
    "done" (done, announced or, for a threat or an agreement, made by saying it),
    STATED_ONLY (what its own reporting verb says may or should come: "Geng said that
    sanctions could be lifted", a stance, not an event), or None.  None when it is asked,
    denied or negated ("shows no sign of wanting to restart talks", "denied any role in the
    hack", "the talks did not take place"), or what may, should or is wished to happen in
    the reporter's words or before the country speaks ("wants to hold talks", "if
    Pyongyang tests").  `head`: the country's own clause of the sentence (own_clause)."""
    at = head.find(trigger)
    before = head[: max(at, 0)]
    if _QUESTION_RE.search(sentence.strip()) or _DENIAL_RE.search(head):
        return None
    if _NEGATED_RE.search(before):
        return None  # "would never put its deterrent on the negotiating table": no talks
    if at >= 0 and _NEGATED_AFTER_RE.search(head[at + len(trigger) :]):
        return None
    if action in ("threatened", "agreed"):
        return "done"
    if not (_NOT_YET_RE.search(before) or speculative(sentence)):
        return "done"
    said = own_report_re().search(before)
    if said is None:
        return None
    ahead = sentence[: said.start()]
    if _NOT_YET_RE.search(ahead) or speculative(ahead):
        return None  # the guess or wish is the reporter's, or comes before it is said
    reported = sentence[said.end() :]
    if _ANNOUNCED_RE.match(reported) and not _MAYBE_RE.search(reported):
        return "done"  # "said it would suspend nuclear tests": its decision, made known
    return STATED_ONLY


def korea_tie(text: str, officials: Mapping[str, str]) -> bool:
    """Does the text concern the peninsula: either Korea or a peninsula term named
    (corpus.relevance), an official of either Korea, a named programme, site or weapon
    (data/named.yaml) or an issue of the peninsula (data/watch_cues.yaml)?  An act with
    none of them ("the U.S. military announced the attack on an Islamic State tunnel
    complex") is no country's move on the Koreas."""
    if mentions_peninsula(text) or peninsula_issue_re().search(text) or named_matches(text):
        return True
    return any(c in ("PRK", "KOR") and n in text for n, c in officials.items())


# Where a sentence's main clause gives way to an aside: a time, a reason or a relative
# clause ("…struck a tunnel complex in Afghanistan, days after North Korea's parade").
_ASIDE_RE = re.compile(
    r",\s*(?:which|where|who|whose|when|while|as|after|amid|days|hours|weeks|a day)\b"
    r"|\s(?:after|amid|following|ahead of|in the wake of|since|despite)\s",
    re.I,
)


def tied_itself(text: str, officials: Mapping[str, str]) -> bool:
    """The sentence's own main clause concerns the peninsula (korea_tie), not an aside
    that names it in passing: a judgement's own sentence must be about the Koreas."""
    return korea_tie(_ASIDE_RE.split(text, maxsplit=1)[0], officials)
