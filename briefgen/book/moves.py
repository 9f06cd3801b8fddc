"""Does a sentence tell a country's own move: what it, or one of its organs or officials,
did or said in the period?

A country judgement must (issue 11): never a sentence about another country, never a
dateline, never background.  Read on the sentence's opening, after its dateline and a
time phrase ("On Monday, China condemned…" opens on China):

- who opens it acts for the country: the country itself ("China condemned"), one of its
  organs or officials ("North Korea's National Defence Commission", "South Korean
  officials", "The U.S. Senate"), or a named official — not a thing it has ("North
  Korea's Internet is offline", "North Korean websites", "The sharp new U.N. sanctions")
  and not an unnamed or anonymous voice ("A senior U.N. Security Council diplomat,
  speaking on condition of anonymity");
- the verb is a move, not a description ("China is the North's biggest economic
  partner") nor background in the past perfect ("…had invested about 1 trillion won
  since it opened");
- when the official only reports another's doings in its own plain words ("South Korea's
  weather agency said a magnitude 3.0 earthquake rocked North Korea"), the line is the
  other country's news, not this country's move; its own stance in the report (a modal,
  its own words in quotation marks, itself named) keeps it;
- a label run into the text ("Original post: …", "UPDATE: …") is not the article's prose.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from briefgen.book.officialnames import named_official_at, short_name_country
from briefgen.book.sentences import strip_dateline
from briefgen.book.sharedacts import conferred, joint_subject, learning, via_state_media
from briefgen.knowledge.countries import country_matches
from briefgen.knowledge.dates import MONTH_NAME_RE, WEEKDAY_RE
from briefgen.knowledge.roles import load_roles

# Words that make the head of a noun phrase an organ or official of a country, beside
# roles.yaml's role and body nouns.
_MORE_AGENTS = frozenset(
    {
        "intelligence",
        "forces",
        "troops",
        "coast",
        "guard",
        "authorities",
        "legislature",
        "lawmakers",
        "house",
        "pentagon",
        "kremlin",
        "spy",
        "prosecutors",
        "police",
        "envoys",
        "negotiators",
        "ministers",
        "foreign",
        "kcna",
    }
)
# Role nouns that name no official voice: experts speak for themselves, a "service" is
# as often the Internet's as a state's, an "agency" a news or weather agency.
_NOT_AGENTS = frozenset(
    {
        "analyst",
        "analysts",
        "expert",
        "experts",
        "professor",
        "researcher",
        "scholar",
        "fellow",
        "observer",
        "source",
        "sources",
        "defector",
        "service",
        "institute",
        "media",
        "newspaper",
    }
)


@lru_cache(maxsize=1)
def _agents() -> frozenset[str]:
    roles = load_roles()
    return (roles.role_nouns | roles.body_nouns | _MORE_AGENTS) - _NOT_AGENTS


# A time phrase before the subject: "On Monday,", "Late Sunday,", "Earlier on Tuesday,",
# "On Dec. 22,".
_DAYS = rf"(?:{WEEKDAY_RE})"
# Abbreviated ("Dec.", "Sept") or in full; May, June and July only in full.
_MONTHS = rf"(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.?|(?:{MONTH_NAME_RE})"
_TIME_OPENER_RE = re.compile(
    rf"^(?:(?:On|Late|Early|Earlier|Later)\s+(?:on\s+|in\s+)?)?(?:{_DAYS}|(?:{_MONTHS})\s+\d{{1,2}})"
    r"(?:\s+(?:morning|afternoon|evening|night))?,\s+"
    r"|^(?:Earlier|Later) (?:this|that) (?:day|week),\s+|^(?:Today|Yesterday|This week),\s+"
    # a clause of what came before ("A few days after North Korea tested its sixth nuclear
    # bomb, South Korea announced…"): the sentence's subject follows it
    r"|^(?:(?:A|An|One|Two|Three|A few|Several|\w+)\s+(?:days?|weeks?|hours?|months?)\s+)?"
    r"(?:[Aa]fter|[Ff]ollowing|[Ii]n the wake of)\s+[^,;“\"]{4,120},\s+(?=[A-Z])"
)
# "Original post:", "UPDATE:", "Editor's note:": a label, not a sentence's subject.
_LABEL_RE = re.compile(r"^[A-Z][\w’'.]*(?:\s+[\w’'.]+){0,2}:\s")
_ANONYMOUS_RE = re.compile(
    r"\bon (?:the )?condition of anonymity\b|\bwho (?:asked|declined|requested) not to be "
    r"(?:named|identified)\b|\bnot authori[sz]ed to (?:speak|talk|discuss)\b",
    re.I,
)
# Words that end the subject's noun phrase: an auxiliary or a finite verb.
_AUX = {
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can",
    "may", "might", "must", "should", "does", "did", "do", "hasn't", "hasn’t", "didn't",
    "didn’t", "won't", "won’t", "remains", "remain", "remained",
}  # fmt: skip
_COPULA = {"is", "are", "was", "were", "remains", "remain", "remained"}
# Verbs that describe what a country is or has, not what it did ("China accounts for
# about 90 percent of North Korea's trade").
_STATIVE = {
    "accounts", "accounted", "represents", "shares", "borders", "depends", "relies", "lies",
    "owns", "consists", "contains", "includes", "possesses", "boasts", "hosts", "ranks",
    "fared", "faces", "faced", "suffered", "endured", "received",
    "learned", "learnt", "knows", "realized", "realised", "understands",
}  # fmt: skip
# A line that leans on the one before ("Tillerson made the comments at…", "The remarks
# came…"): not a judgement a reader can take alone.
_ANAPHORIC_RE = re.compile(
    r"^(?:mad[ei]|making)\s+(?:the|these|those|his|her|its)\s+(?:comments|remarks|statement)\b"
    r"|^(?:comes?|came)\b|^echo(?:ed|es)?\s+(?:the|that|this)\s+(?:sentiment|view|call|remarks?)\b",
    re.I,
)
# Background told as such: "North Korea has reneged on agreements before", "…in the past".
_BEFORE_RE = re.compile(r"\b(?:before|previously|in the past|for years|for decades)\s*[.,;]", re.I)
# A move not made: "Pyongyang hasn't leveled any blame", "China did not comment".
_NOT_DONE_RE = re.compile(
    r"^(?:has|have|had|did|does|do)(?:\s+not|n[’']t)\b(?!\s+(?:ruled?|rule)\s+out)", re.I
)
# Names that as often qualify a noun as act ("U.S. sanctions", "U.N. measures"): they act
# only with a verb next, else the noun they qualify must be an organ or official.
_QUALIFYING_NAMES = {"U.S.", "US", "U.N.", "UN", "United Nations"}
# Words that may follow a verb in -s but not a plural subject ("the UN warns that…",
# not "the UN measures forbid…").
_FUNCTION_WORDS = {
    "that", "the", "a", "an", "it", "its", "to", "on", "of", "against", "in", "with",
    "for", "his", "her", "their", "all", "any", "new", "no",
}  # fmt: skip
_IRREGULAR_PAST = {
    "sent", "took", "gave", "made", "held", "met", "told", "said", "began", "won", "put",
    "set", "struck", "fought", "threw", "drew", "chose", "left", "led", "kept", "paid",
    "sought", "brought", "bought", "fired", "shot", "spoke", "wrote", "broke", "froze",
}  # fmt: skip
# After a copula, words that still tell a stance or a move ("is ready to", "is
# considering", "was expected to").
_STANCE_ADJ_RE = re.compile(
    r"^(?:not\s+)?(?:\w+ly\s+)?(?:\w+ing|ready|willing|unwilling|prepared|determined|committed|opposed|"
    r"set|due|expected|poised|likely|open|keen|reluctant|sceptical|skeptical|against|"
    r"firmly|still\s+\w+ing|also\s+\w+ing)\b"
)
# One more name of a list: ", South Korean", " and Japanese", ", and the".
_LIST_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
_ADJECTIVE_NAME_RE = re.compile(r"(?:ean|ian|ese|ish|can)$")
_REPORTING_RE = re.compile(
    r"^(?:said|says|told\s+[^,]{1,40}?|reported|reports|confirmed|added|noted|estimated|"
    r"assessed|detected)\s+(?:that\s+)?",
)
_OWN_STANCE_RE = re.compile(
    r"\b(?:will|would|should|must|could|can|may|might|need|needs|wants?|hopes?|"
    r"we|our|us|opposes?|supports?|welcomes?|condemns?|(?:his|her)\s+(?:country|nation|"
    r"government|people)[’']?s?)\b|[“\"]",
    re.I,
)
# The first person singular outside quotation marks: a speaker's words printed without
# them (a tweet, an opinion column), not a report of the country's move.
_FIRST_PERSON_RE = re.compile(r"(?<!War )\bI\b(?![.’'-])|\b(?:me|my|mine|myself)\b")
_QUOTED_RE = re.compile(r"[“\"][^”\"]*[”\"]")
_HAD_SAID_RE = re.compile(r"\bhad\s+(?:\w+ly\s+)?(?:said|announced|reported|declared|stated)\b")
_CREDIT_RE = re.compile(r",\s+[^,]{0,80}\b(?:said|says|reported|reports)\W*$")
_ITS_RE = re.compile(r"\b(?:its|their|they)\b", re.I)
_PAST_PERFECT_RE = re.compile(r"^had\s+(?:(?:also|already|long|not|never)\s+)?(\w+)\b")
_DATED_RE = re.compile(rf"^\s*(?:\w+\s+){{0,3}}?(?:on|late|early)\s+(?:{_DAYS}|{_MONTHS})")


# Words before the subject's name: an article, an honorific, or adjectives ("Prominent
# North Korean websites", "The sharp new U.N. sanctions") — not a preposition, nor a verb
# in -ing whose object the name is ("Putting North Korea on the list has support": 2017-W47).
_LEAD_RE = re.compile(
    r"(?:(?:The|the|Mr\.|Mrs\.|Ms\.|Dr\.)\s+)?"
    r"(?:(?!(?:of|in|at|for|from|with|to|by|on|and|or|as|after|before|Maybe|Perhaps|Many|"
    r"Some|Most|Few|Several|Other|Both|All|Even|Only|Still|Yet|Also|Not|If|When|"
    # a reporting verb ends another's subject: "The source said North Korean officials…"
    r"said|says|told|tells|thinks|believes|wrote|writes|tweets|argues|claims)\b)"
    r"[A-Za-z-]+(?<!ed)(?<!ing)\s+){0,2}"
)


def opening(text: str) -> str:
    """The sentence from its subject on: dateline, label-free, after a time phrase."""
    head = strip_dateline(text)
    m = _TIME_OPENER_RE.match(head)
    if m:
        head = head[m.end() :]
        head = head[:1].upper() + head[1:]
    return head


def _singular(w: str) -> str:
    w = w.lower().strip(".,;:’'\"")
    if w.endswith("’s") or w.endswith("'s"):
        w = w[:-2]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    return w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w


def _verb_like(w: str) -> bool:
    lw = w.lower()
    return lw in _AUX or (
        w[:1].islower() and (lw.endswith("ed") or lw in _IRREGULAR_PAST or lw == "says")
    )


def _after_titles(head: str, at: int) -> list[int]:
    """Where a name may start inside the opening's lead words when only titles come
    before it: "President Trump put North Korea back on the list" opens on Trump, whom the
    lead's two words swallowed (allsides 2017-W47: the designation was no US move)."""
    out = []
    for m in re.finditer(r"[\w.’'-]+\s*", head[:at]):
        if m.start() and all(
            _singular(w) in _agents() or w.lower() in ("the", "vice", "deputy", "prime")
            for w in head[: m.start()].split()
        ):
            out.append(m.start())
    return out


def _subject(head: str, code: str, officials: Mapping[str, str]) -> tuple[bool, str] | None:
    """(acts, rest after the subject) when the sentence opens on the country, one of its
    organs or a named official of it; None when it opens on anything else."""
    names = country_matches(head[:80])
    at = names[0][0] if names and _LEAD_RE.fullmatch(head[: names[0][0]]) else 0
    if not names or at != names[0][0]:
        lead = _LEAD_RE.match(head)
        at = lead.end() if lead else 0
    found = [m for m in names if m[0] == at]
    name_end = None
    if found:
        start, end, surface, c = found[0]
        if c != code:
            return None
        name_end, adjectival = end, bool(_ADJECTIVE_NAME_RE.search(surface))
    else:
        simple = re.match(r"(?:(?:The|the|Mr\.|Mrs\.|Ms\.|Dr\.)\s+)?", head)
        starts = sorted({at, simple.end() if simple else 0, *_after_titles(head, at)})
        hit = named_official_at(head, starts, code, officials)
        if hit is None:
            return None
        at, n = hit
        after = head[at + len(n) :]
        if re.match(r"[’']s\s", after):  # "Trump's strategy": his, not him
            words = re.findall(r"[\w’'.-]+", after[3:])[:4]
            return any(_singular(w) in _agents() for w in words), after
        return True, after
    rest = head[name_end:]
    possessive = re.match(r"[’']s\s", rest)
    listed = _LIST_RE.match(rest)
    if listed and any(m[0] == listed.end() for m in country_matches(rest)):
        # "U.S., South Korean and Japanese officials": the last of the list heads the phrase
        last = next(m for m in country_matches(rest) if m[0] == listed.end())
        while True:
            more = _LIST_RE.match(rest, last[1])
            nxt_name = more and next((m for m in country_matches(rest) if m[0] == more.end()), None)
            if not nxt_name:
                break
            last = nxt_name
        rest, adjectival = rest[last[1] :], bool(_ADJECTIVE_NAME_RE.search(last[2]))
    if not possessive and not adjectival:
        if re.match(r"\s*,", rest):  # "China, North Korea's biggest ally, backed…"
            return True, rest[rest.index(",") + 1 :].split(",", 1)[-1]
        nxt = re.match(r"\s+([\w’'-]+)(?:\s+([\w’'-]+))?", rest)
        if nxt and _singular(nxt.group(1)) not in _agents():
            w, after = nxt.group(1), nxt.group(2) or ""
            says = w.endswith("s") and (after[:1].isupper() or after.lower() in _FUNCTION_WORDS)
            plural = w.endswith("s") and not says  # "North Korea watchers believed…"
            if _verb_like(w) or says or not (plural or surface in _QUALIFYING_NAMES):
                return True, rest  # the country itself is the subject: "China condemned"
    # "North Korea's National Defence Commission", "South Korean officials": the head of
    # the noun phrase must be an organ or official (or a named official of the country).
    np = rest[possessive.end() if possessive else 0 :]
    agent = False
    for i, m in enumerate(re.finditer(r"[\w’'.-]+|,", np)):
        w = m.group(0)
        if i >= 7 or w == "," or _verb_like(w):
            return agent, np[m.start() :]
        if _singular(w) in _agents() or officials.get(w) == code:
            agent = True
    return agent, ""


def names_a_thing(text: str, code: str, officials: Mapping[str, str]) -> bool:
    """Does the sentence open on something of the country that does not act for it
    ("North Korea's Internet is offline", "North Korean websites are back")?"""
    found = _subject(opening(text), code, officials)
    return found is not None and not found[0]


_PREVIEW_RE = re.compile(
    r"^(?:will|would|is|are)\s+(?:(?:set|expected|due|scheduled|likely|poised|about)\s+)?(?:to\s+)?"
    r"(?:have|be|attend|hold|meet|visit|travel|speak|address|take)\b|^plans?\s+to\b",
    re.I,
)


def previews(text: str, code: str, officials: Mapping[str, str]) -> bool:
    """Does the sentence's main verb tell what the country will do ("North Korean
    diplomats will have a front-row seat…"), not what it did or announced ("China
    announced on Saturday that it will limit exports…")?"""
    found = _subject(opening(text), code, officials)
    return found is not None and bool(_PREVIEW_RE.match(found[1].lstrip(" ,")))


@lru_cache(maxsize=8)
def _officials_named(officials: tuple[tuple[str, str], ...], code: str) -> tuple[str, ...]:
    """Every name of `code`'s officials in the map, in its order."""
    return tuple(n for n, c in officials if c == code)


@lru_cache(maxsize=1)
def _state_press_re() -> re.Pattern[str]:
    """The state's press after the country's name ("Chinese state media", "North Korea's
    official news agency", "China's state-run Global Times"): its voice.  The words that
    make press the state's are roles.yaml's state_press_words, which the quotation layer
    reads too; data/outlets.yaml names the state outlets themselves."""
    words = sorted(load_roles().state_press_words, key=len, reverse=True)
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "[’']") for w in words)
    return re.compile(
        r"^(?:[’']s)?\s+(?:" + alts + r")\s+(?:[\w’'-]+\s+){0,3}?(?:media|news agency|"
        r"newspaper|daily|television|TV|broadcaster|mouthpiece|press|[A-Z][\w’'-]+)\b"
    )


_STATE_LEAD_RE = re.compile(
    r"^(?:The\s+|the\s+)?(?:(?:official|[Ss]tate-run|[Ss]tate-controlled|[Ss]tate)\s+)?"
)


@lru_cache(maxsize=16)
def _state_outlets(code: str) -> tuple[str, ...]:
    """The names of the country's state media (data/outlets.yaml), longest first."""
    from briefgen.knowledge.outlets import load_outlets

    names = {
        n
        for e in load_outlets().entries
        if e.state and e.country == code
        for n in (e.name, e.speaker_name, *e.aliases)
        if n[:1].isupper() and "." not in n
    }
    return tuple(sorted(names, key=len, reverse=True))


def state_voice(head: str, code: str) -> bool:
    """Does the sentence open on the country's state media, which speak for the state
    ("KCNA said…", "The Global Times, a Beijing-run newspaper, warned…", "Chinese state
    media said…")?  A China section counted a Beijing-run paper for nothing (2014-W51)."""
    lead = _STATE_LEAD_RE.match(head)
    at = lead.end() if lead else 0
    name = next((n for n in _state_outlets(code) if head.startswith(n, at)), None)
    if name is not None:
        end = at + len(name)
    else:
        named = country_matches(head[:60])
        if not named or named[0][3] != code or named[0][0] > 4:
            return False
        press = _state_press_re().match(head[named[0][1] :])
        if press is None:
            return False
        end = named[0][1] + press.end()
    # what it does, after an aside (", a Beijing-run newspaper,"): not what it is
    rest = re.sub(r"^(?:\s+news agency|\s+newspaper)?\s*,[^,]{1,60},", "", head[end:])
    verb = re.match(r"\s*([\w’'-]+)", rest)
    return verb is not None and verb.group(1) not in _COPULA | _STATIVE


def own_move(text: str, code: str, officials: Mapping[str, str]) -> bool:
    """Does the sentence tell the country's own move (see the module docstring)?
    `officials`: {name: country} of the period's officials."""
    if _LABEL_RE.match(text) or _ANONYMOUS_RE.search(text):
        return False
    if _FIRST_PERSON_RE.search(_QUOTED_RE.sub(" ", text)):
        return False  # someone's words unmarked ("…disturbed some of my people", a tweet)
    head = opening(text)
    if state_voice(head, code) or via_state_media(head, code):
        # what its state media say is the state's line, reported or not; what they "had
        # said before the summit" is background (allsides 2018-W18, struck by the judges)
        return not _HAD_SAID_RE.search(head[:90])
    joint = joint_subject(head)  # "North and South Korea have agreed…": each one's move
    found = (True, joint[1]) if joint and code in joint[0] else _subject(head, code, officials)
    if found is None or not found[0] or conferred(found[1]) or learning(found[1]):
        return False  # …nor a status another confers ("will join … on the terrorism list")
    rest = found[1].lstrip(" ,")
    verb = re.match(r"([\w’'-]+)\s*(.*)$", rest)
    if verb is None:
        return True
    w, after = verb.group(1).lower(), verb.group(2)
    second = after.split(" ", 1)[0].lower() if w in _AUX else ""
    if (w in _COPULA and not _STANCE_ADJ_RE.match(after)) or _STATIVE & {w, second}:
        return False  # a description: "China is the North's biggest economic partner"
    if _ANAPHORIC_RE.match(rest) or re.match(
        r"(?:The|These|Those|His|Her) (?:comments|remarks)\b", head
    ):
        return False
    if _BEFORE_RE.search(rest):
        return False  # background: "North Korea has reneged on agreements before"
    if _NOT_DONE_RE.match(rest):
        return False  # not a move: "Pyongyang hasn't leveled any blame or threats"
    pp = _PAST_PERFECT_RE.match(rest)
    if pp and not _DATED_RE.match(rest[pp.end() :]):
        return False  # background: "…had invested about 1 trillion won since it opened"
    rep = _REPORTING_RE.match(rest)
    if rep is not None:
        # the content, without a trailing credit (", …South Korea's Yonhap news agency said.")
        content = _CREDIT_RE.sub("", rest[rep.end() :])
        named = country_matches(content)
        first_other = min((m[0] for m in named if m[3] != code), default=len(content))
        its = _ITS_RE.search(content)
        own = (
            _OWN_STANCE_RE.search(content)
            or any(m[3] == code for m in named)
            or any(n in content for n in _officials_named(tuple(officials.items()), code))
            or any(  # "Abe’s office said … Trump and Abe highlighted": its own official
                short_name_country(w, officials) == code
                for w in re.findall(r"\b[A-Z][a-z]{1,2}\b", content)
            )
            or (its is not None and its.start() < first_other)  # its, not the other's
        )
        if not own:
            return False  # another's news in its words: "…said a quake rocked North Korea"
    return True
