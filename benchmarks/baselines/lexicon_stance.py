"""The 0.1 stance lexicon, frozen as a baseline for benchmarks/positions.py.

briefgen 0.1 read stances with word lists around issue terms (this file is its
score_text, unchanged).  It stays here only so the benchmark can report the new
classifier beside the old rules on the same statements in the same run.  Its five
issues map onto the new taxonomy as ISSUE_MAP says.
"""

from __future__ import annotations

import re

# 0.1 issue -> the new taxonomy's issue (None: no counterpart)
ISSUE_MAP = {
    "pressure": "sanctions",
    "dialogue": "talks",
    "military": "military_force",
    "denuclearization": "denuclearization",
    "responsibility": None,
}

ISSUES: dict[str, re.Pattern[str]] = {
    "pressure": re.compile(
        r"\b(sanction\w*|pressure\w*|pressur\w+|interdict\w*|enforce\w*|embargo\w*|punitive|"
        r"consequences|isolat\w+|crack\w* down|turn the screw|assets? (?:to be )?frozen|"
        r"freez\w+ (?:the )?assets|costs? of the regime)\b",
        re.I,
    ),
    "dialogue": re.compile(
        r"\b(dialogue|talks?|talking|negotiat\w+|engagement|engage\w*|diplomac\w+|diplomatic\w*|"
        r"channels?|communication|to the table|back to the table|summit|soft power|"
        r"peaceful resolution|settlement)\b",
        re.I,
    ),
    "military": re.compile(
        r"\b(military (?:action|actions|option|options|conflict|force)|use of force|"
        r"first strike|strikes?|war|bomb\w*|totally destroy|attack\w*|"
        r"military exercises|drills)\b",
        re.I,
    ),
    "denuclearization": re.compile(
        r"\b(denucleari\w+|nuclear disarmament|abandon(?:s|ing)? (?:its )?nuclear|"
        r"give up (?:its )?nuclear|giving up (?:its )?nuclear|complete, verifiable|"
        r"verifiable and irreversible|cessation|stop testing|halt (?:to )?testing|"
        r"nuclear-armed)\b",
        re.I,
    ),
    "responsibility": re.compile(
        r"\b((?:shared|special|primary|main|bears?|share|shift\w*|take|takes) (?:the )?responsibility|"
        r"responsibility (?:lies|rests|for (?:the )?(?:crisis|situation|tension))|"
        r"holds? the key|shift \w+ to others|urge (?:russia|china)|"
        r"urged (?:china|russia)|(?:china|russia) (?:must|should)|do more|"
        r"caused by any one party)\b",
        re.I,
    ),
}

# Words that push for the issue named near them.  Strong ones state a stance by themselves
# (one of them is enough evidence); weak ones (modals, "continue", "open") need company.
_PRO_STRONG = re.compile(
    r"\b(urg\w+|call\w* (?:for|on)|step\w* up|maximi[sz]\w+|strengthen\w*|encourag\w+|"
    r"welcom\w+|support\w*|back(?:s|ed|ing)?|insist\w*|enforc\w+|implement\w*|demand\w*|"
    r"vow\w*|applaud\w*|push\w* for|increas\w+|tighten\w*|impos\w+)\b",
    re.I,
)
_PRO_WEAK = re.compile(
    r"\b(must|should|need\w*|continu\w+|ready|prefer\w*|improve|keep (?:up|in mind)|push\w*|"
    r"committed|bear fruit|take effect|worked|working|progress|earn|put an end|"
    r"new consequences|pursu\w+|probing|open|hope\w*|significant first step|"
    r"lines of communication|more room|consider\w*|threat\w*|destroy|accept\w*|"
    r"cut deep|bite|biting|hurt\w*|effective)\b",
    re.I,
)
_CON = re.compile(
    r"\b(oppos\w+|against|abandon\w*|undermin\w+|unacceptable|destructive|naive|criticiz\w+|"
    r"criticis\w+|condemn\w*|denounc\w+|(?:not |im)possible|"
    r"wast\w+ (?:his |their |of )?time|pointless|reject\w*|"
    r"lift\w* (?:up )?(?:the )?sanctions|eas\w+ (?:the )?sanctions|wary|misleading|"
    r"shift \w+ to others|before taking|rhetoric|desperate measure|hostile policy|"
    r"cannot help|doesn.t include|counterproductive|avoid\w*|prevent\w*|avert\w*|"
    r"not possible to impose|not caused by any one party|end rhetoric|backtrack)\b",
    re.I,
)
# Con words that judge the issue term they are said of ("sanctions are pointless"): they
# may follow the term.  Every other con word must come before the term it governs
# ("oppose sanctions", "against military action"), so "a package levelled against the
# regime" says nothing against sanctions.
_CON_PREDICATE = re.compile(
    r"^(?:unacceptable|destructive|naive|pointless|misleading|counterproductive|"
    r"undermin\w+|desperate measure|rhetoric|should be abandoned|abandon\w*|"
    r"(?:not |im)possible)$",
    re.I,
)
# Pro words that may follow the term they are said of ("sanctions will cut deep",
# "sanctions must be enforced", "talks are working").
_PRO_PREDICATE = re.compile(
    r"^(?:worked|working|bear fruit|take effect|cut deep|bite|biting|hurt\w*|effective|"
    r"enforc\w+|implement\w*|continu\w+|must|should|need\w*|increas\w+|"
    r"maximi[sz]\w+|strengthen\w*|tighten\w*|step\w* up|open|ready)$",
    re.I,
)
# Terms whose sense runs against their issue: refusing "a nuclear-armed North Korea" is
# for denuclearization.
_INVERTED_TERM = re.compile(r"^(?:nuclear-armed)$", re.I)
# A demand on North Korea ("North Korea must stop isolating itself") is no stance on
# pressure or military action by the speaker.
_PRK_SUBJECT = re.compile(
    r"\b(North Korea|Pyongyang|the North|Kim(?: Jong[- ]?[Uu]n)?|the regime|it|they)\s*$"
)
_PRO_AFTER_MODAL = re.compile(
    r"\s*(?:be\s+|also\s+|all\s+)*(?:enforc|implement|increas|maintain|continu|step|tighten|"
    r"strengthen|kept|keep|ramp|expand|intensif|resume|go on|start|begin|tak)",
    re.I,
)
_MODALS = frozenset({"must", "should", "need", "needs"})
_NEG = re.compile(r"\b(not|no|never|n't|n’t|without|nor)\b", re.I)
LABELS: dict[str, tuple[str, str]] = {
    "pressure": ("favours more pressure and sanctions", "resists more pressure or sanctions"),
    "dialogue": ("favours dialogue and engagement", "sceptical of talks now"),
    "military": ("keeps military options open", "warns against military action"),
    "denuclearization": (
        "insists on North Korea's denuclearization",
        "does not make denuclearization a condition",
    ),
    "responsibility": ("says others must do more", "rejects putting the onus on one party"),
}

# Verbs whose subject states a position even without a quotation.
STATEMENT_VERBS = frozenset(
    [
        "say",
        "urge",
        "call",
        "insist",
        "warn",
        "demand",
        "back",
        "oppose",
        "support",
        "welcome",
        "reject",
        "criticize",
        "criticise",
        "push",
        "vow",
        "threaten",
        "propose",
        "announce",
        "reiterate",
        "stress",
        "signal",
        "accuse",
        "dismiss",
        "agree",
        "echo",
        "order",
        "condemn",
        "pledge",
        "suggest",
        "tell",
        "add",
        "note",
    ]
)


def score_text(text: str, issue: str) -> float | None:
    """The stance of one piece of text on one issue, -1..1, or None when it is silent.

    A cue counts for a term it governs: a push word before the term ("urge talks",
    "increase pressure") or said of it after it ("sanctions will cut deep"); a negation
    just before a push word flips it ("will not accept").  Cues about a demand on North
    Korea itself ("North Korea must ...") are not the speaker's view of pressure or force.
    """
    pat = ISSUES[issue]
    hits = [m for m in pat.finditer(text) if not _self_reference(text, m)]
    if not hits:
        return None
    total = 0.0
    n = 0
    for m in hits:
        lo = max(0, m.start() - 90)
        hi = min(len(text), m.end() + 60)
        window = text[lo:hi]
        rel_start, rel_end = m.start() - lo, m.end() - lo
        s = 0.0
        cons = list(_CON.finditer(window))
        for strong, rx in ((True, _PRO_STRONG), (False, _PRO_WEAK)):
            for p in rx.finditer(window):
                word = p.group(0)
                if pat.fullmatch(word) or p.start() < rel_end and p.end() > rel_start:
                    continue
                after = p.start() >= rel_end
                if after and not _PRO_PREDICATE.match(word):
                    continue  # "sanctions ... hope": a pro word after the term is not about it
                if after and re.search(r"[.;:]", window[rel_end : p.start()]):
                    continue
                if not after and re.search(r"[.;:]", window[p.end() : rel_start]):
                    continue
                if (
                    after
                    and word.lower() in _MODALS
                    and not _PRO_AFTER_MODAL.match(window[p.end() : p.end() + 30])
                ):
                    continue  # "measures must be coupled with talks" is no call for more
                if word.lower() in _MODALS:
                    nxt = window[p.end() : p.end() + 14]
                    if _NEG.match(nxt.strip()) or any(0 <= c.start() - p.end() < 14 for c in cons):
                        continue  # "should not increase", "should be abandoned": the verb decides
                if issue in ("pressure", "military", "responsibility") and _PRK_SUBJECT.search(
                    window[max(0, p.start() - 30) : p.start()]
                ):
                    continue  # "North Korea must choose ...": a demand on the target
                before = window[max(0, p.start() - 18) : p.start()]
                if re.search(r"\b(?:for|over|of)\s+$", before):
                    continue  # "pay dearly for pushing sanctions": a grievance, not support
                w = (1.5 if strong else 1.0) * (1.0 if abs(p.start() - rel_start) < 50 else 0.75)
                s += -w if _NEG.search(before) else w
        for c in cons:
            word = c.group(0)
            if c.start() < rel_end and c.end() > rel_start:
                continue
            after = c.start() >= rel_end
            if after and not _CON_PREDICATE.match(word):
                continue  # "levelled against the regime": the con word governs something else
            gap = window[rel_end : c.start()] if after else window[c.end() : rel_start]
            if re.search(r"[.;:]", gap) or len(gap) > 60:
                continue
            w = 1.5 if abs(c.start() - rel_start) < 40 else 1.125
            before = window[max(0, c.start() - 10) : c.start()]
            s += w if re.search(r"\bnot (?:to )?$", before) else -w  # "not to backtrack"
        s += _contrast(text, m)
        if _INVERTED_TERM.match(m.group(0)):
            s = -s
        total += s
        n += 1
    if total == 0:
        return None
    v = total / max(1, n)
    return max(-1.0, min(1.0, v / 2))


_NOT_BUT = re.compile(r"\bnot (?:an? |the )?([^,.;]{1,40}?) but\b", re.I)
_RATHER = re.compile(r"\b(?:rather than|instead of)\b", re.I)


def _contrast(text: str, m: re.Match[str]) -> float:
    """ "not a war but a diplomatic settlement", "talks rather than pressure": the side named
    after "but" (before "rather than") is preferred, the other refused."""
    s = 0.0
    for c in _NOT_BUT.finditer(text):
        if c.start(1) <= m.start() < c.end(1):
            s -= 1.5
        elif c.end() <= m.start() < c.end() + 40:
            s += 1.5
    for c in _RATHER.finditer(text):
        if c.end() <= m.start() < c.end() + 30:
            s -= 1.5
        elif 0 < c.start() - m.end() < 40 and not re.search(r"[.;]", text[m.end() : c.start()]):
            s += 1.5
    return s


def _self_reference(text: str, m: re.Match[str]) -> bool:
    """ "isolating itself": the term is about what North Korea does to itself."""
    return bool(re.match(r"\s+(?:itself|themselves)\b", text[m.end() : m.end() + 12]))
