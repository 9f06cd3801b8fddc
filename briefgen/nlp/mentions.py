"""The actors an article names: people with their whole names and titles, bodies,
publications and the unnamed sources it introduces, each with where it is mentioned.

`ArticleMentions` reads them once per article; speakers.py resolves a speaker phrase
("he", "Moon", "the official", "the article") against them.  A lone family name is the
nearest person of that name in the article ("Moon" after "Moon Chung-in" is the adviser,
not the president of the same name); a piece of a name is never an actor of its own.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefgen.knowledge.countries import country_of
from briefgen.knowledge.family_names import load_family_names
from briefgen.knowledge.places import place_country
from briefgen.nlp.gazetteer import GazEntry, Lexicon
from briefgen.nlp.names import (
    Speaker,
    affiliation,
    allegiance_country,
    clean_name,
    comma_block,
    ent_start,
    full_name,
    has_role_word,
    infer_kind,
    is_fragment,
    lone_forms,
    name_and_title,
    name_bounds,
    normalize_title,
    phrase_text,
    propn_run,
    role_and_country,
    root_subject,
    same_name,
    slugify,
    title_before,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Words of a description that do not tell one person from another.
_DESCRIPTION_FILLERS = frozenset({"a", "an", "the", "one", "his", "her", "their", "its"})
# A full name this many sentences back, as a subject, is what a lone family name means.
_RECENT_SENTS = 2


@dataclass
class Mention:
    pos: int  # char offset
    sent: int  # sentence index
    key: str
    subject: bool
    person: bool


class ArticleMentions:
    """Every actor an article names, by key, with their mentions in text order."""

    def __init__(self, doc: Doc, lex: Lexicon, quoted: Sequence[tuple[int, int]]) -> None:
        from briefgen.nlp.syntax import doc_sents, doc_tokens

        self.doc = doc
        self.lex = lex
        self.gaz = lex.gaz
        self.roles = lex.roles
        self.quoted = sorted(quoted)
        self._q_starts = [a for a, _ in self.quoted]
        self.people: dict[str, Speaker] = {}  # key -> speaker (people, bodies, publications)
        # lone name form -> [(offset, key)] of the full names that may be called by it
        self.lone: dict[str, list[tuple[int, str]]] = {}
        self.mentions: list[Mention] = []
        self.descriptions: list[tuple[int, Speaker, str]] = []  # (pos, speaker, head noun)
        self.publications: list[tuple[int, str]] = []  # (pos, key) of publications named
        self.subject_names: set[tuple[int, str]] = set()  # full names that are subjects
        # (pos, head noun, its words, key) of descriptions set beside a name ("her husband,
        # Bryan Sanders"), so that a later "her husband says" is that person
        self.appositives: list[tuple[int, str, frozenset[str], str]] = []
        self.sents = doc_sents(doc)
        self.tokens = doc_tokens(doc)
        self.sent_starts = [s.start_char for s in self.sents]
        self._collect()

    # -- helpers
    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._q_starts, pos)
        # spans may nest (a quote inside a quote): look back over the few that start before
        return any(a <= pos < b for a, b in self.quoted[max(0, k - 3) : k])

    def sent_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def from_gaz(self, e: GazEntry) -> Speaker:
        key = slugify(e.name)
        sp = self.people.get(key)
        if sp is None:
            sp = self.people[key] = Speaker(
                name=e.name,
                role=e.role,
                country=e.country,
                kind=e.kind,
                gender=e.gender,
                named=True,
                person=e.person,
            )
        return sp

    def nearest_full(self, word: str, pos: int) -> str | None:
        """The key of the person a lone name at `pos` means: the nearest full name before
        it that is the subject of its clause (a speaker, not a relative named in passing),
        else the nearest before it, else the first after it."""
        cands = self.lone.get(word) or []
        before = [(p, k) for p, k in cands if p <= pos]
        subjects = [(p, k) for p, k in before if (p, k) in self.subject_names]
        if len({k for _, k in before}) > 1:
            # several people of that name: one just named as a subject is meant ("Moon
            # Chung-in, an adviser, said ... Moon added"); else the one the article has
            # named most so far, not one named in passing ("First lady Melania Trump")
            here = self.sent_index(pos)
            recent = [(p, k) for p, k in subjects if here - self.sent_index(p) <= _RECENT_SENTS]
            if recent:
                return max(recent)[1]
            keys = {k for _, k in before}
            counts = Counter(k for _, k in set(before))
            counts.update(m.key for m in self.mentions if m.pos < pos and m.key in keys)
            return max(before, key=lambda pk: (counts[pk[1]], pk[0]))[1]
        if subjects:
            return max(subjects)[1]
        if before:
            return max(before)[1]
        return min(cands)[1] if cands else None

    # -- people
    def person(
        self,
        name: str,
        title: str = "",
        appos: str | None = None,
        pos: int = -1,
        about: str = "",
    ) -> Speaker:
        """The speaker for a person's name; a lone family name is the nearest full name.
        `about` is what else the text says of them ("from Queens", ", who works at ...")."""
        name, lead = name_and_title(clean_name(name), self.roles)
        if lead:
            title = normalize_title(f"{title} {lead}".strip(), self.roles)
        sp, e = self._person_record(name, pos)
        self._learn(sp, name, title, appos, e)
        if about and (e is None or e.kind == "other"):
            self._learn_about(sp, about)
        return sp

    def _learn_about(self, sp: Speaker, about: str) -> None:
        """A country (and an employer's kind) from what the text says of a person beyond
        the title: "a Web developer from Queens", "who works at CloudFlare"."""
        employer = self.employer(about)
        if sp.country is None:
            sp.country = (
                allegiance_country(about)
                or (employer.country if employer is not None else None)
                or place_country(about)
            )
        if employer is not None and sp.kind == "other":
            sp.kind = employer.kind

    def _person_record(self, name: str, pos: int) -> tuple[Speaker, GazEntry | None]:
        if " " not in name:
            key = self.nearest_full(name, pos if pos >= 0 else 10**9)
            if key is not None:
                return self.people[key], None
        e = self.gaz.lookup(name)
        if e is not None:
            return self.from_gaz(e), e
        for key, sp in self.people.items():  # "Kim Jong-un" after "Kim Jong Un"
            if sp.named and sp.person and " " in name and same_name(sp.name, name):
                return self.people[key], None
        key = slugify(name)
        if key not in self.people:
            first = name.split()[0]
            female = " " in name and first in load_family_names().female_given
            self.people[key] = Speaker(name=name, named=True, gender="f" if female else None)
        return self.people[key], None

    def _learn(
        self, sp: Speaker, name: str, title: str, appos: str | None, e: GazEntry | None
    ) -> None:
        """What a mention's title and apposition add: role, country, kind, gender."""
        self._employer_kind: str | None = None
        if " " in name and name != sp.name:
            sp.aliases.add(name)  # a lone family name is no alias: it may mean another
        for source in (title, appos or ""):
            if not source:
                continue
            role, country = role_and_country(source, self.roles)
            if (
                role
                and has_role_word(role, self.roles)
                and (sp.role is None or source is title or e is None)
                and not (source is appos and sp.role)
            ):
                sp.role = role
            if country:
                country = allegiance_country(source)  # not "a China analyst"
            employer = self.employer(source)
            if country is None and employer is not None:
                country = employer.country
            if country and (sp.country is None or e is None):
                sp.country = country
            if employer is not None and (e is None or e.kind == "other"):
                self._employer_kind = employer.kind
        text_bits = " ".join(x for x in (title, appos or "", sp.role or "") if x)
        if sp.country is None and self.roles.us_politics_re.search(text_bits):
            sp.country = "USA"  # "Sen. Chris Coons, Delaware Democrat": Congress is American
        if e is None or e.kind == "other":
            kind = infer_kind(text_bits, sp.country, "other", self.roles)
            if self._employer_kind is not None and kind not in ("defector", "legislator"):
                kind = self._employer_kind  # "chief executive of CloudFlare": as the body is
            if (kind != "other" or sp.kind == "other") and sp.kind != "defector":
                sp.kind = kind  # a defector stays one whatever later titles say
        elif self.roles.has("defector", text_bits):
            sp.kind = "defector"
        if sp.gender is None and self.roles.female_re.search(text_bits):
            sp.gender = "f"

    def employer(self, text: str) -> GazEntry | None:
        """The first known body named in a role that says where the person works ("a
        researcher at the Korea Institute for National Unification")."""
        for e in self.gaz.bodies_in(text):
            if e.country:
                return e
        return None

    def _register(self, sp: Speaker, name: str, pos: int) -> None:
        for n in {sp.name, name}:
            for form in lone_forms(n):
                self.lone.setdefault(form, []).append((pos, sp.key))

    # -- collection
    def _collect(self) -> None:
        """Person and organisation mentions outside quotes, with the title words before them."""
        covered = self._collect_people()
        self._collect_untagged_people(covered)
        self._collect_bodies(covered)
        self._collect_lone_names(covered)
        self.mentions.sort(key=lambda m: m.pos)
        self._collect_unnamed()
        self._collect_described_then_named()

    def _collect_people(self) -> set[int]:
        """Whole names first (so a lone name later finds the nearest one); returns the
        tokens they cover."""
        doc = self.doc
        covered: set[int] = set()
        for ent in doc.ents:
            if ent.label_ != "PERSON" or self.in_quote(ent.start_char) or ent.start in covered:
                continue
            lo, hi = name_bounds(ent[-1], self.roles)
            lo = min(lo, ent.start)
            name = name_and_title(clean_name(doc[lo:hi].text), self.roles)[0]
            if " " not in name or not re.search(r"[A-Z]", name):
                continue
            known = self.gaz.lookup(name)
            if known is not None and not known.person:
                continue  # "Rodong Sinmun" tagged as a person: a body, read with the bodies
            covered.update(range(lo, hi))
            sp = self.person(
                name,
                title_before(doc, lo, self.roles),
                self._appos(doc[hi - 1]),
                about=affiliation(doc[lo:hi]),
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
            self._register(sp, name, first.idx)
            self._mention(first.idx, sp.key, t.dep_ in ("nsubj", "nsubjpass"), True)

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
            - _DESCRIPTION_FILLERS
        )
        self.appositives.append((name[0].idx, noun.lower_, words, key))

    def described_as(self, head: str, words: set[str], pos: int) -> Speaker | None:
        """The named person last described by these words beside their name before `pos`."""
        words = words - _DESCRIPTION_FILLERS
        for p, h, ws, key in reversed(self.appositives):
            if p < pos and h == head and words <= ws:
                return self.people.get(key)
        return None

    def _appos(self, tok: Token) -> str | None:
        from briefgen.nlp.syntax import appos_text

        return appos_text(tok)

    def _mention(self, pos: int, key: str, subject: bool, person: bool) -> None:
        self.mentions.append(Mention(pos, self.sent_index(pos), key, subject, person))

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
                if e is None or (ent.label_ == "PERSON" and e.person):
                    continue  # lone people are read with the lone names
                sp = self.from_gaz(e)
                self._mention(
                    ent.start_char, sp.key, ent.root.dep_ in ("nsubj", "nsubjpass"), sp.person
                )
                if e.type == "publication":
                    self.publications.append((ent.start_char, sp.key))

    def _collect_lone_names(self, covered: set[int]) -> None:
        """One-word people ("Moon said", "President Trump"), and family names the NER
        missed or took for an organisation ("For her part, Kang welcomed ...")."""
        doc = self.doc
        for ent in doc.ents:
            if ent.label_ != "PERSON" or ent.start in covered or self.in_quote(ent.start_char):
                continue
            covered.update(range(ent.start, ent.end))
            title = title_before(doc, ent.start, self.roles)
            self._lone(ent.text, ent[-1], title, self._appos(ent[-1]))
        seen = {m.pos for m in self.mentions}
        for t in self.tokens:
            if t.i in covered or t.idx in seen or t.pos_ != "PROPN" or self.in_quote(t.idx):
                continue
            if t.ent_type_ not in ("", "ORG", "NORP") or is_fragment(t.text):
                continue
            if t.ent_type_ and not (t.ent_iob_ == "B" and self._entity_len(t) == 1):
                continue
            key = self.nearest_full(t.text, t.idx)
            if key is None:
                e = self.gaz.lookup(t.text) if not t.ent_type_ else None
                if e is None or not e.person:
                    continue
                key = self.from_gaz(e).key
            self._mention(t.idx, key, t.dep_ in ("nsubj", "nsubjpass"), True)

    def _entity_len(self, t: Token) -> int:
        n = 1
        while t.i + n < len(self.doc) and self.doc[t.i + n].ent_iob_ == "I":
            n += 1
        return n

    def _lone(self, text: str, tok: Token, title: str, appos: str | None) -> None:
        """A one-word person: the nearest full name of that name, a known person, or the
        word as written when it is a name of its own (never a syllable of one)."""
        word, lead = name_and_title(clean_name(text), self.roles)
        subj = tok.dep_ in ("nsubj", "nsubjpass")
        if " " in word:
            return
        key = self.nearest_full(word, tok.idx)
        if key is None:
            e = self.gaz.lookup(word)
            if e is None and (is_fragment(word) or country_of(word)):
                return
            if e is not None and not e.person:
                return
        sp = self.person(
            word, normalize_title(f"{title} {lead}".strip(), self.roles), appos, tok.idx
        )
        if word != sp.name:
            sp.aliases.add(word)  # "Tillerson" as the NER found it
        self._mention(tok.idx, sp.key, subj, True)

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
            country = country_of(phrase)
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
                if sp.country is None:
                    sp.country = country
                if sp.role is None and role:
                    sp.role = role
                    sp.kind = infer_kind(role, country, sp.kind, self.roles)
                break

    # -- descriptions (speakers.py overrides the matching)
    def match_description(self, phrase: str, country: str | None, pos: int) -> Speaker | None:
        raise NotImplementedError

    def describe(self, text: str, head: str, country: str | None, pos: int) -> Speaker:
        raise NotImplementedError
