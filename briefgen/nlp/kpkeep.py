"""What an analyst keeps in a period's keyphrase list (a brief's corpus and country lists).

An article's keyphrases say what the article is about; a period's say what the week's
policy news was about, and a specialist strikes from them what is no subject of its own:
  - a bare noun ("speech", "scale", "goal", "earthquake"), or one qualified only by a
    vague or evaluative word ("golden opportunity", "mere threat", "main channels"):
    kept only when it is a term of a tracked issue (data/issues.yaml: "sanctions",
    "attack") shared by several (SHARED) of the period's articles, or an acronym ("ICBM");
  - a source or a body rather than a subject: a news agency, a think tank, an institute,
    a government agency ("Kyodo News", "International Security Center", "weather
    agency"): the brief lists its sources and actors apart;
  - a place ("New York", "Notre Dame", "Hokkaido island", "Pacific Ocean"): where it
    happened, not what;
  - a piece of a country's longer name ("Democratic People" of the "Democratic People's
    Republic of Korea", cut by the parser at the possessive);
  - an actor described rather than a subject ("North Korean regime", "South Korean
    delegation", "national security adviser"): the brief lists its actors apart;
  - colour and logistics, whatever qualifies them ("apocalyptic imagery", "close touch",
    "lavish luncheon");
  - an epithet or a slur ("old beast lunatic", "dotard"): a quotation, not a subject;
  - comedy and its reviews ("laff riot", "humorous jabs", "joke-filled monologue"):
    colour, not a subject;
  - an institution ("White House", "presidential Blue House"): an actor;
  - people described, by a noun that names people (data/roles.yaml) or a people-like
    ending ("frightened executives", "Hollywood talkers", "evil foreign imperialists"),
    and a body described ("non-partisan foreign policy think tank", "Chinese
    conglomerate", "U.S. Senate") or named in the actors list ("FBI"): the brief lists
    its actors apart;
  - two or more words in capitals ("AMY GOODMAN"): a transcript's speaker label or a
    shouted headline, not a subject (one word in capitals is an acronym: "ICBM").
What was said, or where, qualified only by countries or institutions ("U.N. speech",
"White House statement", "North Korean Internet") says no more than the country's
section does, nor does a section's own subject so qualified ("North Korean missile",
"North Korea crisis"), nor a country's common thing ("South Korean trucks", "Chinese
border", "U.S. credibility"); "Japanese sanctions", "North Korea policy" (an issue's
term, an event or a policy) are subjects.  Words of degree and feeling ("little",
"distant", "frightened") and adjectives of "-less" and "-ful" judge like "golden".
Named programmes, sites, weapons and operations (data/named.yaml) and countries are
always kept.  Articles' own lists (and DUC-2001, whose annotators keep "major earthquake"
and "National Hurricane Center") are not filtered.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefgen.knowledge.issues import load_issues
from briefgen.knowledge.keyphrase_words import institutions, words
from briefgen.knowledge.places import is_place
from briefgen.knowledge.roles import load_roles
from briefgen.nlp.kpcandidates import gazetteer
from briefgen.nlp.kpdedupe import VAGUE_MODIFIERS, singular
from briefgen.nlp.kppeople import actors, people_nouns

_EVALUATIVE = words("evaluative")
_SOURCE_HEADS = words("source_heads")
_NAMED_SOURCE_HEADS = words("named_source_heads")
_PLACE_HEADS = words("place_heads")
_ACTOR_HEADS = words("actor_heads")
_COLOUR_HEADS = words("colour_heads")
_EPITHETS = words("epithets")
_COMIC = words("comic_words")
_SAID_HEADS = words("said_heads")
_SECTION_HEADS = words("section_heads")
_GENERIC_HEADS = words("generic_heads")
_BODY_HEADS = words("body_heads")
# A people-like ending ("talkers", "imperialists", "detainees", "engineers",
# "politicians", "gentlemen"; "-list" only after "a": "journalist", not "blacklist"),
# read with the exceptions of data/roles.yaml and keyphrase_words.yaml not_people.
_AGENT = re.compile(r"(?:[^aeiou]er|(?<!l)ist|alist|eer|ee|ian|m[ae]n)$")
# Articles that make a bare issue term the period's subject ("sanctions" in three reports,
# not "main channels" in two reports of one story).
SHARED = 3
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9.\-]*[A-Z0-9]\.?$")


@lru_cache(maxsize=1)
def _issue_word() -> re.Pattern[str]:
    """One-word terms of the tracked issues ("sanction*", "attack*", "force")."""
    terms = {t for i in load_issues() for t in i.terms if " " not in t and "-" not in t}
    body = "|".join(re.escape(t).replace(r"\*", r"\w*") for t in sorted(terms))
    return re.compile(rf"^(?:{body})$")


def _source(ws: list[str]) -> bool:
    """A news agency, think tank, institute or agency: who told or did, not what."""
    head = ws[-1]
    if head.lower() in _SOURCE_HEADS or "news" in (w.lower() for w in ws):
        return True
    return head[:1].isupper() and head.lower() in _NAMED_SOURCE_HEADS


def _place(phrase: str, ws: list[str]) -> bool:
    """A place of places.yaml, or a phrase with a place's head ("Japanese island")."""
    return is_place(phrase) or ws[-1].lower() in _PLACE_HEADS


@lru_cache(maxsize=65536)
def _part_of_name(phrase: str) -> bool:
    """A proper part of a country's name in the gazetteer ("Democratic People"): found
    in it as whole words, not after an apostrophe.  Asked once per phrase (a period's
    scopes ask again), by plain search: a regex compiled per phrase cost more than the
    rest of the keep test."""
    return any(n != phrase and _inside(phrase, n) for n in _long_names())


def _inside(phrase: str, name: str) -> bool:
    """`phrase` in `name` with no word character or apostrophe just before it and no
    word character just after (the regex (?<![\\w'’])phrase(?!\\w), \\w as re reads it)."""
    at = name.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if (at == 0 or not _wordish(name[at - 1], "'’")) and (
            end == len(name) or not _wordish(name[end], "")
        ):
            return True
        at = name.find(phrase, at + 1)
    return False


def _wordish(ch: str, extra: str) -> bool:
    return ch.isalnum() or ch == "_" or ch in extra


@lru_cache(maxsize=1)
def _long_names() -> tuple[str, ...]:
    """The gazetteer's names of three words or more, where a parser cuts pieces."""
    return tuple(n for n in gazetteer() if len(n.split()) > 2)


# Words that qualify no subject: vague ("new", "further") and judging ("golden", "mere").
_PLAIN = VAGUE_MODIFIERS | _EVALUATIVE


def _judging(word: str) -> bool:
    """An evaluative word: listed, or an adjective of "-less", "-ful", "-able" or "-ible"
    that is no issue's term ("groundless slander", "wonderful ...", "intractable
    problem", "unthinkable ..."; "peaceful", "irreversible" and "verifiable" are the
    issues')."""
    low = word.lower()
    if low in _EVALUATIVE:
        return True
    judging = low.endswith(("less", "ful", "able", "ible"))
    return len(low) > 6 and judging and not _issue_word().match(low)


def _plain(word: str) -> bool:
    return word.lower() in VAGUE_MODIFIERS or _judging(word)


def unjudged(phrase: str) -> str:
    """The phrase without its evaluative words, its head kept ("devastating cyberattack"
    -> "cyberattack", "massive Sony hack" -> "Sony hack"): how a period's list compares
    two phrases (an article's list keeps them: DUC-2001's "devastating oil spill")."""
    ws = phrase.split()
    rest = [w for w in ws[:-1] if not _judging(w)]
    return " ".join([*rest, ws[-1]]) if ws else phrase


def _bare(ws: list[str]) -> bool:
    """The phrase is its head noun alone, once vague and evaluative words are set aside."""
    return all(_plain(w) for w in ws[:-1])


def _no_subject(phrase: str, ws: list[str]) -> bool:
    """An actor described ("North Korean regime"), colour or logistics ("apocalyptic
    imagery"), an epithet ("old beast lunatic") or comedy ("laff riot"), by its head or
    its words."""
    head = ws[-1].lower()
    if head in _ACTOR_HEADS or head in _COLOUR_HEADS:
        return True
    low = f" {phrase.lower()} "
    if any(f" {e} " in low for e in _EPITHETS):
        return True
    # comedy and its reviews ("laff riot", "joke-filled monologue"), hyphened parts too
    return any(p in _COMIC for p in re.split(r"[\s\-]+", phrase.lower()))


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    """Countries', bodies' and institutions' names, lower case ("u.n.", "white house")."""
    return frozenset(n.lower() for n in (*gazetteer(), *institutions()))


def _institution(phrase: str) -> bool:
    """An institution, an actor not a subject, whatever qualifies it ("White House",
    "presidential Blue House", "UN security council"): its name is the phrase's head."""
    low = phrase.lower()
    return any(low == n or low.endswith(f" {n}") for n in _institution_names())


@lru_cache(maxsize=1)
def _institution_names() -> tuple[str, ...]:
    return tuple(n.lower() for n in institutions())


def _without_countries(ws: list[str]) -> list[str]:
    """`ws` with the country, body and institution names before its head taken out ("U.N.
    speech" -> "speech", "White House statement" -> "statement"), longest name first."""
    names = _names()
    out: list[str] = []
    i, last = 0, len(ws) - 1
    while i < last:
        n = next(
            (n for n in (3, 2, 1) if i + n <= last and " ".join(ws[i : i + n]).lower() in names), 0
        )
        if n:
            i += n
        else:
            out.append(ws[i])
            i += 1
    return [*out, ws[last]]


@lru_cache(maxsize=1)
def _not_people() -> frozenset[str]:
    return load_roles().not_people | words("not_people")


def _known_body(phrase: str) -> bool:
    """A body of the actors list by any of its names ("FBI", "Sony Pictures
    Entertainment", "Heritage Foundation"): an actor, listed apart."""
    e = actors().lookup(phrase)
    return e is not None and not e.person


def _people(ws: list[str]) -> bool:
    """A description of people, whatever qualifies it ("frightened executives",
    "Hollywood talkers", "evil foreign imperialists", "American detainees", "Senate
    Democrat", "regional powers"): the brief lists its actors apart.  Its head names
    people (roles.yaml) or has a people-like ending that is no thing's."""
    head = ws[-1].removesuffix("'s").removesuffix("’s")
    if head in load_roles().us_politics:
        return True  # "Senate Democrat" (case-sensitive: "democratic" is not)
    if head.isupper() or not head.isalpha() and "-" not in head:
        return False  # an acronym, a model number
    low = head.lower()
    forms = {low, singular(low), low.rsplit("-", 1)[-1], singular(low.rsplit("-", 1)[-1])}
    if forms & _not_people():
        return False
    return bool(forms & people_nouns()) or any(_AGENT.search(f) for f in forms)


@lru_cache(maxsize=1)
def _bodies() -> frozenset[str]:
    """Heads of a body described ("think tank", "conglomerate", "committee"), in any
    case; those only a capital makes a body (named_source_heads) set aside."""
    r = load_roles()
    return frozenset((r.body_nouns | r.firm_nouns | _BODY_HEADS) - _NAMED_SOURCE_HEADS)


def _body(ws: list[str]) -> bool:
    """A body described, not named ("non-partisan foreign policy think tank", "Chinese
    conglomerate", "House intelligence committee", "U.S. Senate")."""
    low = [w.lower() for w in ws]
    heads = {low[-1], singular(low[-1])}
    if len(low) > 1:
        heads.add(f"{low[-2]}-{low[-1]}")  # "think tank" is "think-tank"
    return bool(heads & _bodies())


def _country_and_thing(ws: list[str], rest: list[str]) -> bool:
    """A country (or body) and a noun that is no issue's term nor an event or policy,
    judging words aside ("South Korean trucks", "Chinese border", "U.S. capabilities",
    "Pyongyang time"): a thing of the country's, which its section already names; "U.N.
    sanctions", "North Korea policy", "Iran deal", "U.S. deployment" are subjects."""
    if len(rest) == len(ws) or not _bare(rest):
        return False
    head = ws[-1]
    low = head.lower()
    if _ACRONYM.match(head) or _issue_word().match(low):
        return False
    return not {low, singular(low)} & _GENERIC_HEADS


def _shouted(ws: list[str]) -> bool:
    """Two or more words of letters, all in capitals ("AMY GOODMAN", "BREAKING NEWS")."""
    letters = [w for w in ws if w.isalpha()]
    return len(letters) >= 2 and len(letters) == len(ws) and all(w.isupper() for w in ws)


def kept(phrase: str, key: str, n_articles: int) -> bool:
    """Does a period's list keep `phrase` (candidate key `key`), found in `n_articles` of
    the period's articles?  See the module docstring."""
    if key.startswith(("named:", "country:")):
        return True
    ws = phrase.split()
    if not ws or _source(ws) or _place(phrase, ws) or _part_of_name(phrase):
        return False
    if _no_subject(phrase, ws) or _institution(phrase) or _shouted(ws):
        return False
    if _people(ws) or _body(ws) or _known_body(phrase):
        return False
    head = ws[-1]
    rest = _without_countries(ws)
    if len(rest) < len(ws) and _bare(rest) and head.lower() in _SAID_HEADS | _SECTION_HEADS:
        return False  # "U.N. speech", "White House statement", "North Korean missile"
    if _country_and_thing(ws, rest):
        return False
    if not _bare(ws):
        return True
    if _ACRONYM.match(head):
        return True
    return n_articles >= SHARED and bool(_issue_word().match(head.lower()))
