"""Joint speakers: "Kim Jong Un and Moon Jae-in said", "The United States and South
Korea said", "Jenny Jun, Scott LaFoy and Ethan Sohn wrote".

A statement made by several people or bodies together is theirs together, not the first
one's: the speaker is one plural actor named by its parts in the text's order (a person
by their full name, a country by its name, anything else as written), with the country
and kind the parts share (none when they differ).  A later "they" may refer to it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefgen.knowledge.countries import country_name
from briefgen.nlp.names import Speaker, clean_name, is_country_voice

if TYPE_CHECKING:
    from spacy.tokens import Token

# Conjunctions that join speakers into one: "or" and "nor" give alternatives, not a pair.
_JOINING = frozenset({"and", "&"})


def conjuncts(head: Token) -> list[Token]:
    """The nouns joined to `head` by "and", in text order ("Jun, LaFoy and Sohn"); none
    when they are words of one name ("the Center for Strategic and International
    Studies") or joined by "or"."""
    out: list[Token] = []
    # "the US president, Donald Trump, and his South Korean counterpart, Moon Jae-in":
    # the parser joins the second to the first one's name, not to his title
    named = [c for c in head.children if c.dep_ == "appos" and c.i > head.i and c.pos_ == "PROPN"]
    todo = [head, *named]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.i > t.i and c.pos_ in ("PROPN", "NOUN") or _listed(t, c):
                if t in named and not _a_person(c):
                    continue  # "Adam Schiff, California Democrat and the ranking member"
                out.append(c)
                todo.append(c)
    if not out:
        return []
    ccs = [c for t in (head, *named, *out) for c in t.children if c.dep_ == "cc"]
    if not ccs or any(c.lower_ not in _JOINING for c in ccs):
        return []
    if any(_one_entity(head, c) for c in out):
        return []
    return sorted(out, key=lambda t: t.i)


def _a_person(t: Token) -> bool:
    """A name, or a noun with its own name beside it ("his counterpart, Moon Jae-in"):
    what is joined to a person's name is another person only then, never a second
    title of the first ("Joseph Yun, expert and former negotiator")."""
    return t.ent_type_ == "PERSON" or any(
        c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in t.children
    )


def _listed(t: Token, c: Token) -> bool:
    """ "Jenny Jun, Scott LaFoy and Ethan Sohn": the parser hangs the second name of a
    list of people on the first as an apposition, the last on it by "and"."""
    return (
        c.dep_ == "appos"
        and c.i > t.i
        and t.ent_type_ == c.ent_type_ == "PERSON"
        and any(x.dep_ == "conj" for x in c.children)
    )


def _one_entity(a: Token, b: Token) -> bool:
    return any(e.start <= a.i < e.end and e.start <= b.i < e.end for e in a.doc.ents)


def part_name(sp: Speaker, written: str) -> str:
    """How a part is named in the joint name: a named person in full, a country by its
    name, anything else as the text writes it."""
    if sp.person and sp.named:
        return sp.name
    if is_country_voice(sp.key, sp.country) and sp.country is not None:
        return country_name(sp.country)
    return clean_name(written)


def _country_part(sp: Speaker, name: str) -> bool:
    """A part named by its country's name (part_name)."""
    return sp.country is not None and name == country_name(sp.country)


# Kinds an unplaced description is of when it speaks for no state beside the others.
_NO_STATE_KINDS = frozenset({"expert", "media", "state-media", "defector"})


def _states(written: str) -> bool:
    """ "other governments", "governments around the region", "its allies": a part that
    names other states than the rest, so the joint speaker is of no one state."""
    words = set(re.findall(r"[a-z]+", written.lower()))
    return bool(words & _OTHER_STATES)


_OTHER_STATES = frozenset(
    {"other", "governments", "countries", "nations", "states", "allies", "partners", "members"}
)


def joint_speaker(parts: list[tuple[Speaker, str]]) -> Speaker:
    """One plural speaker for several (speaker, as written) parts, in text order."""
    names: list[str] = []
    for sp, written in parts:
        name = part_name(sp, written)
        if names and written.lower().startswith("the ") and _country_part(sp, name):
            name = f"the {name}"  # "South Korea and the United States", as written
        if name not in names:
            names.append(name)
    label = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    countries = {sp.country for sp, _ in parts}
    if None in countries and all(
        sp.country or not sp.named and sp.kind not in _NO_STATE_KINDS and not _states(w)
        for sp, w in parts
    ):
        # "Trump and his aides", "Intelligence officials and the FBI": a description the
        # text does not place joins the one state of the others (GUIDE.md, joint); not
        # analysts or reporters, who speak for no state
        countries.discard(None)
    kinds = {sp.kind for sp, _ in parts}
    return Speaker(
        name=label,
        country=countries.pop() if len(countries) == 1 else None,
        kind=kinds.pop() if len(kinds) == 1 else "other",
        named=all(sp.named for sp, _ in parts),
        person=all(sp.person for sp, _ in parts),
        plural=True,
        confidence=min(sp.confidence for sp, _ in parts),
        joint=len(parts) > 1,
    )
