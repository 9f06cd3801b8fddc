"""Who is a person, for the keyphrase candidates and a period's lists: the actors list's
people, the names the tagger saw as a person, and the nouns that name people
(data/roles.yaml; keyphrase_words.yaml people).  People are no keyphrases: the brief
lists its actors apart."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from briefgen.knowledge.keyphrase_words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from briefgen.nlp.gazetteer import Gazetteer


def known_person(phrase: str) -> bool:
    """A person of the actors list (data/actors.yaml) by any of their names, in any case
    ("Trump", "trump", "Kim Jong Un")."""
    gaz = actors()
    for form in (phrase, phrase.title()):
        e = gaz.lookup(form)
        if e is not None:
            return e.person
    return False


@lru_cache(maxsize=1)
def actors() -> Gazetteer:
    """The actors list (data/actors.yaml), loaded once."""
    from briefgen.nlp.gazetteer import load_gazetteer

    return load_gazetteer()


def person_words(doc: Doc) -> set[str]:
    """Words of the names the tagger saw as a person in the text."""
    return {t.text for e in doc.ents if e.label_ == "PERSON" for t in e if t.pos_ == "PROPN"}


@lru_cache(maxsize=1)
def people_nouns() -> frozenset[str]:
    """Nouns that name people (data/roles.yaml: roles, speakers, kin, unnamed sources,
    questioners; keyphrase_words.yaml people), the roles' bodies and firms set aside."""
    from briefgen.knowledge.roles import load_roles

    r = load_roles()
    people = r.role_nouns | r.speaker_nouns | r.anonymous_heads | r.questioners
    people |= r.kin_nouns | r.counterpart_nouns | words("people")
    bodies = r.body_nouns | r.firm_nouns | r.collective_nouns | r.body_heads
    return frozenset(w for w in people if w not in bodies and w.rstrip("s") not in bodies)
