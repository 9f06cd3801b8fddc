"""No two phrases in one keyphrase list that say the same thing.

Two phrases say the same thing when, after folding case, plurals, "-ing" ("missile
testing" / "missile tests") and the usual abbreviations ("U.N." = "UN" = "United
Nations"), they have the same words, or one's words (vague ones aside) are among the
other's on the same head noun ("summit" / "Hanoi summit", "rocket launch" / "latest
rocket launch", "new sanctions" / "UN sanctions"), or their sentence embeddings say they
mean the same ("nuclear weapons" / "nuclear weapons program", "Sony Pictures" / "Sony
Pictures Entertainment"), or one is what is said about the other ("cyber attack claim"
/ "cyber attacks", data/keyphrase_words.yaml about_heads).  Same head and similar meaning alone is not enough: "nuclear
test" / "missile test" are two things (and merging such pairs lowers DUC-2001 F1@10);
named synonyms are one ("inter-Korean talks" / "inter-Korean dialogue", "Internet
service" / "Internet access", data/keyphrase_words.yaml), and so are two names of
one event between parties, a country aside ("North Korean missile launch" / "botched
missile launch").
The list keeps the more informative of the two: the longer phrase, unless all it adds is
a vague modifier ("latest", "new", "prominent").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from briefgen.knowledge.keyphrase_words import synonyms
from briefgen.knowledge.keyphrase_words import words as keyphrase_words

# Modifiers that add nothing an analyst keeps: "latest rocket launch" is "rocket launch".
VAGUE_MODIFIERS = frozenset(
    [
        "latest",
        "new",
        "recent",
        "further",
        "possible",
        "current",
        "prominent",
        "official",
        "first",
        "last",
        "previous",
        "ongoing",
        "major",
        "key",
        "main",
        "big",
        "run",
        "suspended",
        "planned",
        "so-called",
        "alleged",
        "reported",
        "apparent",
        "rare",
        "unprecedented",
        "historic",
        "fresh",
        "initial",
        "anticipated",
        "dramatic",
        "expected",
        "upcoming",
        "latest-ever",
        # stop 28's train weeks: "favorable trade deal" / "future Chinese trade deal",
        # "pre-emptive large-scale strike" ("devastating" not: DUC-2001's annotators keep
        # "devastating oil spill" and "devastating storms", F1@5 -0.05)
        "future",
        "favorable",
        "huge",
        "large-scale",
        "likely",
        "potential",
        "original",
    ]
)
_ABBREVIATIONS = [
    (re.compile(r"\bU\.?\s?N\.?(?=\s|$)", re.I), "united nations"),
    (re.compile(r"\bU\.?\s?S\.?(?=\s|$)", re.I), "united states"),
    (re.compile(r"\bUNSC\b", re.I), "united nations security council"),
    (re.compile(r"\bUNGA\b", re.I), "united nations general assembly"),
    (re.compile(r"\bDPRK\b", re.I), "north korea"),
    (re.compile(r"\bROK\b"), "south korea"),
]
_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")
SAME_SIM = 0.85  # embedding cosine of two phrases that mean the same


def _fold(word: str) -> str:
    w = _plural(word.strip("'-"))
    if w.endswith("ing") and len(w) > 6:
        return w[:-3]  # "missile testing" is "missile tests"
    return w


def singular(w: str) -> str:
    """The singular of a lower-case noun, by its ending ("executives" -> "executive")."""
    return _plural(w)


def _plural(w: str) -> str:
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses", "zes")):
        return w[:-2]
    if w.endswith("s") and len(w) > 3 and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


# Each synonym ("dialogue") as the first of its group, alphabetically, folded.
_SAME = {_fold(w): _fold(sorted(g)[0]) for g in synonyms() for w in g}
_GENERIC_HEADS = frozenset(_SAME.get(_fold(w), _fold(w)) for w in keyphrase_words("generic_heads"))
_VAGUE = frozenset(_fold(w) for w in VAGUE_MODIFIERS)  # as words() gives them
_ABOUT = frozenset(_fold(w) for w in keyphrase_words("about_heads"))
_EMPTY_HEADS = frozenset(_fold(w) for w in keyphrase_words("empty_heads"))
_PARTY_HEADS = frozenset(_SAME.get(_fold(w), _fold(w)) for w in keyphrase_words("party_heads"))
_TWO_PARTY = frozenset(_fold(w) for w in keyphrase_words("two_party_modifiers"))


def words(phrase: str) -> list[str]:
    """The phrase's words, abbreviations expanded, case, plural and synonyms folded."""
    p = phrase
    for rx, full in _ABBREVIATIONS:
        p = rx.sub(full, p)
    folded = (_fold(w) for w in _WORD.findall(p.lower()))
    return [_SAME.get(w, w) for w in folded]


def same_thing(a: str, b: str, sim: float = 0.0) -> bool:
    """Do phrases a and b say the same thing (see the module docstring)?"""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return False
    sa, sb = set(wa), set(wb)
    if sa == sb or sim >= SAME_SIM:
        return True
    ca, cb = sa - _VAGUE, sb - _VAGUE
    if ca and ca == cb:
        return True  # "historic summit" / "anticipated summit"
    if wa[-1] == wb[-1] and _two_party_only(a) and _two_party_only(b):
        return wa[-1] in _PARTY_HEADS  # "direct talks" / "face-to-face talks"
    if _about(wa, wb) or _about(wb, wa):
        return True  # "cyber attack claim" / "cyber attacks"
    wa, wb = _core(wa), _core(wb)
    if wa[-1] != wb[-1]:
        return False
    # One head, one's words (vague ones aside) among the other's: "new sanctions" / "UN
    # sanctions", "summit" / "Hanoi summit".
    if ca <= cb or cb <= ca:
        return True
    return wa[-1] in _PARTY_HEADS and _same_event(a, b)


def _core(ws: list[str]) -> list[str]:
    """The words without a head that adds nothing to them ("missile defense system" is
    "missile defense"; data/keyphrase_words.yaml empty_heads)."""
    return ws[:-1] if len(ws) > 1 and ws[-1] in _EMPTY_HEADS else ws


def _same_event(a: str, b: str) -> bool:
    """Two phrases of an event between parties (data/keyphrase_words.yaml party_heads)
    that are one, the parties aside.  Both name parties, one's among the other's:
    "potential North Korea summit" / "Trump-Kim talks" (Kim: the North), not "Kim-Moon
    summit" / "Trump-Kim summit".  One names parties: both need a word of their own
    besides the head ("North Korean missile launch" / "botched missile launch"): "UN
    meeting" is not "Vancouver meeting" nor "inter-Korean talks" (the seeds' Russia list).
    """
    pa, ra = _parties(a)
    pb, rb = _parties(b)
    if pa and pb:
        nested = pa <= pb or pb <= pa
        return nested and (ra <= rb or rb <= ra)
    if _between_two(pa, ra, b, rb) or _between_two(pb, rb, a, ra):
        return True
    return bool(pa or pb) and bool(ra and rb) and (ra <= rb or rb <= ra)


def _between_two(
    parties: frozenset[str], rest: frozenset[str], other: str, orest: frozenset[str]
) -> bool:
    """One event named by its two parties ("Trump-Kim talks") and by what makes it an
    event between two (`other`: "direct talks", "face-to-face talks", data/
    keyphrase_words.yaml two_party_modifiers) or by where it was held, a name of one word
    that is no party ("Hanoi summit")."""
    if len(parties) < 2 or rest or not orest:
        return False
    if _two_party_only(other):
        return True
    toks = _HYPHEN_NAMES.sub(" ", other).split()[:-1]
    named = [t for t in toks if _fold(t.lower()) not in _VAGUE]
    return len(named) == 1 and named[0][:1].isupper() and not named[0].isupper()


# "Trump-Kim", "US-North Korean": a hyphen between names, in any case (the list's
# phrases are compared lower-cased, nlp/keyphrases.py).
_HYPHEN_NAMES = re.compile(r"(?<=[a-z.])-(?=[a-z])", re.I)


def _two_party_only(phrase: str) -> bool:
    """Only two-party modifiers before the head, vague ones aside ("direct talks")."""
    mods = frozenset(words(" ".join(phrase.split()[:-1]))) - _VAGUE
    return bool(mods) and mods <= _TWO_PARTY


def _parties(phrase: str) -> tuple[frozenset[str], frozenset[str]]:
    """The parties named before the phrase's head, as country codes (countries and known
    people: "Trump-Kim" -> USA, PRK), and its other words before the head, vague ones
    aside ("North Korean missile launch" -> {PRK}, {missile})."""
    from briefgen.nlp.kpcandidates import gazetteer

    names = {n.lower(): code for n, (code, _name) in gazetteer().items()}
    toks = _HYPHEN_NAMES.sub(" ", phrase).split()
    codes: set[str] = set()
    rest: list[str] = []
    i, last = 0, len(toks) - 1
    while i < last:
        n = next((n for n in (3, 2, 1) if i + n <= last and _name(toks, i, n) in names), 0)
        person = None if n else _person_country(toks[i])
        if n:
            codes.add(names[_name(toks, i, n)])
        elif person:
            codes.add(person)
        else:
            rest.append(toks[i])
        i += n or 1
    return frozenset(codes), frozenset(words(" ".join(rest))) - _VAGUE


def _name(toks: list[str], i: int, n: int) -> str:
    return " ".join(toks[i : i + n]).lower()


def _person_country(word: str) -> str | None:
    """The country of the known person a word names, in any case ("Trump", "trump"),
    or of every person a family name alone may mean ("Kim": Kim Jong Un, Kim Jong Il)."""
    from briefgen.nlp.kppeople import actors

    gaz = actors()
    name = word[:1].upper() + word[1:]
    e = gaz.lookup(name)
    if e is not None:
        return e.country if e.person else None
    found = {x.country for x in gaz.by_lone.get(name, [])}
    return found.pop() if len(found) == 1 else None


def _about(wa: list[str], wb: list[str]) -> bool:
    """Is `wa` what is said about `wb` ("cyber attack claim" of "cyber attacks", "button
    tweet" of "nuclear button"): an about-head after words of `wb` that end in its head?"""
    subject = wa[:-1]
    if len(wa) < 2 or wa[-1] not in _ABOUT or subject[-1] != wb[-1]:
        return False
    return subject == wb or (len(subject) < len(wb) and set(subject) <= set(wb))


def more_informative(a: str, b: str) -> bool:
    """Is a the better phrase to keep than b (two phrases that say the same thing)?
    The subject before what is said about it ("cyber attacks", not "cyber attack
    claim")."""
    wa, wb = words(a), words(b)
    if _about(wa, wb) or _about(wb, wa):
        return _about(wb, wa)
    sa, sb = set(wa), set(wb)
    ca, cb = sa - _VAGUE, sb - _VAGUE
    if ca == cb:
        return len(sa) < len(sb)  # "rocket launch", not "latest rocket launch"
    if cb < ca:
        return True
    if ca < cb:
        return False
    # Parties aside: "botched missile launch", not "North Korean missile launch"; the
    # same words: more parties ("Trump-Kim talks", not "North Korea summit"); the parties
    # named, not a word that says there are two ("direct talks").
    (pa, ra), (pb, rb) = _parties(a), _parties(b)
    if _two_party_only(a) != _two_party_only(b):
        return _two_party_only(b)  # "Trump-Kim talks", not "direct talks"
    return rb < ra or (ra == rb and pb < pa)


# A more informative twin takes the place of a better-ranked phrase only when it scores
# at least this share of it (an analyst's "oil spill" is not replaced by a passing
# "oil spill cleanup").
REPLACE_SHARE = 0.8


def bare(phrase: str) -> bool:
    """A head that says nothing alone (data/keyphrase_words.yaml generic_heads), with no
    modifier but vague ones: "meeting", "talks", "new ban"."""
    ws = words(phrase)
    return bool(ws) and ws[-1] in _GENERIC_HEADS and set(ws[:-1]) <= _VAGUE


def specific_of(phrase: str, generic: str) -> bool:
    """Is `phrase` a more specific phrase with the bare `generic`'s head ("Trump-Kim
    meeting" of "meeting")?"""
    ws, wg = words(phrase), words(generic)
    return bool(ws) and ws[-1] == wg[-1] and not bare(phrase)


def _specific_first(phrases: Sequence[str], order: Sequence[int]) -> list[int]:
    """`order` with each bare generic head replaced by the best-ranked more specific
    phrase with its head, where the list has one ("meeting" gives its place to "Trump-Kim
    meeting", however it scored); a bare head with none stays."""
    out: list[int] = []
    for i in order:
        if bare(phrases[i]):
            found = [j for j in order if specific_of(phrases[j], phrases[i])]
            # the head as written first ("talks": "inter-Korean talks"), then a synonym's
            same = [j for j in found if _head(phrases[j]) == _head(phrases[i])]
            i = (same or found or [i])[0]
        if i not in out:
            out.append(i)
    return out


def _head(phrase: str) -> str:
    """The last word, folded but not for synonyms ("talks" -> "talk")."""
    ws = _WORD.findall(phrase.lower())
    return _fold(ws[-1]) if ws else ""


def distinct(
    phrases: Sequence[str],
    order: Sequence[int],
    k: int,
    vecs: Any = None,
    scores: Sequence[float] | None = None,
) -> list[int]:
    """Up to k indices from `order` (best first) with no two phrases alike; where two are
    alike, the more informative takes the place of the better-ranked one if it scores
    nearly as well.

    `vecs`: unit vectors of the phrases (rows aligned with `phrases`), or None."""
    kept: list[int] = []
    for i in _specific_first(phrases, order):
        twin = next(
            (n for n, j in enumerate(kept) if same_thing(phrases[i], phrases[j], _sim(vecs, i, j))),
            None,
        )
        if twin is None:
            if len(kept) < k:
                kept.append(i)
            continue
        j = kept[twin]
        if bare(phrases[j]) and specific_of(phrases[i], phrases[j]):
            kept[twin] = i  # "meeting" says nothing beside "Trump-Kim meeting"
            continue
        close = scores is None or scores[i] >= REPLACE_SHARE * scores[j]
        if close and more_informative(phrases[i], phrases[j]):
            kept[twin] = i
    return kept


def _sim(vecs: Any, i: int, j: int) -> float:
    return 0.0 if vecs is None else float(vecs[i] @ vecs[j])
