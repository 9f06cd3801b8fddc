"""Speaker resolution: a speaker phrase ("he", "Moon", "the official", "the editorial")
to the person, body or publication it means, with its country.

A speaker is a person, a body or a publication, named in full; never an object, an
event, a document, a title or a place.  A phrase that names none of them resolves to
nobody (the quotation keeps an unknown speaker).  Pronouns go to the nearest compatible
earlier speaker (he/she a person of that gender, it a body, they a body or a group).
A document speaks for whoever issued it, a publication word ("the article said") for
the publication the text names, and "an official who accompanied X" is an unnamed
official of X's country, never X.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefgen.knowledge.countries import country_of
from briefgen.nlp.names import (
    Speaker,
    clean_name,
    country_voice,
    ent_text,
    is_name_word,
    name_at,
    name_bounds,
    only_country,
)
from briefgen.nlp.titles import allegiance_country, infer_kind, title_before
from briefgen.nlp.unnamed import _NOT_SPEAKERS, ArticleUnnamed, _capitalised

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# Kinds of speaker that report others' words (a person they quote speaks instead).
_PRESS = frozenset({"media", "state-media"})


class ArticleActors(ArticleUnnamed):
    """Every actor an article names, and the resolution of speaker phrases against them."""

    # -- pronouns (pronouns.py); a "they" in the clause of a plural subject
    def _clause_group(self, pron: Token) -> Speaker | None:
        """ "Democratic senators introduced a bill they said would ...": "they" in a clause
        of the sentence is its plural subject."""
        from briefgen.nlp.names import root_subject
        from briefgen.nlp.syntax import noun_phrase, sent_of

        sent = sent_of(pron)
        subj = root_subject(sent)
        if subj is not None and subj.i < pron.i and subj.pos_ != "PRON":
            joint = self._joint(subj, subj.idx)  # "Trump and his aides said ..., they ..."
            if joint is not None:
                return joint
        if subj is None or subj.i > pron.i or subj.tag_ != "NNS" or subj.pos_ != "NOUN":
            return self._joint_before(sent)
        return self._resolve_described(noun_phrase(subj), subj, subj.idx)

    def _joint_before(self, sent: Span) -> Speaker | None:
        """ "Kim and Moon met at the border. They said ...": a "they" that opens a sentence
        after one whose subject joins several speakers is all of them."""
        from briefgen.nlp.names import root_subject

        k = self.sent_index(sent.start_char)
        if k == 0 or self.sents[k].start != sent.start:
            return None
        subj = root_subject(self.sents[k - 1])
        if subj is None or subj.pos_ == "PRON":
            return None
        return self._joint(subj, subj.idx)

    # -- the entry point
    def resolve(self, phrase: Span | None, head: Token | None, pos: int) -> Speaker | None:
        """A speaker phrase from quotes.py to a Speaker, or None when there is nobody."""
        if phrase is None or head is None:
            return None
        obj = _quoted_object(head)
        if obj is not None:  # "KCNA quoted the spokesman as saying ...": the spokesman
            return self._quoted_by(phrase, obj, pos)
        part = self._share_of(head)
        if part is not None:  # "one of Sony's lawyers": a lawyer of Sony's
            from briefgen.nlp.syntax import noun_phrase

            return self.resolve(noun_phrase(part), part, pos)
        low = head.lower_
        if low == "those" and any(c.dep_ in ("prep", "relcl", "acl") for c in head.children):
            who = self.doc[head.i : min(head.right_edge.i + 1, head.i + 8)]  # "those around her"
            text = clean_name(who.text.lower())
            return self.remember(self.describe(text, low, None, pos), head.idx)
        if head.pos_ == "PRON" or low in self.roles.pronouns or low in self.roles.group_pronouns:
            group = self._clause_group(head) if low in ("they", "them") else None
            if group is not None:
                return self.remember(group, head.idx)
            sp = self._pronoun(low, min(head.idx, pos))
            return self.remember(sp, head.idx) if sp is not None else None  # the chain goes on
        sp = self._joint(head, pos) or self._resolve_one(phrase, head, pos)
        if sp is not None and not sp.person and sp.kind in _PRESS:
            sp = self._reported_within(head, pos) or sp
        return self.remember(sp, head.idx) if sp is not None else None

    def _share_of(self, head: Token) -> Token | None:
        """The group a share of it speaks for: "Two-thirds of the Security Council", "one
        of Sony's lawyers" (share_words), not "the head of the ministry"."""
        if (
            head.lower_ not in self.roles.share_words
            and head.text.lower() not in self.roles.share_words
        ):
            return None
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if obj is None or obj.pos_ == "PRON":
            return None
        return obj

    def _reported_within(self, head: Token, pos: int) -> Speaker | None:
        """ "Kim “said proudly the test confirmed …,” KCNA said", "The KCNA report said that
        after the test Kim declared that …": the press reports what a person it names
        said, so the person in the reported clause, not the press, is the speaker."""
        from briefgen.nlp.syntax import noun_phrase

        cues = self.lex.verbs.cues
        for clause in head.head.children:
            if clause.dep_ != "ccomp" or clause.lemma_.lower() not in cues:
                continue
            subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.pos_ != "PROPN":
                continue
            sp = self._resolve_named(noun_phrase(subj), subj)
            if sp is not None and sp.person and sp.named:
                return sp
        return None

    def _quoted_by(self, agency: Span, obj: Token, pos: int) -> Speaker | None:
        """The one a news agency quotes; an unnamed one the agency does not place ("a
        spokesman for the Foreign Ministry", quoted by KCNA) serves the state whose
        state media quote them."""
        from briefgen.nlp.syntax import noun_phrase

        sp = self.resolve(noun_phrase(obj), obj, pos)
        if sp is not None and not sp.named and sp.country is None:
            e = self.gaz.lookup(clean_name(agency.text))
            if e is not None and e.kind == "state-media" and e.country:
                sp.country = e.country
                sp.kind = infer_kind(sp.role or sp.name, e.country, "government", self.roles)
        return sp

    def _resolve_one(self, phrase: Span, head: Token, pos: int) -> Speaker | None:
        if (
            head.dep_ == "pobj"
            and head.head.lower_ in ("of", "from")
            and head.head.head.ent_type_ == "PERSON"
        ):
            head = head.head.head  # "Representative Charles B. Rangel of New York"
            from briefgen.nlp.syntax import noun_phrase

            phrase = noun_phrase(head)
        return self._resolve_named(phrase, head) or self._resolve_described(phrase, head, pos)

    def _joint(self, head: Token, pos: int) -> Speaker | None:
        """ "Kim Jong Un and Moon Jae-in said": one speaker of both (joint.py); None when
        the phrase joins nobody or a part is no speaker (then the head alone speaks)."""
        from briefgen.nlp.joint import conjuncts, joint_speaker
        from briefgen.nlp.syntax import noun_phrase

        others = conjuncts(head)
        if not others:
            return None
        parts: list[tuple[Speaker, str]] = []
        for t in (head, *others):
            if t.pos_ == "PRON":
                return None
            np = noun_phrase(t)
            sp = self._resolve_one(np, t, pos)
            if sp is None:
                return None
            parts.append((sp, np.text))
        if len({sp.key for sp, _ in parts}) == 1:
            return parts[0][0]
        return joint_speaker(parts)

    def _resolve_named(self, phrase: Span, head: Token) -> Speaker | None:
        """A person, body or publication the phrase names."""
        named = next(
            (
                c
                for c in head.children
                if c.dep_ == "appos" and c.i > head.i and c.pos_ == "PROPN" and head.pos_ == "NOUN"
            ),
            None,
        )
        if named is not None and named.ent_type_ != "PERSON":
            # "Another Internet technology service, Arbor Networks, ... said": the name
            from briefgen.nlp.syntax import noun_phrase

            sp = self._resolve_named(noun_phrase(named), named)
            if sp is not None:
                return sp
        text = clean_name(phrase.text)
        bare = _without_epithets(phrase, text) if head.pos_ == "PROPN" else text
        code = only_country(bare) if bare != text else None
        if code is not None:
            return country_voice(code)  # "The reclusive North said", "the communist North"
        name = name_at(head, self.roles)
        if name is not None:
            return self._named_person(head, name)
        lone = _capitalised(head) or (
            head.is_sent_start and is_name_word(head.text) and head.text in self.lone
        )  # "Sanders said" opening a sentence, tagged a plural noun: his name all the same
        if lone and self.nearest_full(head.text, head.idx) is not None:
            # "Moon said"; "said Skelly" and "O’Donnell said" after "Bill Skelly" and
            # "Brett O’Donnell", whatever part of speech the tagger gave the family name
            return self.person(head.text, pos=head.idx)
        titled = self._titled_person(phrase, head)
        if titled is not None:
            return titled
        lemma = head.lemma_.lower()
        if lemma in self.roles.document_words:
            src = self._document_source(head)
            if src is not None:
                return src
        if head.pos_ == "NOUN" and (
            lemma in self.roles.publication_words
            or lemma == "agency"
            and "news" in text.lower().split()
        ):
            return self._publication(phrase, head)
        e = self.gaz.lookup(text) or (self.gaz.lookup(ent_text(head)) if head.ent_type_ else None)
        if e is not None:
            return self.from_gaz(e)
        if head.ent_type_ in ("GPE", "NORP") or (
            head.pos_ == "PROPN"
            and (country_of(text) or only_country(text))
            and head.lower_ not in self.roles.role_nouns
        ):  # "The North said": a sentence's capital is no other name
            code = only_country(text)  # "China", "Beijing"; not "U.S. Forces Korea"
            if code is not None:
                return country_voice(code)
        return self._proper_body(phrase, head, text)

    def _named_person(self, head: Token, name: str) -> Speaker | None:
        lo, hi = name_bounds(head if head.ent_type_ == "PERSON" else _anchor(head), self.roles)
        title = title_before(self.doc, lo, self.roles)
        appos = self._appos(head) or self._appos(self.doc[hi - 1])
        if " " not in name:
            e = self.gaz.lookup(name)
            key = self.nearest_full(name, head.idx)
            if key is None and e is None and (len(name) <= 2 or country_of(name)):
                return None  # a syllable or a place, no name
        return self.person(name, title, appos, head.idx)

    def _proper_body(self, phrase: Span, head: Token, text: str) -> Speaker | None:
        """An organisation the text names that the gazetteer does not know."""
        acronym = head.ent_type_ == "ORG" and head.text.isupper() and len(head.text) > 1
        if head.pos_ != "PROPN" and not acronym:  # "the NYPD" tagged a plural noun
            return None
        if head.is_alpha and head.text.islower():
            return None  # "the president tweeted", "the congressman added": a noun tagged a name
        if head.ent_type_ in _NOT_SPEAKERS or head.ent_type_ == "PERSON":
            return None
        # "Defense", "Foreign Ministry", "The current President": a title or office, no
        # name (articles and lower-case adjectives aside)
        kept = " ".join(t.text for t in phrase if t.pos_ != "DET" and not t.text[:1].islower())
        words = re.findall(r"[A-Za-z]+", kept.lower())
        if words and all(w in self.roles.title_words or w in self.roles.role_nouns for w in words):
            return None
        if head.ent_type_ in ("GPE", "NORP") and clean_name(ent_text(head)) == text:
            return None  # a place that is no country of ours ("Panmunjom said")
        # "KCNA state news agency": a known body named inside the description is that body
        for t in phrase:
            if t.pos_ == "PROPN" and t.i != head.i and t.ent_type_ != "PERSON":
                e2 = self.gaz.lookup(t.text)
                if e2 is not None and not e2.person:
                    return self.from_gaz(e2)
        text, state_run, known = self.body_name(phrase, text)  # "the state-run X"
        if known is not None:
            return known
        code = (
            country_of(text)
            # "the South's Joint Chiefs": "the South", in the words up to the name's head
            or allegiance_country(self.doc[phrase.start : head.i + 1].text)
            or self.roles.politics_country(text)  # "Senate Democrats"
        )
        placed = self.placed_body(text, head.idx) if code is None else None
        if placed is not None:
            return placed  # "the Foreign Ministry" after "North Korea's Foreign Ministry"
        kind = infer_kind(text, code, "other", self.roles)
        if state_run:
            kind = "state-media" if kind in ("media", "state-media") else "government"
        if kind == "other" and code:
            kind = "government"
        name = re.sub(r"^(?:the)\s+", "", text)
        return Speaker(name=name, country=code, kind=kind, person=False)


def _without_epithets(phrase: Span, text: str) -> str:
    """ "The reclusive North", "the communist North", "an isolated Pyongyang": the name
    without the writer's lower-case adjectives before it, so that a country spoken of
    with an epithet is that country's voice; `text` when there are none."""
    kept = [
        t for t in phrase if not (t.dep_ == "amod" and t.text.islower() and t.i < phrase.root.i)
    ]
    if len(kept) == len(phrase):
        return text
    return clean_name("".join(t.text_with_ws for t in kept))


def _quoted_object(head: Token) -> Token | None:
    """ "KCNA quoted a Foreign Ministry spokesman as saying that ...", "Yonhap cited an
    official as saying ...": whoever the agency quotes or cites is the speaker; the
    agency, the subject, only reports."""
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_.lower() not in ("quote", "cite"):
        return None
    if not any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children)
        for c in verb.children
    ):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _anchor(tok: Token) -> Token:
    """The first token of the name a glued syllable ("in" of "Jae-in") belongs to."""
    doc = tok.doc
    i = tok.i
    while i >= 2 and doc[i - 1].text in ("-", "‐", "–") and doc[i - 1].whitespace_ == "":
        i -= 2
    return doc[i]
