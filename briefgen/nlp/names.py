"""Names: a person's name whole, the speaker record, and the forms one name takes.

"U.S. Defense Secretary Jim Mattis": the name is "Jim Mattis" (the title is read by
titles.py).  Korean and other East Asian names are kept whole in every
romanisation, spacing and hyphenation ("Moon Jae-in", "Kim Kye Gwan", "Choe Son Hui"):
the parser's entity often stops inside them ("Moon Jae" + "in"), so a name's extent is
read from the tokens, not from the entity alone.  The words come from
knowledge/roles.py and knowledge/family_names.py.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from briefgen.knowledge.countries import BODIES, country_matches, government_name
from briefgen.knowledge.family_names import load_family_names
from briefgen.knowledge.roles import Roles, load_roles
from briefgen.nlp.titles import name_and_title

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass
class Speaker:
    """A resolved speaker: a named person or body, or a description kept as written."""

    name: str
    role: str | None = None
    country: str | None = None
    kind: str = "other"
    named: bool = True
    gender: str | None = None
    aliases: set[str] = field(default_factory=set)
    person: bool = True  # a person, not a body or publication (pronouns: he/she vs it)
    plural: bool = False  # "officials", "analysts" (pronouns: they)
    confidence: float = 1.0
    joint: bool = False  # several speakers as one ("Kim and Moon"; joint.py)

    @property
    def key(self) -> str:
        return slugify(self.name)


def speaker_dict(sp: Speaker) -> dict[str, Any]:
    return {"name": sp.name, "role": sp.role, "country": sp.country, "kind": sp.kind}


@lru_cache(maxsize=8192)
def slugify(text: str) -> str:
    """The id form of a name: "Kim Jong-un" and "Kim Jong Un" are both "kim-jong-un"."""
    norm = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", norm.lower()).strip("-") or "unknown"


def clean_name(text: str) -> str:
    """One line, no possessive, no leading article: the form names are compared in."""
    t = " ".join(text.split())
    t = re.sub(r"(?:’s|'s|’|')$", "", t).strip(" ,;:")
    if _ABBREVIATION_END.search(t):
        return t  # "U.S.": the dot is the name's ("U.S" is no country)
    return t.rstrip(".").strip(" ,;:")


# A name ending in an abbreviation of capitals ("U.S.", "the U.N.").
_ABBREVIATION_END = re.compile(r"(?:^|[\s(])(?:[A-Z]\.){2,}$")


def only_country(text: str) -> str | None:
    """The code when `text` is nothing but a country's name ("the North", "Beijing")."""
    full = clean_name(text)
    for cand in (full, re.sub(r"^The\s", "the ", full), re.sub(r"^the\s+", "", full, flags=re.I)):
        found = country_matches(cand)
        if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(cand):
            return found[0][3]
    return None


def country_voice(code: str) -> Speaker:
    """The speaker for "China said", "Pyongyang warned": the country's government."""
    return Speaker(
        name=government_name(code),
        role="government" if code not in BODIES else None,
        country=code,
        kind="international" if code in BODIES else "government",
        person=False,
    )


def is_country_voice(actor_id: str, country: str | None) -> bool:
    """True for the actor `country_voice` makes: a country speaking, not one of its officials."""
    return country is not None and actor_id == slugify(government_name(country))


# ----------------------------------------------------------------------------- names whole

_SYLLABLE = re.compile(r"^[A-Z]?[a-z]{1,6}$")


def is_east_asian(name: str) -> bool:
    """Family name first: "Moon Jae-in", "Kim Kye Gwan", "Ri Yong Ho" (a Korean or Chinese
    family name followed by a hyphenated given name or by several short syllables)."""
    parts = name.split()
    if len(parts) < 2 or not load_family_names().is_family(parts[0]):
        return False
    given = parts[1:]
    if len(given) == 1:
        return "-" in given[0] or bool(re.fullmatch(r"[A-Z][a-z]{0,2}", given[0]))
    return all(_SYLLABLE.match(g) or "-" in g for g in given) and len(given) <= 3


def lone_forms(name: str) -> list[str]:
    """The single words a later mention may use for this person: the family name (first
    for an East Asian name, last otherwise); a two-word name that may be either order
    gives both."""
    parts = name.split()
    if len(parts) < 2:
        return []
    if is_east_asian(name):
        return [parts[0]]
    if len(parts) == 2 and load_family_names().is_family(parts[0]):
        return [parts[-1], parts[0]]  # "Wang Yi", "Kim Darroch": either may be the family name
    return [parts[-1]]


def same_name(a: str, b: str) -> bool:
    """One name in two spellings: case, spacing, hyphens and family-name romanisation
    ("Kim Jong-un" = "Kim Jong Un"; "Choe Son Hui" = "Choi Son-hui")."""
    if slugify(a).replace("-", "") == slugify(b).replace("-", ""):
        return True
    pa, pb = a.split(), b.split()
    if len(pa) < 2 or len(pb) < 2 or not (is_east_asian(a) and is_east_asian(b)):
        return False
    fam = load_family_names()
    return fam.same(pa[0], pb[0]) and slugify(" ".join(pa[1:])).replace("-", "") == slugify(
        " ".join(pb[1:])
    ).replace("-", "")


def _name_token(t: Token, roles: Roles) -> bool:
    """A token that can be part of a personal name."""
    if t.is_space or t.is_punct or not t.text[:1].isupper():
        return False
    if t.lower_ in roles.title_words or t.lower_ in roles.role_nouns:
        return False
    if t.ent_type_ in ("DATE", "TIME", "GPE", "NORP", "CARDINAL", "ORDINAL"):
        return False
    return t.pos_ in ("PROPN", "NOUN", "ADJ", "VERB", "X") or t.ent_type_ == "PERSON"


def _hyphen_tail(doc: Doc, j: int) -> int:
    """After token j, "-in" / "-Un" / "-yong" glued on with no space: the index of the
    syllable, else -1."""
    if (
        j + 2 < len(doc)
        and doc[j].whitespace_ == ""
        and doc[j + 1].text in ("-", "‐", "–")
        and doc[j + 1].whitespace_ == ""
        and doc[j + 2].is_alpha
        and len(doc[j + 2].text) <= 6
    ):
        return j + 2
    return -1


def name_bounds(tok: Token, roles: Roles | None = None) -> tuple[int, int]:
    """[lo, hi) of the whole name `tok` is part of: the entity widened over glued
    syllables ("Moon Jae" + "-in") and neighbouring name tokens ("Kim Kye" + "Gwan")."""
    r = roles or load_roles()
    doc = tok.doc
    lo = hi = tok.i
    if tok.ent_type_ == "PERSON":
        lo = ent_start(tok)
        while hi + 1 < len(doc) and doc[hi + 1].ent_iob_ == "I":
            hi += 1
    while True:  # rightwards: glued syllables and name tokens
        tail = _hyphen_tail(doc, hi)
        if tail >= 0:
            hi = tail
            continue
        nxt = hi + 1
        if (
            nxt < len(doc)
            and doc[hi].whitespace_ == " "
            and _name_token(doc[nxt], r)
            and (doc[nxt].ent_type_ == "PERSON" or doc[nxt].pos_ == "PROPN")
            and doc[nxt].ent_iob_ != "B"
            or nxt < len(doc)
            and doc[nxt].ent_type_ == "PERSON"
            and doc[nxt].ent_iob_ == "B"
            and doc[hi].whitespace_ == " "
            and is_east_asian(doc[lo : nxt + 1].text)
        ):
            hi = nxt
            continue
        break
    fam = load_family_names()
    while lo > 0 and _name_token(doc[lo - 1], r) and doc[lo - 1].whitespace_ == " ":
        prev = doc[lo - 1]
        if prev.ent_type_ == "PERSON" or (
            fam.is_family(prev.text) and is_east_asian(doc[lo - 1 : hi + 1].text)
        ):
            lo -= 1  # "Choe" before an entity "Son Hui"
            continue
        break
    return lo, hi + 1


def _glued_to(tok: Token) -> Token | None:
    """For "in" in "Jae-in": the token it is glued to by a hyphen, else None."""
    doc = tok.doc
    i = tok.i
    if (
        i >= 2
        and doc[i - 1].text in ("-", "‐", "–")
        and doc[i - 1].whitespace_ == ""
        and doc[i - 2].whitespace_ == ""
        and doc[i - 2].text[:1].isupper()
    ):
        return doc[i - 2]
    return None


def name_at(tok: Token, roles: Roles | None = None) -> str | None:
    """The whole personal name `tok` is part of ("in" of "Moon Jae-in", "Jae" of the
    entity "Moon Jae"), or None when `tok` is in no personal name."""
    anchor = tok
    glued = _glued_to(tok)
    while glued is not None:
        anchor = glued
        glued = _glued_to(anchor)
    doc = tok.doc
    if (
        anchor.ent_type_ != "PERSON"
        and anchor.pos_ == "PROPN"
        and anchor.i > 0
        and doc[anchor.i - 1].ent_type_ == "PERSON"
        and doc[anchor.i - 1].whitespace_ == " "
    ):
        anchor = doc[anchor.i - 1]  # "Ri Yong" tagged, "Ho" not
    if anchor.ent_type_ != "PERSON" and not (
        anchor.pos_ == "PROPN" and anchor is not tok and anchor.text[:1].isupper()
    ):
        return None
    return full_name(anchor, roles)


def full_name(tok: Token, roles: Roles | None = None) -> str:
    """The whole name `tok` is part of, as written, without a title in front."""
    lo, hi = name_bounds(tok, roles)
    name = clean_name(tok.doc[lo:hi].text)
    return name_and_title(name, roles)[0]


# A capitalised word of a name: "Fiorina", "O’Donnell", "McCain", "Smith-Jones".
_NAME_WORD = re.compile(r"^[A-Z](?:[a-z]+(?:[A-Z][a-z]+)?|[’'][A-Z][a-z]+)(?:-[A-Z][a-z]+)?$")


def is_name_word(word: str) -> bool:
    return bool(_NAME_WORD.match(word))


def given_name_person(span: Span, roles: Roles | None = None) -> bool:
    """ "Carly Fiorina", "Kelsey Davenport" tagged as an organisation or a place: two or
    three capitalised words opening on a given name that is mostly one sex's
    (family_names.yaml) are a person's name whatever the tagger's label, unless a word
    of them names an office, a body or a place ("Marshall Islands")."""
    r = roles or load_roles()
    words = [t for t in span if not t.is_space]
    if not 2 <= len(words) <= 3 or any(w.whitespace_ != " " for w in words[:-1]):
        return False
    if load_family_names().gender_of_given(words[0].text) is None or words[-1].tag_ == "NNPS":
        return False  # "Roman Catholics": a plural is a group
    from briefgen.knowledge.countries import country_of

    for w in words:
        low = w.lower_
        if not is_name_word(w.text):
            return False
        if w.pos_ not in ("PROPN", "NOUN") or country_of(w.text) is not None:
            return False
        if (
            low in r.title_words
            or low in r.role_nouns
            or low in r.body_nouns
            or low in r.firm_nouns
            or low in r.place_words
            or low in r.name_of_body_words
            or low in r.publication_words
        ):
            return False
    return True


def is_fragment(name: str) -> bool:
    """A piece of a name that is no name: a lone given-name syllable ("in", "Gwan" after
    "Kim Kye"), a two-letter word, a hyphenated syllable."""
    n = name.strip()
    return len(n) <= 2 or n[:1].islower() or n.startswith("-")


# ----------------------------------------------------------------------------- tokens


def root_subject(sent: Span) -> Token | None:
    return next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def phrase_text(tok: Token) -> str:
    toks = [t for t in tok.subtree if t.i <= tok.i or t.dep_ in ("compound",)]
    return " ".join(t.text for t in toks if not t.is_space)


def propn_run(tok: Token) -> str:
    """ "Ganbold Dorj": the proper nouns compounded onto a head the NER missed."""
    i = tok.i
    while i > 0 and tok.doc[i - 1].pos_ == "PROPN" and tok.doc[i - 1].dep_ == "compound":
        i -= 1
    return tok.doc[i : tok.i + 1].text


def ent_start(tok: Token) -> int:
    i = tok.i
    while i > 0 and tok.doc[i].ent_iob_ == "I" and tok.doc[i - 1].ent_type_ == tok.ent_type_:
        i -= 1
    return i


def ent_text(tok: Token) -> str:
    if not tok.ent_type_:
        return tok.text
    doc = tok.doc
    i = ent_start(tok)
    j = tok.i
    while j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I":
        j += 1
    return clean_name(doc[i : j + 1].text)


# Prepositions that say where or with whom a person is ("Grace Park of New Jersey").
_OF_PLACE = ("from", "of", "at", "with")


def affiliation(name: Span) -> str:
    """What the text says of a person right after the name, for whom they work or where
    they live: the aside between commas when it is a description or a relative clause
    ("Rogers, who works at CloudFlare"; "Grace Park, 45, of New Jersey"; after an age,
    "Derek Karpel, 34, an attorney from Manhattan"), a relative clause right on the name
    ("Jaime Blasco who heads the team at AlienVault"), a "from", "of" or "at" phrase on
    the name or, after a verb, on the verb ("said David Albright from the Institute
    ..."), and a description the name stands beside ("One moviegoer in Dallas, David
    Matthews, said")."""
    doc = name.doc
    parts: list[str] = []
    block = comma_block(name)
    end = name.end
    if re.fullmatch(r"\d{1,3}", block.strip()):  # "Derek Karpel, 34, an attorney from ..."
        end = name.end + 2
        block = comma_block(doc[name.end + 1 : end])
    if block:
        nxt = doc[end + 1] if end + 1 < len(doc) else None
        verb = nxt is None or nxt.tag_ in ("VBG", "VBD", "VBZ", "VBP", "VB")
        verb = verb and not (nxt is not None and nxt.lower_ == "visiting")  # "visiting fellow"
        # "her husband, former president Bill Clinton, for “allowing” North Korea to ...":
        # the comma closes the name's apposition; what follows is the sentence, not an aside
        other_prep = nxt is not None and nxt.tag_ == "IN" and nxt.lower_ not in _OF_PLACE
        if not verb and not other_prep and not _opens_clause(doc, end + 1):
            parts.append(block)
    head = name[-1]
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in _OF_PLACE and c.i >= name.end:
            parts.append(" ".join(t.text for t in c.subtree))
        if c.dep_ == "relcl" and c.i == name.end + 1 and doc[name.end].tag_ in ("WP", "WDT"):
            parts.append(" ".join(t.text for t in doc[name.end : c.right_edge.i + 1]))
    gov = head.head
    if head.dep_ == "nsubj" and gov.i < head.i:  # "said David Albright from the Institute"
        for c in gov.children:
            if c.dep_ == "prep" and c.i == name.end and c.lower_ in _OF_PLACE:
                parts.append(" ".join(t.text for t in c.subtree))
    described = head.head if head.dep_ == "appos" else None
    if described is not None and described.pos_ == "NOUN" and described.i < name.start:
        # "One moviegoer in Dallas, David Matthews, said": the description before the name
        words = [t for t in described.subtree if t.i < name.start and not t.is_punct]
        parts.append(" ".join(t.text for t in words))
    return " ; ".join(parts)


def modifier_before(name: Span) -> str:
    """ "Australian traveler Mark Fahey", "Trump confidante Hope Hicks": a nationality or
    a person's name and one lower-case common noun right before the name, which
    title_before leaves out (a trade, no title); "" when there is none."""
    doc, lo = name.doc, name.start
    if lo < 2 or doc[lo - 1].pos_ != "NOUN" or not doc[lo - 1].text.islower():
        return ""
    adj = doc[lo - 2]
    if adj.ent_type_ not in ("NORP", "PERSON") and adj.pos_ != "PROPN":
        return ""
    first = adj.i
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    if first > 0 and doc[first - 1].lower_ in ("former", "ex", "onetime", "one-time"):
        return ""  # "former Trump aide John Doe" serves nobody now
    return doc[first:lo].text


def standing_as(name: Span) -> Token | None:
    """ "her father, Mike Huckabee, ran his first campaign as a Republican": the party
    word (a NORP) the person, or the subject the name stands beside, ran or acted as."""
    head = name[-1]
    subj = head.head if head.dep_ == "appos" else head
    if subj.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for c in subj.head.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ == "NORP":
                return obj
    return None


def scene(name: Span) -> str:
    """ "In Dallas, Michelle Espinal, 25, arrived ...": the place a sentence opens on,
    when the name is the subject of its verb (where the person was, which places a
    private person and nobody else)."""
    head = name[-1]
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return ""
    for c in head.head.children:
        if c.dep_ == "prep" and c.lower_ == "in" and c.is_sent_start and c.i < name.start:
            return " ".join(t.text for t in c.subtree)
    return ""


def _opens_clause(doc: Doc, i: int) -> bool:
    """Whether the words from doc[i] are a clause of their own, not an aside ("According
    to one watcher, Martyn Williams, Pyongyang has developed ..."): a finite verb comes
    after nothing but the words of a noun phrase (no "who", "until", "of" before it)."""
    for t in doc[i : i + 12]:
        if t.tag_ in ("VBZ", "VBD", "VBP", "MD"):
            return t.i > i
        if t.is_punct or t.pos_ not in ("PROPN", "NOUN", "DET", "ADJ", "NUM", "PART"):
            return False
    return False


def comma_block(ent: Span) -> str:
    """ "Ri, a diplomat until he defected in 2019, told": the aside after a name, clauses
    included, for kind words the short role leaves out."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return ""
    j = ent.end + 1
    while j < len(doc) and j < ent.end + 25 and doc[j].text not in (",", ";", ".", "“", "”"):
        j += 1
    return doc[ent.end + 1 : j].text


def name_key(name: str) -> str:
    """The form two spellings of one name share: case, spaces and hyphens out, an East
    Asian family name in its first romanisation ("Choi Son-hui" -> "choe|sonhui")."""
    n = clean_name(name)
    if is_east_asian(n):
        parts = n.split()
        fam = load_family_names().norm(parts[0])
        return fam.lower() + "|" + slugify(" ".join(parts[1:])).replace("-", "")
    n = re.sub(r"^the\s+", "", n, flags=re.IGNORECASE)
    return slugify(n).replace("-", "")
