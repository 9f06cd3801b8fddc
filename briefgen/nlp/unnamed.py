"""Unnamed speakers: a description ("a senior official", "the ministry", "the firm",
"the two leaders", "an official who accompanied Pompeo") to the body it names, the
named actor it points to, or an unnamed speaker of the country it gives.

Split from speakers.py (500-line limit), which resolves a speaker phrase and calls
`_resolve_described` when the phrase names nobody; these methods resolve the names
inside a description through `_resolve_named` and `_joint`, which speakers.py defines.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefgen.nlp.descriptions import role_fits
from briefgen.nlp.names import Speaker, clean_name, ent_text, is_name_word, name_at
from briefgen.nlp.sources import DEFINITE, ArticleSources
from briefgen.nlp.syntax import is_age_alone
from briefgen.nlp.titles import allegiance_country, infer_kind

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# Entity types that are never a speaker: things, events, places that are no country.
_NOT_SPEAKERS = frozenset(
    {"EVENT", "FAC", "PRODUCT", "LAW", "WORK_OF_ART", "DATE", "TIME", "MONEY", "QUANTITY",
     "PERCENT", "CARDINAL", "ORDINAL", "LOC", "LANGUAGE"}
)  # fmt: skip
# Nouns of people by their ending ("a security guard", "a campaigner", "the economist").
_AGENT = re.compile(r"(?:[^aeiou]er|or|ist|ian|ee|eer|man|woman|men|people|ard|ive|goer)s?$")
# Entity types of the words that place an office in a country ("the U.S. president").
_PLACES = frozenset({"GPE", "NORP"})
# Verbs of an official "who accompanied X", "travelling with X": X's official, not X.
_ACCOMPANY = frozenset({"accompany", "travel", "join", "escort", "brief"})
# Sentences back (besides its own) in which "the company" finds the organisation it means.
_FIRM_REACH = 2
# Sentences back (besides its own) in which "the combative president" finds whom it means.
_REFER_BACK = 2
# Sentences back in which "the leaders" finds the people the text named together; a group
# the phrase counts ("the two leaders", "the pair") is one the story keeps speaking of, so
# it looks further back for a pair of exactly that size.
_GROUP_REACH = 3
_COUNTED_GROUP_REACH = 8


class ArticleUnnamed(ArticleSources):
    """The resolution of speaker phrases that name nobody: descriptions."""

    def _resolve_named(self, phrase: Span, head: Token) -> Speaker | None:
        """A person, body or publication the phrase names (speakers.ArticleActors)."""
        raise NotImplementedError

    def _joint(self, head: Token, pos: int) -> Speaker | None:
        """One speaker of several the phrase joins (speakers.ArticleActors)."""
        raise NotImplementedError

    def _resolve_described(self, phrase: Span, head: Token, pos: int) -> Speaker | None:
        """An unnamed speaker: a known body inside the description, the named actor it
        points to, or the description itself when its head is a role or a speaker noun."""
        text = _sentence_case_off(phrase, clean_name(phrase.text))
        low = head.lower_
        if is_age_alone(head):
            return self._aged_back(pos)
        if head.ent_type_ in _NOT_SPEAKERS:
            return None
        if head.i in self.named_later:  # "An adviser to Hillary Clinton", named next
            return self.people[self.named_later[head.i]]
        together = self._counterparts(phrase, head, pos)
        if together is not None:
            return together
        if self._speaker_noun(head):
            beside = self.named_beside(phrase)
            if beside is not None:
                return beside
        inside = self._body_inside(phrase, head) if low in self.roles.body_heads else None
        if inside is not None:
            return inside
        if head.tag_ != "NNS":
            words = {t.lower_ for t in phrase if t.is_alpha and t.i <= head.i}
            named = self.described_as(low, words, pos)
            if named is not None:
                return named  # "her husband says" after "her husband, Bryan Sanders"
        if low in self.roles.firm_nouns:
            firm = self._earlier_firm(phrase, head)
            if firm is not None:
                return firm  # "The firm said" after "Taia Global, a cybersecurity consultant"
        companion = self._accompanied(head)
        if companion is not None:
            return self.describe(self._full_possessor(phrase, text), low, companion, pos)
        boss = self.served(head)
        if boss is not None:  # "an adviser to Hillary Clinton": of her country, not her
            from briefgen.nlp.syntax import noun_phrase

            sp = self._resolve_named(noun_phrase(boss), boss)
            if sp is not None and sp.person and sp.country is not None:
                return self.describe(self._full_possessor(phrase, text), low, sp.country, pos)
        last = self.official_spoke_last(phrase, head, pos)
        if last is not None:
            return last  # "the Blue House spokesman said ... the official said"
        country = (
            allegiance_country(text)  # "North Korea experts" know it, serve no country
            or self.employer_country(text)
            or self._modifier_country(phrase, head)
            or self._earlier_country(text, head, pos)
            or self.roles.politics_country(text)  # "a senior Democratic Senate aide"
        )
        if country is None and low in self.roles.body_nouns:
            body = self.earlier_body(head, pos)
            if body is not None:
                return body  # "the ministry said" after "South Korea's Unification Ministry"
        if (
            country is None
            and (low in self.roles.role_nouns or low in self.roles.body_nouns)
            and infer_kind(text, None, "other", self.roles) == "government"
            and not any(t.pos_ == "PROPN" for t in phrase)  # "a Trump administration"
            and not any(h == low and p < pos for p, _sp, h in self.descriptions)
        ):
            country = self._context_country(head.idx, _speaks_here(head))
        return self._pointed_to(phrase, head, text, country, pos)

    def _pointed_to(
        self, phrase: Span, head: Token, text: str, country: str | None, pos: int
    ) -> Speaker | None:
        """The named actor a description points to (by its role, by "the" and a noun
        just after a name, by an office's holder on the article's date), else the
        description itself when its head names people."""
        named = (
            self.match_description(text, country, pos)
            or self._referred_back(phrase, head, country, pos)
            or self._office_holder(phrase, head, country)
        )
        if named is not None:
            return named
        if self._speaker_noun(head):
            return self.describe(self._full_possessor(phrase, text), head.lower_, country, pos)
        return None

    def _body_inside(self, phrase: Span, head: Token) -> Speaker | None:
        """A known body or publication named inside a description headed by a body word
        ("the KCNA news agency", "the overseas edition of the People's Daily")."""
        for t in phrase:
            if t.pos_ == "PROPN" and t.i != head.i and t.ent_type_ != "PERSON":
                e = self.gaz.lookup(t.text) or (
                    self.gaz.lookup(ent_text(t)) if t.ent_type_ else None
                )
                if e is not None and not e.person:
                    return self.from_gaz(e)
        return None

    def _referred_back(
        self, phrase: Span, head: Token, country: str | None, pos: int
    ) -> Speaker | None:
        """ "The combative president has expressed ...", "the Dallas theater manager
        said": one person called by "the" and a noun (not a source kept unnamed, not a
        body) is the nearest named person just before, in this or the last
        _REFER_BACK sentences, of its country, whose role fits the noun, or, for a noun
        of no office ("the presumptive Republican nominee"), who was the subject of a
        clause and has spoken before."""
        low = head.lower_
        if (
            head.tag_ != "NN"
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
            or low in self.roles.anonymous_heads
            or low in self.roles.body_nouns
            or low in self.roles.body_heads
            or low in self.roles.firm_nouns
            or low in self.roles.kin_nouns
            or low in self.roles.collective_nouns
            or not self._speaker_noun(head)
            or any(t.ent_type_ == "PERSON" or t.dep_ == "poss" for t in phrase)
            or (country is None and any(t.ent_type_ == "NORP" for t in phrase))
        ):
            return None  # "the goal", "the Trump aide", "the Mexican president" (no country)
        kind = self.roles.kind_of(low)
        # an office must fit the person's role ("the Indiana governor" is not Trump); a
        # noun of no office means one who has been speaking, not of a body the phrase
        # names ("the head of Sony Pictures Television")
        office = kind is not None or low in self.roles.role_nouns
        spoke = {m.key for m in self.spoken if m.pos < pos}
        organised = any(t.ent_type_ == "ORG" for t in phrase)
        # "the New York businessman", not a bare "the announcer" (a new person, mostly)
        epithet = any(t.i < head.i and t.dep_ != "det" and not t.is_punct for t in phrase)
        gender = self.roles.gender_of(phrase.text)
        here = self.sent_index(pos)
        # an epithet may also mean the only person named in these sentences, spoken or
        # not: "Trump spoke in Ohio. ... the former reality-TV star said"
        near = {m.key for m in self._candidates(pos) if here - m.sent <= _REFER_BACK and m.person}
        seen: set[str] = set()
        for m in self._nearest_mentions(pos):
            if m.pos >= pos or here - m.sent > _REFER_BACK:
                break
            sp = self.people.get(m.key)
            if sp is None or m.key in seen or not sp.named or not m.person:
                continue
            seen.add(m.key)
            if (
                country
                and sp.country not in (None, country)
                or gender
                and sp.gender not in (None, gender)
            ):
                continue
            if role_fits({low}, (sp.role or "").lower()):
                return sp
            if office and m.subject and kind not in (None, "government") and kind == sp.kind:
                return sp  # "the analyst" after a named expert
            if (
                not (office or organised)
                and epithet
                and m.subject
                and (m.key in spoke or near == {m.key})
            ):
                return sp
        return None

    def _aged_back(self, pos: int) -> Speaker | None:
        """ "David Matthews said he was glad ... 'It was such a paradox,' the 58-year-old
        said": a person called by their age alone is the named person who was the subject
        of a clause just before (this or the last _REFER_BACK sentences)."""
        here = self.sent_index(pos)
        for m in sorted(self._candidates(pos), key=lambda m: -m.pos):
            if here - m.sent > _REFER_BACK:
                break
            sp = self.people.get(m.key)
            if sp is not None and sp.named and sp.person and not sp.plural and m.subject:
                return sp
        return None

    def _office_holder(self, phrase: Span, head: Token, country: str | None) -> Speaker | None:
        """ "the president", "the North Korean leader", "South Korea's president" of a
        country, in an article that names no holder: the one the knowledge has for the
        article's date (not "the former president", "the vice president")."""
        if head.tag_ != "NN":
            return None
        placed = [t for t in phrase if t.ent_type_ in _PLACES]
        # the phrase's own country, else the outlet's: not one an earlier phrase gave
        # ("the president" after "the president of South Korea" may be the paper's own)
        country = (country if placed else None) or (None if placed else self.home_country())
        if country is None:
            return None
        words = [
            t.lower_
            for t in phrase
            if not (t.is_punct or t.lower_ in ("the", "'s", "’s") or t.ent_type_ in _PLACES)
        ]
        e = self.gaz.holder(" ".join(words), country, self.day)
        return self.from_gaz(e) if e is not None else None

    def _full_possessor(self, phrase: Span, text: str) -> str:
        """ "Mr Moon's office said" after "Moon Jae-in": the office, aide or campaign of a
        person the description calls by a title and family name goes by the full name
        the text gave them, so one person's bodies are one actor whatever form of the
        name each sentence uses.  A bare family name ("Kim's regime") is left as it is:
        without a title it may be anyone of that name."""
        courtesy = self.roles.male_words | self.roles.female_words  # Mr, Mrs, Ms
        for t in phrase:
            if t.dep_ != "poss" or t.pos_ != "PROPN" or not _capitalised(t):
                continue
            lead = [w for w in self.doc[t.left_edge.i : t.i] if not w.is_punct]
            if not lead or not all(
                w.text.rstrip(".") in courtesy or w.lower_ in self.roles.title_words for w in lead
            ):
                continue  # "Donald Trump's", "Kim's": no title and a lone name
            key = self.nearest_full(t.text, t.idx)
            full = self.people[key].name if key is not None and key in self.people else None
            written = self.doc[lead[0].i : t.i + 1].text
            if full and " " in full and written in text:
                text = text.replace(written, full, 1)
        return text

    def _group(self, head: Token) -> Speaker | None:
        from briefgen.nlp.syntax import noun_phrase

        sp = self._counterparts(noun_phrase(head), head, head.idx)
        if sp is not None:
            self.people.setdefault(sp.key, sp)
        return sp

    def _counterparts(self, phrase: Span, head: Token, pos: int) -> Speaker | None:
        """ "Trump and Moon agreed ... the leaders said", "Obama met Park and Abe ... the
        three leaders warned", "The three men issued a statement ... the trio said": people
        spoken of together are those the text named together just before (one joint
        speaker), as many as the phrase counts; none when the phrase says whose ("the
        leaders of both Koreas") or names no group ("leaders from 20 countries")."""
        from briefgen.nlp.joint import conjuncts, joint_speaker

        low = head.lower_
        if low not in self.roles.counterpart_nouns or self.in_quote(head.idx):
            return None
        sizes = self.roles.group_sizes
        size = next((int(sizes[t.lower_]) for t in phrase if t.lower_ in sizes), None)
        whose = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
        if whose and not any(c.dep_ in ("relcl", "acl") for c in head.children):
            return self._leaders_of(whose[0], size)
        if any(c.dep_ in ("prep", "relcl", "acl") for c in head.children):
            return None
        if size is None and not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        spoken = self._spoken_group(pos, size)
        if spoken is not None:
            return spoken
        cur = self.sent_index(pos)
        reach = _GROUP_REACH if size is None else _COUNTED_GROUP_REACH
        floor = self.sents[max(0, cur - reach)].start
        for t in reversed(self.doc[floor : phrase.start]):
            if t.pos_ != "PROPN" or t.dep_ == "conj" or self.in_quote(t.idx):
                continue
            others = conjuncts(t)
            if not others or (size is not None and len(others) + 1 != size):
                continue
            sp = self._joint(t, t.idx)
            if sp is not None and sp.person and sp.named:
                return sp
        if size is None:
            return None
        word = {"leaders": "leader", "presidents": "president", "ministers": "minister"}.get(low)
        first: dict[str, int] = {}  # the nearest people who fit, where each was first named
        for m in sorted(self._candidates(phrase.start_char), key=lambda m: -m.pos):
            if m.sent < cur - 1 or (len(first) == size and m.key not in first):
                break
            sp = self.people.get(m.key)
            if sp is None or not (sp.person and sp.named) or sp.plural:
                continue
            if word is not None and not role_fits({word}, (sp.role or "").lower()):
                continue
            first[m.key] = m.pos
        if len(first) != size:
            return None
        keys = sorted(first, key=first.__getitem__)
        return joint_speaker([(self.people[k], self.people[k].name) for k in keys])

    def _leaders_of(self, of: Token, size: int | None) -> Speaker | None:
        """ "The leaders of North and South Korea agreed": the people who led the
        countries named on the article's date, one joint speaker (none when a country's
        leader is not known for certain, or the count disagrees)."""
        from briefgen.knowledge.countries import countries_together
        from briefgen.nlp.joint import joint_speaker

        codes = countries_together(self.doc[of.i + 1 : of.right_edge.i + 1].text)
        if not codes or (size is not None and size != len(codes)) or self.day is None:
            return None
        parts: list[Speaker] = []
        for code in codes:
            held = {
                e.name: e
                for o in self.roles.head_offices
                if (e := self.gaz.holder(o, code, self.day))
            }
            if len(held) != 1:
                return None
            parts.append(self.from_gaz(next(iter(held.values()))))
        return joint_speaker([(sp, sp.name) for sp in parts])

    def _spoken_group(self, pos: int, size: int | None) -> Speaker | None:
        """ "The leaders of North and South Korea agreed ... the two leaders said": a
        joint speaker of people who spoke in the last few sentences, of the size the
        phrase counts."""
        cur = self.sent_index(pos)
        for m in sorted(self._candidates(pos), key=lambda m: -m.pos):
            if m.sent < cur - _COUNTED_GROUP_REACH:
                break
            sp = self.people.get(m.key)
            if sp is None or not (sp.joint and sp.person and sp.named):
                continue
            if size is None or sp.name.count(" and ") + sp.name.count(", ") + 1 == size:
                return sp
        return None

    def _context_country(self, pos: int, subject: bool) -> str | None:
        """ "The White House has not threatened a veto, and a spokesman told reporters":
        an official or office the text does not place serves the state whose government
        or body is the subject of this or the previous sentence.  Not one the body's
        sentences speak of ("the statement said, referring to the president's comments"):
        only an official who speaks in his sentence ("a spokesman told reporters")."""
        if not subject:
            return None
        cur = self.sent_index(pos)
        for m in sorted(self._candidates(pos), key=lambda m: -m.pos):
            if m.sent < cur - 1:
                break
            sp = self.people.get(m.key)
            if m.subject and sp is not None and not sp.person and sp.kind == "government":
                return sp.country
        return None

    def _speaker_noun(self, head: Token) -> bool:
        """Does the noun name people or a body ("officials", "a security guard")? Things,
        events and documents ("the launch", "new data", "the vacancies") do not speak."""
        low = head.lower_
        if low in self.roles.role_nouns or low in self.roles.speaker_nouns:
            return True
        if head.pos_ != "NOUN" or low in self.roles.not_people:
            return False
        return bool(_AGENT.search(low))

    def _earlier_firm(self, phrase: Span, head: Token) -> Speaker | None:
        """ "the company", "the firm": the organisation last named before it, a few
        sentences back at most (not a publication, which reports rather than speaks)."""
        from briefgen.nlp.syntax import noun_phrase

        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children):
            return None
        if any(t.ent_type_ in ("ORG", "PERSON") for t in phrase):
            return None  # "the Sony company": the name is in the phrase
        floor = self.sents[max(0, self.sent_index(head.idx) - _FIRM_REACH)].start
        for ent in reversed([e for e in self.doc.ents if floor <= e.start < phrase.start]):
            firm_appos = any(
                c.dep_ == "appos" and c.lower_ in self.roles.firm_nouns for c in ent.root.children
            )  # "Dyn, a company in Manchester": a name the tagger took for a person's
            if ent.label_ != "ORG" and not firm_appos or self.in_quote(ent.start_char):
                continue
            e = self.gaz.lookup(ent.text)
            if e is not None and (e.outlet is not None or e.person):
                continue
            if firm_appos and ent.label_ != "ORG":
                return Speaker(name=clean_name(ent.text), person=False)
            sp = self._resolve_named(noun_phrase(ent.root), ent.root)
            if sp is None:  # "the Committee to Protect Journalists": words of roles
                return Speaker(name=re.sub(r"^(?i:the)\s+", "", clean_name(ent.text)), person=False)
            if not sp.person and sp.kind != "government":
                return sp
        return None

    def _accompanied(self, head: Token) -> str | None:
        """The country of X in "an official who accompanied X" / "travelling with X"."""
        for c in head.children:
            if c.dep_ not in ("relcl", "acl") or c.lemma_.lower() not in _ACCOMPANY:
                continue
            objs = [o for o in c.children if o.dep_ == "dobj"]
            objs += [
                o for p in c.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
            ]
            from briefgen.nlp.syntax import noun_phrase

            for o in objs:
                name = name_at(o, self.roles)
                if name is not None:
                    return self.person(name, pos=o.idx).country
                sp = self._resolve_named(noun_phrase(o), o)  # "Pompeo" tagged ORG, "Seoul"
                if sp is not None and sp.country is not None:
                    return sp.country
        return None


def _sentence_case_off(phrase: Span, text: str) -> str:
    """ "Other experts say ...": a description is named in lower case, whatever capital
    the start of a sentence gave its first word ("other experts"); a name, a nationality
    or an acronym keeps it ("Russian officials", "UN envoys")."""
    first = phrase[0]
    if (
        first.is_sent_start
        and first.pos_ not in ("PROPN", "X")
        and not first.ent_type_
        and first.text[1:].islower()
        and text.startswith(first.text)
    ):
        return first.text.lower() + text[len(first.text) :]
    return text


def _speaks_here(head: Token) -> bool:
    """Whether the noun stands where a speaker does: a subject, "according to an official",
    "quoted an official as saying", not a possessor or object the sentence speaks of."""
    if head.dep_ in ("nsubj", "nsubjpass"):
        return True
    up = head.head
    if head.dep_ == "pobj" and up.lower_ in ("to", "by"):
        return up.lower_ == "by" or up.head.lower_ == "according"
    return head.dep_ == "dobj" and up.lemma_.lower() == "quote"


def _capitalised(tok: Token) -> bool:
    """A proper noun, or a capitalised word inside the sentence the tagger read as
    another part of speech (a family name as an adverb or noun)."""
    if tok.pos_ == "PROPN":
        return True
    return (
        is_name_word(tok.text)
        and not tok.is_sent_start
        and tok.pos_ in ("NOUN", "ADV", "ADJ", "VERB", "X")
    )
