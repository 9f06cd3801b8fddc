"""The actors an article names: people with their whole names and titles, bodies,
publications and the unnamed sources it introduces, each with where it is mentioned.

`ArticleMentions` reads them once per article into the records of people.py;
speakers.py resolves a speaker phrase ("he", "Moon", "the official", "the article")
against them.  A piece of a name is never an actor of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefgen.knowledge.countries import country_of
from briefgen.knowledge.places import place_country
from briefgen.nlp.gazetteer import GazEntry, Lexicon
from briefgen.nlp.names import (
    Speaker,
    affiliation,
    clean_name,
    comma_block,
    ent_start,
    full_name,
    given_name_person,
    is_fragment,
    modifier_before,
    name_bounds,
    phrase_text,
    propn_run,
    root_subject,
    scene,
    slugify,
    standing_as,
)
from briefgen.nlp.people import DESCRIPTION_FILLERS, ArticlePeople
from briefgen.nlp.titles import (
    allegiance_country,
    infer_kind,
    name_and_title,
    normalize_title,
    role_and_country,
    title_before,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Entity labels the tagger gives some people's names ("Carly Fiorina" as ORG).
_MISLABELLED = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})


class ArticleMentions(ArticlePeople):
    """Every actor an article names, read from the parse: whole names, bodies, lone
    names and the unnamed sources it introduces."""

    def __init__(self, doc: Doc, lex: Lexicon, quoted: Sequence[tuple[int, int]]) -> None:
        super().__init__(doc, lex, quoted)
        # token index of "an adviser to X" -> the key of the person soon named as such
        self.named_later: dict[int, str] = {}
        self._collect()

    # -- collection
    def _collect(self) -> None:
        """Person and organisation mentions outside quotes, with the title words before them."""
        covered = self._collect_people()
        self._collect_untagged_people(covered)
        self._collect_bodies(covered)
        self._collect_publications_by_name()
        self._collect_lone_names(covered)
        self.mentions.sort(key=lambda m: m.pos)
        self._collect_unnamed()
        self._collect_described_then_named()
        self._collect_described_then_titled()

    def _collect_people(self) -> set[int]:
        """Whole names first (so a lone name later finds the nearest one); returns the
        tokens they cover."""
        doc = self.doc
        covered: set[int] = set()
        for ent in doc.ents:
            if self.in_quote(ent.start_char) or ent.start in covered:
                continue
            if ent.label_ != "PERSON" and not (
                ent.label_ in _MISLABELLED and given_name_person(ent, self.roles)
            ):
                continue
            lo, hi = name_bounds(ent[-1], self.roles)
            lo = min(lo, ent.start)
            name = name_and_title(clean_name(doc[lo:hi].text), self.roles)[0]
            if " " not in name or not re.search(r"[A-Z]", name):
                continue
            known = self.gaz.lookup(name)
            if known is not None and not known.person:
                continue  # "Rodong Sinmun" tagged as a person: a body, read with the bodies
            if name.split()[-1].lower() in self.roles.place_words:
                continue  # "Kim Il Sung Square": a place, whose "Kim" is nobody's name
            covered.update(range(lo, hi))
            sp = self.person(
                name,
                title_before(doc, lo, self.roles),
                self._appos(doc[hi - 1]),
                about=affiliation(doc[lo:hi]),
            )
            self._learn_owner(sp, doc[hi - 1], lo)
            before = modifier_before(doc[lo:hi])  # "Australian traveler", "Trump aide"
            if sp.country is None:
                sp.country = self.patron_country(before)
            party = standing_as(doc[lo:hi])  # "Mike Huckabee ran ... as a Republican"
            if sp.country is None and party is not None:
                sp.country = self.roles.politics_country(party.text)
            if sp.country is None and sp.kind == "other" and not sp.role:
                sp.country = self.nationality(before) or place_country(
                    scene(doc[lo:hi])  # "In Dallas, Jane Doe said"
                )
            if sp.kind != "defector" and self.roles.has("defector", comma_block(doc[lo:hi])):
                sp.kind = "defector"  # "Ri, a diplomat until he defected in 2019"
            self._register(sp, name, doc[lo].idx)
            self._note_appositive(doc[lo:hi], sp.key)
            subj = any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[lo:hi])
            if subj:
                self.subject_names.add((doc[lo].idx, sp.key))
            self._mention(doc[lo].idx, sp.key, subj, sp.person)
        return covered

    def _collect_untagged_people(self, covered: set[int]) -> None:
        """Two-word names the NER missed ("Trump confidante Hope Hicks") whose family name
        the article uses alone as a speaker ("Hicks says"): with the given name before it."""
        doc = self.doc
        lone = {
            t.text
            for t in self.tokens
            if t.pos_ == "PROPN"
            and t.ent_type_ in ("", "PERSON")
            and t.dep_ in ("nsubj", "nsubjpass")
            and t.i not in covered
            and (t.i == 0 or doc[t.i - 1].pos_ != "PROPN")
            and t.text not in self.lone
        }
        for t in self.tokens:
            if t.text not in lone or t.i == 0 or t.i in covered or self.in_quote(t.idx):
                continue
            first = doc[t.i - 1]
            if not self._given_name(first) or first.i in covered or first.whitespace_ != " ":
                continue
            if t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN":
                continue  # a longer name, or a name of something else
            name = f"{first.text} {t.text}"
            covered.update((first.i, t.i))
            sp = self.person(name, title_before(doc, first.i, self.roles), self._appos(t))
            self._learn_owner(sp, t, first.i)
            if sp.country is None:  # "Trump confidante Hope Hicks"
                sp.country = self.patron_country(modifier_before(doc[first.i : t.i + 1]))
            self._register(sp, name, first.idx)
            self._mention(first.idx, sp.key, t.dep_ in ("nsubj", "nsubjpass"), True)

    def _learn_owner(self, sp: Speaker, head: Token, lo: int) -> None:
        """ "Dyn Research's Doug Madory", "the Arms Control Association's Kingston Reif":
        the known body that owns the name (its head token, first token at `lo`) is the
        person's employer."""
        owner = next((c for c in head.children if c.dep_ == "poss" and c.i < lo), None)
        if owner is not None and owner.pos_ == "PROPN":
            self.learn_employer(sp, " ".join(t.text for t in owner.subtree))

    def _given_name(self, t: Token) -> bool:
        """A capitalised proper noun that is no title, role, country or stop word ("Though
        Trump said", "Will")."""
        low, word = t.lower_, t.text
        return (
            t.pos_ == "PROPN" and word[:1].isupper() and word[1:].islower() and len(word) > 2
        ) and not (
            t.is_stop
            or t.ent_type_ not in ("", "PERSON")
            or low in self.roles.title_words
            or low in self.roles.role_nouns
            or country_of(word) is not None
        )

    def _note_appositive(self, name: Span, key: str) -> None:
        """ "her husband, Bryan Sanders" / "Michael Lynton, the studio's chief executive":
        the description set beside the name, for a later mention of it alone."""
        root = name.root
        noun: Token | None
        if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < name.start:
            noun = root.head
        else:
            noun = next((c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
        if noun is None or noun.tag_ == "NNS":
            return
        words = (
            frozenset(
                t.lower_
                for t in noun.subtree
                if t.i <= noun.i and not (name.start <= t.i < name.end) and t.is_alpha
            )
            - DESCRIPTION_FILLERS
        )
        self.appositives.append((name[0].idx, noun.lower_, words, key))

    def _collect_bodies(self, covered: set[int]) -> None:
        from briefgen.nlp.names import country_voice, only_country

        for ent in self.doc.ents:
            if self.in_quote(ent.start_char) or ent.start in covered:
                continue
            code = only_country(ent.text) if ent.label_ in ("GPE", "NORP", "LOC") else None
            if code is not None and ent.root.dep_ in ("nsubj", "nsubjpass"):
                voice = self.people.setdefault(
                    slugify(country_voice(code).name), country_voice(code)
                )
                self._mention(ent.start_char, voice.key, True, False)  # "it" may be a country
                continue
            if ent.label_ == "PERSON" or ent.label_ in ("ORG", "GPE", "NORP", "WORK_OF_ART"):
                e = self.gaz.lookup(ent.text)
                if e is None and ent.label_ == "ORG":
                    self._collect_placed_body(ent)
                if e is None or (ent.label_ == "PERSON" and e.person):
                    continue  # lone people are read with the lone names
                sp = self.from_gaz(e)
                self._mention(
                    ent.start_char, sp.key, ent.root.dep_ in ("nsubj", "nsubjpass"), sp.person
                )
                if e.type == "publication":
                    self.publications.append((ent.start_char, sp.key))

    def _collect_placed_body(self, ent: Span) -> None:
        """A state body the gazetteer does not know, placed by a country word in its name
        or its possessor ("The Chinese Foreign Ministry", "Japan's Defense Ministry"):
        named, so that a later "the ministry's statement said" is that body, not one of
        no country that the outlet's home then claims."""
        from briefgen.nlp.syntax import noun_phrase

        root = ent.root
        if root.pos_ != "PROPN" or root.lower_ not in self.roles.body_nouns:
            return
        phrase = noun_phrase(root)
        name = re.sub(r"^(?i:the)\s+", "", clean_name(phrase.text))
        code = country_of(name) or allegiance_country(phrase.text)
        if code is None or infer_kind(name, code, "government", self.roles) != "government":
            return
        sp = self.people.setdefault(
            slugify(name), Speaker(name=name, country=code, kind="government", person=False)
        )
        self._mention(ent.start_char, sp.key, root.dep_ in ("nsubj", "nsubjpass"), False)

    def _collect_publications_by_name(self) -> None:
        """Publications the gazetteer knows by name where the tagger saw none ("Rodong
        Sinmun - An article says ..." in KCNA's press review, tagged one person with the
        next word): "an article" after it is that paper's, not the outlet's."""
        seen = {p for p, _ in self.publications}
        text = self.doc.text
        for a, b in self.gaz.body_spans(text):
            if a in seen or self.in_quote(a):
                continue
            e = self.gaz.lookup(text[a:b])
            if e is not None and e.type == "publication":
                self.publications.append((a, self.from_gaz(e).key))
        self.publications.sort()

    def _collect_lone_names(self, covered: set[int]) -> None:
        """One-word people ("Moon said", "President Trump"), and family names the NER
        missed or took for an organisation ("For her part, Kang welcomed ...")."""
        doc = self.doc
        for ent in doc.ents:
            if ent.label_ != "PERSON" or ent.start in covered or self.in_quote(ent.start_char):
                continue
            covered.update(range(ent.start, ent.end))
            title = title_before(doc, ent.start, self.roles)
            self._lone(ent.text, ent[-1], title, self._appos(ent[-1]), affiliation(ent))
        seen = {m.pos for m in self.mentions}
        for t in self.tokens:
            if t.i in covered or t.idx in seen or t.pos_ != "PROPN" or self.in_quote(t.idx):
                continue
            if t.ent_type_ not in ("", "ORG", "NORP") or is_fragment(t.text):
                continue
            if t.ent_type_ and not (t.ent_iob_ == "B" and self._entity_len(t) == 1):
                continue
            key = self.nearest_full(t.text, t.idx)
            subj = t.dep_ in ("nsubj", "nsubjpass")
            if key is None:
                e = self.gaz.lookup(t.text) if not t.ent_type_ else None
                if e is None or not e.person:
                    continue
                sp = self.from_gaz(e)
                self._known_here(sp, e, t.text, t.idx, subj)
                key = sp.key
            else:  # "Rogers, who works at CloudFlare, argued"
                self.learn_employer(self.people[key], affiliation(doc[t.i : t.i + 1]))
            self._mention(t.idx, key, subj, True)

    def _entity_len(self, t: Token) -> int:
        n = 1
        while t.i + n < len(self.doc) and self.doc[t.i + n].ent_iob_ == "I":
            n += 1
        return n

    def _lone(self, text: str, tok: Token, title: str, appos: str | None, about: str = "") -> None:
        """A one-word person: the nearest full name of that name, a known person, or the
        word as written when it is a name of its own (never a syllable of one)."""
        word, lead = name_and_title(clean_name(text), self.roles)
        subj = tok.dep_ in ("nsubj", "nsubjpass")
        if " " in word:
            return
        title = normalize_title(f"{title} {lead}".strip(), self.roles)
        key = self.nearest_full(word, tok.idx, title)
        e = None
        if key is None:
            e = self.gaz.lookup(word)
            if e is None and (is_fragment(word) or country_of(word)):
                return
            if e is not None and not e.person:
                return
        sp = self.person(word, title, appos, tok.idx)
        if about:
            self.learn_employer(sp, about)  # "Rogers, who works at CloudFlare"
        if word != sp.name:
            sp.aliases.add(word)  # "Tillerson" as the NER found it
        self._known_here(sp, e, word, tok.idx, subj)
        self._mention(tok.idx, sp.key, subj, True)

    def _known_here(self, sp: Speaker, e: GazEntry | None, word: str, pos: int, subj: bool) -> None:
        """A known person met by a lone name ("Trump said") is a candidate for that name
        from here on, beside any other of the name the article names in full ("first
        lady Melania Trump")."""
        if e is not None and sp.key == slugify(e.name):
            self._register(sp, word, pos)
            if subj:
                self.subject_names.add((pos, sp.key))

    def _collect_unnamed(self) -> None:
        """Unnamed sources introduced outside quotes ("a senior State Department official
        said on Tuesday") so that a later "the official said" finds them."""
        from briefgen.nlp.syntax import noun_phrase

        cues = self.lex.verbs.cues
        for t in self.tokens:
            if t.lemma_.lower() not in cues or t.pos_ != "VERB" or self.in_quote(t.idx):
                continue
            ds = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if ds is None or ds.pos_ != "NOUN" or ds.lower_ not in self.roles.role_nouns:
                continue
            phrase = clean_name(noun_phrase(ds).text)
            country = allegiance_country(phrase)  # not "North Korea experts"
            if country is not None and self.match_description(phrase, country, ds.idx) is None:
                self.describe(phrase, ds.lower_, country, ds.idx)

    def _collect_described_then_named(self) -> None:
        """ "China's deputy UN ambassador pushed back ... Wu Haitao told": a described
        subject followed by a newly named subject lends the name its role and country."""
        sents = self.sents
        for k in range(len(sents) - 1):
            rs = root_subject(sents[k])
            if rs is None or rs.pos_ != "NOUN" or rs.lower_ not in self.roles.role_nouns:
                continue
            if rs.lower_ in self.roles.body_nouns or rs.tag_ == "NNS":
                continue  # "The Chinese agency", "Chinese officials": no one person's title
            if any(t.ent_type_ == "PERSON" for t in rs.subtree):
                continue  # "the US defence secretary, James Mattis, said": already named
            role, country = role_and_country(phrase_text(rs), self.roles)
            if country is None:
                continue
            for nxt in sents[k + 1 : k + 3]:
                ns = root_subject(nxt)
                if ns is None or not (
                    ns.ent_type_ == "PERSON"
                    or (ns.pos_ == "PROPN" and not ns.ent_type_ and country_of(ns.text) is None)
                ):
                    continue
                first = ent_start(ns) if ns.ent_type_ else ns.i - len(propn_run(ns).split()) + 1
                if self._appos(ns) or title_before(self.doc, first, self.roles):
                    break  # the name brings its own title ("deputy assistant, X")
                name = full_name(ns, self.roles) if ns.ent_type_ else propn_run(ns)
                sp = self.person(name, pos=ns.idx)
                if not sp.person:
                    break  # a ministry or agency holds no person's title ("Unification
                    # Ministry (leader)", lent by "the North Korean leader" just before)
                if sp.country is None:
                    sp.country = country
                if sp.role is None and role:
                    sp.role = role
                    sp.kind = infer_kind(role, country, sp.kind, self.roles)
                break

    def _collect_described_then_titled(self) -> None:
        """ "An adviser to Hillary Clinton criticized ...", then "Clinton's senior foreign
        policy adviser, Jake Sullivan, said": a speaker described by "a(n)" and a role,
        then, in the next two sentences, a person named with a title holding that role
        word and the name the description serves is that person (the labels give him)."""
        sents = self.sents
        for k in range(len(sents) - 1):
            rs = root_subject(sents[k])
            if rs is None or rs.pos_ != "NOUN" or rs.tag_ == "NNS":
                continue
            if rs.lower_ not in self.roles.role_nouns or rs.lower_ in self.roles.body_nouns:
                continue
            if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in rs.children):
                continue
            ents = [e for e in self.doc.ents if rs.left_edge.i <= e.start <= rs.right_edge.i]
            served = {e[-1].lower_ for e in ents if e.label_ == "PERSON"}  # family names
            for nxt in sents[k + 1 : k + 3]:
                ns = root_subject(nxt)
                name = next((c for c in ns.children if c.dep_ == "appos"), None) if ns else None
                if ns is None or name is None or name.ent_type_ != "PERSON":
                    continue
                title = {t.lower_ for t in ns.subtree if t.i < name.i}
                if rs.lower_ in title and served <= title:
                    sp = self.person(full_name(name, self.roles), pos=name.idx)
                    if sp.person:
                        self.named_later[rs.i] = sp.key
                break

    # -- descriptions (speakers.py overrides the matching)
    def match_description(self, phrase: str, country: str | None, pos: int) -> Speaker | None:
        raise NotImplementedError

    def describe(self, text: str, head: str, country: str | None, pos: int) -> Speaker:
        raise NotImplementedError
