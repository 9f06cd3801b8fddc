"""Speakers behind titles, documents and publications: "U.S. Ambassador to the United
Nations Nikki Haley" is Nikki Haley, "a White House statement" speaks for the White
House, "the editorial said" is the publication the text names.

Split from speakers.py (which resolves a speaker phrase and calls these); the methods
resolve the phrases inside a document's phrase through `resolve`, which speakers.py
defines.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from briefgen.knowledge.countries import country_of, not_its_bodies
from briefgen.nlp.names import (
    Speaker,
    clean_name,
    ent_text,
    is_east_asian,
    name_at,
    name_bounds,
)
from briefgen.nlp.pronouns import ArticlePronouns
from briefgen.nlp.syntax import doc_text
from briefgen.nlp.titles import normalize_title

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Span, Token

    from briefgen.knowledge.reporting import ReportingVerbs
    from briefgen.nlp.gazetteer import Lexicon

# Sentences back in which a document named with its issuer is the one "the order" means.
_DOCUMENT_REACH = 4
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Words before a body's name that make it the state's ("the state-run X").
_STATE_RUN = re.compile(r"\bstate\s*-?\s*(?:run|owned|controlled)\b", re.IGNORECASE)
# "an unnamed foreign official": of another state than the outlet's, whichever it is.
_FOREIGN = re.compile(r"\bforeign (?:official|diplomat|government|leader|envoy)s?\b")
# A nationality word in a title ("Venezuelan President", "Danish Prime Minister"): a
# state the brief may not know, but not the outlet's home.
_NATIONALITY = re.compile(r"\b[A-Z][a-z]+(?:an|ese|ish)\b")
# A body's name that opens on its owner ("Singapore's Ministry of Foreign Affairs").
_OWNER = re.compile(r"^(?:the\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s\s")


class ArticleSources(ArticlePronouns):
    """The persons behind titles and the issuers of documents and publications."""

    def __init__(
        self,
        doc: Doc,
        lex: Lexicon,
        quoted: Sequence[tuple[int, int]],
        outlet: str | None = None,
        day: date | None = None,
    ) -> None:
        self._last_document_source: Speaker | None = None
        self.outlet = outlet
        self.day = day
        super().__init__(doc, lex, quoted)

    def resolve(self, phrase: Span | None, head: Token | None, pos: int) -> Speaker | None:
        """A speaker phrase to a Speaker (speakers.ArticleActors)."""
        raise NotImplementedError

    def home_country(self) -> str | None:
        """The country a national outlet's unplaced officials serve ("Defense Secretary
        Chuck Hagel" in a US paper, "the Foreign Ministry spokesman" in KCNA): its own,
        when the article names it; its readers need no flag for their own state.  An
        international wire (Reuters, AFP) writes for everyone and has no home."""
        from briefgen.knowledge.countries import country_offsets

        e = self.gaz.lookup(self.outlet) if self.outlet else None
        o = e.outlet if e is not None and e.type == "publication" else None
        if o is None or o.country is None or (o.wire and not (o.state or o.korea)):
            return None
        named = {code for _, code in country_offsets(doc_text(self.doc))}
        return o.country if o.country in named else None

    def place_at_home(self, speakers: Sequence[Speaker | None], dateline: str | None) -> None:
        """Officials and legislators the article does not place serve the outlet's home
        country (`home_country`), when no dateline places them first.  Not several
        speakers of several states ("China and Russia"), nor one placed by an employer
        the text names ("an official at LG Uplus"), nor a firm's ("company spokesman"),
        nor a body the home has none of (a US paper's "Defense Ministry") or whose name
        gives it another owner ("Singapore's Ministry of Foreign Affairs")."""
        home = None if dateline else self.home_country()
        if home is None:
            return
        for sp in speakers:
            if (
                sp is not None
                and sp.country is None
                and sp.kind in ("government", "legislator")
                and not sp.joint
                and " at " not in f" {sp.role or sp.name} "
                and not _FOREIGN.search(sp.role or sp.name)
                and not self._foreign_nationality(sp.role or sp.name)
                and not self._owned_abroad(sp)
                and not set(re.findall(r"\w+", sp.name.lower())) & not_its_bodies(home)
                and not set(re.findall(r"\w+", (sp.role or "").lower())) & self.roles.firm_nouns
            ):
                sp.country = home

    def _foreign_nationality(self, role: str) -> bool:
        """Whether the role names a nationality of a state the brief does not know
        ("Venezuelan President", "Danish Prime Minister"): not the outlet's home.
        "Republican" is a party; "Korean", "American" are countries' words."""
        from briefgen.knowledge.countries import load_countries

        ours = {w for e in load_countries() for n in e.names for w in n.split()}
        return any(
            w not in ours and not self.roles.politics_country(w) for w in _NATIONALITY.findall(role)
        )

    def _owned_abroad(self, sp: Speaker) -> bool:
        """A body its name gives to an owner the brief has no country for, and no person
        ("Singapore's Ministry of Foreign Affairs"): a state's of its own, not the
        outlet's home (2018-W19 printed Singapore's foreign ministry under the US)."""
        m = _OWNER.match(sp.name)
        if sp.person or m is None or country_of(m.group(1)) is not None:
            return False
        e = self.gaz.lookup(m.group(1))
        return e is None or not e.person

    def body_name(self, phrase: Span, text: str) -> tuple[str, bool, Speaker | None]:
        """ "the state-run Korea Communications Commission": the name starts at its first
        capital, and what comes before describes it. (name, whether it is a state body,
        the known body of that name or None)."""
        first = next((t for t in phrase if t.text[:1].isupper() and t.pos_ != "DET"), None)
        if first is None or first.i == phrase.start:
            return text, False, None
        lead = self.doc[phrase.start : first.i].text
        name = clean_name(self.doc[first.i : phrase.end].text)
        e = self.gaz.lookup(name)
        known = self.from_gaz(e) if e is not None and not e.person else None
        return name, _STATE_RUN.search(lead) is not None, known

    # -- persons behind titles, documents and publications
    def _titled_person(self, phrase: Span, head: Token) -> Speaker | None:
        """ "U.S. Ambassador to the United Nations Nikki Haley": a title whose phrase ends in
        a name is that person, the title is the role (the parser heads it on the title)."""
        if head.pos_ in ("NOUN", "PROPN"):
            for c in head.children:  # "the US defence secretary, James Mattis, said"
                if c.dep_ == "appos" and c.i > head.i and c.ent_type_ == "PERSON":
                    return self.person(
                        name_at(c, self.roles) or ent_text(c),
                        normalize_title(phrase.text, self.roles),
                        pos=c.idx,
                    )
        toks = [t for t in phrase if not t.is_space and not t.is_punct]
        titles = self.roles.title_words
        # "Secretary of State Rex Tillerson" tagged an organisation is headed on the name
        titled_name = head.pos_ == "PROPN" and bool(toks) and toks[0].lower_ in titles
        if (
            head.lower_ not in self.roles.role_nouns
            and head.lower_ not in titles
            and not titled_name
        ):
            return None
        if self.served(head) is not None:
            return None  # "an aide to Senator Marco Rubio": his aide, not Rubio
        for k in (3, 2):  # "the U.N. Nikki Haley" tagged as an organisation: a known person
            e = self.gaz.lookup(" ".join(t.text for t in toks[-k:])) if len(toks) > k else None
            if e is not None and e.person:
                title = normalize_title(self.doc[phrase.start : toks[-k].i].text, self.roles)
                return self.person(e.name, title, pos=toks[-k].idx)
        if not toks or toks[-1].ent_type_ != "PERSON":
            return None
        last = toks[-1]
        lo, _hi = name_bounds(last, self.roles)
        if lo <= phrase.start:
            return None
        for t in self.doc[phrase.start : lo]:
            if t.is_space or t.is_punct and t.text not in ",;":
                continue
            if not (
                t.text[:1].isupper()
                or t.lower_ in self.roles.role_nouns
                or t.lower_ in self.roles.title_connectives
                or t.pos_ in ("DET", "ADJ")
                or t.dep_ == "compound"
            ):
                return None
        title = normalize_title(self.doc[phrase.start : lo].text, self.roles)
        return self.person(
            name_at(last, self.roles) or ent_text(last), title, self._appos(last), last.idx
        )

    def served(self, head: Token) -> Token | None:
        """The person a role serves: "an adviser to Hillary Clinton", "a spokesman for
        President Moon Jae-in", "a senior aide to Sen. Marco Rubio" (the name right after
        "to" or "for", with at most a title before it).  "Ambassador to the United Nations
        Nikki Haley" names a body after "to": Haley is the ambassador."""
        from briefgen.nlp.names import name_bounds

        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("to", "for") or prep.i <= head.i:
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ != "PERSON":  # "Jae-in": a glued syllable
                obj = next(
                    (t for t in reversed(list(obj.subtree)) if t.ent_type_ == "PERSON"), None
                )
            if obj is None:
                continue
            lo, _hi = name_bounds(obj, self.roles)
            between = self.doc[prep.i + 1 : lo]
            if all(
                t.lower_ in self.roles.title_words or t.lower_.rstrip(".") in self.roles.honorifics
                for t in between
            ):
                return obj
        return None

    def named_beside(self, phrase: Span) -> Speaker | None:
        """ "The US ambassador to the UN, Nikki Haley, described ...", "Moon Sang-gyun, a
        spokesman for the defense ministry, said": a person's full name set off by a
        comma beside a description is whom it describes, however the parser attached
        the two; the description is the title."""
        doc = self.doc
        comma = next((t.i for t in phrase if t.text == ","), None)
        if comma is None and phrase.end < len(doc) and doc[phrase.end].text == ",":
            comma = phrase.end
        if comma is not None and comma > phrase.start and comma + 1 < len(doc):
            lo, hi = name_bounds(doc[comma + 1], self.roles)
            closed = hi >= len(doc) or doc[hi].is_punct or doc[hi].pos_ in ("VERB", "AUX")
            if lo == comma + 1 and closed:
                return self._beside(lo, hi, doc[phrase.start : comma])
        k = phrase.start - 1
        if k >= 2 and doc[k].text == ",":
            lo, hi = name_bounds(doc[k - 1], self.roles)
            if hi == k and (lo == 0 or doc[lo - 1].is_punct or doc[lo - 1].is_space):
                end = comma if comma is not None else phrase.end
                return self._beside(lo, hi, doc[phrase.start : end])
        return None

    def _beside(self, lo: int, hi: int, desc: Span) -> Speaker | None:
        """The person named by doc[lo:hi], titled by `desc`, if it is a person's full name."""
        span = self.doc[lo:hi]
        name = clean_name(span.text)
        e = self.gaz.lookup(name)
        if " " not in name or self.in_quote(span.start_char):
            return None
        if not (
            any(t.ent_type_ == "PERSON" for t in span)
            or (e is not None and e.person)
            or is_east_asian(name)
        ):
            return None
        return self.person(name, normalize_title(desc.text, self.roles), pos=span.start_char)

    def _document_source(self, head: Token) -> Speaker | None:
        """ "a White House statement", "a statement from U.S. Pacific Command", "the
        ministry's statement": a document speaks for whoever issued it; "North Korea sent a
        letter that said": whoever sent it; "The order said" after "Mr. Trump's
        proclamation": the issuer of the nearest document named before; "The statement
        said" right after "..., Ri said": whoever spoke just before."""
        found = self._issuer(head) or self._earlier_issuer(head)
        if found is None:
            return self._just_spoke(head) or self._last_document_source
        self._last_document_source = found
        return found

    def _just_spoke(self, head: Token) -> Speaker | None:
        """The speaker last resolved in this sentence or the one before, when a definite
        document ("the statement", "this statement") names no issuer: what it said is the
        words of whoever the text has just quoted."""
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children):
            return None
        here = self.sent_index(head.idx)
        before = [m for m in self.spoken if m.pos < head.idx and m.sent >= here - 1]
        if not before:
            return None
        return self.people.get(max(before, key=lambda m: m.pos).key)

    def _earlier_issuer(self, head: Token) -> Speaker | None:
        """The issuer of the nearest document named, with its issuer, in the last few
        sentences before `head`, when `head` refers back ("the order", "this statement";
        not "reports")."""
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children):
            return None
        floor = self.sents[max(0, self.sent_index(head.idx) - _DOCUMENT_REACH)].start
        for t in reversed(self.doc[floor : head.i]):
            if t.pos_ == "NOUN" and t.lemma_.lower() in self.roles.document_words:
                found = self._issuer(t)
                if found is not None:
                    return found
        return None

    def _issuer(self, head: Token) -> Speaker | None:
        """Whoever the document noun's own phrase says issued it (its possessor, "from" or
        "by" object, the agent of its participle, or a name in front of it), or the subject of the verb that issued it
        ("sent a letter", `noun_cue_verbs`)."""
        from briefgen.nlp.syntax import noun_phrase, subject_of

        found: Speaker | None = None
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is not None and obj.lemma_.lower() not in self.roles.document_words:
                    found = self.resolve(noun_phrase(obj), obj, obj.idx)
            elif c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
                found = self.resolve(noun_phrase(c), c, c.idx)
            elif c.dep_ == "acl" and c.tag_ == "VBN":  # "a statement released by X"
                agent = next((a for a in c.children if a.dep_ == "agent"), None)
                obj = next((o for o in agent.children if o.dep_ == "pobj"), None) if agent else None
                if obj is not None:
                    found = self.resolve(noun_phrase(obj), obj, obj.idx)
            if found is not None:
                break
        if found is None:
            mods = [
                t
                for t in head.lefts
                if (t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE", "NORP"))
                and t.dep_ in ("compound", "amod", "nmod")
            ]
            if mods:
                lo = min(m.left_edge.i if m.dep_ == "compound" else m.i for m in mods)
                lo = min(lo, mods[0].i)
                span = self.doc[lo : mods[-1].i + 1]
                found = self.resolve(span, span[-1], span[-1].idx)
        if found is None:
            v = _issuing_verb(head, self.lex.verbs)
            subj = subject_of(v) if v is not None else None
            if subj is not None and subj.i != head.i and subj.pos_ != "PRON":
                found = self.resolve(noun_phrase(subj), subj, subj.idx)
        return found

    def _publication(self, phrase: Span, head: Token) -> Speaker | None:
        """ "the article said", "the editorial warned", "a commentary in Rodong Sinmun":
        the publication the phrase or, failing that, the text before it names.  A piece
        "by" people is its authors' ("an op-ed piece by Mattis and Tillerson"); a paper
        its phrase gives an owner but no name is that owner's (_owned_paper)."""
        from briefgen.nlp.syntax import noun_phrase

        for c in head.children:
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if c.dep_ == "prep" and c.lower_ == "by" and obj is not None and _people(obj):
                return self.resolve(noun_phrase(obj), obj, obj.idx)
        for t in head.subtree:
            if t.i == head.i or t.pos_ != "PROPN":
                continue
            e = self.gaz.lookup(ent_text(t) if t.ent_type_ else t.text) or self.gaz.lookup(t.text)
            if e is not None and e.type == "publication":
                return self.from_gaz(e)
        if any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in head.children):
            return self._owned_paper(phrase, head)
        wants_agency = head.lower_ in ("agency", "dispatch", "bulletin")
        pubs = [(p, k) for p, k in self.publications if p < head.idx]
        home = country_of(phrase.text) if head.lower_ == "agency" else None
        if home is not None:  # "the North Korean news agency": that country's, not Yonhap
            pubs = [(p, k) for p, k in pubs if self.people[k].country == home]
            agency = self.gaz.state_agency(home)
            if not pubs and agency is not None:
                return self.from_gaz(agency)
        for prefer in (True, False):
            for _p, key in reversed(pubs):
                sp = self.people[key]
                wire = sp.role is not None and "agency" in sp.role
                if not prefer or wire == wants_agency:
                    return sp
        if self.outlet is not None:
            e = self.gaz.lookup(self.outlet)
            if e is not None and e.type == "publication":
                return self.from_gaz(e)
        return None

    def _owned_paper(self, phrase: Span, head: Token) -> Speaker:
        """ "the Chinese Communist Party's flagship paper": the publication of its owner's
        country named last before it ("the People's Daily"), or soon after it ("North
        Korea's state-controlled newspaper accused ...", then "Rodong Sinmun said" three
        paragraphs on), else the paper as described,
        a state's paper when the owner is its government or party; never a paper of
        another country the text named before ("The Washington Post")."""
        text = clean_name(phrase.text)
        country = self.employer_country(text) or country_of(text)
        if country is not None:
            before = [k for p, k in reversed(self.publications) if p < head.idx]
            soon = [k for p, k in self.publications if 0 < p - head.idx <= _NAMED_SOON]
            for key in (*before, *soon):
                if self.people[key].country == country:
                    return self.people[key]
        sp = self.describe(text, head.lower_, country, head.idx)
        if country is not None and sp.kind == "government":
            sp.kind = "state-media"
        return sp


# How far after an owner's paper ("China's Communist Party newspaper") the text may name
# it, in characters: the next few paragraphs.
_NAMED_SOON = 800


def _people(t: Token) -> bool:
    """A person's name, or names joined to one ("Mattis and Rex Tillerson", where the
    tagger took the family name alone for a place)."""
    return t.ent_type_ == "PERSON" or (
        t.pos_ == "PROPN" and any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in t.children)
    )


def _issuing_verb(head: Token, verbs: ReportingVerbs) -> Token | None:
    """The verb whose subject issued the document `head`: one that issues it ("sent a
    letter", `noun_cue_verbs`) or a reporting verb it is the frame of ("the ministry said
    in a statement": the ministry's statement, which "the statement said" then means)."""
    v = head.head
    if head.dep_ == "dobj" and v.lemma_.lower() in verbs.noun_cue_verbs:
        return v
    framed = head.dep_ == "pobj" and v.lower_ == "in" and v.dep_ == "prep"
    if framed and v.head.lemma_.lower() in verbs.indirect and v.head.pos_ == "VERB":
        return v.head
    return None
